/**
 * `annex9 check FICHIER.xlsx|DOSSIER… [--out consolidation.xlsx]`: each workbook checked and
 * reported; for a folder, every file not checked named with why, a total line, a progress line on
 * a terminal, and on request one consolidation workbook for the reviewer of many annexes.
 */
import { promises as fs, writeSync } from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { afterColon } from '../domain/words/render';
import { AnnexTemplate } from '../domain/template';
import { consolidationWorkbook, isConsolidationWorkbook } from '../files/consolidation';
import { ConsolidationRow, consolidationRowsOf, notCheckedRow } from '../files/consolidationRows';
import { fileKind } from '../files/formats';
import { namesSameFile } from '../files/sameFile';
import { UnreadableFileError, loadWorkbookFile, writeWorkbookAtomically } from '../files/xlsx';
import { Args } from './args';
import { ConventionContext, ConventionInputError, checkAgainstConvention, conventionContext } from './convention';
import { InputEntry, listInputs } from './inputs';
import { Io } from './io';
import { annexGrids, loadTemplate, notifiedAmounts } from './options';
import { JsonSheetReport, checkWorkbook, toJson, toText } from './report';
import { terminalJson, terminalLine } from './terminalText';
import { EXIT } from './usage';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The first clause of a reason (« ancien format Excel (.xls), non pris en charge »), for the recap. */
export function firstClause(reason: string): string {
  let depth = 0;
  for (let i = 0; i < reason.length; i++) {
    const ch = reason[i];
    if (ch === '(' || ch === '«') depth++;
    else if ((ch === ')' || ch === '»') && depth > 0) depth--;
    else if (depth === 0 && (reason.startsWith('. ', i) || reason.startsWith('\u00a0: ', i) || reason.startsWith('\u202f; ', i))) return reason.slice(0, i);
  }
  return reason.replace(/\.$/, '');
}

/** A reason without the file name the loader puts in front of it. */
function withoutFile(message: string, file: string): string {
  const sep = [`\u00a0: `, ': '].find((x) => message.startsWith(`${file}${x}`));
  return sep ? message.slice(file.length + sep.length) : message;
}

interface NotChecked {
  file: string;
  reason: string;
}

/** Where the consolidation goes, checked before any annex is read: never over an input, never a surprise after a long run. */
async function outputProblem(out: string, entries: InputEntry[], force: boolean): Promise<string | null> {
  const dir = path.dirname(path.resolve(out));
  const dirStat = await fs.stat(dir).catch(() => null);
  if (!dirStat?.isDirectory()) return `Impossible d’écrire la consolidation ${out}\u00a0: le dossier ${path.dirname(out)} n’existe pas.`;
  for (const entry of entries) {
    if (entry.kind !== 'workbook' || !(await namesSameFile(entry.file, out))) continue;
    // Our own consolidation from an earlier run, in the folder checked: it is no input, it may be replaced.
    const ours = await loadWorkbookFile(entry.file).then(isConsolidationWorkbook, () => false);
    if (!ours) return `--out ${out} désigne un des classeurs contrôlés (${entry.file})\u00a0: choisissez un autre nom pour la consolidation.`;
  }
  if (!force && (await fs.lstat(out).then(() => true, () => false))) return `${out} existe déjà\u00a0: ajoutez --force pour le remplacer.`;
  return null;
}

/** The annex sheets of a workbook, and whether it is a consolidation of ours. */
function gridsOf(workbook: ExcelJS.Workbook, args: Args): { grids: ReturnType<typeof annexGrids>; ours: boolean } {
  return { grids: annexGrids(workbook, args.sheet, args.lang), ours: isConsolidationWorkbook(workbook) };
}

