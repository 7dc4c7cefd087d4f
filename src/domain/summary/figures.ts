/** Figures of a summary line: the summary's levels from the template's sections, its derived columns (A − C, (A+B)/F), a row's readings. */
import Decimal from 'decimal.js';
import { AnnexRow } from '../rows';
import { AmountColumn, AnnexSection, AnnexTemplate, SummaryDerived } from '../template';
import { ColumnSums } from '../sums';
import { Money } from '../money';
import { Amount, Figures } from './model';

export type Amounts = ColumnSums;

export const known = (m: Amount | undefined): m is Money => m !== null && m !== undefined;

/**
 * The summary's two levels: the template's first section (one line per measure) and the sections
 * after it (one line per action), named together when there are several.
 */
export function summaryLevels(template: AnnexTemplate): Record<'socle' | 'initiative', AnnexSection[]> {
  const [first, ...rest] = template.sections;
  return { socle: [first], initiative: rest };
}

export function levelName(sections: AnnexSection[], name: (s: AnnexSection['summary']) => string): string {
  return sections.map((s) => name(s.summary)).join(' + ');
}

/** The template's derived columns: its difference (A − C) and its share ((A+B)/F). */
export interface DerivedColumns {
  gap: SummaryDerived | undefined;
  share: SummaryDerived | undefined;
  required: readonly AmountColumn[];
}

export function derivedColumns(template: AnnexTemplate): DerivedColumns {
  return {
    gap: template.summaryDerived.find((d) => d.kind === 'difference'),
    share: template.summaryDerived.find((d) => d.kind === 'share'),
    required: template.amountColumns.filter((k) => template.requiredColumns.includes(k)),
  };
}

export function withDerivedOf(amounts: Partial<Record<AmountColumn, Amount>>, derived: DerivedColumns): Figures {
  // An optional column the annex lacks counts as zero in a share (an annex without carry-overs
  // has none); a required one it lacks leaves the share unknown.
  const valueOf = (k: AmountColumn): Amount | undefined => (k in amounts || derived.required.includes(k) ? amounts[k] : 0);
  let gapAC: Amount = null;
  if (derived.gap) {
    const [x, y] = derived.gap.of.map((k) => amounts[k]);
    gapAC = known(x) && known(y) ? x - y : null;
  }
  let stateShare: Decimal | null = null;
  if (derived.share?.over) {
    const parts = derived.share.of.map(valueOf);
    const over = amounts[derived.share.over];
    // The one division of the summary: a ratio, through decimal.js.
    if (parts.every(known) && known(over) && over !== 0) stateShare = new Decimal(parts.reduce((n, m) => n + m, 0)).dividedBy(over);
  }
  return { amounts, gapAC, stateShare };
}

export function readingsOf(row: AnnexRow, columns: AmountColumn[]): Partial<Record<AmountColumn, Amount>> {
  const out: Partial<Record<AmountColumn, Amount>> = {};
  for (const k of columns) {
    const r = row.amounts[k];
    // An empty cell reads as zero (amounts.ts): only an unreadable one has no value.
    out[k] = !r ? 0 : r.kind === 'unreadable' ? null : r.value;
  }
  return out;
}
