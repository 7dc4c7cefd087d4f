/**
 * The groups both comparisons report on, made from a table's actions: measures (the rows one theme
 * subtotal closes), Chorus codes, the two sections and the whole table. Their amounts are recomputed
 * from the action rows; the total printed in the annex, when there is one, is kept beside them.
 * A group's key names it by structure, so that the same group is found in the other version.
 */
import { AmountKey, Cents, CentsRow, ComparableTable, Section, TotalLevel } from './comparable';

export type GroupKind = 'measure' | 'code' | 'section' | 'grand';

export interface TableGroup {
  kind: GroupKind;
  /** Structural key: equal keys (in order of appearance) are the same group in two versions. */
  key: string;
  theme: string | null;
  code: string | null;
  /** For sections and the whole table. */
  level: TotalLevel | null;
  actions: number[];
  /** Action rows (template rows left out). */
  actionCount: number;
  /** Recomputed from the action rows. */
  amounts: CentsRow;
  /** As printed on the total row that closes it (subtotal, section sub-total, TOTAUX FINANCIERS). */
  printed: CentsRow | null;
  /** 1-based sheet rows: the first action and the total row. */
  firstRow: number | null;
  totalRow: number | null;
}

const SEP = '\u0001';

/** Structural key of a measure or a block: its section, its theme and its code. */
export function structuralKey(g: { section: Section; themeKey: string; code: string | null }): string {
  return `${g.section}${SEP}${g.themeKey}${SEP}${g.code ?? ''}`;
}

function make(t: ComparableTable, columns: readonly AmountKey[], g: Omit<TableGroup, 'amounts' | 'actionCount' | 'firstRow'>): TableGroup {
  // A group's actions are in sheet order (fromReport.ts makes them row by row): its first is its topmost.
  const firstRow = g.actions.length > 0 ? t.actions[g.actions[0]].row : null;
  let actionCount = 0;
  for (const id of g.actions) if (!t.actions[id].placeholder) actionCount++;
  const amounts: CentsRow = {};
  for (const column of columns) amounts[column] = columnSum(t, g.actions, column);
  return { ...g, actionCount, firstRow, amounts };
}

/** A column added up over some actions (in a local: no store into an object per row); null as soon as a cell cannot be read. */
function columnSum(t: ComparableTable, ids: readonly number[], column: AmountKey): Cents | null {
  let sum = 0;
  for (const id of ids) {
    const v = t.actions[id].amounts[column];
    if (v === null) return null;
    if (v !== undefined) sum += v;
  }
  return sum;
}

export function measureGroups(t: ComparableTable, columns: readonly AmountKey[]): TableGroup[] {
  return t.measures.map((m) =>
    make(t, columns, {
      kind: 'measure',
      key: structuralKey(m),
      theme: m.theme,
      code: m.code,
      level: null,
      actions: m.actions,
      printed: m.printed,
      totalRow: m.subtotalRow,
    }),
  );
}

/** Per Chorus code, in code order, rows with no certain code last (template rows with none left out). */
export function codeGroups(t: ComparableTable, columns: readonly AmountKey[]): TableGroup[] {
  const byCode = new Map<string | null, number[]>();
  for (const a of t.actions) {
    if (a.code === null && a.placeholder) continue;
    const list = byCode.get(a.code);
    if (list) list.push(a.id);
    else byCode.set(a.code, [a.id]);
  }
  const codes = [...byCode.keys()].sort((x, y) => (x === null ? 1 : y === null ? -1 : x.localeCompare(y)));
  return codes.map((code) =>
    make(t, columns, { kind: 'code', key: code ?? '', theme: null, code, level: null, actions: byCode.get(code)!, printed: null, totalRow: null }),
  );
}

/** The socle and initiative sections (when they have rows or a printed total), then the whole table. */
export function totalGroups(t: ComparableTable, columns: readonly AmountKey[]): TableGroup[] {
  const out: TableGroup[] = [];
  for (const section of ['socle', 'initiative'] as Section[]) {
    const actions = t.actions.filter((a) => a.section === section).map((a) => a.id);
    const printed = t.totals.find((x) => x.level === section);
    if (!actions.length && !printed) continue;
    out.push(make(t, columns, { kind: 'section', key: section, theme: null, code: null, level: section, actions, printed: printed?.printed ?? null, totalRow: printed?.row ?? null }));
  }
  const grand = t.totals.find((x) => x.level === 'grand');
  out.push(
    make(t, columns, { kind: 'grand', key: 'grand', theme: null, code: null, level: 'grand', actions: t.actions.map((a) => a.id), printed: grand?.printed ?? null, totalRow: grand?.row ?? null }),
  );
  return out;
}
