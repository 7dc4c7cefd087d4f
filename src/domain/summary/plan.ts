/** A sheet plan: the summary sheet as rows of typed cells, which the .xlsx and the Office.js writers write alike. */
import Decimal from 'decimal.js';
import { SummaryMarker } from '../summaryMarker';

/** Number formats, in Excel's invariant (English) form, which both writers use as is. */
export const SUMMARY_FORMATS = {
  amount: '#,##0.00 "€"',
  ratio: '0.0 %',
  count: '0',
  text: '@',
} as const;

export type PlanCell =
  | { kind: 'text'; text: string }
  | { kind: 'amount'; value: Decimal }
  | { kind: 'ratio'; value: Decimal }
  | { kind: 'count'; value: number }
  /** A link to a range of the annex sheet; the text is ours (an address, "lignes 22 à 38"). */
  | { kind: 'link'; text: string; sheet: string; range: string };

export interface PlanCellSlot {
  cell: PlanCell;
  /** Fill `#RRGGBB` that draws the eye to a gap. */
  fill?: string;
}

export type RowStyle = 'title' | 'info' | 'header' | 'section' | 'line' | 'detail' | 'total' | 'gap' | 'note';

export interface PlanRow {
  style: RowStyle;
  /** Cells by 0-based column; missing or null = empty. */
  cells: Array<PlanCellSlot | null>;
  bold: boolean;
  italic: boolean;
  /** Row fill `#RRGGBB` over the plan's columns. */
  fill?: string;
  wrap?: boolean;
  /** Font size in points (title). */
  size?: number;
  /** Indent level of the first cell (detail lines). */
  indent?: number;
}

export interface SheetPlan {
  /** The name to give a new summary sheet (another one when a sheet of the user's has it). */
  name: string;
  rows: PlanRow[];
  /** Column widths in characters, one per plan column. */
  widths: number[];
  /** Rows frozen at the top (title and column headers). */
  frozenRows: number;
  print: {
    orientation: 'landscape';
    /** Fit to one page wide, as many tall as needed. */
    fitToWidth: 1;
    fitToHeight: 0;
    /** 1-based rows repeated on each printed page, inclusive. */
    titleRows: { first: number; last: number };
    /** `A1:P40`: the marker column stays out. */
    area: string;
  };
  marker: SummaryMarker;
  /**
   * The lines « Par imputation Chorus » of the first table (0-based plan rows, contiguous) and the
   * plan columns of their label, A, C and F: what a chart of A, C and F by measure draws.
   */
  byCode?: { firstRow: number; rows: number; label: number; A: number; C: number; F: number };
}
