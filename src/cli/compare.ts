/**
 * `annex9 compare ANCIENNE.xlsx NOUVELLE.xlsx`: two versions of an annex, or the plan and its
 * execution table, compared action by action. Exit status: 0 no difference, 1 differences,
 * 2 the tables could not be compared (reason on stderr, in French).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { analyzeSheet } from '../domain/analyze';
import { cellName } from '../domain/findings';
import { afterColon, problemText } from '../domain/words/render';
import { SheetGrid, getCell } from '../domain/grid';
import { Lang } from '../domain/messages';
import { isSummaryGrid, parseNotified } from '../domain/summary';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../domain/template';
import { ComparableTable } from '../domain/compare/comparable';
import { centsOf } from '../domain/compare/cents';
import { CompareMode, compareTables } from '../domain/compare/compare';
import { NotifiedCents } from '../domain/compare/execution';
import { plain, safeJson } from '../domain/compare/format';
import { comparableFromReport } from '../domain/compare/fromReport';
import { comparisonJson } from '../domain/compare/json';
import { executionMarkers } from '../domain/compare/recognise';
import { renderComparison } from '../domain/compare/render';
import { COMPARISON_MARKER_COLUMN, COMPARISON_MARKER_TOKEN, planComparisonSheet } from '../domain/compare/sheetPlan';
import { UnreadableFileError, loadWorkbookFile, workbookToGrid, writeWorkbookAtomically } from '../files/xlsx';
import { writeComparisonSheet } from '../files/comparison';
import { InputError, loadTemplateFile } from './options';
import { EXIT, UsageError as CliUsageError, usageErrorText } from './usage';

/** A usage error of `compare`: its help is `annex9 compare --help`. */
class UsageError extends CliUsageError {
  constructor(message: string) {
    super(message, 'compare');
  }
}

export interface CompareIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const COMPARE_USAGE = {
  fr: `annex9 compare ANCIENNE.xlsx NOUVELLE.xlsx [options]
annex9 compare CLASSEUR.xlsx --sheet FEUILLE1 --sheet2 FEUILLE2 [options]

Compare deux versions de l’annexe 9 action par action (une ligne insérée n’en décale aucune
autre), ou le prévisionnel et le tableau d’exécution (--execution).

  --sheet NOM       feuille du premier classeur (par défaut\u00a0: sa seule annexe 9)
  --sheet2 NOM      feuille du second (obligatoires toutes deux avec un seul classeur)
  --execution       le second tableau est le tableau d’exécution (montants réalisés)\u00a0: prévu,
                    réalisé, taux, part État des dépenses et montant susceptible de reversement
                    (art. 5) par imputation Chorus. Reconnu aussi tout seul (titre «\u00a0exécution\u00a0»,
                    «\u00a0réalisé\u00a0»…\u00a0: voir le modèle), sauf si les deux
                    tableaux le sont\u202f; --versions force la comparaison de versions.
  --notified 07=6067058   montant versé par l’État pour un code (à défaut\u00a0: A prévu)\u202f; répétez-la.
  --all             montre aussi les lignes inchangées
  --json            document JSON stable (voir docs/compare.md)
  --out COMPARAISON.xlsx  copie du second classeur avec la feuille «\u00a0Comparaison annexe 9\u00a0»
                    (montants changés en couleur)\u202f; jamais un des fichiers comparés\u202f; --force
                    pour remplacer un fichier existant
  --lang fr|en      langue du rapport
  --template MODELE.json  autre modèle d’annexe

Code de sortie\u00a0: 0 aucune différence, 1 différences, 2 comparaison impossible (raison donnée),
64 commande mal écrite.`,
  en: `annex9 compare OLD.xlsx NEW.xlsx [--sheet NAME] [--sheet2 NAME] [--execution|--versions]
      [--notified CODE=AMOUNT]… [--all] [--json] [--out FILE.xlsx [--force]] [--lang fr|en]
Exit status: 0 no difference, 1 differences, 2 could not compare, 64 wrong command line.`,
};

class CannotCompare extends Error {}

