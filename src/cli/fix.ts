/**
 * `annex9 fix FICHIER.xlsx --out COPIE.xlsx`: a reviewed copy (marks, notes, filled codes, and the
 * summary sheet on request), written atomically; the input is never modified.
 */
import { promises as fs, writeSync } from 'fs';
import * as path from 'path';
import { applyReview } from '../files/review';
import { namesSameFile } from '../files/sameFile';
import { addSummarySheet } from '../files/summary';
import { afterColon } from '../domain/words/render';
import { UnreadableFileError, loadWorkbookFile, writeWorkbookAtomically } from '../files/xlsx';
import { Args } from './args';
import { ConventionContext, ConventionInputError, conventionContext, summaryInputs } from './convention';
import { Io } from './io';
import { annexGrids, loadTemplate, notifiedAmounts } from './options';
import { checkWorkbook } from './report';
import { terminalLine } from './terminalText';
import { EXIT } from './usage';

export async function fixCommand(args: Args, io: Io): Promise<number> {
  const fr = args.lang === 'fr';
  const input = args.inputs[0];
  const out = args.out!;
  const template = args.template ? await loadTemplate(args.template) : undefined;
  const typed = notifiedAmounts(args.notified, template);
  let convention: ConventionContext | null;
  try {
    convention = await conventionContext(args.convention, typed, args.lang, template);
  } catch (e) {
    if (!(e instanceof ConventionInputError)) throw e;
    io.err(e.message);
    return EXIT.notChecked;
  }
  const { notified, notifiedTotal } = summaryInputs(convention, args.lang);
  // The same file by another path (a link, `..` after a link, another case on Windows or macOS)
  // is the same file: compared by the file system, never by spelling.
  const sameFileMessage = `La copie relue doit être un autre fichier que l’original\u00a0: ${out} désigne le même fichier que ${input} (même fichier par un autre chemin ou une autre casse). Choisissez un autre nom avec --out.`;
  if (path.resolve(out) === path.resolve(input) || (await namesSameFile(input, out))) {
    io.err(terminalLine(sameFileMessage));
    return EXIT.notChecked;
  }
  const exists = await fs.lstat(out).then(() => true, () => false);
  if (exists && !args.force) {
    io.err(terminalLine(fr ? `${out} existe déjà\u00a0: ajoutez --force pour le remplacer.` : `${out} already exists: add --force to replace it.`));
    return EXIT.notChecked;
  }
  let workbook;
  try {
    workbook = await loadWorkbookFile(input);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    io.err(terminalLine(e.message));
    return EXIT.notChecked;
  }
  // The copy keeps the input's permissions: a 0600 original does not become readable by others.
  const inputMode = (await fs.stat(input)).mode & 0o777;
  const grids = annexGrids(workbook, args.sheet, args.lang);
  const result = 'error' in grids ? { sheets: [], error: grids.error } : checkWorkbook(grids.grids, { sheet: args.sheet, lang: args.lang, template });
  if (result.error) {
    io.err(`${terminalLine(input)}${args.lang === 'fr' ? '\u00a0: ' : ': '}${terminalLine(afterColon(result.error, args.lang))}`);
    return EXIT.notChecked;
  }
  const generatedAt = new Date();
  let findings = 0;
  for (const report of result.sheets) {
    const ws = workbook.getWorksheet(report.sheet)!;
    const done = applyReview(ws, report, args.lang);
    findings += report.findings.length;
    const sheet = terminalLine(report.sheet);
    io.out(
      fr
        ? `Feuille «\u00a0${sheet}\u00a0»\u00a0: ${done.marked} cellule(s) surlignée(s), ${done.filled} imputation(s) complétée(s).`
        : `Sheet "${sheet}": ${done.marked} cell(s) marked, ${done.filled} code(s) filled.`,
    );
    if (args.summary) {
      const written = addSummarySheet(workbook, report, { lang: args.lang, workbook: path.basename(input), generatedAt, notified, notifiedTotal, template });
      for (const kept of written.kept) {
        io.out(
          fr
            ? `La feuille «\u00a0${terminalLine(kept)}\u00a0» porte la marque d’une synthèse mais son contenu n’est pas celui que le contrôle a écrit\u00a0: elle est gardée telle quelle.`
            : `Sheet "${terminalLine(kept)}" carries the summary marker but its content is not what the check wrote: it is kept as it is.`,
        );
      }
      io.out(
        fr
          ? `Synthèse de «\u00a0${sheet}\u00a0» ${written.replaced ? 'remplacée' : 'écrite'} dans la feuille «\u00a0${terminalLine(written.sheet)}\u00a0».`
          : `Summary of "${sheet}" ${written.replaced ? 'replaced' : 'written'} in sheet "${terminalLine(written.sheet)}".`,
      );
    }
  }
  const SAME_FILE = 'ESAMEFILE';
  try {
    await writeWorkbookAtomically(workbook, out, {
      mode: inputMode,
      // The copy may have appeared meanwhile: checked again just before the rename.
      beforeRename: async () => {
        if (await namesSameFile(input, out)) throw Object.assign(new Error(sameFileMessage), { code: SAME_FILE });
      },
      onInterrupt: () => {
        writeSync(2, fr ? `\nInterrompu\u00a0: la copie relue n’a pas été écrite, le fichier temporaire est supprimé.\n` : '\nInterrupted: the reviewed copy was not written, the temporary file is removed.\n');
      },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === SAME_FILE) {
      io.err(terminalLine(sameFileMessage));
      return EXIT.notChecked;
    }
    const why =
      err.code === 'ENOENT' ? "le dossier n’existe pas" : err.code === 'EACCES' || err.code === 'EPERM' ? 'écriture non autorisée' : err.code === 'ENOSPC' ? 'disque plein' : `erreur ${err.code ?? 'inattendue'}`;
    io.err(
      terminalLine(
        fr
          ? `Impossible d’écrire la copie relue ${out}\u00a0: ${why}. Aucun fichier partiel n’a été laissé.`
          : `Could not write the reviewed copy ${out}: ${err.code ?? err.message}. No partial file was left.`,
      ),
    );
    return EXIT.notChecked;
  }
  io.out(terminalLine(fr ? `Copie relue écrite\u00a0: ${out}` : `Reviewed copy written: ${out}`));
  return findings > 0 ? EXIT.findings : EXIT.clean;
}
