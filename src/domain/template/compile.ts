/**
 * A template description compiled for matching: labels normalised once, letters and names by
 * column, the total labels in the order they are tried. Everything the engine knows about an
 * annex — its columns, sections, totals, co-financing, Chorus codes and summary — comes from
 * here (docs/annexe9.md); next year's annex is a new description, not new code.
 */
import { normalizeLabel } from '../text';
import { AmountColumn, ColumnKey, Named, SectionDescription, SummaryDerived, TemplateDescription, TextColumn } from './description';

export type TotalKind = 'subtotal' | 'sectionTotal' | 'grandTotal' | 'control';

/** Which total a row is: its kind, and for a section total the section it closes. */
export interface TotalRef {
  kind: TotalKind;
  section?: string;
}

export interface ChorusCode {
  /** Canonical form `0304 50 19 19 07`. */
  code: string;
  /** What is written in a filled cell: code and long description. */
  label: string;
  themes: string[];
}

export interface AnnexSection {
  id: string;
  name: Named;
  /** Theme phrases (normalised) that open the section. */
  starts: string[];
  /** The code its rows take when their theme names none. */
  code: string | null;
  total: { name: Named; adds: 'subtotals' | 'rows' };
  summary: SectionDescription['summary'];
}

/** A template with its labels normalised once, ready for matching. */
export interface AnnexTemplate {
  id: string;
  name: Named;
  headerLabels: Array<{ key: ColumnKey; label: string }>;
  /** Letters printed above columns (lower case) → the column. */
  letters: Map<string, AmountColumn>;
  columnLetter: Partial<Record<ColumnKey, string>>;
  textColumns: TextColumn[];
  amountColumns: AmountColumn[];
  requiredColumns: ColumnKey[];
  total: { column: AmountColumn; parts: AmountColumn[] };
  /** The co-financing pair and its shares (50/50: the partner's amount equals the State's). */
  coFinancing: { state: AmountColumn; departement: AmountColumn; shares: { state: number; departement: number } };
  capped: Array<{ column: AmountColumn; max: AmountColumn }>;
  /** In the order they come in the table; the first is where it starts. */
  sections: AnnexSection[];
  /** Total labels, the most specific kind first (control, grand total, section totals, subtotal). */
  totalLabels: Array<{ total: TotalRef; rank: number; label: string }>;
  subtotal: { name: Named; shown: string };
  grandTotal: { name: Named; shown: string; summary: { total: Named; printed: Named } };
  control: { name: Named };
  /** Label prefixes rewritten before matching, longest first. */
  rowLabelPrefixes: Array<{ from: string; to: string }>;
  themeTotal: string[];
  totalWords: string[];
  placeholderExact: Set<string>;
  placeholderPrefixes: string[];
  chorusPrefix: string;
  chorusPattern: RegExp;
  chorusCompactPattern: RegExp;
  codes: ChorusCode[];
  /** The original header labels (first of each column), for messages. */
  displayLabels: Partial<Record<ColumnKey, string>>;
  /** What the messages call each column (« Participation État », "State share"). */
  columnNames: Partial<Record<ColumnKey, Named>>;
  /** Shorter names, for the summary's headers. */
  columnShort: Partial<Record<ColumnKey, Named>>;
  /** Each column's header on the national template, as users read it in their sheet. */
  columnHeaders: Partial<Record<ColumnKey, string>>;
  summaryDerived: SummaryDerived[];
}

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
  const ranked: Array<{ total: TotalRef; labels: string[] }> = [
    { total: { kind: 'control' }, labels: d.control.labels },
    { total: { kind: 'grandTotal' }, labels: d.grandTotal.labels },
    ...d.sections.map((s) => ({ total: { kind: 'sectionTotal' as const, section: s.id }, labels: s.total.labels })),
    { total: { kind: 'subtotal' }, labels: d.subtotal.labels },
  ];
  const totalLabels = ranked.flatMap((r, rank) => r.labels.map((l) => ({ total: r.total, rank, label: normalizeLabel(l) })));
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
    coFinancing: d.coFinancing,
    capped: d.capped,
    sections: d.sections.map((s) => ({ id: s.id, name: s.name, starts: s.starts.map(normalizeLabel), code: s.code ?? null, total: { name: s.total.name, adds: s.total.adds }, summary: s.summary })),
    totalLabels,
    subtotal: { name: d.subtotal.name, shown: d.subtotal.shown },
    grandTotal: { name: d.grandTotal.name, shown: d.grandTotal.shown, summary: d.grandTotal.summary },
    control: { name: d.control.name },
    rowLabelPrefixes: Object.entries(d.rowLabelPrefixes ?? {})
      .map(([from, to]) => ({ from: normalizeLabel(from), to: normalizeLabel(to) }))
      .sort((a, b) => b.from.length - a.from.length),
    themeTotal: (d.themeTotal ?? []).map(normalizeLabel),
    totalWords: (d.totalWords ?? []).map(normalizeLabel),
    placeholderExact: new Set(d.placeholders.exact.map(normalizeLabel)),
    placeholderPrefixes: d.placeholders.prefixes.map(normalizeLabel),
    chorusPrefix: d.chorus.prefix,
    chorusPattern: new RegExp(d.chorus.pattern),
    chorusCompactPattern: new RegExp(d.chorus.compactPattern),
    codes: d.chorus.codes.map((c) => ({ ...c, themes: c.themes.map(normalizeLabel) })),
    displayLabels: Object.fromEntries(d.columns.map((c) => [c.key, c.labels[0]])),
    columnNames: Object.fromEntries(d.columns.map((c) => [c.key, c.name])),
    columnShort: Object.fromEntries(d.columns.map((c) => [c.key, c.short ?? c.name])),
    columnHeaders: Object.fromEntries(d.columns.map((c) => [c.key, c.header])),
    summaryDerived: d.summary.derived,
  };
}

/** The section a row of `id` is in, from the template. */
export function sectionOf(template: AnnexTemplate, id: string): AnnexSection | undefined {
  return template.sections.find((s) => s.id === id);
}
