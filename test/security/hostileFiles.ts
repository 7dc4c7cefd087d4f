/**
 * Crafted workbooks for the hostile-file tests (issue 17): each is the small mini annex of the
 * corpus with one attack added to its XML, or a zip assembled by hand where the attack is in the
 * container itself (sizes that lie, thousands of parts, compressed gigabytes).
 */
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { columnLetters } from '../../src/domain/a1';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { miniSpec } from '../../fixtures/corpus/generate';
import { AnnexSpec } from '../../fixtures/annex-layout';

export const SHEET_PART = 'xl/worksheets/sheet1.xml';

/** The mini annex of the corpus (sheet « Annexe 9 », table at B1), as .xlsx bytes. */
export async function miniAnnex(touch?: (spec: AnnexSpec) => void, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const spec = miniSpec();
  touch?.(spec);
  const wb = newWorkbook();
  const ws = writeGridToWorkbook(layoutAnnex(spec).grid, wb);
  edit?.(ws);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites one part of a zip (deflated again). */
export async function patchPart(xlsx: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  const before = await file.async('string');
  const after = edit(before);
  if (after === before) throw new Error(`patch of ${part} changed nothing`);
  zip.file(part, after);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Adds merged areas to the annex sheet (ExcelJS writes a <mergeCells> element: one more goes in it). */
export function withMerges(xlsx: Buffer, refs: string[]): Promise<Buffer> {
  return patchPart(xlsx, SHEET_PART, (xml) => {
    const added = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
    return xml.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + refs.length}">${added}`);
  });
}

/** Inserts XML right after </sheetData> (data validations, which come after the merges, are placed by the caller). */
export function afterSheetData(xlsx: Buffer, xml: string, before = '<pageMargins'): Promise<Buffer> {
  return patchPart(xlsx, SHEET_PART, (sheet) => sheet.replace(before, `${xml}${before}`));
}

/** Adds a defined name to the workbook part. */
export function withDefinedName(xlsx: Buffer, name: string, ref: string): Promise<Buffer> {
  return patchPart(xlsx, 'xl/workbook.xml', (xml) =>
    xml.includes('<definedNames>')
      ? xml.replace('<definedNames>', `<definedNames><definedName name="${name}">${ref}</definedName>`)
      : xml.replace('</sheets>', `</sheets><definedNames><definedName name="${name}">${ref}</definedName></definedNames>`),
  );
}

/** Puts a formula in a cell of the annex sheet that ExcelJS wrote empty (`cell` must be in row 1). */
export function withFormulaRow1(xlsx: Buffer, cell: string, formula: string): Promise<Buffer> {
  return patchPart(xlsx, SHEET_PART, (xml) => xml.replace(/(<row r="1"[^>]*>)/, `$1<c r="${cell}"><f>${formula}</f><v>0</v></c>`));
}

// ---------------------------------------------------------------------------------------------
// Zips by hand.
// ---------------------------------------------------------------------------------------------

export interface RawEntry {
  name: string;
  /** The bytes as stored: raw deflate (method 8) or as is (method 0). */
  stored: Buffer;
  method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
  crc?: number;
}

/** A zip file from entries given exactly as stored: the headers say what `declaredSize` says. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declaredSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += local.length + name.length + e.stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of an .xlsx, stored as they are (deflated again one by one). */
export async function entriesOf(xlsx: Buffer): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const out: RawEntry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const data = await file.async('nodebuffer');
    out.push({ name, stored: zlib.deflateRawSync(data), method: 8, declaredSize: data.length, crc: zlib.crc32(data) });
  }
  return out;
}

/**
 * Raw deflate of `prefix`, then `unit` repeated `count` times, then `suffix`, without ever holding
 * the whole text: each piece is compressed alone and ends on a sync flush, so the pieces add up to
 * one stream (a unit of 1 MiB of spaces shrinks to about 1 KB).
 */
