/**
 * Shared sums: a total's parts added up from block sums give what adding the rows one by one
 * gives, for whole blocks, parts of blocks, totals of totals, and with an unreadable cell.
 */
import { AnnexRow } from '../../src/domain/rows';
import { ColumnSums, TableSums, sumRows, tableSums } from '../../src/domain/sums';
import { AmountColumn } from '../../src/domain/template';
import { analyzeSpec, findAction, sampleSpec } from '../../fixtures/sample';

const COLUMNS: AmountColumn[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

function text(sums: ColumnSums): Record<string, string | null> {
  return Object.fromEntries(COLUMNS.map((k) => [k, sums[k] === null ? null : sums[k]!.toFixed(2)]));
}

function sampleTable(spec = sampleSpec()) {
  const { report } = analyzeSpec(spec);
  const table = report.tables[0].classified;
  const at = new Map(table.rows.map((r) => [r.index, r]));
  return { table, rowsOf: (indexes: number[]) => indexes.map((i) => at.get(i)!) };
}

describe('TableSums', () => {
  test('every total of the sample: block sums = rows added one by one', () => {
    const { table, rowsOf } = sampleTable();
    const sums = new TableSums(table, COLUMNS);
    expect(table.groups.length).toBeGreaterThan(5);
    for (const g of table.groups) expect(text(sums.ofIndexes(g.parts))).toEqual(text(sumRows(rowsOf(g.parts), COLUMNS)));
  });

  test('part of a block, and a block plus loose rows', () => {
    const { table } = sampleTable();
    const sums = new TableSums(table, COLUMNS);
    const block = table.blocks.find((b) => sums.rowsOfBlock(b.id).length >= 3)!;
    const own = sums.rowsOfBlock(block.id) as AnnexRow[];
    const partial = own.slice(1);
    expect(text(sums.ofRows(partial))).toEqual(text(sumRows(partial, COLUMNS)));
    const next = table.rows.find((r) => r.index > own[own.length - 1].index && r.kind === 'action')!;
    const mixed = [...own, next];
    expect(text(sums.ofRows(mixed))).toEqual(text(sumRows(mixed, COLUMNS)));
    expect(sums.ofRows([])).toEqual(sumRows([], COLUMNS));
  });

  test('an unreadable cell makes its column null in the total that adds its row (totals above add printed subtotals)', () => {
    const spec = sampleSpec();
    findAction(spec, 'Premières Heures').action.amounts.C = { text: 'à voir' };
    const { table, rowsOf } = sampleTable(spec);
    const sums = tableSums(table, COLUMNS);
    const nulls = table.groups.filter((g) => sums.ofIndexes(g.parts).C === null);
    expect(nulls.map((g) => g.kind).sort()).toEqual(['subtotal']);
    for (const g of table.groups) expect(text(sums.ofIndexes(g.parts))).toEqual(text(sumRows(rowsOf(g.parts), COLUMNS)));
  });

  test('one instance per table and columns', () => {
    const { table } = sampleTable();
    expect(tableSums(table, COLUMNS)).toBe(tableSums(table, COLUMNS));
    expect(tableSums(table, ['A'])).not.toBe(tableSums(table, COLUMNS));
  });
});
