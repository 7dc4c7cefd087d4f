/**
 * What the check says about a table as a whole, beyond findings, as data (rendered by
 * words/render.ts): a missing column, its unit, where it ends before another block, rows whose
 * kind came from their amounts or stayed unknown, formulas it computed.
 */
import { CellRef, Notice } from './findings';
import { TableLayout } from './layout';
import { ClassifiedTable } from './rows';
import { UnitInfo } from './units';

export interface NoticeInput {
  /** Sheet coordinates of grid (0, 0). */
  origin: CellRef;
  /** The table's header, top-left, in sheet coordinates. */
  header: CellRef;
  layout: TableLayout;
  table: ClassifiedTable;
  unit: UnitInfo;
  /** Formula cells with no stored value, checked on what their formula gives (sheet coordinates). */
  computed: CellRef[];
}

export function tableNotices({ origin, header, layout, table, unit, computed }: NoticeInput): Notice[] {
  const out: Notice[] = [];
  const sheetRow = (r: number) => origin.row + r;
  for (const column of layout.missingColumns) out.push({ code: 'MISSING_COLUMN', table: header, column });
  if (layout.columns.imputation === undefined) out.push({ code: 'NO_IMPUTATION_COLUMN', table: header });
  if (!table.rows.some((r) => r.kind === 'grandTotal')) out.push({ code: 'NO_GRAND_TOTAL', table: header });
  if (unit.unit === 'k€') out.push({ code: 'THOUSANDS', table: header, said: unit.said, row: unit.row === null ? null : unit.row - 1 });
  if (layout.endedBy) {
    const last = table.rows.length ? sheetRow(table.rows[table.rows.length - 1].index) : null;
    out.push({ code: 'TABLE_ENDS', table: header, lastRow: last, blockRow: sheetRow(layout.endedBy.row), label: layout.endedBy.label });
  }
  for (const reading of table.readings) {
    if (reading.as === 'unclassified') {
      const totals = table.groups.filter((g) => g.unchecked === reading.row).map((g) => sheetRow(g.total));
      out.push({ code: 'UNCLASSIFIED_ROW', row: sheetRow(reading.row), label: reading.label, totals, ...(reading.labelFrom !== undefined ? { labelRow: sheetRow(reading.labelFrom) } : {}) });
    } else {
      out.push({ code: 'ROW_READ_AS_TOTAL', row: sheetRow(reading.row), label: reading.label, as: reading.as, sumOf: reading.sumOf.map(sheetRow) });
    }
  }
  if (computed.length) out.push({ code: 'FORMULAS_COMPUTED', table: header, cells: computed });
  return out;
}
