/**
 * Files that are not .xlsx workbooks, and what the user should do with each, in French. Only .xlsx
 * (and .xlsm, the same format with macros) can be read: an annex received as .xls, .ods, .csv or
 * .numbers gets the steps that turn it into one, named as the menus of the program that opens it
 * name them (LibreOffice is common in French administrations). Pure: names and bytes in, words out.
 */
import * as path from 'path';

/** What a file is, by its name (the content decides when it is read: a renamed .xlsx is checked). */
export type FileKind =
  /** Read by the check. */
  | 'xlsx'
  /** A spreadsheet in a format the check does not read: given to the loader, which says what to do. */
  | 'xls'
  | 'ods'
  | 'csv'
  | 'numbers'
  | 'xlsb'
  /** Not a spreadsheet. */
  | 'pdf'
  | 'word'
  /** Excel's or LibreOffice's lock file, beside a workbook open somewhere. */
  | 'lock'
  | 'other';

export type OtherSpreadsheet = 'xls' | 'ods' | 'csv' | 'numbers' | 'xlsb';

const BY_EXTENSION: Record<string, FileKind> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.xlt': 'xls',
  '.ods': 'ods',
  '.ots': 'ods',
  '.fods': 'ods',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.numbers': 'numbers',
  '.xlsb': 'xlsb',
  '.pdf': 'pdf',
  '.doc': 'word',
  '.docx': 'word',
  '.odt': 'word',
  '.rtf': 'word',
};

export function fileKind(file: string): FileKind {
  const name = path.basename(file);
  // « ~$annexe.xlsx » (Excel) and « .~lock.annexe.xlsx# » (LibreOffice): the workbook is open on a computer.
  if (name.startsWith('~$') || /^\.~lock\..*#$/.test(name)) return 'lock';
  return BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'other';
}

export function isOtherSpreadsheet(kind: FileKind): kind is OtherSpreadsheet {
  return kind === 'xls' || kind === 'ods' || kind === 'csv' || kind === 'numbers' || kind === 'xlsb';
}

const EXCEL_SAVE_AS = 'Fichier › Enregistrer sous › Type\u00a0: «\u00a0Classeur Excel (*.xlsx)\u00a0»';
const CALC_SAVE_AS = 'Fichier › Enregistrer sous › Type de fichier\u00a0: «\u00a0Excel 2007-365 (.xlsx)\u00a0», puis «\u00a0Utiliser le format Excel 2007-365\u202f!\u00a0»';

/** What the file is and how to make an .xlsx of it, after « fichier : ». */
export const FORMAT_ADVICE: Record<OtherSpreadsheet, string> = {
  xls:
    `ancien format Excel (.xls), non pris en charge\u00a0: le contrôle lit les classeurs .xlsx. ` +
    `Ouvrez-le dans Excel et enregistrez-en une copie au format .xlsx (${EXCEL_SAVE_AS}\u202f; dans LibreOffice Calc\u00a0: ${CALC_SAVE_AS}), puis contrôlez la copie.`,
  ods:
    `classeur LibreOffice Calc (.ods), non pris en charge\u00a0: le contrôle lit les classeurs Excel .xlsx. ` +
    `Ouvrez-le dans LibreOffice Calc et enregistrez-en une copie au format Excel (${CALC_SAVE_AS}), puis contrôlez la copie .xlsx.`,
  csv:
    `fichier CSV (texte), non pris en charge\u00a0: il ne garde ni les cellules fusionnées, ni les formules, ni les titres du tableau, ` +
    `et l’annexe ne peut pas y être relue à coup sûr. Contrôlez le classeur d’origine (.xlsx)\u202f; à défaut, ouvrez le CSV dans Excel et enregistrez-le au format .xlsx (${EXCEL_SAVE_AS}).`,
  numbers:
    `document Apple Numbers, non pris en charge\u00a0: le contrôle lit les classeurs Excel .xlsx. ` +
    `Dans Numbers, choisissez Fichier › Exporter vers › Excel…, puis contrôlez le fichier .xlsx obtenu.`,
  xlsb:
    `classeur binaire Excel (.xlsb), non pris en charge\u00a0: le contrôle lit les classeurs .xlsx. ` +
    `Ouvrez-le dans Excel et enregistrez-en une copie au format .xlsx (${EXCEL_SAVE_AS}), puis contrôlez la copie.`,
};

/** The package of an OpenDocument file starts with its media type, stored first and uncompressed. */
export function openDocumentType(data: Buffer): 'spreadsheet' | 'text' | 'other' | null {
  const head = data.subarray(0, 200).toString('latin1');
  if (!head.includes('mimetypeapplication/vnd.oasis.opendocument.')) return null;
  if (head.includes('opendocument.spreadsheet')) return 'spreadsheet';
  if (head.includes('opendocument.text')) return 'text';
  return 'other';
}

/** Names in a compound file (.xls, an encrypted .xlsx, .doc) are UTF-16: enough to tell them apart. */
export function compoundFileHolds(data: Buffer, stream: string): boolean {
  return data.includes(Buffer.from(stream, 'utf16le'));
}
