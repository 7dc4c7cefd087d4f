/**
 * The annex against its convention, as findings: data (rule, cells, amounts in cents, sources),
 * rendered in French or English at the edge (messages.ts). Gaps are always the figure checked
 * minus the reference: the annex minus the convention, and for the convention against itself
 * the sum of article 3.1 minus article 2.
 */
import { AnnexFigures } from './annexFigures';
import { ConventionFigures, FigureSource } from './figures';
import { FicheMatch, matchFiches } from './match';
import { Cents } from './money';

export const CONVENTION_RULES = [
  'CONVENTION_SPLIT',
  'CONVENTION_TOTAL',
  'CONVENTION_CODE',
  'FICHE_BUDGET',
  'FICHE_STATE_SHARE',
  'FICHE_UNMATCHED',
  'ROW_WITHOUT_FICHE',
] as const;
export type ConventionRule = (typeof CONVENTION_RULES)[number];

/** A place in the annex. */
export interface AnnexPlace {
  sheet: string;
  /** A1 address the finding points at; null when the annex has no such place (a code it does not use). */
  cell: string | null;
  /** Every cell the figure adds up (a code's column A cells). */
  cells: string[];
  /** 1-based sheet row, when the figure is one row's. */
  row: number | null;
  /** The row's title, when the figure is one row's. */
  title: string | null;
  /** The figure is the TOTAUX FINANCIERS cell (true) or the action rows added up (false). */
  printed?: boolean;
}

/** One side of a finding: an amount and where it comes from. */
export interface FindingSide {
  cents: Cents | null;
  annex?: AnnexPlace;
  sources?: FigureSource[];
}

export interface ConventionFinding {
  rule: ConventionRule;
  /** The figure checked (the annex's; for CONVENTION_SPLIT, the sum of article 3.1). */
  actual: FindingSide;
  /** The reference (the convention's; for CONVENTION_SPLIT, article 2). */
  expected: FindingSide;
  /** actual − expected, in cents; null when a side has no amount. */
  difference: Cents | null;
  /** CONVENTION_CODE: the code. */
  code?: string;
  /** Fiche findings: the fiche, and how it was matched with its row. */
  fiche?: { number: number | null; title: string };
  match?: { method: FicheMatch['method']; score: number; ambiguousRows: number[] };
}

export interface ConventionComparison {
  findings: ConventionFinding[];
  /** Every fiche and the row it was matched with (for display: « fiche 5 ↔ ligne 31, par intitulé »). */
  matches: Array<FicheMatch & { rowNumber: number | null; rowTitle: string | null }>;
  /** Article 3.1 against article 2 and each code against column A were compared (both sides known). */
  compared: { split: boolean; total: boolean; codes: boolean; fiches: boolean };
}

const sum = (xs: Cents[]) => xs.reduce((s, x) => s + x, 0);

/** The convention against itself: the amounts of article 3.1 add up to article 2. */
export function checkConvention(figures: ConventionFigures): ConventionFinding[] {
  if (!figures.stateTotal || figures.codes.length === 0) return [];
  const split = sum(figures.codes.map((c) => c.cents));
  if (split === figures.stateTotal.cents) return [];
  return [
    {
      rule: 'CONVENTION_SPLIT',
      actual: { cents: split, sources: figures.codes.flatMap((c) => c.sources) },
      expected: { cents: figures.stateTotal.cents, sources: [figures.stateTotal.source] },
      difference: split - figures.stateTotal.cents,
    },
  ];
}