export function repeatedDeflate(prefix: string, unit: string, count: number, suffix: string): DeflatedPart {
  const sync = (s: string) => zlib.deflateRawSync(Buffer.from(s, 'utf8'), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const unitBytes = sync(unit);
  const stored = Buffer.concat([sync(prefix), ...Array.from({ length: count }, () => unitBytes), zlib.deflateRawSync(Buffer.from(suffix, 'utf8'))]);
  const size = Buffer.byteLength(prefix) + count * Buffer.byteLength(unit) + Buffer.byteLength(suffix);
  return { stored, size };
}

/** A part as stored (raw deflate) and the size it truly inflates to. */
export interface DeflatedPart {
  stored: Buffer;
  size: number;
}

/** Raw deflate of text produced piece by piece (rows of a huge sheet), at the fastest level. */
export function streamedDeflate(pieces: Iterable<string>): DeflatedPart {
  const out: Buffer[] = [];
  let size = 0;
  const options = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 1 };
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    size += bytes.length;
    out.push(zlib.deflateRawSync(bytes, options));
  }
  out.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { stored: Buffer.concat(out), size };
}

const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/**
 * The mini annex with its sheet part replaced: the headers claim `declaredSize` (the true size by
 * default; a lie when given).
 */
export async function withSheetPart(part: DeflatedPart, declaredSize = part.size): Promise<Buffer> {
  const entries = await entriesOf(await miniAnnex());
  const sheet = entries.find((e) => e.name === SHEET_PART)!;
  Object.assign(sheet, { stored: part.stored, declaredSize, crc: 0 });
  return rawZip(entries);
}

/** The mini annex with more sheets after its own (parts as stored, true sizes). */
export async function withExtraSheets(sheets: Array<{ name: string; part: DeflatedPart }>): Promise<Buffer> {
  const entries = await entriesOf(await miniAnnex());
  const edit = (name: string, change: (xml: string) => string) => {
    const e = entries.find((x) => x.name === name)!;
    const xml = change(zlib.inflateRawSync(e.stored).toString('utf8'));
    const data = Buffer.from(xml, 'utf8');
    Object.assign(e, { stored: zlib.deflateRawSync(data), declaredSize: data.length, crc: zlib.crc32(data) });
  };
  sheets.forEach((sheet, i) => {
    const n = i + 2;
    edit('xl/workbook.xml', (xml) => xml.replace('</sheets>', `<sheet name="${sheet.name}" sheetId="${n}" r:id="rIdX${n}"/></sheets>`));
    edit('xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace('</Relationships>', `<Relationship Id="rIdX${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`),
    );
    edit('[Content_Types].xml', (xml) =>
      xml.replace('</Types>', `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    );
    entries.push({ name: `xl/worksheets/sheet${n}.xml`, stored: sheet.part.stored, method: 8, declaredSize: sheet.part.size, crc: 0 });
  });
  return rawZip(entries);
}

/** A sheet of `mib` MiB of blanks between its tags: what a compression bomb inflates to. */
export function blankSheet(mib: number): DeflatedPart {
  return repeatedDeflate(SHEET_OPEN, ' '.repeat(1 << 20), mib, SHEET_CLOSE);
}

const letters = columnLetters;

/** A sheet of `rows` rows of `perRow` numbers (a cell bomb when large), deflated as it is produced. */
export function cellSheet(rows: number, perRow: number): DeflatedPart {
  const cols = Array.from({ length: perRow }, (_, c) => letters(c));
  function* pieces(): Generator<string> {
    yield SHEET_OPEN;
    let piece = '';
    for (let r = 1; r <= rows; r++) {
      piece += `<row r="${r}">${cols.map((c) => `<c r="${c}${r}"><v>${r}</v></c>`).join('')}</row>`;
      if (piece.length > 1 << 20) {
        yield piece;
        piece = '';
      }
    }
    yield piece + SHEET_CLOSE;
  }
  return streamedDeflate(pieces());
}

/** A sheet of `rows` empty rows with a height (no cell at all). */
export function rowSheet(rows: number): DeflatedPart {
  function* pieces(): Generator<string> {
    yield SHEET_OPEN;
    let piece = '';
    for (let r = 1; r <= rows; r++) {
      piece += `<row r="${r}" ht="20" customHeight="1"/>`;
      if (piece.length > 1 << 20) {
        yield piece;
        piece = '';
      }
    }
    yield piece + SHEET_CLOSE;
  }
  return streamedDeflate(pieces());
}

/** The mini annex with `count` extra, tiny parts (a zip of many entries). */
export async function manyParts(count: number): Promise<Buffer> {
  const entries = await entriesOf(await miniAnnex());
  const empty = zlib.deflateRawSync(Buffer.from('x'));
  for (let i = 0; i < count; i++) entries.push({ name: `xl/media/p${i}.bin`, stored: empty, method: 8, declaredSize: 1 });
  return rawZip(entries);
}

