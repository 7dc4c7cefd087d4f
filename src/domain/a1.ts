/**
 * A1 addresses and rectangles of cells, the one module for them: the engine, the Office adapter,
 * the file adapter and the fake Excel all import it. Pure: runs in Node, the task pane and the
 * demo page. Office.js writes addresses as "'Annexe 9'!B5:L60"; the helpers here read and write
 * the sheet-less part and quote sheet names the way Excel does.
 */

/** A rectangle of cells, 0-based and inclusive (sheet or grid coordinates, as the caller says). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's sheet size. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Column letters for a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of letters (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parse `B12` (or `$B$12`) into 0-based sheet coordinates; throws on anything else. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Adresse de cellule invalide\u00a0: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** `B5` for 0-based (4, 1); `$B$5` when absolute. */
export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row + 1}` : `${columnLetters(col)}${row + 1}`;
}

/** `B5:L60`, or `B5` for a single cell. */
export function rectA1(rect: Rect, absolute = false): string {
  const a = cellA1(rect.top, rect.left, absolute);
  if (rect.top === rect.bottom && rect.left === rect.right) return a;
  return `${a}:${cellA1(rect.bottom, rect.right, absolute)}`;
}

/**
 * Excel quotes a sheet name in a reference unless it is a plain identifier that reads as no cell:
 * not an A1 cell, not starting with an R1C1 one (R1…, C2…, RC3…), not R, C or RC alone (as observed
 * in Excel files; row and column limits are not looked at, so a few names are quoted that need not be).
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(?:[Rr]\d|[Rr]?[Cc]\d)/.test(name) && !/^(?:[Rr][Cc]?|[Cc])$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Parse a local A1 reference (no sheet): `B5`, `$B$5`, `B5:L60`, `B:D`, `5:9`.
 * Returns null when it is not one.
 */
export function parseRect(ref: string): Rect | null {
  const s = ref.trim().replace(/\$/g, '').toUpperCase();
  const parts = s.split(':');
  if (parts.length > 2) return null;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  const [a, b = a] = parts;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  let rect: Rect | null = null;
  if (m1 && m2) {
    rect = {
      top: Math.min(+m1[2], +m2[2]) - 1,
      bottom: Math.max(+m1[2], +m2[2]) - 1,
      left: Math.min(columnIndex(m1[1]), columnIndex(m2[1])),
      right: Math.max(columnIndex(m1[1]), columnIndex(m2[1])),
    };
  } else if (parts.length === 2 && (m1 = col.exec(a)) && (m2 = col.exec(b))) {
    rect = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(columnIndex(m1[1]), columnIndex(m2[1])), right: Math.max(columnIndex(m1[1]), columnIndex(m2[1])) };
  } else if (parts.length === 2 && (m1 = row.exec(a)) && (m2 = row.exec(b))) {
    rect = { top: Math.min(+m1[1], +m2[1]) - 1, bottom: Math.max(+m1[1], +m2[1]) - 1, left: 0, right: MAX_COLUMNS - 1 };
  }
  if (!rect) return null;
  // Letters are column 0 or more; row 0 and anything past Excel's last row or column is no cell.
  if (rect.top < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) return null;
  return rect;
}

/** Split `'Annexe 9'!B5:B7, 'Annexe 9'!C5` into its sheet-less references (quotes respected). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") {
      // A doubled quote inside a quoted name (`'L''annexe'`) toggles twice: still quoted.
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim()) out.push(cur);
  // No `!` (-1): the whole reference.
  return out.map((ref) => ref.slice(ref.lastIndexOf('!') + 1).trim());
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
