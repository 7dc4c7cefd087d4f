/**
 * Findings that appeared or disappeared between two tables, each checked by the engine. A finding
 * is the same in both when its rule and column are the same and it sits on the same paired row
 * (the same action, the subtotal of the same measure, the same section total), wherever that row
 * is in the sheet: an inserted row above it does not make it "new".
 */
import { ComparableFinding, ComparableTable, FindingTarget } from './comparable';
import { pairByKey } from './pair';
import { Pairing } from './pair';

export interface FindingChange {
  status: 'appeared' | 'disappeared';
  /** Which table it is in: the new one for an appeared finding, the old one for a disappeared one. */
  rule: string;
  column: string;
  row: number;
  cell: string;
  message: string;
}

function measurePairs(oldT: ComparableTable, newT: ComparableTable): { oldIdx: Int32Array; newIdx: Int32Array } {
  const key = (m: ComparableTable['measures'][number]) => JSON.stringify([m.section, m.themeKey, m.code]);
  const pairs = pairByKey(oldT.measures, newT.measures, key);
  // Every measure of either side is in one pair (a lone one too), so each index is set below.
  const oldIdx = new Int32Array(oldT.measures.length);
  const newIdx = new Int32Array(newT.measures.length);
  pairs.forEach(([o, n], i) => {
    if (o !== null) oldIdx[o] = i;
    if (n !== null) newIdx[n] = i;
  });
  return { oldIdx, newIdx };
}

export function compareFindings(oldT: ComparableTable, newT: ComparableTable, pairing: Pairing): FindingChange[] {
  const measures = measurePairs(oldT, newT);
  const where = (t: FindingTarget, isOld: boolean): string => {
    switch (t.kind) {
      case 'action':
        return `a${(isOld ? pairing.pairOfOld : pairing.pairOfNew)[t.action]}`;
      case 'subtotal':
        return `m${(isOld ? measures.oldIdx : measures.newIdx)[t.measure]}`;
      case 'total':
        return `t${t.level}`;
      case 'row':
        return `r${t.label}`;
    }
  };
  const key = (f: ComparableFinding, isOld: boolean) => `${f.rule}\u0001${f.column}\u0001${where(f.target, isOld)}`;
  const remaining = new Map<string, number>();
  for (const f of oldT.findings) {
    const k = key(f, true);
    remaining.set(k, (remaining.get(k) ?? 0) + 1);
  }
  const appeared: FindingChange[] = [];
  const kept = new Map<string, number>();
  for (const f of newT.findings) {
    const k = key(f, false);
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      remaining.set(k, left - 1);
      kept.set(k, (kept.get(k) ?? 0) + 1);
    } else appeared.push(change('appeared', f));
  }
  const disappeared: FindingChange[] = [];
  for (const f of oldT.findings) {
    const k = key(f, true);
    const k2 = kept.get(k) ?? 0;
    if (k2 > 0) kept.set(k, k2 - 1);
    else disappeared.push(change('disappeared', f));
  }
  return [...disappeared, ...appeared];
}

function change(status: FindingChange['status'], f: ComparableFinding): FindingChange {
  return { status, rule: f.rule, column: f.column, row: f.row, cell: f.cell, message: f.message };
}
