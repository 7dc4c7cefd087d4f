/**
 * What the check says about a table as a whole (src/domain/notices.ts), as data: each notice in
 * sheet coordinates (the grid starts at sheet row 3, column B here), in a fixed order. By hand.
 */
import { AnnexRow, ClassifiedTable, RowKind } from '../../../src/domain/rows';
import { TableLayout } from '../../../src/domain/layout';
import { tableNotices } from '../../../src/domain/notices';

const origin = { row: 2, col: 1 };
const header = { row: 3, col: 1 };

function layout(over: Partial<TableLayout> = {}): TableLayout {
  return {
    headerTop: 1,
    headerBottom: 1,
    dataStart: 2,
    dataEnd: 20,
    columns: { theme: 0, imputation: 1, title: 2, A: 3, C: 4, F: 5 },
    letters: 'none',
    missingColumns: [],
    labelledAmountColumns: 3,
    span: { left: 0, right: 5 },
    headerTexts: [],
    ...over,
  };
}

function row(index: number, kind: RowKind): AnnexRow {
  return { index, kind, section: 'socle', label: kind, fiche: null, block: null, imputation: { state: 'missing', text: null, code: null }, amounts: {} };
}

function table(over: Partial<ClassifiedTable> = {}): ClassifiedTable {
  const rows = [row(2, 'action'), row(3, 'subtotal'), row(4, 'grandTotal')];
  return { rows, blocks: [], groups: [], end: 5, lastTotal: 4, hasGrandTotal: true, readings: [], ...over };
}

const euros = { unit: '€' as const, said: null, row: null };

describe('the notices of a table', () => {
  it('none for a table with every column, a grand total, in euros, read in full', () => {
    expect(tableNotices({ origin, header, layout: layout(), table: table(), unit: euros, computed: [] })).toEqual([]);
  });

  it('each thing worth saying, in sheet rows, in order', () => {
    const notices = tableNotices({
      origin,
      header,
      layout: layout({ columns: { theme: 0, title: 2, A: 3, C: 4, F: 5 }, missingColumns: ['B', 'D'], endedBy: { row: 10, label: 'Récapitulatif' } }),
      table: table({
        rows: [row(2, 'action'), row(5, 'unclassified'), row(6, 'subtotal'), row(7, 'subtotal'), row(8, 'action')],
        groups: [
          { total: 6, kind: 'subtotal', parts: [2], actionRows: [2], unchecked: 5 },
          { total: 7, kind: 'subtotal', parts: [6], actionRows: [2], unchecked: 5 },
          { total: 9, kind: 'subtotal', parts: [8], actionRows: [8], unchecked: 8 },
        ],
        readings: [
          { row: 5, label: 'Coût total', as: 'unclassified', sumOf: [] },
          { row: 7, label: '', as: 'subtotal', sumOf: [5, 6] },
        ],
      }),
      unit: { unit: 'k€', said: 'en K€', row: 2 },
      computed: [{ row: 4, col: 3 }],
    });
    expect(notices).toEqual([
      { code: 'MISSING_COLUMN', table: header, column: 'B' },
      { code: 'MISSING_COLUMN', table: header, column: 'D' },
      { code: 'NO_IMPUTATION_COLUMN', table: header },
      { code: 'NO_GRAND_TOTAL', table: header },
      { code: 'THOUSANDS', table: header, said: 'en K€', row: 1 },
      { code: 'TABLE_ENDS', table: header, lastRow: 10, blockRow: 12, label: 'Récapitulatif' },
      { code: 'UNCLASSIFIED_ROW', row: 7, label: 'Coût total', totals: [8, 9] },
      { code: 'ROW_READ_AS_TOTAL', row: 9, label: '', as: 'subtotal', sumOf: [7, 8] },
      { code: 'FORMULAS_COMPUTED', table: header, cells: [{ row: 4, col: 3 }] },
    ]);
  });

  it('thousands said nowhere, a table with no row ended by another block, a total read from its amounts', () => {
    const notices = tableNotices({
      origin,
      header,
      layout: layout({ endedBy: { row: 3, label: 'Tableau 2' } }),
      table: table({ rows: [], readings: [{ row: 9, label: 'TOTAL', as: 'grandTotal', sumOf: [] }] }),
      unit: { unit: 'k€', said: null, row: null },
      computed: [],
    });
    expect(notices).toEqual([
      { code: 'NO_GRAND_TOTAL', table: header },
      { code: 'THOUSANDS', table: header, said: null, row: null },
      { code: 'TABLE_ENDS', table: header, lastRow: null, blockRow: 5, label: 'Tableau 2' },
      { code: 'ROW_READ_AS_TOTAL', row: 11, label: 'TOTAL', as: 'grandTotal', sumOf: [] },
    ]);
  });

  it('an unknown row no total holds names none', () => {
    const notices = tableNotices({
      origin,
      header,
      layout: layout(),
      table: table({ readings: [{ row: 3, label: 'Divers', as: 'unclassified', sumOf: [] }] }),
      unit: euros,
      computed: [],
    });
    expect(notices).toEqual([{ code: 'UNCLASSIFIED_ROW', row: 5, label: 'Divers', totals: [] }]);
  });
});
