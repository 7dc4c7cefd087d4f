/**
 * Reading a convention file as people receive it: a PDF (the deliberation with the convention
 * and its fiches), a Word .docx, or plain text. The format is told by the file's first bytes,
 * not its name. Refusals say in French what is wrong and what to do.
 */
import { promises as fs } from 'fs';
import { ConventionText, conventionTextFromString } from '../domain/convention';
import { PdfReadError, readPdfText } from './conventionPdf';
import { DocxReadError, readDocxText } from './conventionDocx';

/** A convention file that could not be read; the message names the file and the reason. */
export class UnreadableConventionError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'UnreadableConventionError';
  }
}

/** A convention with its fiches is a few megabytes; beyond this the file is refused unread. */
export const MAX_CONVENTION_BYTES = 100 * 1024 * 1024;

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

// Windows-1252's 0x80–0x9F (€, ’, œ, « smart quotes »…): Node's TextDecoder reads them as Latin-1 controls.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(data: Buffer): string {
  let out = '';
  for (const b of data) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Text files: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (old Windows editors). */
function decodeText(data: Buffer): string | null {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = decodeWindows1252(data);
  }
  // Binary data is not text: control characters other than tabs, line and page breaks.
  const sample = text.slice(0, 4096);
  const controls = sample.replace(/[^\x00-\x08\x0E-\x1F\x7F]/g, '').length;
  return controls > sample.length / 100 ? null : text;
}

/** The document's text, from its bytes. */
export async function conventionTextFromBytes(data: Buffer, name: string): Promise<ConventionText> {
  const head = data.subarray(0, 1024).toString('latin1');
  try {
    if (head.includes('%PDF-')) return await readPdfText(data);
    if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return await readDocxText(data);
  } catch (e) {
    if (e instanceof PdfReadError || e instanceof DocxReadError) throw new UnreadableConventionError(`${name}\u00a0: ${e.message}`, name);
    throw e;
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UnreadableConventionError(`${name}\u00a0: ancien format Word (.doc), non pris en charge. Enregistrez-le au format .docx ou PDF.`, name);
  }
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new UnreadableConventionError(`${name}\u00a0: document RTF, non pris en charge. Enregistrez-le au format .docx ou PDF.`, name);
  }
  const text = decodeText(data);
  if (text === null) {
    throw new UnreadableConventionError(`${name}\u00a0: format non reconnu. La convention se lit en PDF, en Word (.docx) ou en texte (.txt).`, name);
  }
  return conventionTextFromString(text);
}

/** Read a convention file; UnreadableConventionError (French) when it cannot be read. */
export async function readConventionFile(file: string): Promise<ConventionText> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error('dossier'), { code: 'EISDIR' });
    if (stat.size > MAX_CONVENTION_BYTES) {
      throw new UnreadableConventionError(`${file}\u00a0: fichier de ${Math.round(stat.size / 1048576)} Mo, trop gros pour une convention (${MAX_CONVENTION_BYTES / 1048576} Mo au plus).`, file);
    }
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UnreadableConventionError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? "le fichier n’existe pas" : code === 'EISDIR' ? "c’est un dossier" : code === 'EACCES' ? 'lecture non autorisée' : `lecture impossible (${code ?? String(e)})`;
    throw new UnreadableConventionError(`${file}\u00a0: ${why}.`, file);
  }
  return conventionTextFromBytes(data, file);
}
