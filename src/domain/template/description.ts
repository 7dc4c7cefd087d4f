/**
 * The JSON shape of a template: what an annex is, as data (templates/calpae-annexe9.json, and
 * docs/annexe9.md for what each part means). Read through the schema (schema.ts), which checks it
 * and says in French which key is wrong; compiled for matching by compile.ts.
 */

export type AmountColumn = 'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F';
export type TextColumn = 'theme' | 'imputation' | 'fiche' | 'title';
export type ColumnKey = TextColumn | AmountColumn;

export const AMOUNT_COLUMNS: readonly AmountColumn[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];
export const TEXT_COLUMNS: readonly TextColumn[] = ['theme', 'imputation', 'fiche', 'title'];
export const TEMPLATE_COLUMN_KEYS: readonly ColumnKey[] = [...TEXT_COLUMNS, ...AMOUNT_COLUMNS];

/** A word or phrase in each language the product speaks. */
export interface Named {
  fr: string;
  en: string;
}

export interface ColumnDescription {
  key: ColumnKey;
  kind: 'text' | 'amount';
  /** The letter printed above the column (« A » … « F »), when it has one. */
  letter?: string;
  /** Labels that name the column in a header, normalised. */
  labels: string[];
  /** What the messages call it. */
  name: Named;
  /** A shorter name for the summary's column headers. */
  short?: Named;
  /** Its header on the national template, as users read it. */
  header: string;
}

export interface SectionDescription {
  id: string;
  /** As the grand total's sum names it: « socle + initiatives ». */
  name: Named;
  /** Theme labels (normalised phrases) that open the section. */
  starts: string[];
  /** The code of a row of the section whose theme names none (the initiatives' « Initiatives locales »). */
  code?: string;
  total: {
    /** What the messages call the section's total row. */
    name: Named;
    labels: string[];
    /** What it adds up: its subtotals (and the rows no subtotal closes), or its rows. */
    adds: 'subtotals' | 'rows';
  };
  summary: {
    /** One line per measure (the rows a subtotal closes), or one per action. */
    lines: 'measures' | 'actions';
    title: Named;
    /** The recomputed total's line, and the printed total's name in the reconciliation. */
    total: Named;
    printed: Named;
  };
}

export interface SummaryDerived {
  /** `difference`: of[0] − of[1]; `share`: (sum of `of`) / over. */
  kind: 'difference' | 'share';
  of: AmountColumn[];
  over?: AmountColumn;
  label: Named;
}

export interface TemplateDescription {
  id: string;
  name: Named;
  notes?: string;
  columns: ColumnDescription[];
  requiredColumns: ColumnKey[];
  amountColumns: AmountColumn[];
  /** The row total (F) and the columns it adds up (A, B, C, D, E). */
  total: { column: AmountColumn; parts: AmountColumn[] };
  /** The co-financing pair and the shares each pays (50/50: the département matches the State). */
  coFinancing: { state: AmountColumn; departement: AmountColumn; shares: { state: number; departement: number } };
  /** Columns that may not exceed another (the valued share, at most C). */
  capped: Array<{ column: AmountColumn; max: AmountColumn }>;
  sectionNotes?: string;
  sections: SectionDescription[];
  subtotal: { name: Named; shown: string; labels: string[] };
  grandTotal: { name: Named; shown: string; labels: string[]; summary: { total: Named; printed: Named } };
  control: { name: Named; labels: string[] };
  rowLabelNotes?: string;
  /** First words of total labels as people type them, and what they stand for (« ss total » → « sous total »). */
  rowLabelPrefixes?: Record<string, string>;
  /** Words that, followed by a theme's name, make a subtotal (« TOTAL Maraudes mixtes »). */
  themeTotal?: string[];
  /** Words that make any other label an uncertain total (never an action). */
  totalWords?: string[];
  placeholders: { exact: string[]; prefixes: string[] };
  execution?: { notes?: string; markers: string[] };
  chorus: {
    /** What a code starts with (`0304 50 19 19`); its last two digits follow. */
    prefix: string;
    /** Regular expressions finding a code in a cell, its last two digits captured. */
    pattern: string;
    compactPattern: string;
    codes: Array<{ code: string; label: string; themes: string[] }>;
  };
  summary: { derived: SummaryDerived[] };
}
