/**
 * What the proxies share to reach the host's cells: a range's target, write permission
 * (protection, read-only), reading a range as a matrix or as one common value, writing an input
 * array, fills as Excel reports them.
 */
import { Rect, rectCells } from '../../domain/a1';
import { HostSheet, key, unkey } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import { checkApi } from './api';
import { FakeRichApiError, accessDenied, invalidArgument, itemNotFound } from './errors';

export interface RangeTarget {
  sheet: HostSheet;
  rect: Rect;
}

export function assertWritable(host: FakeWorkbook, sheet: HostSheet | null, where: string): void {
  if (host.readOnly) throw accessDenied(where);
  if (sheet && sheet.protected) throw accessDenied(where);
}

export function liveSheet(host: FakeWorkbook, sheet: HostSheet): HostSheet {
  if (!host.sheets.includes(sheet)) throw itemNotFound('Worksheet');
  return sheet;
}

export function rows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}
export function cols(rect: Rect): number {
  return rect.right - rect.left + 1;
}

const CELL_LIMIT = 5_000_000; // reading more cells in one go fails in Excel too

export function matrix<V>(t: RangeTarget, f: (row: number, col: number) => V): V[][] {
  if (rectCells(t.rect) > CELL_LIMIT) throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}

/** Common value over a range, or null when the cells differ (as Office.js reports mixed formats). */
export function common<V>(t: RangeTarget, f: (row: number, col: number) => V): V | null {
  let first: V | undefined;
  let seen = false;
  if (rectCells(t.rect) > CELL_LIMIT) return null;
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const v = f(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export function forEachInput(t: RangeTarget, input: unknown, where: string, apply: (row: number, col: number, v: unknown) => void): void {
  const h = rows(t.rect);
  const w = cols(t.rect);
  if (!Array.isArray(input)) {
    if (h * w > CELL_LIMIT) throw invalidArgument(where);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) apply(t.rect.top + r, t.rect.left + c, input);
    return;
  }
  if (input.length !== h || input.some((line) => !Array.isArray(line) || line.length !== w)) {
    throw invalidArgument(where, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${h}×${w}).`);
  }
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const v = (input[r] as unknown[])[c];
      if (v === null || v === undefined) continue; // null leaves the cell as it is
      apply(t.rect.top + r, t.rect.left + c, v);
    }
  }
}

/** What Excel reports of a cell's fill: color, pattern, tintAndShade (a cell without fill per readings.noFill). */
export function fillReport(host: FakeWorkbook, fill: string | undefined): { color: string; pattern: string; tintAndShade: number | null } {
  if (fill) return { color: fill, pattern: 'Solid', tintAndShade: 0 };
  return host.readings.noFill === 'white' ? { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 } : { color: '#FFFFFF', pattern: 'None', tintAndShade: null };
}

export function fillOptions(host: FakeWorkbook, fill: Excel.CellPropertiesFillLoadOptions | boolean | undefined, report: (f: (r: ReturnType<typeof fillReport>) => unknown) => unknown): Record<string, unknown> | null {
  if (!fill) return null;
  const o: Record<string, unknown> = {};
  if (typeof fill === 'object' ? fill.color : fill) o.color = report((r) => r.color);
  if (typeof fill === 'object' && fill.pattern) o.pattern = report((r) => r.pattern);
  if (typeof fill === 'object' && fill.tintAndShade) o.tintAndShade = report((r) => r.tintAndShade);
  void host;
  return o;
}

/** The members of a properties option object (getRowProperties…) checked like any other API. */
export function checkOptions(host: FakeWorkbook, type: string, options: unknown): void {
  if (!options || typeof options !== 'object') return;
  const nested: Record<string, string> = { format: 'CellPropertiesFormatLoadOptions', fill: 'CellPropertiesFillLoadOptions', font: 'CellPropertiesFontLoadOptions' };
  for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
    checkApi(host, type, k);
    if (nested[k] && v && typeof v === 'object') checkOptions(host, nested[k], v);
  }
}

function coveredByMerge(sheet: HostSheet, row: number, col: number): boolean {
  return sheet.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (m.top !== row || m.left !== col));
}

export function writeContent(host: FakeWorkbook, t: RangeTarget, input: unknown, where: string): void {
  assertWritable(host, liveSheet(host, t.sheet), where);
  forEachInput(t, input, where, (r, c, v) => {
    if (coveredByMerge(t.sheet, r, c) && v !== '') throw new FakeRichApiError('InvalidOperation', 'Cannot change part of a merged cell.', where);
    host.enterValue(t.sheet, r, c, v);
  });
  host.recalculate(t.sheet);
  host.fireChanged(t.sheet, t.rect, 'ThisLocalAddin');
}

export function valueOf(host: FakeWorkbook, sheet: HostSheet, r: number, c: number): string | number | boolean {
  const cell = sheet.cells.get(key(r, c));
  if (!cell) return '';
  if (cell.err) return cell.err;
  return cell.v ?? '';
}

/** Rectangles covering the cells matching `pick`, row runs merged downwards. */
export function rectsOf(t: RangeTarget, pick: (r: number, c: number) => boolean): Rect[] {
  const out: Rect[] = [];
  let open: Rect[] = [];
  const cells = [...t.sheet.cells.keys()].map(unkey).filter(({ row, col }) => row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right && pick(row, col));
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
  const rowsSorted = [...byRow.keys()].sort((a, b) => a - b);
  let prevRow = -2;
  for (const r of rowsSorted) {
    const cs = byRow.get(r)!.sort((a, b) => a - b);
    const runs: Array<[number, number]> = [];
    for (const c of cs) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next: Rect[] = [];
    for (const [a, b] of runs) {
      const cont = r === prevRow + 1 ? open.find((o) => o.left === a && o.right === b) : undefined;
      if (cont) {
        cont.bottom = r;
        next.push(cont);
      } else {
        const rect = { top: r, bottom: r, left: a, right: b };
        out.push(rect);
        next.push(rect);
      }
    }
    open = next;
    prevRow = r;
  }
  return out;
}
