/**
 * The annex's vocabulary, as data. Next year's annex (or the "Pactes locaux des solidarités"
 * annex) should need a new template description, not new code: everything the engine knows about
 * header labels, row labels and Chorus codes comes from here.
 */
import calpaeJson from './templates/calpae-annexe9.json';
import { normalizeLabel } from './text';

export type AmountColumn = 'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F';
export type TextColumn = 'theme' | 'imputation' | 'fiche' | 'title';
export type ColumnKey = TextColumn | AmountColumn;
export type TotalKind = 'subtotal' | 'socleSubtotal' | 'initiativeSubtotal' | 'grandTotal' | 'control';

/** The JSON shape of a template description (see templates/calpae-annexe9.json). */
export interface TemplateDescription {
  id: string;
  name: { fr: string; en: string };
  columns: Array<{ key: ColumnKey; kind: 'text' | 'amount'; letter?: string; labels: string[]; name: { fr: string; en: string }; header: string }>;
  requiredColumns: ColumnKey[];
  amountColumns: AmountColumn[];
  total: { column: AmountColumn; parts: AmountColumn[] };
  coFinancing: { state: AmountColumn; departement: AmountColumn; shares?: { state: number; departement: number } };
  capped: Array<{ column: AmountColumn; max: AmountColumn }>;
  rowLabels: Record<TotalKind, string[]>;
  /** First words of total labels as people type them, and what they stand for (« ss total » → « sous total »). */
  rowLabelPrefixes?: Record<string, string>;
  /** Words that, followed by a theme's name, make a subtotal (« TOTAL Maraudes mixtes »). */
  themeTotal?: string[];
  /** Words that make any other label an uncertain total (never an action). */
  totalWords?: string[];
  initiativeSection: string[];
  placeholders: { exact: string[]; prefixes: string[] };
  chorus: {
    pattern: string;
    compactPattern: string;
    codes: Array<{ code: string; label: string; themes: string[] }>;
    initiativeCode: string;
  };
}

export interface ChorusCode {
  /** Canonical form `0304 50 19 19 07`. */
  code: string;
  /** What is written in a filled cell: code and long description. */
  label: string;
  themes: string[];
}

/** A template with its labels normalised once, ready for matching. */
export interface AnnexTemplate {
  id: string;
  name: { fr: string; en: string };
  headerLabels: Array<{ key: ColumnKey; label: string }>;
  letters: Map<string, AmountColumn>;
  columnLetter: Partial<Record<ColumnKey, string>>;
  textColumns: TextColumn[];
  amountColumns: AmountColumn[];
  requiredColumns: ColumnKey[];
  total: { column: AmountColumn; parts: AmountColumn[] };
  /** The co-financing pair and its shares (50/50: the partner's amount equals the State's). */
  coFinancing: { state: AmountColumn; departement: AmountColumn; shares: { state: number; departement: number } };
  capped: Array<{ column: AmountColumn; max: AmountColumn }>;
  /** Total row labels, most specific kind first. */
  rowLabels: Array<{ kind: TotalKind; label: string }>;
  /** Label prefixes rewritten before matching, longest first. */
  rowLabelPrefixes: Array<{ from: string; to: string }>;
  themeTotal: string[];
  totalWords: string[];
  initiativeSection: string[];
  placeholderExact: Set<string>;
  placeholderPrefixes: string[];
  chorusPattern: RegExp;
  chorusCompactPattern: RegExp;
  codes: ChorusCode[];
  initiativeCode: string;
  /** The original header labels (first of each column), for messages. */
  displayLabels: Partial<Record<ColumnKey, string>>;
  /** What the messages call each column (« Participation État », "State share"). */
  columnNames: Partial<Record<ColumnKey, { fr: string; en: string }>>;
  /** Each column's header on the national template, as users read it in their sheet. */
  columnHeaders: Partial<Record<ColumnKey, string>>;
}

const TOTAL_ORDER: TotalKind[] = ['control', 'grandTotal', 'socleSubtotal', 'initiativeSubtotal', 'subtotal'];

export function compileTemplate(d: TemplateDescription): AnnexTemplate {
  const headerLabels = d.columns
    .flatMap((c) => c.labels.map((l) => ({ key: c.key, label: normalizeLabel(l) })))
    // Longest first: "credits cd yyyy reportes" (D) must win over "credits cd" (C).
    .sort((a, b) => b.label.length - a.label.length);
  const letters = new Map<string, AmountColumn>();
  const columnLetter: Partial<Record<ColumnKey, string>> = {};
  for (const c of d.columns) {
    if (c.letter) {
      letters.set(c.letter.toLowerCase(), c.key as AmountColumn);
      columnLetter[c.key] = c.letter;
    }
  }
  const rowLabels = TOTAL_ORDER.flatMap((kind) =>
    (d.rowLabels[kind] ?? []).map((l) => ({ kind, label: normalizeLabel(l) })),
  );
  return {
    id: d.id,
    name: d.name,
    headerLabels,
    letters,
    columnLetter,
    textColumns: d.columns.filter((c) => c.kind === 'text').map((c) => c.key as TextColumn),
    amountColumns: d.amountColumns,
    requiredColumns: d.requiredColumns,
    total: d.total,
    coFinancing: { ...d.coFinancing, shares: d.coFinancing.shares ?? { state: 50, departement: 50 } },
    capped: d.capped,
    rowLabels,
    rowLabelPrefixes: Object.entries(d.rowLabelPrefixes ?? {})
      .map(([from, to]) => ({ from: normalizeLabel(from), to: normalizeLabel(to) }))
      .sort((a, b) => b.from.length - a.from.length),
    themeTotal: (d.themeTotal ?? []).map(normalizeLabel),
    totalWords: (d.totalWords ?? []).map(normalizeLabel),
    initiativeSection: d.initiativeSection.map(normalizeLabel),
    placeholderExact: new Set(d.placeholders.exact.map(normalizeLabel)),
    placeholderPrefixes: d.placeholders.prefixes.map(normalizeLabel),
    chorusPattern: new RegExp(d.chorus.pattern),
    chorusCompactPattern: new RegExp(d.chorus.compactPattern),
    codes: d.chorus.codes.map((c) => ({ ...c, themes: c.themes.map(normalizeLabel) })),
    initiativeCode: d.chorus.initiativeCode,
    displayLabels: Object.fromEntries(d.columns.map((c) => [c.key, c.labels[0]])),
    columnNames: Object.fromEntries(d.columns.map((c) => [c.key, c.name])),
    columnHeaders: Object.fromEntries(d.columns.map((c) => [c.key, c.header])),
  };
}

export const CALPAE_TEMPLATE: AnnexTemplate = compileTemplate(calpaeJson as TemplateDescription);

/** Canonical Chorus code (`0304 50 19 19 07`) found in a cell's text, or null. */
export function parseChorusCode(template: AnnexTemplate, text: string): string | null {
  const m = template.chorusPattern.exec(text) ?? template.chorusCompactPattern.exec(text.replace(/\s+/g, ''));
  if (!m) return null;
  const known = template.codes.find((c) => c.code.endsWith(` ${m[1]}`));
  return known ? known.code : `0304 50 19 19 ${m[1]}`;
}

/** Chorus codes whose theme words the (normalised) theme label contains. */
export function codesForTheme(template: AnnexTemplate, normalizedTheme: string): ChorusCode[] {
  if (!normalizedTheme) return [];
  return template.codes.filter((c) => c.themes.some((t) => ` ${normalizedTheme} `.includes(` ${t} `)));
}
