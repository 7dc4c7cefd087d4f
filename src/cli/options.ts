/** What `check` and `fix` share: the template file, the typed notified amounts, the annex sheets of a workbook. */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { SheetGrid, WorkbookGrid } from '../domain/grid';
import { Lang } from '../domain/messages';
import { NotifiedAmount, isSummaryGrid, parseNotified, summaryIsNotAnnexMessage } from '../domain/summary';
import { AnnexTemplate, TemplateDescription } from '../domain/template';
import { readTemplate } from '../domain/template/schema';
import { workbookToGrid } from '../files/xlsx';
import { UsageError } from './usage';

/** A file given as an option (--template) that cannot be used: exit 2, nothing checked. */
export class InputError extends Error {}

/** Where the default template is, for a user writing their own (in the package as in the repository). */
function defaultTemplatePath(): string {
  return path.join(__dirname, '..', 'domain', 'templates', 'calpae-annexe9.json');
}

/** Read a template description given with --template; a clear French message when it is not one. */
export async function loadTemplate(file: string): Promise<AnnexTemplate> {
  return (await loadTemplateFile(file)).template;
}

/**
 * The template and its description (compare reads its execution markers), checked by the schema
 * (domain/template/schema.ts): every problem said in French with the key at fault.
 */
export async function loadTemplateFile(file: string): Promise<{ template: AnnexTemplate; description: TemplateDescription }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? "le fichier n’existe pas" : code === 'EISDIR' ? "c’est un dossier" : code === 'EACCES' ? 'lecture non autorisée' : `lecture impossible (${code ?? 'erreur'})`;
    throw new InputError(`Modèle ${file} illisible\u00a0: ${why}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`Modèle ${file} illisible\u00a0: ce n’est pas un fichier JSON valide (voir le modèle par défaut, ${defaultTemplatePath()}).`);
  }
  const read = readTemplate(json);
  if (read.ok) return read;
  // Every problem, one a line, but not a thousand of them for a file that is no template at all.
  const shown = read.errors.slice(0, 12).map((e) => `  - ${e}`);
  if (read.errors.length > shown.length) shown.push(`  … et ${read.errors.length - shown.length} autre(s).`);
  throw new InputError(`Modèle ${file} invalide (voir le modèle par défaut, ${defaultTemplatePath()})\u00a0:\n${shown.join('\n')}`);
}

/** Parse the --notified options against the template's codes; a usage error names the one that is wrong. */
export function notifiedAmounts(typed: string[], template?: AnnexTemplate): NotifiedAmount[] {
  const out: NotifiedAmount[] = [];
  for (const arg of typed) {
    const parsed = parseNotified(arg, 'fr', template);
    if (!parsed.ok) throw new UsageError(`--notified ${parsed.error}`);
    if (out.some((n) => n.code === parsed.value.code)) throw new UsageError(`--notified\u00a0: le code ${parsed.value.code} est donné deux fois.`);
    out.push(parsed.value);
  }
  return out;
}

/**
 * The workbook's sheets for the engine, without our own summary sheets: their column headers read
 * like an annex's, but they are not one. Naming one with --sheet is an error.
 */
export function annexGrids(workbook: ExcelJS.Workbook, sheet: string | undefined, lang: Lang): { grids: WorkbookGrid } | { error: string } {
  const all: SheetGrid[] = workbookToGrid(workbook).sheets;
  const wanted = sheet?.trim().toLowerCase();
  const named = wanted !== undefined ? all.find((g) => g.name.trim().toLowerCase() === wanted) : undefined;
  if (named && isSummaryGrid(named)) return { error: summaryIsNotAnnexMessage(named.name, lang) };
  return { grids: { sheets: all.filter((g) => !isSummaryGrid(g)) } };
}