export function compareWithAnnex(figures: ConventionFigures, annex: AnnexFigures): ConventionComparison {
  const findings: ConventionFinding[] = [...checkConvention(figures)];
  const place = (p: Omit<AnnexPlace, 'sheet'>): AnnexPlace => ({ sheet: annex.sheet, ...p });

  // Article 2 against the annex's total A.
  const total = annex.totalA;
  const totalCompared = !!figures.stateTotal && !!total && !total.unreadable;
  if (totalCompared && total!.cents !== figures.stateTotal!.cents) {
    findings.push({
      rule: 'CONVENTION_TOTAL',
      actual: { cents: total!.cents, annex: place({ cell: total!.cell, cells: total!.cell ? [total!.cell] : [], row: null, title: null, printed: total!.printed }) },
      expected: { cents: figures.stateTotal!.cents, sources: [figures.stateTotal!.source] },
      difference: total!.cents - figures.stateTotal!.cents,
    });
  }

  // Article 3.1 against column A, code by code: every code either side names (zero when absent);
  // with no code in the figures, none. A code the annex pays on and article 3.1 does not name is a
  // disagreement; amounts typed by hand for a few codes say nothing of the others. (An annex code
  // at zero agrees with its absence; an unreadable one is skipped below.)
  const codesCompared = figures.codes.length > 0;
  const fromDocument = figures.codes.some((c) => c.sources.some((x) => x.kind === 'document'));
  const named = fromDocument ? [...figures.codes, ...annex.codes] : figures.codes;
  for (const code of [...new Set(named.map((c) => c.code))].sort()) {
    const doc = figures.codes.find((c) => c.code === code);
    const a = annex.codes.find((c) => c.code === code);
    if (a?.unreadable) continue; // its unreadable cell is reported by the engine; no sum is claimed
    const annexCents = a?.cents ?? 0;
    const docCents = doc?.cents ?? 0;
    if (annexCents === docCents) continue;
    findings.push({
      rule: 'CONVENTION_CODE',
      code,
      actual: { cents: annexCents, annex: place({ cell: a?.cells[0] ?? null, cells: a?.cells ?? [], row: null, title: null }) },
      expected: { cents: doc ? docCents : null, sources: doc?.sources ?? [] },
      difference: annexCents - docCents,
    });
  }

  // The fiches against their rows.
  const fichesCompared = figures.fiches.length > 0;
  const matches = fichesCompared ? matchFiches(figures.fiches, annex.rows) : [];
  const matchedRows = new Set<number>();
  for (const m of matches) {
    const f = figures.fiches[m.fiche];
    const fiche = { number: f.number, title: f.title };
    const docSources = f.source ? [f.source] : [];
    if (m.row === null) {
      findings.push({
        rule: 'FICHE_UNMATCHED',
        fiche,
        actual: { cents: null },
        expected: { cents: f.total, sources: docSources },
        difference: null,
        match: { method: null, score: 0, ambiguousRows: m.ambiguousWith.map((j) => annex.rows[j].row) },
      });
      continue;
    }
    matchedRows.add(m.row);
    const row = annex.rows[m.row];
    const match = { method: m.method, score: m.score, ambiguousRows: [] };
    const rowPlace = (cell: string) => place({ cell, cells: [cell], row: row.row, title: row.title });
    if (f.total !== null && row.F && row.F.cents !== null && row.F.cents !== f.total) {
      findings.push({ rule: 'FICHE_BUDGET', fiche, match, actual: { cents: row.F.cents, annex: rowPlace(row.F.cell) }, expected: { cents: f.total, sources: docSources }, difference: row.F.cents - f.total });
    }
    if (f.stateShare !== null && row.A && row.A.cents !== null && row.A.cents !== f.stateShare) {
      findings.push({
        rule: 'FICHE_STATE_SHARE',
        fiche,
        match,
        actual: { cents: row.A.cents, annex: rowPlace(row.A.cell) },
        expected: { cents: f.stateShare, sources: docSources },
        difference: row.A.cents - f.stateShare,
      });
    }
  }
  if (fichesCompared) {
    annex.rows.forEach((row, j) => {
      if (matchedRows.has(j) || !row.hasMoney) return;
      const cell = row.A?.cell ?? row.F?.cell ?? null;
      findings.push({
        rule: 'ROW_WITHOUT_FICHE',
        actual: { cents: row.A?.cents ?? null, annex: place({ cell, cells: cell ? [cell] : [], row: row.row, title: row.title }) },
        expected: { cents: null },
        difference: null,
      });
    });
  }

  const order = (r: ConventionRule) => CONVENTION_RULES.indexOf(r);
  findings.sort((a, b) => order(a.rule) - order(b.rule));
  return {
    findings,
    matches: matches.map((m) => ({ ...m, rowNumber: m.row === null ? null : annex.rows[m.row].row, rowTitle: m.row === null ? null : annex.rows[m.row].title })),
    compared: { split: !!figures.stateTotal && codesCompared, total: totalCompared, codes: codesCompared, fiches: fichesCompared },
  };
}
