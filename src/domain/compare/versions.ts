/**
 * Two versions of an annex, compared action by action: for each pair its changes (amounts per
 * column, title, theme, code, fiche number); what was added or removed; per measure, per Chorus
 * code and for the totals, the amounts before and after. Data only: texts are made by render.ts.
 */
import { AmountKey, Cents, CentsRow, ComparableAction, ComparableTable, Section } from './comparable';
import { GroupKind, TableGroup, codeGroups, measureGroups, totalGroups } from './groups';
import { PairedBy, Pairing, pairByKey } from './pair';

export type ChangeKind = 'amounts' | 'renamed' | 'movedTheme' | 'codeChanged' | 'ficheChanged';
export type Status = 'unchanged' | 'changed' | 'added' | 'removed';

/**
 * One column of one line. `old`/`new` are null where the line does not exist on that side, or the
 * cell cannot be read; `change` is new − old, the whole amount for an added or removed line, and
 * null when a side cannot be read.
 */
export interface AmountChange {
  column: AmountKey;
  old: Cents | null;
  new: Cents | null;
  change: Cents | null;
}

/** An action as it stands in one version. */
export interface ActionSide {
  id: number;
  row: number;
  fiche: string | null;
  title: string;
  theme: string | null;
  code: string | null;
  section: Section;
  placeholder: boolean;
}

export interface ActionChange {
  status: Status;
  pairedBy: PairedBy | null;
  old: ActionSide | null;
  new: ActionSide | null;
  changes: ChangeKind[];
  /** Every compared column, changed or not (a pane shows the line whole). */
  amounts: AmountChange[];
  /** Paired, and its place among the other actions changed (a swap, a move). Not a difference by itself. */
  reordered: boolean;
  /** A template row (no title of its own, no money) on the side(s) it exists. */
  template: boolean;
}

export interface GroupSide {
  firstRow: number | null;
  /** The total row that closes it (subtotal, section sub-total, TOTAUX FINANCIERS). */
  totalRow: number | null;
  actions: number;
}

export interface GroupChange {
  kind: GroupKind;
  key: string;
  status: Status;
  theme: string | null;
  code: string | null;
  level: 'socle' | 'initiative' | 'grand' | null;
  old: GroupSide | null;
  new: GroupSide | null;
  /** Recomputed from the action rows. */
  amounts: AmountChange[];
  /** The printed total row, when either version has one. */
  printed: AmountChange[] | null;
}

export interface VersionComparison {
  actions: ActionChange[];
  measures: GroupChange[];
  codes: GroupChange[];
  /** Socle, initiatives, then the whole table. */
  totals: GroupChange[];
  counts: {
    actionsAdded: number;
    actionsRemoved: number;
    actionsChanged: number;
    renamed: number;
    movedTheme: number;
    codeChanged: number;
    templateRowsAdded: number;
    templateRowsRemoved: number;
    reordered: number;
    measuresChanged: number;
    codesChanged: number;
    totalsChanged: number;
  };
}

export function side(a: ComparableAction): ActionSide {
  return { id: a.id, row: a.row, fiche: a.fiche, title: a.title, theme: a.theme, code: a.code, section: a.section, placeholder: a.placeholder };
}

export function amountChanges(old: CentsRow | null, neu: CentsRow | null, columns: readonly AmountKey[]): AmountChange[] {
  return columns.map((column) => {
    const o = old ? old[column] ?? null : null;
    const n = neu ? neu[column] ?? null : null;
    let change: Cents | null;
    if (old && neu) change = o === null || n === null ? null : n - o;
    else if (neu) change = n;
    else change = o === null ? null : 0 - o; // never -0
    return { column, old: o, new: n, change };
  });
}

/** True when an amount differs (an unreadable cell on one side only counts as a change). */
export function amountsDiffer(changes: readonly AmountChange[]): boolean {
  return changes.some((c) => c.old !== c.new);
}

