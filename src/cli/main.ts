/**
 * `annex9`: check annex 9 workbooks from the command line (reviewers receive them by email), or
 * write a reviewed copy. Exit status: 0 no finding, 1 findings, 2 an input could not be checked.
 */
import { promises as fs, writeSync } from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { WorkbookGrid } from '../domain/grid';
import { NotifiedAmount, isSummaryGrid, parseNotified, summaryIsNotAnnexMessage } from '../domain/summary';
import { AnnexTemplate } from '../domain/template';
import { readTemplateFile } from './templateFile';
import { Lang } from '../domain/messages';
import { UnreadableFileError, loadWorkbookFile, workbookToGrid, writeWorkbookAtomically } from '../files/xlsx';
import { applyReview } from '../files/review';
import { namesSameFile } from '../files/sameFile';
import { addSummarySheet } from '../files/summary';
import { JsonSheetReport, checkWorkbook, toJson, toText } from './report';
import { ConventionContext, ConventionInputError, checkAgainstConvention, conventionCommand, conventionContext, summaryInputs } from './convention';
import { compareCommand } from './compare';
import { terminalJson, terminalLine, terminalText } from './terminalText';

const USAGE = {
  fr: `Contrôle de l'annexe 9 CALPAE (tableau financier récapitulatif).

Utilisation :
  annex9 check FICHIER.xlsx|DOSSIER… [--sheet NOM] [--json] [--lang fr|en]
             [--convention CONVENTION.pdf|.docx|.txt] [--notified CODE=MONTANT]…
      Contrôle chaque classeur (ou chaque .xlsx d'un dossier) et affiche les anomalies.
      --convention : compare aussi l'annexe avec sa convention (soutien de l'État à l'article 2,
      montants par code activité à l'article 3.1, budgets des fiches action), chaque écart avec
      la phrase citée ; --notified remplace le montant de la convention pour le code qu'il nomme.
  annex9 convention CONVENTION.pdf|.docx|.txt [--json] [--lang fr|en]
      Affiche ce qui a été lu dans la convention, chaque montant avec sa page et sa phrase.
  annex9 fix FICHIER.xlsx --out COPIE.xlsx [--sheet NOM] [--force] [--lang fr|en]
             [--summary] [--notified CODE=MONTANT]… [--convention CONVENTION.pdf]
      Écrit une copie relue : anomalies surlignées avec une note, imputations Chorus
      manquantes complétées (cellules vides seulement). Le fichier d'origine n'est jamais modifié.
      --summary : ajoute la feuille « Synthèse annexe 9 » (par mesure, par initiative, par
      imputation Chorus, rapprochement avec les totaux imprimés) ; une synthèse déjà produite
      par le contrôle est remplacée, une feuille à vous du même nom n'est jamais touchée.
      --notified 03=110000 : montant notifié par l'État pour un code Chorus (article 3.1 de la
      convention), comparé à la colonne A dans la synthèse (implique --summary) ; répétez
      l'option pour chaque code (« --notified "0304 50 19 19 07=6067058" » marche aussi).
      --convention : les montants notifiés et le total de l'article 2 sont lus dans la convention
      (implique --summary) ; --notified l'emporte pour les codes qu'il nomme.

Option commune : --template MODELE.json décrit un autre modèle d'annexe (libellés des colonnes,
des lignes de total, codes Chorus) ; par défaut, l'annexe 9 CALPAE.

Code de sortie : 0 aucune anomalie, 1 anomalies trouvées, 2 fichier impossible à contrôler.`,
  en: `CALPAE annex 9 check (financial summary table).

Usage:
  annex9 check FILE.xlsx|FOLDER… [--sheet NAME] [--json] [--lang fr|en]
             [--convention CONVENTION.pdf|.docx|.txt] [--notified CODE=AMOUNT]…
      --convention also compares the annex with its convention (article 2, article 3.1, the
      fiches' budgets), each gap with the sentence quoted; --notified wins for its code.
  annex9 convention CONVENTION.pdf|.docx|.txt [--json] [--lang fr|en]
      Prints what was read in the convention, each amount with its page and sentence.
  annex9 fix FILE.xlsx --out COPY.xlsx [--sheet NAME] [--force] [--lang fr|en]
             [--summary] [--notified CODE=AMOUNT]… [--convention CONVENTION.pdf]
      Writes a reviewed copy: findings marked, missing Chorus codes filled. --summary adds an
      "Annex 9 summary" sheet; --notified 03=110000 (implies --summary) gives the State's
      notified amount for a code (convention article 3.1), compared with column A; repeat it.

Exit status: 0 no finding, 1 findings, 2 a file could not be checked.`,
};