interface Args {
  inputs: string[];
  sheet?: string;
  sheet2?: string;
  mode: CompareMode | 'auto';
  notified: string[];
  all: boolean;
  json: boolean;
  out?: string;
  force: boolean;
  lang: Lang;
  template?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { inputs: [], mode: 'auto', notified: [], all: false, json: false, force: false, lang: 'fr', help: false };
  const rest = [...argv];
  while (rest.length) {
    const a = rest.shift()!;
    const value = (name: string) => {
      const v = rest.shift();
      if (v === undefined || v.startsWith('--')) throw new UsageError(`L’option ${name} attend une valeur.`);
      return v;
    };
    if (a === '--help' || a === '-h' || a === 'help') args.help = true;
    else if (a === '--json') args.json = true;
    else if (a === '--all') args.all = true;
    else if (a === '--force') args.force = true;
    else if (a === '--sheet') args.sheet = value(a);
    else if (a === '--sheet2') args.sheet2 = value(a);
    else if (a === '--out' || a === '-o') args.out = value('--out');
    else if (a === '--template') args.template = value(a);
    else if (a === '--notified') args.notified.push(value(a));
    else if (a === '--execution' || a === '--versions') {
      const mode = a === '--execution' ? 'execution' : 'versions';
      if (args.mode !== 'auto' && args.mode !== mode) throw new UsageError('Choisissez --execution ou --versions, pas les deux.');
      args.mode = mode;
    } else if (a === '--lang') {
      const l = value(a);
      if (l !== 'fr' && l !== 'en') throw new UsageError(`Langue «\u00a0${l}\u00a0» inconnue\u00a0: fr ou en.`);
      args.lang = l;
    } else if (a.startsWith('--')) throw new UsageError(`Option inconnue «\u00a0${a}\u00a0» pour «\u00a0compare\u00a0».`);
    else args.inputs.push(a);
  }
  if (args.help) return args;
  if (args.inputs.length === 0 || args.inputs.length > 2) throw new UsageError('Indiquez les deux classeurs à comparer (ou un seul avec --sheet et --sheet2).');
  if (args.inputs.length === 1 && (args.sheet === undefined || args.sheet2 === undefined)) {
    throw new UsageError('Avec un seul classeur, nommez les deux feuilles à comparer\u00a0: --sheet FEUILLE1 --sheet2 FEUILLE2.');
  }
  if (args.notified.length && args.mode === 'versions') throw new UsageError("--notified sert à comparer le prévu et le réalisé (--execution), pas deux versions.");
  return args;
}

function notifiedCents(args: Args, template: AnnexTemplate): NotifiedCents[] {
  const out: NotifiedCents[] = [];
  for (const arg of args.notified) {
    const parsed = parseNotified(arg, 'fr', template);
    if (!parsed.ok) throw new UsageError(`--notified ${parsed.error}`);
    if (out.some((n) => n.code === parsed.value.code)) throw new UsageError(`--notified\u00a0: le code ${parsed.value.code} est donné deux fois.`);
    out.push({ code: parsed.value.code, amount: centsOf(parsed.value.amount) });
  }
  return out;
}

async function loadTemplate(file: string): Promise<{ template: AnnexTemplate; markers: string[] }> {
  const read = await loadTemplateFile(file).catch((e) => {
    throw e instanceof InputError ? new CannotCompare(e.message) : e;
  });
  return { template: read.template, markers: executionMarkers(read.description) };
}

/** Our own sheets (summary, comparison) read like an annex: they are never one. */
function isOurSheet(grid: SheetGrid): boolean {
  if (isSummaryGrid(grid)) return true;
  return getCell(grid, 0 - grid.origin.row, COMPARISON_MARKER_COLUMN - grid.origin.col)?.value === COMPARISON_MARKER_TOKEN;
}

interface Loaded {
  file: string;
  workbook: ExcelJS.Workbook;
  grids: SheetGrid[];
}

async function load(file: string): Promise<Loaded> {
  const workbook = await loadWorkbookFile(file);
  return { file, workbook, grids: workbookToGrid(workbook).sheets };
}

/** The table to compare in a workbook: the named sheet, else its only annex sheet. */
function pickTable(book: Loaded, sheet: string | undefined, lang: Lang, template: AnnexTemplate, io: CompareIo, option: string): ComparableTable {
  const fr = lang === 'fr';
  const names = book.grids.map((g) => `«\u00a0${g.name}\u00a0»`).join(', ');
  const analyse = (grid: SheetGrid) => ({ grid, report: analyzeSheet(grid, { template }) });
  let chosen: ReturnType<typeof analyse>;
  if (sheet !== undefined) {
    const wanted = sheet.trim().toLowerCase();
    const grid = book.grids.find((g) => g.name.trim().toLowerCase() === wanted);
    if (!grid) throw new CannotCompare(fr ? `${book.file}\u00a0: la feuille «\u00a0${sheet}\u00a0» n’existe pas (feuilles\u00a0: ${names}).` : `${book.file}: no sheet "${sheet}" (sheets: ${names}).`);
    if (isOurSheet(grid)) throw new CannotCompare(fr ? `${book.file}\u00a0: la feuille «\u00a0${grid.name}\u00a0» a été produite par le contrôle de l’annexe 9, ce n’est pas une annexe.` : `${book.file}: sheet "${grid.name}" was made by the annex 9 check, it is not an annex.`);
    chosen = analyse(grid);
    if (!chosen.report.isAnnex) throw new CannotCompare(`${book.file}${lang === 'fr' ? '\u00a0: ' : ': '}${chosen.report.problem ? afterColon(problemText(chosen.report.problem, lang, template), lang) : ''}`);
  } else {
    const annexes = book.grids.filter((g) => !isOurSheet(g)).map(analyse).filter((x) => x.report.isAnnex);
    if (annexes.length === 0) {
      throw new CannotCompare(
        fr
          ? `${book.file}\u00a0: aucune annexe 9 trouvée (feuilles examinées\u00a0: ${names}). Le contrôle cherche une ligne d’en-tête avec «\u00a0Participation État\u00a0» (A), «\u00a0Crédits CD affectés\u00a0» (C) et au moins une autre colonne de montants.`
          : `${book.file}: no annex 9 found (sheets examined: ${names}).`,
      );
    }
    if (annexes.length > 1) {
      const list = annexes.map((x) => `«\u00a0${x.grid.name}\u00a0»`).join(', ');
      throw new CannotCompare(fr ? `${book.file} contient plusieurs annexes 9 (${list})\u00a0: choisissez la feuille avec ${option}.` : `${book.file} holds several annex 9 sheets (${list}): choose one with ${option}.`);
    }
    chosen = annexes[0];
  }
  const { grid, report } = chosen;
  if (report.tables.length > 1) {
    io.err(
      plain(
        fr
          ? `${book.file}, feuille «\u00a0${grid.name}\u00a0»\u00a0: ${report.tables.length} tableaux\u202f; le premier (en ${cellName(report.tables[0].header)}) est comparé.`
          : `${book.file}, sheet "${grid.name}": ${report.tables.length} tables; the first (at ${cellName(report.tables[0].header)}) is compared.`,
      ),
    );
  }
  return comparableFromReport(grid, report, report.tables[0], { file: book.file, template, lang });
}

