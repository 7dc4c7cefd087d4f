/**
 * The marker of our own summary sheet, apart from the summary builder so that the engine's entry
 * point can recognise a summary (its header looks like an annex's) without depending on it.
 */
import { SheetGrid, getCell } from './grid';

/**
 * How we recognise OUR summary: two cells in a hidden column out of the print area, the token and
 * the annex sheet summarised. Cells, because both writers (ExcelJS, Office.js) read and write them
 * the same way, and a copy of the file keeps them; a user's sheet called "Synthèse annexe 9"
 * never has the token, so it is never taken for ours.
 */
export interface SummaryMarker {
  /** 0-based column (Z). */
  col: number;
  /** Row 1 holds the token, row 2 the source sheet's name. */
  token: string;
  source: string;
}

export const SUMMARY_MARKER_COLUMN = 25; // Z
export const SUMMARY_MARKER_TOKEN = 'annexe9-synthese/v1';

/** What the marker cells of a sheet say about it. */
export function summaryMarkerStatus(z1: unknown, z2: unknown, sourceSheet: string): 'ours' | 'oursForAnotherSheet' | 'notOurs' {
  if (z1 !== SUMMARY_MARKER_TOKEN) return 'notOurs';
  return z2 === sourceSheet ? 'ours' : 'oursForAnotherSheet';
}

/** True when a sheet read into a grid is one of our summaries (its headers look like an annex's). */
export function isSummaryGrid(grid: SheetGrid): boolean {
  const at = (row: number) => getCell(grid, row - grid.origin.row, SUMMARY_MARKER_COLUMN - grid.origin.col)?.value;
  return at(0) === SUMMARY_MARKER_TOKEN;
}
