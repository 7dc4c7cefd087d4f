/**
 * One rule on a small plain table: the hand-typed annex (hand-table.ts) read and classified as
 * the engine does, then only that rule's check — no other rule, no folding.
 */
import { FindingOf, RuleCode, cellName } from '../../src/domain/findings';
import { locateTables } from '../../src/domain/layout';
import { MergeIndex } from '../../src/domain/merges';
import { recalculate } from '../../src/domain/recalc';
import { ruleOf } from '../../src/domain/rules/registry';
import { checkTableOf } from '../../src/domain/rules/context';
import { CheckTable } from '../../src/domain/rules/types';
import { classifyRows } from '../../src/domain/rows';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../../src/domain/template';
import { findingText } from '../../src/domain/words/render';
import { Typed, sheet } from './hand-table';

export function tableOf(body: Typed[][], template: AnnexTemplate = CALPAE_TEMPLATE): CheckTable {
  const read = sheet(body);
  const merges = new MergeIndex(read);
  const [layout] = locateTables(read, template, merges);
  if (!layout) throw new Error('no table');
  const amountCols = template.amountColumns.map((k) => layout.columns[k]).filter((c): c is number => c !== undefined);
  const recalc = recalculate(read, [{ rows: { start: layout.dataStart, end: layout.dataEnd }, cols: amountCols, decimals: 2 }]);
  const table = classifyRows(recalc.grid, layout, template, merges);
  return checkTableOf({ sheet: read.name, grid: recalc.grid, layout, template, table, merges, unit: '€', stale: recalc.stale });
}

/** What one rule finds on a table, alone. */
export function findingsOf<R extends RuleCode>(code: R, body: Typed[][]): Array<FindingOf<R>> {
  return ruleOf(code).check(tableOf(body));
}

/** `RULE@CELL expected→actual`, amounts in euros. */
export function brief(findings: Array<FindingOf<RuleCode>>): string[] {
  const euros = (m: number | null) => (m === null ? '-' : String(m / 100));
  return findings.map((f) => `${f.rule}@${cellName(f.at)} ${euros(f.expected)}→${euros(f.actual)}`);
}

export function messages(f: FindingOf<RuleCode>): { fr: string; en: string } {
  return { fr: findingText(f, 'fr'), en: findingText(f, 'en') };
}
