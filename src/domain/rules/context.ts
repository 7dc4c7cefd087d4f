/**
 * The view of one classified table the rules check (types.ts, CheckTable): values by row and
 * column, cells in sheet coordinates, the parts of a row's total, and findings with their common
 * fields filled. Built once per table.
 */
import { AmountReading } from '../amounts';
import { SheetGrid } from '../grid';
import { CellRef, FindingColumn, FindingOf, PartRef, RuleCode } from '../findings';
import { TableLayout } from '../layout';
import { MergeIndex } from '../merges';
import { Money } from '../money';
import { StaleCell } from '../recalc';
import { AnnexRow, ClassifiedTable, TotalGroup } from '../rows';
import { tableSums } from '../sums';
import { AmountColumn, AnnexTemplate } from '../template';
import { AmountUnit } from '../units';
import { CheckTable, Value } from './types';

export interface CheckTableInput {
  sheet: string;
  /** The sheet as checked (stale formula results recomputed). */
  grid: SheetGrid;
  layout: TableLayout;
  template: AnnexTemplate;
  table: ClassifiedTable;
  merges: MergeIndex;
  unit: AmountUnit;
  /** Grid rows hidden or filtered out. */
  hidden?: ReadonlySet<number>;
  stale?: readonly StaleCell[];
}

function valueOf(reading: AmountReading | undefined): Value {
  if (!reading) return null;
  if (reading.kind === 'unreadable') return 'unreadable';
  return reading.value;
}

export function checkTableOf(input: CheckTableInput): CheckTable {
  const { grid, layout, template, table, unit } = input;
  const hidden = input.hidden ?? new Set<number>();
  const origin: CellRef = { row: grid.origin.row, col: grid.origin.col };
  const cols = layout.columns;
  // Grid row → row, as an array: looked up for every part of every total.
  const rowByIndex: AnnexRow[] = [];
  for (const r of table.rows) rowByIndex[r.index] = r;
  const has = (k: AmountColumn) => cols[k] !== undefined;
  const amountColumns = template.amountColumns.filter(has);
  const totalColumn = has(template.total.column) ? template.total.column : null;
  const totalParts = template.total.parts.filter(has);
  // The total each row is a part of: the first group that lists it.
  const parents: TotalGroup[] = [];
  for (const group of table.groups) for (const p of group.parts) parents[p] ??= group;

  const cell = (row: AnnexRow, k: FindingColumn): CellRef => ({ row: origin.row + row.index, col: origin.col + cols[k]! });
  const t: CheckTable = {
    sheet: grid.name,
    origin,
    grid,
    layout,
    template,
    table,
    merges: input.merges,
    unit,
    stale: input.stale ?? [],
    amountColumns,
    totalColumn,
    totalParts,
    sums: tableSums(table, amountColumns),
    rowAt: (gridRow) => rowByIndex[gridRow],
    value: (row, k) => valueOf(row.amounts[k]),
    cell,
    isHidden: (row) => hidden.has(row.index),
    part: (row: AnnexRow, k: AmountColumn): PartRef => ({ at: cell(row, k), label: row.label, ...(hidden.has(row.index) ? { hidden: true } : {}) }),
    rowSum(row, except) {
      let sum = 0;
      for (const k of totalParts) {
        if (k === except) continue;
        const x = valueOf(row.amounts[k]);
        if (x === 'unreadable') return null;
        if (x) sum += x;
      }
      return sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER ? sum : null;
    },
    parentOf: (row) => parents[row.index],
    finding<R extends RuleCode>(rule: R, row: AnnexRow, column: FindingColumn, expected: Money | null, actual: Money | null, args: FindingOf<R>['args']): FindingOf<R> {
      return {
        rule,
        sheet: input.sheet,
        at: cell(row, column),
        column,
        expected,
        actual,
        difference: expected !== null && actual !== null ? actual - expected : null,
        unit,
        hidden: hidden.has(row.index),
        rowKind: row.kind,
        rowLabel: row.label,
        ...(row.closes ? { closes: row.closes } : {}),
        args,
      } as FindingOf<R>;
    },
  };
  return t;
}