export async function checkCommand(args: Args, io: Io): Promise<number> {
  const fr = args.lang === 'fr';
  const template: AnnexTemplate | undefined = args.template ? await loadTemplate(args.template) : undefined;
  const typed = notifiedAmounts(args.notified, template);
  const { entries, folders } = await listInputs(args.inputs, { hasConvention: !!args.convention });
  const several = entries.length > 1 || folders > 0;
  const workbooks = entries.filter((e) => e.kind === 'workbook');
  const skipped: NotChecked[] = entries.flatMap((e) => (e.kind === 'skipped' ? [{ file: e.file, reason: e.why }] : []));

  if (workbooks.length === 0) {
    io.err(`Aucun classeur à contrôler dans ${args.inputs.map((i) => terminalLine(i)).join(', ')}.`);
    for (const s of skipped) io.err(`  ${terminalLine(s.file)} — ${terminalLine(s.reason)}`);
    return EXIT.notChecked;
  }
  if (args.out) {
    const problem = await outputProblem(args.out, entries, args.force);
    if (problem) {
      io.err(terminalLine(problem));
      return EXIT.notChecked;
    }
  }
  let convention: ConventionContext | null;
  try {
    convention = await conventionContext(args.convention, typed, args.lang, template);
  } catch (e) {
    if (!(e instanceof ConventionInputError)) throw e;
    io.err(e.message);
    return EXIT.notChecked;
  }

  let status: number = EXIT.clean;
  const json: Array<JsonSheetReport | { file: string; error: string } | unknown> = [];
  const notChecked: NotChecked[] = [];
  const rows: ConsolidationRow[] = [];
  let checkedFiles = 0;
  let checkedSheets = 0;
  let findings = 0;
  const showProgress = !args.json && workbooks.length > 1 ? io.progress : undefined;
  const failed = (file: string, message: string) => {
    io.err(terminalLine(message));
    json.push({ file, error: message });
    const reason = withoutFile(message, file);
    notChecked.push({ file, reason });
    rows.push(notCheckedRow(file, reason));
    status = EXIT.notChecked;
  };

  // One file that cannot be checked is reported on its line, and the others are still checked.
  let done = 0;
  for (const entry of workbooks) {
    const file = entry.file;
    showProgress?.(`Contrôle ${++done}/${workbooks.length}\u00a0: ${file}`);
    try {
      // Only the grids outlive this line: the ExcelJS workbook can be collected during the analysis.
      const { grids, ours } = gridsOf(await loadWorkbookFile(file), args);
      const result = 'error' in grids ? { sheets: [], error: grids.error } : checkWorkbook(grids.grids, { sheet: args.sheet, lang: args.lang, template });
      if (result.error) {
        if (!entry.named && ours) {
          skipped.push({ file, reason: 'classeur de consolidation écrit par annex9 check\u00a0: ignoré' });
          continue;
        }
        failed(file, `${file}${args.lang === 'fr' ? '\u00a0:' : ':'} ${afterColon(result.error, args.lang)}`);
        continue;
      }
      checkedFiles++;
      for (const report of result.sheets) {
        checkedSheets++;
        const against = convention ? checkAgainstConvention(convention, report, args.lang, template) : null;
        const count = report.findings.length + (against?.findings ?? 0);
        findings += count;
        if (count > 0) status = Math.max(status, EXIT.findings);
        if (args.json) json.push(against ? against.json(toJson(file, report, args.lang)) : toJson(file, report, args.lang));
        else io.out(`${fr ? 'Fichier\u00a0:' : 'File:'} ${terminalLine(file)}\n${toText(file, report, args.lang)}${against ? `\n\n${against.text}` : ''}\n`);
        if (args.out && 'grids' in grids) {
          const grid = grids.grids.sheets.find((g) => g.name === report.sheet)!;
          rows.push(...consolidationRowsOf(file, grid, report, { template, convention: against ? against.findings : null }));
        }
      }
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) {
        // A defect of ours on one file: said, and the other files are still checked.
        failed(file, `${file}\u00a0: erreur inattendue en lisant ce classeur (un défaut du programme, merci de le signaler). Détail technique\u00a0: ${(e as Error)?.message ?? String(e)}`);
        continue;
      }
      const kind = fileKind(file);
      const hint = entry.named && (kind === 'pdf' || kind === 'word') && !args.convention ? ` Pour comparer une annexe avec sa convention\u00a0: annex9 check ANNEXE.xlsx --convention ${file}` : '';
      failed(file, `${e.message}${hint}`);
    }
  }
  showProgress?.(null);
  if (args.json) io.out(terminalJson(JSON.stringify(json.length === 1 ? json[0] : json, null, 2)));

  if (several) {
    // The recap goes with the report; with --json, stdout is the JSON document only.
    const say = args.json ? io.err : io.out;
    const lines: string[] = args.json ? [] : [''];
    if (notChecked.length) {
      lines.push(fr ? `Non contrôlés (${notChecked.length})\u00a0:` : `Not checked (${notChecked.length}):`);
      for (const n of notChecked) lines.push(`  ${terminalLine(n.file)} — ${terminalLine(firstClause(n.reason))}`);
    }
    if (skipped.length) {
      lines.push(fr ? `Ignorés (${skipped.length})\u00a0:` : `Skipped (${skipped.length}):`);
      for (const s of skipped) lines.push(`  ${terminalLine(s.file)} — ${terminalLine(s.reason)}`);
    }
    lines.push(
      fr
        ? `Total\u00a0: ${plural(checkedFiles, 'fichier contrôlé', 'fichiers contrôlés')} (${plural(checkedSheets, 'feuille', 'feuilles')}), ${plural(findings, 'anomalie', 'anomalies')}\u202f; ` +
            `${plural(notChecked.length, 'fichier non contrôlé', 'fichiers non contrôlés')}\u202f; ${plural(skipped.length, 'fichier ignoré', 'fichiers ignorés')}.`
        : `Total: ${plural(checkedFiles, 'file checked', 'files checked')} (${plural(checkedSheets, 'sheet', 'sheets')}), ${plural(findings, 'finding', 'findings')}; ` +
            `${plural(notChecked.length, 'file not checked', 'files not checked')}; ${plural(skipped.length, 'file skipped', 'files skipped')}.`,
    );
    say(lines.join('\n'));
  }

  if (args.out) {
    const written = await writeConsolidation(args.out, rows, workbooks, template, io, fr);
    if (!written) return EXIT.notChecked;
    const said = fr
      ? `Consolidation écrite\u00a0: ${terminalLine(args.out)} (${plural(rows.length, 'ligne', 'lignes')}).`
      : `Consolidation written: ${terminalLine(args.out)} (${plural(rows.length, 'row', 'rows')}).`;
    if (args.json) io.err(said);
    else io.out(said);
  }
  return status;
}

