/**
 * Why a file opened in the demo page could not be read, and what to do, in the page's language.
 * Told from the file's first bytes (its name only as a hint): never a library's own words, which
 * are English and say nothing useful (« Corrupted zip: can't find end of central directory »).
 */
import { Lang } from '../../domain/messages';
import { WorkbookLimitError } from '../workbookLimits';

export type UnreadableKind = 'ods' | 'xls' | 'encrypted' | 'notXlsx' | 'limit';

/** The error's own message, in French, for logs and tests; the page shows unreadableMessage. */
const SHORT: Record<UnreadableKind, string> = {
  ods: 'classeur LibreOffice Calc (.ods), non pris en charge',
  xls: 'classeur Excel ancien (.xls), non pris en charge',
  encrypted: 'classeur protégé par un mot de passe',
  notXlsx: 'classeur .xlsx endommagé ou illisible',
  limit: 'classeur trop lourd pour la page',
};

export class UnreadableWorkbook extends Error {
  constructor(
    readonly kind: UnreadableKind,
    /** For `limit`: the French message of the limit (it names the limit and what to do). */
    readonly detail?: string,
  ) {
    super(detail ?? SHORT[kind]);
    this.name = 'UnreadableWorkbook';
  }
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** What the bytes are, when they are clearly not an .xlsx (null: they may be one). */
export function sniffNotXlsx(bytes: Uint8Array): UnreadableKind | null {
  // An OpenDocument package starts with its media type, stored first and uncompressed.
  const head = latin1(bytes, 0, 200);
  if (head.startsWith('PK') && head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (head.startsWith('PK') && head.includes('mimetypeapplication/vnd.oasis.opendocument')) return 'notXlsx';
  // A compound file: an old .xls, or an .xlsx encrypted with a password (its package inside).
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) {
    const sample = latin1(bytes, 0, 1 << 20).replace(/\0/g, '');
    return sample.includes('EncryptedPackage') ? 'encrypted' : 'xls';
  }
  if (!head.startsWith('PK')) return 'notXlsx';
  return null;
}

/** Any failure of reading a file, as an UnreadableWorkbook (the cause is not shown: it is a library's). */
export function asUnreadable(e: unknown): UnreadableWorkbook {
  if (e instanceof UnreadableWorkbook) return e;
  if (e instanceof WorkbookLimitError) return new UnreadableWorkbook('limit', e.message);
  return new UnreadableWorkbook('notXlsx');
}

const CALC_SAVE_AS = 'Fichier › Enregistrer sous › Type de fichier\u00a0: «\u00a0Excel 2007-365 (.xlsx)\u00a0»';
const EXCEL_SAVE_AS = 'Fichier › Enregistrer sous › Type\u00a0: «\u00a0Classeur Excel (*.xlsx)\u00a0»';

/** `name`: the file's name, said first. */
export function unreadableMessage(e: UnreadableWorkbook, name: string, lang: Lang): string {
  if (lang === 'en') {
    switch (e.kind) {
      case 'ods':
        return `${name} is a LibreOffice Calc workbook (.ods): the demo reads Excel workbooks (.xlsx). Open it in LibreOffice Calc, save a copy in Excel format (File › Save As › File type: "Excel 2007-365 (.xlsx)"), then open the copy here.`;
      case 'xls':
        return `${name} is an old Excel workbook (.xls): the demo reads .xlsx workbooks. Open it in Excel, save a copy as .xlsx (File › Save As › "Excel Workbook (*.xlsx)"), then open the copy here.`;
      case 'encrypted':
        return `${name} is protected by a password: the demo cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook), save it, then open it here.`;
      case 'limit':
        return `${name}: ${e.detail ?? ''}`;
      default:
        return `${name} is not a readable Excel workbook (.xlsx): it may be damaged or in another format. Save it as .xlsx from the program that made it (File › Save As), then open the copy here. The workbook open before is still loaded.`;
    }
  }
  switch (e.kind) {
    case 'ods':
      return `${name} est un classeur LibreOffice Calc (.ods)\u00a0: la démonstration lit les classeurs Excel (.xlsx). Ouvrez-le dans LibreOffice Calc, enregistrez-en une copie au format Excel (${CALC_SAVE_AS}), puis ouvrez la copie ici.`;
    case 'xls':
      return `${name} est un classeur Excel ancien (.xls)\u00a0: la démonstration lit les classeurs .xlsx. Ouvrez-le dans Excel, enregistrez-en une copie au format .xlsx (${EXCEL_SAVE_AS}), puis ouvrez la copie ici.`;
    case 'encrypted':
      return `${name} est protégé par un mot de passe\u00a0: la démonstration ne peut pas le lire. Ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur), enregistrez-le, puis ouvrez-le ici.`;
    case 'limit':
      return `${name}\u00a0: ${e.detail ?? ''}`;
    default:
      return `Ce fichier n’est pas un classeur Excel (.xlsx) lisible (${name})\u00a0: il est peut-être endommagé ou d’un autre format. Enregistrez-le au format .xlsx depuis le programme qui l’a créé (Fichier › Enregistrer sous), puis ouvrez la copie ici. Le classeur ouvert avant reste chargé.`;
  }
}