/** Same file on disk (a path, a symbolic or hard link to it)? */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

export async function compareCommand(argv: string[], io: CompareIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(usageErrorText(e));
    return EXIT.usage;
  }
  if (args.help) {
    io.out(COMPARE_USAGE[args.lang]);
    return EXIT.clean;
  }
  const fr = args.lang === 'fr';
  try {
    const { template, markers } = args.template ? await loadTemplate(args.template) : { template: CALPAE_TEMPLATE, markers: executionMarkers() };
    const notified = notifiedCents(args, template);
    if (args.out) {
      for (const input of args.inputs) {
        if (await sameFile(args.out, input)) {
          throw new CannotCompare(fr ? `Le fichier de sortie ${args.out} est un des classeurs comparés\u00a0: choisissez un autre nom avec --out.` : `The output ${args.out} is one of the compared workbooks: choose another name with --out.`);
        }
      }
      if ((await fs.stat(args.out).then(() => true, () => false)) && !args.force) {
        throw new CannotCompare(fr ? `${args.out} existe déjà\u00a0: ajoutez --force pour le remplacer.` : `${args.out} already exists: add --force to replace it.`);
      }
    }
    const first = await load(args.inputs[0]);
    const second = args.inputs.length === 2 ? await load(args.inputs[1]) : first;
    const oldT = pickTable(first, args.sheet, args.lang, template, io, '--sheet');
    const newT = pickTable(second, args.sheet2, args.lang, template, io, '--sheet2');
    const result = compareTables(oldT, newT, { mode: args.mode, markers, notified });
    if (notified.length && result.mode !== 'execution') {
      // Known only once the tables are read: the files were read, so not a usage error (64 means nothing was read).
      throw new CannotCompare(
        fr
          ? `--notified sert à comparer le prévu et le réalisé, mais le second tableau n’est pas reconnu comme tableau d’exécution\u00a0: ajoutez --execution.`
          : `--notified is for planned against spent, but the second table is not recognised as an execution table: add --execution.`,
      );
    }

    if (args.json) io.out(safeJson(comparisonJson(result, { lang: args.lang, showUnchanged: args.all })));
    else io.out(renderComparison(result, { lang: args.lang, showUnchanged: args.all }));

    if (args.out) {
      // The output is a copy of the second workbook (links reach its rows), plus the comparison sheet.
      const plan = planComparisonSheet(result, {
        lang: args.lang,
        showUnchanged: args.all,
        linkSheets: { old: second === first ? oldT.source.sheet : null, new: newT.source.sheet },
      });
      const written = writeComparisonSheet(second.workbook, plan);
      try {
        await writeWorkbookAtomically(second.workbook, args.out);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        const why = err.code === 'ENOENT' ? "le dossier n’existe pas" : err.code === 'EACCES' || err.code === 'EPERM' ? 'écriture non autorisée' : err.code === 'ENOSPC' ? 'disque plein' : `erreur ${err.code ?? 'inattendue'}`;
        io.err(fr ? `Impossible d’écrire ${args.out}\u00a0: ${why}. Aucun fichier partiel n’a été laissé.` : `Could not write ${args.out}: ${err.code ?? err.message}. No partial file was left.`);
        return EXIT.notChecked;
      }
      const said = fr ? `Comparaison écrite\u00a0: ${plain(args.out)} (feuille «\u00a0${written.sheet}\u00a0»).` : `Comparison written: ${plain(args.out)} (sheet "${written.sheet}").`;
      // With --json, stdout carries the JSON document only.
      if (args.json) io.err(said);
      else io.out(said);
    }
    return result.identical ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageErrorText(e));
      return EXIT.usage;
    }
    if (e instanceof CannotCompare || e instanceof UnreadableFileError) {
      io.err(plain(e.message));
      return EXIT.notChecked;
    }
    throw e;
  }
}