function compareAction(oldT: ComparableTable, newT: ComparableTable, o: number | null, n: number | null, by: PairedBy | null, reordered: boolean, columns: readonly AmountKey[]): ActionChange {
  const oa = o !== null ? oldT.actions[o] : null;
  const na = n !== null ? newT.actions[n] : null;
  const amounts = amountChanges(oa?.amounts ?? null, na?.amounts ?? null, columns);
  const template = (!oa || oa.placeholder) && (!na || na.placeholder);
  if (!oa || !na) {
    return { status: oa ? 'removed' : 'added', pairedBy: null, old: oa && side(oa), new: na && side(na), changes: [], amounts, reordered: false, template };
  }
  const changes: ChangeKind[] = [];
  if (amountsDiffer(amounts)) changes.push('amounts');
  if (oa.title !== na.title) changes.push('renamed');
  if (oa.keys.theme !== na.keys.theme || oa.section !== na.section) changes.push('movedTheme');
  if (oa.code !== na.code) changes.push('codeChanged');
  if (oa.keys.fiche !== na.keys.fiche) changes.push('ficheChanged');
  return {
    status: changes.length ? 'changed' : 'unchanged',
    pairedBy: by,
    old: side(oa),
    new: side(na),
    changes,
    amounts,
    reordered: reordered && !changes.includes('movedTheme'),
    template,
  };
}

function groupSide(g: TableGroup): GroupSide {
  return { firstRow: g.firstRow, totalRow: g.totalRow, actions: g.actionCount };
}

/** Groups of both versions paired by structure, each with its changes. */
export function compareGroups(olds: TableGroup[], news: TableGroup[], columns: readonly AmountKey[]): GroupChange[] {
  return pairByKey(olds, news, (g) => g.key).map(([i, j]) => {
    const o = i !== null ? olds[i] : null;
    const n = j !== null ? news[j] : null;
    const g = (n ?? o)!;
    const amounts = amountChanges(o?.amounts ?? null, n?.amounts ?? null, columns);
    const printed = o?.printed || n?.printed ? amountChanges(o?.printed ?? null, n?.printed ?? null, columns) : null;
    const status: Status = !o ? 'added' : !n ? 'removed' : amountsDiffer(amounts) || (printed && amountsDiffer(printed)) ? 'changed' : 'unchanged';
    return {
      kind: g.kind,
      key: g.key,
      status,
      theme: g.theme,
      code: g.code,
      level: g.level,
      old: o && groupSide(o),
      new: n && groupSide(n),
      amounts,
      printed,
    };
  });
}

export function compareVersions(oldT: ComparableTable, newT: ComparableTable, pairing: Pairing, columns: readonly AmountKey[]): VersionComparison {
  const actions = pairing.pairs.map((p, i) => compareAction(oldT, newT, p.old, p.new, p.by, pairing.reordered.has(i), columns));
  const measures = compareGroups(measureGroups(oldT, columns), measureGroups(newT, columns), columns);
  const codes = compareGroups(codeGroups(oldT, columns), codeGroups(newT, columns), columns);
  const totals = compareGroups(totalGroups(oldT, columns), totalGroups(newT, columns), columns);
  const counts: VersionComparison['counts'] = {
    actionsAdded: 0,
    actionsRemoved: 0,
    actionsChanged: 0,
    renamed: 0,
    movedTheme: 0,
    codeChanged: 0,
    templateRowsAdded: 0,
    templateRowsRemoved: 0,
    reordered: 0,
    measuresChanged: 0,
    codesChanged: 0,
    totalsChanged: 0,
  };
  for (const a of actions) {
    if (a.status === 'added') a.template ? counts.templateRowsAdded++ : counts.actionsAdded++;
    else if (a.status === 'removed') a.template ? counts.templateRowsRemoved++ : counts.actionsRemoved++;
    else if (a.status === 'changed') counts.actionsChanged++;
    if (a.changes.includes('renamed')) counts.renamed++;
    if (a.changes.includes('movedTheme')) counts.movedTheme++;
    if (a.changes.includes('codeChanged')) counts.codeChanged++;
    if (a.reordered && a.status === 'unchanged') counts.reordered++;
  }
  const changed = (list: GroupChange[]) => list.filter((g) => g.status !== 'unchanged' && !(isEmptyGroup(g))).length;
  counts.measuresChanged = changed(measures);
  counts.codesChanged = changed(codes);
  counts.totalsChanged = changed(totals);
  return { actions, measures, codes, totals, counts };
}

/**
 * A measure made of template rows only, added or removed with them (the State's corrected version
 * drops the empty « le cas échéant » blocks): no money, no action, not a difference.
 */
export function isEmptyGroup(g: GroupChange): boolean {
  if (g.status !== 'added' && g.status !== 'removed') return false;
  const s = (g.new ?? g.old)!;
  return s.actions === 0 && g.amounts.every((c) => c.change === 0) && (!g.printed || g.printed.every((c) => c.change === 0));
}
