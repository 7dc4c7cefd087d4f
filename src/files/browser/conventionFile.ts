/**
 * A convention file picked in the pane: told by its first bytes (not its name), then read by the
 * reader it needs, each loaded only now (pdf.js and mammoth are chunks of their own).
 */
import { ConventionText, conventionTextFromString } from '../../domain/convention/document';
import { ReaderError } from './readerError';

/** As the command line's limit (src/files/convention.ts). */
export const MAX_CONVENTION_BYTES = 100 * 1024 * 1024;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

function decodeText(data: Uint8Array): string | null {
  let text: string;
  if (startsWith(data, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(data.subarray(2));
  else if (startsWith(data, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(data.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      text = new TextDecoder('windows-1252').decode(data);
    }
  }
  const sample = text.slice(0, 4096);
  const controls = sample.replace(/[^\x00-\x08\x0E-\x1F\x7F]/g, '').length;
  return controls > sample.length / 100 ? null : text;
}

export async function readConventionBytes(data: ArrayBuffer): Promise<ConventionText> {
  if (data.byteLength > MAX_CONVENTION_BYTES) throw new ReaderError('tooLarge');
  const bytes = new Uint8Array(data);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return (await import(/* webpackChunkName: "pdfjs" */ './pdfReader')).readPdf(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return (await import(/* webpackChunkName: "mammoth" */ './docxReader')).readDocx(data);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new ReaderError('oldWord');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new ReaderError('rtf');
  const text = decodeText(bytes);
  if (text === null) throw new ReaderError('unknown');
  return conventionTextFromString(text);
}