interface Args {
  command: 'check' | 'fix' | 'convention' | 'help';
  /** --convention: the convention the annex is compared with. */
  convention?: string;
  /** --summary given as such (--notified and --convention imply it for fix only). */
  summaryAsked?: boolean;
  inputs: string[];
  sheet?: string;
  json: boolean;
  lang: Lang;
  out?: string;
  force: boolean;
  /** A template description (JSON) for another annex model; the CALPAE annex 9 by default. */
  template?: string;
  /** `fix`: the State's notified amounts, `CODE=AMOUNT` as typed. */
  notified: string[];
  /** `fix`: add the summary sheet (--summary, or implied by --notified). */
  summary: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: 'help', inputs: [], json: false, lang: 'fr', force: false, notified: [], summary: false };
  const rest = [...argv];
  const first = rest.shift();
  if (!first || first === '--help' || first === '-h' || first === 'help') return args;
  if (first !== 'check' && first !== 'fix' && first !== 'convention') throw new UsageError(`Commande inconnue « ${first} » : utilisez « check », « fix » ou « convention ».`);
  args.command = first;
  while (rest.length) {
    const a = rest.shift()!;
    const value = (name: string) => {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new UsageError(`L'option ${name} attend une valeur.`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--force') args.force = true;
    else if (a === '--sheet') args.sheet = value('--sheet');
    else if (a === '--out' || a === '-o') args.out = value('--out');
    else if (a === '--template') args.template = value('--template');
    else if (a === '--summary') args.summary = args.summaryAsked = true;
    else if (a === '--convention') {
      args.convention = value('--convention');
      args.summary = true;
    }
    else if (a === '--notified') {
      args.notified.push(value('--notified'));
      args.summary = true;
    }
    else if (a === '--lang') {
      const l = value('--lang');
      if (l !== 'fr' && l !== 'en') throw new UsageError(`Langue « ${l} » inconnue : fr ou en.`);
      args.lang = l;
    } else if (a === '--help' || a === '-h') args.command = 'help';
    else if (a.startsWith('--')) throw new UsageError(`Option inconnue « ${a} ».`);
    else args.inputs.push(a);
  }
  if (args.command !== 'help' && args.inputs.length === 0) throw new UsageError('Indiquez au moins un fichier .xlsx à contrôler.');
  if (args.command === 'check' && args.summaryAsked) {
    throw new UsageError("L'option --summary sert avec « fix », qui écrit la feuille de synthèse dans la copie relue.");
  }
  if (args.command === 'convention' && args.inputs.length !== 1) throw new UsageError('« convention » prend un seul fichier : la convention (PDF, .docx ou .txt).');
  return args;
}

/** Files to check: the files named, and the .xlsx files of the folders named (sorted). */
async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input); // reported as missing when read
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = (await fs.readdir(input)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort();
    files.push(...entries.map((n) => path.join(input, n)));
  }
  return files;
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** Read a template description given with --template; a clear French message when it is not one. */
async function loadTemplate(file: string): Promise<AnnexTemplate> {
  const read = await readTemplateFile(file);
  if (!read.ok) throw new UsageError(read.message);
  return read.template;
}

/**
 * The workbook's sheets for the engine, without our own summary sheets: their column headers read
 * like an annex's, but they are not one. Naming one with --sheet is an error.
 */