async function writeConsolidation(out: string, rows: ConsolidationRow[], inputs: InputEntry[], template: AnnexTemplate | undefined, io: Io, fr: boolean): Promise<boolean> {
  // The consolidation holds the inputs' figures: it is no more readable by others than the least readable of them.
  let mode = 0o666;
  for (const input of inputs) {
    const stat = await fs.stat(input.file).catch(() => null);
    if (stat?.isFile()) mode &= stat.mode & 0o777;
  }
  const workbook = consolidationWorkbook(rows, { generatedAt: new Date(), template });
  const SAME_FILE = 'ESAMEFILE';
  try {
    await writeWorkbookAtomically(workbook, out, {
      mode,
      // An input may have been put in its place meanwhile: checked again just before the rename.
      beforeRename: async () => {
        for (const input of inputs) {
          if (await namesSameFile(input.file, out)) {
            const ours = await loadWorkbookFile(input.file).then(isConsolidationWorkbook, () => false);
            if (!ours) throw Object.assign(new Error(input.file), { code: SAME_FILE });
          }
        }
      },
      onInterrupt: () => {
        writeSync(2, fr ? '\nInterrompu\u00a0: la consolidation n’a pas été écrite, le fichier temporaire est supprimé.\n' : '\nInterrupted: the consolidation was not written, the temporary file is removed.\n');
      },
    });
    return true;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === SAME_FILE
        ? `il désigne un des classeurs contrôlés (${err.message})`
        : err.code === 'ENOENT'
          ? "le dossier n’existe pas"
          : err.code === 'EACCES' || err.code === 'EPERM'
            ? 'écriture non autorisée'
            : err.code === 'ENOSPC'
              ? 'disque plein'
              : `erreur ${err.code ?? 'inattendue'}`;
    io.err(terminalLine(`Impossible d’écrire la consolidation ${out}\u00a0: ${why}. Aucun fichier partiel n’a été laissé.`));
    return false;
  }
}
