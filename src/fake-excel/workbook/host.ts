/**
 * The data behind the fake API: cells, sheets, conditional formats, custom XML parts, the recorder
 * of syncs, the workbook's options, a cell as tests read it back and the saved form of a workbook.
 * No Node imports: it runs in a browser too.
 */
import { MAX_COLUMNS, Rect } from '../../domain/a1';
import type { FakeReadings } from './readings';

export interface HostCell {
  /** Constant or computed value; null when empty. */
  v: number | string | boolean | null;
  /** Error value (`#REF!`), instead of v. */
  err?: string;
  /** Formula text with `=`. */
  f?: string;
  /** Number format; absent = General. */
  fmt?: string;
  /** Fill colour `#RRGGBB`; absent = no fill. */
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  italic?: boolean;
  wrap?: boolean;
}

export interface HostConditionalFormat {
  /** Runtime id: like Excel's, not kept across save and reopen. */
  id: string;
  /** 'Custom' for the add-in's; other types (DataBar…) exist for the diagnostic's own checks. */
  type: string;
  area: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  stopIfTrue: boolean;
}

export type ChangeListener = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown> | void;

export interface HostSheet {
  id: string;
  name: string;
  cells: Map<number, HostCell>;
  merges: Rect[];
  protected: boolean;
  /** Highest priority first. */
  cfs: HostConditionalFormat[];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  columnWidths: Map<number, number>;
  listeners: Set<ChangeListener>;
  /** Rows hidden by hand, and rows a filter hides (0-based). */
  hiddenRows: Set<number>;
  filteredRows: Set<number>;
  frozenRows: number;
  page: HostPageLayout;
  /** Charts (only what the summary sheet adds: a type, a position, named series over ranges). */
  charts: HostChart[];
}

export interface HostChart {
  name: string;
  type: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers (`P4`, `X22`). */
  position: { start: string; end: string | null };
  series: Array<{ name: string; values: string | null; xValues: string | null }>;
}

export interface HostPageLayout {
  orientation: 'Portrait' | 'Landscape';
  /** What printing uses: `scale` in percent, or fit to pages. */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  titleRows: string | null;
}

export interface HostXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface SyncRecord {
  /** Bytes of the request (queued actions, JSON, UTF-8). */
  requestBytes: number;
  /** Bytes of the response (loaded data, JSON, UTF-8). */
  responseBytes: number;
  actions: number;
  /** Error code when the sync failed. */
  failed?: string;
}

export interface RunRecord {
  options: Record<string, unknown>;
  syncs: number;
}

export class Recorder {
  syncs: SyncRecord[] = [];
  runs: RunRecord[] = [];
  get syncCount(): number {
    return this.syncs.length;
  }
  get responseBytes(): number {
    return this.syncs.reduce((s, r) => s + r.responseBytes, 0);
  }
  get maxResponseBytes(): number {
    return this.syncs.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
  reset(): void {
    this.syncs = [];
    this.runs = [];
  }
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi version the fake claims (Office.context.requirements.isSetSupported). Default 1.20. */
  apiVersion?: string;
  /** Office.context.document.mode is ReadOnly and every write fails with AccessDenied. */
  readOnly?: boolean;
  /** Fail a sync whose request or response exceeds this many bytes, like Excel on the web (5 MB). */
  payloadLimitBytes?: number;
  /** User fills per sheet and A1 cell, e.g. { 'Annexe 9': { B5: '#FFFF00' } }. */
  fills?: Record<string, Record<string, string>>;
  /** Name of the active sheet; default the first. */
  activeSheet?: string;
  /** Readings of what the documentation leaves open; LEAST_FAVOURABLE by default. */
  readings?: Partial<FakeReadings>;
  /** Rows hidden per sheet, e.g. { 'Annexe 9': ['12:13'] }; `filtered` for rows a filter hides. */
  hiddenRows?: Record<string, string[]>;
  filteredRows?: Record<string, string[]>;
}

/** A cell as the demo renders it and tests compare it. */
export interface CellState {
  address: string;
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  /** The cell's own fill. */
  fill: string | null;
  /** Conditional formats over the cell, highest priority first, and whether each applies now. */
  conditionalFormats: Array<{ id: string; formula: string; fill?: string; applies: boolean | null }>;
  /** The fill shown: the first applying conditional format's, else the cell's own. */
  displayFill: string | null;
  /** Top-left of the merge covering the cell, when it is covered. */
  mergedInto?: string;
}

export interface SavedWorkbook {
  format: 'annexe9-fake-workbook';
  version: 1;
  activeSheet: string;
  sheets: Array<{
    id: string;
    name: string;
    protected: boolean;
    visibility: HostSheet['visibility'];
    cells: Array<[string, HostCell]>;
    merges: string[];
    conditionalFormats: Array<Omit<HostConditionalFormat, 'id' | 'area'> & { range: string }>;
    columnWidths: Array<[number, number]>;
    charts?: HostChart[];
    hiddenRows?: number[];
    filteredRows?: number[];
    frozenRows?: number;
    page?: HostPageLayout;
  }>;
  customXmlParts: HostXmlPart[];
}

export const key = (row: number, col: number) => row * MAX_COLUMNS + col;
export const unkey = (k: number) => ({ row: Math.floor(k / MAX_COLUMNS), col: k % MAX_COLUMNS });

let idCounter = 0;
export const newId = (prefix: string) => `{${prefix}-${(++idCounter).toString(16).padStart(8, '0')}-${Math.random().toString(16).slice(2, 10)}}`;

/** `1.13` < `1.9`? No: compare numerically part by part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Default namespace of an XML document's root element; throws on what is not XML. */
export function xmlNamespace(xml: string): string {
  const body = xml.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>)?\s*(<!--[\s\S]*?-->\s*)*/, '');
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/.exec(body);
  if (!root) throw new Error('not XML');
  const name = root[1];
  const closed = root[2].trimEnd().endsWith('/') || body.trimEnd().endsWith(`</${name}>`);
  if (!closed) throw new Error('not well-formed XML');
  const prefix = name.includes(':') ? name.split(':')[0] : null;
  const attr = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*(["'])(.*?)\\1`) : /xmlns\s*=\s*(["'])(.*?)\1/;
  const m = attr.exec(root[2]);
  return m ? m[2] : '';
}
