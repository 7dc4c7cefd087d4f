/**
 * The .xlsx adapter: reads a workbook file into the engine's plain grid, and writes a reviewed
 * copy (marks, notes, filled codes). ExcelJS does the file format; nothing here decides anything.
 */
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { withLinearMergeCheck } from './linearMerges';

/** A file that could not be read, with a French reason for the user. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/**
 * ExcelJS drops every backslash escape from the number formats it reads (`0\ \%` comes back as
 * `0 %`, which shows 50 as 5000 %), so a reviewed copy would change how cells look. Keep the code
 * as the file has it; ExcelJS writes it back unchanged.
 */
function keepNumberFormatEscapes(): void {
  type XmlNode = { name: string; attributes: Record<string, string> };
  let xform: { prototype: { parseOpen(node: XmlNode): boolean } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    xform = require('exceljs/lib/xlsx/xform/style/numfmt-xform');
  } catch {
    return; // another ExcelJS layout: nothing to patch
  }
  if (!xform?.prototype?.parseOpen) return;
  xform.prototype.parseOpen = function (this: { model?: unknown }, node: XmlNode): boolean {
    if (node.name !== 'numFmt') return false;
    this.model = { id: parseInt(node.attributes.numFmtId, 10), formatCode: node.attributes.formatCode };
    return true;
  };
}
keepNumberFormatEscapes();

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Read a workbook file; refuse with a clear French message what is not a readable .xlsx. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? "le fichier n'existe pas" : code === 'EISDIR' ? "c'est un dossier" : code === 'EACCES' ? 'lecture non autorisée' : `lecture impossible (${code ?? String(e)})`;
    throw new UnreadableFileError(`${file} : ${why}.`, file);
  }
  const ext = path.extname(file).toLowerCase();
  if (data.subarray(0, 4).equals(CFB_MAGIC)) {
    throw new UnreadableFileError(
      ext === '.xls'
        ? `${file} : ancien format Excel (.xls), non pris en charge. Ouvrez-le dans Excel et enregistrez-le au format « Classeur Excel (.xlsx) ».`
        : `${file} : classeur protégé par mot de passe (chiffré) ou ancien format .xls. Enregistrez une copie sans mot de passe au format .xlsx.`,
      file,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    const hint = ext === '.csv' ? ' Un fichier CSV ne garde ni les cellules fusionnées ni les formats : enregistrez le tableau au format .xlsx.' : '';
    throw new UnreadableFileError(`${file} : ce n'est pas un classeur Excel .xlsx lisible.${hint}`, file);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await withLinearMergeCheck(() => workbook.xlsx.load(data as unknown as ArrayBuffer));
  } catch (e) {
    throw new UnreadableFileError(`${file} : classeur .xlsx endommagé ou illisible (${(e as Error).message}).`, file);
  }
  // A zip with no worksheet (a Word or PowerPoint file renamed .xlsx) loads without error.
  if (workbook.worksheets.length === 0) {
    throw new UnreadableFileError(`${file} : ce n'est pas un classeur Excel (aucune feuille de calcul dans le fichier ; un document Word ou PowerPoint renommé en .xlsx ?).`, file);
  }
  return workbook;
}

// Reading a worksheet into a grid needs no Node API: it lives in gridFromExcelJs.ts, shared with the demo page.
export { worksheetToGrid, workbookToGrid } from './gridFromExcelJs';

/** Write a workbook to `out` through a temporary file and a rename: never a half-written file. */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  for (const ws of workbook.worksheets) {
    // ExcelJS reads an absent first page number as 1 and writes useFirstPageNumber="1" whenever
    // one is set: that would turn a sheet's automatic page numbering into "start at 1".
    const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
    if (!setup.useFirstPageNumber) delete setup.firstPageNumber;
  }
  try {
    await workbook.xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