function annexGrids(workbook: ExcelJS.Workbook, args: Args): { grids: WorkbookGrid } | { error: string } {
  const all = workbookToGrid(workbook).sheets;
  const wanted = args.sheet?.trim().toLowerCase();
  const named = wanted !== undefined ? all.find((g) => g.name.trim().toLowerCase() === wanted) : undefined;
  if (named && isSummaryGrid(named)) return { error: summaryIsNotAnnexMessage(named.name, args.lang) };
  return { grids: { sheets: all.filter((g) => !isSummaryGrid(g)) } };
}

/** Parse the --notified options; a usage error names the one that is wrong. */
function notifiedAmounts(args: Args): NotifiedAmount[] {
  const out: NotifiedAmount[] = [];
  for (const arg of args.notified) {
    const parsed = parseNotified(arg, 'fr');
    if (!parsed.ok) throw new UsageError(`--notified ${parsed.error}`);
    if (out.some((n) => n.code === parsed.value.code)) throw new UsageError(`--notified : le code ${parsed.value.code} est donné deux fois.`);
    out.push(parsed.value);
  }
  return out;
}

async function check(args: Args, io: Io): Promise<number> {
  const template = args.template ? await loadTemplate(args.template) : undefined;
  const files = await expandInputs(args.inputs);
  if (files.length === 0) {
    io.err(args.lang === 'fr' ? 'Aucun fichier .xlsx trouvé dans les dossiers indiqués.' : 'No .xlsx file found in the folders given.');
    return 2;
  }
  let convention: ConventionContext | null;
  try {
    convention = await conventionContext(args.convention, notifiedAmounts(args), args.lang, template);
  } catch (e) {
    if (!(e instanceof ConventionInputError)) throw e;
    io.err(e.message);
    return 2;
  }
  let status = 0;
  const json: Array<JsonSheetReport | { file: string; error: string } | unknown> = [];
  // One file that cannot be checked is reported on its line, and the others are still checked.
  for (const file of files) {
    try {
      // Only the grids outlive this line: the ExcelJS workbook can be collected during the analysis.
      const grids = annexGrids(await loadWorkbookFile(file), args);
      const result = 'error' in grids ? { sheets: [], error: grids.error } : checkWorkbook(grids.grids, { sheet: args.sheet, lang: args.lang, template });
      if (result.error) {
        io.err(`${terminalLine(file)} : ${terminalLine(result.error)}`);
        json.push({ file, error: result.error });
        status = 2;
        continue;
      }
      for (const report of result.sheets) {
        const against = convention ? checkAgainstConvention(convention, report, args.lang, template) : null;
        if (report.findings.length > 0 || (against?.findings ?? 0) > 0) status = Math.max(status, 1);
        if (args.json) json.push(against ? against.json(toJson(file, report, args.lang)) : toJson(file, report, args.lang));
        else io.out(`${args.lang === 'fr' ? 'Fichier :' : 'File:'} ${terminalLine(file)}\n${toText(file, report, args.lang)}${against ? `\n\n${against.text}` : ''}\n`);
      }
    } catch (e) {
      const message = e instanceof UnreadableFileError ? e.message : `${file} : erreur inattendue (${(e as Error).message ?? String(e)}).`;
      io.err(terminalLine(message));
      json.push({ file, error: message });
      status = 2;
    }
  }
  if (args.json) io.out(terminalJson(JSON.stringify(json.length === 1 ? json[0] : json, null, 2)));
  return status;
}

async function fix(args: Args, io: Io): Promise<number> {
  const fr = args.lang === 'fr';
  if (args.inputs.length !== 1) throw new UsageError('« fix » prend un seul fichier.');
  if (!args.out) throw new UsageError('Indiquez le fichier de sortie avec --out COPIE.xlsx (le fichier d’origine n’est jamais modifié).');
  const input = args.inputs[0];
  const out = args.out;
  let convention: ConventionContext | null;
  try {
    convention = await conventionContext(args.convention, notifiedAmounts(args), args.lang);
  } catch (e) {
    if (!(e instanceof ConventionInputError)) throw e;
    io.err(e.message);
    return 2;
  }
  const { notified, notifiedTotal } = summaryInputs(convention, args.lang);
  // The same file by another path (a link, `..` after a link, another case on Windows or macOS)
  // is the same file: compared by the file system, never by spelling.
  const sameFileMessage = `La copie relue doit être un autre fichier que l’original : ${out} désigne le même fichier que ${input} (même fichier par un autre chemin ou une autre casse). Choisissez un autre nom avec --out.`;
  if (path.resolve(out) === path.resolve(input) || (await namesSameFile(input, out))) {
    io.err(terminalLine(sameFileMessage));
    return 2;
  }
  const exists = await fs.lstat(out).then(() => true, () => false);
  if (exists && !args.force) {
    io.err(terminalLine(fr ? `${out} existe déjà : ajoutez --force pour le remplacer.` : `${out} already exists: add --force to replace it.`));
    return 2;
  }
  let workbook;
  try {
    workbook = await loadWorkbookFile(input);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    io.err(terminalLine(e.message));
    return 2;
  }
  // The copy keeps the input's permissions: a 0600 original does not become readable by others.
  const inputMode = (await fs.stat(input)).mode & 0o777;
  const template = args.template ? await loadTemplate(args.template) : undefined;
  const grids = annexGrids(workbook, args);
  const result = 'error' in grids ? { sheets: [], error: grids.error } : checkWorkbook(grids.grids, { sheet: args.sheet, lang: args.lang, template });
  if (result.error) {
    io.err(`${terminalLine(input)} : ${terminalLine(result.error)}`);
    return 2;
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
        ? `Feuille « ${sheet} » : ${done.marked} cellule(s) surlignée(s), ${done.filled} imputation(s) complétée(s).`
        : `Sheet "${sheet}": ${done.marked} cell(s) marked, ${done.filled} code(s) filled.`,
    );
    if (args.summary) {
      const written = addSummarySheet(workbook, report, { lang: args.lang, workbook: path.basename(input), generatedAt, notified, notifiedTotal, template });
      for (const kept of written.kept) {
        io.out(
          fr
            ? `La feuille « ${terminalLine(kept)} » porte la marque d'une synthèse mais son contenu n'est pas celui que le contrôle a écrit : elle est gardée telle quelle.`
            : `Sheet "${terminalLine(kept)}" carries the summary marker but its content is not what the check wrote: it is kept as it is.`,
        );
      }
      io.out(
        fr
          ? `Synthèse de « ${sheet} » ${written.replaced ? 'remplacée' : 'écrite'} dans la feuille « ${terminalLine(written.sheet)} ».`
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
        writeSync(2, fr ? `\nInterrompu : la copie relue n'a pas été écrite, le fichier temporaire est supprimé.\n` : '\nInterrupted: the reviewed copy was not written, the temporary file is removed.\n');
      },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === SAME_FILE) {
      io.err(terminalLine(sameFileMessage));
      return 2;
    }
    const why =
      err.code === 'ENOENT' ? "le dossier n'existe pas" : err.code === 'EACCES' || err.code === 'EPERM' ? 'écriture non autorisée' : err.code === 'ENOSPC' ? 'disque plein' : err.message;
    io.err(
      terminalLine(
        fr
          ? `Impossible d'écrire la copie relue ${out} : ${why}. Aucun fichier partiel n'a été laissé.`
          : `Could not write the reviewed copy ${out}: ${err.code ?? err.message}. No partial file was left.`,
      ),
    );
    return 2;
  }
  io.out(terminalLine(fr ? `Copie relue écrite : ${out}` : `Reviewed copy written: ${out}`));
  return findings > 0 ? 1 : 0;
}

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  // Last net before the terminal: what a workbook's text still carries of controls goes here.
  const io: Io = { out: (s) => rawIo.out(terminalText(s)), err: (s) => rawIo.err(terminalText(s)) };
  try {
    if (argv[0] === 'compare') return await compareCommand(argv.slice(1), io);
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.out(USAGE[args.lang]);
      return 0;
    }
    if (args.command === 'convention') return await conventionCommand(args.inputs[0], { json: args.json, lang: args.lang }, io);
    return args.command === 'check' ? await check(args, io) : await fix(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE.fr}`);
      return 2;
    }
    io.err(`Erreur inattendue : ${(e as Error).stack ?? String(e)}`);
    return 2;
  }
}
