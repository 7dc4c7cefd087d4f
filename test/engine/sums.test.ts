/**
 * Shared sums (src/domain/sums.ts) against independent oracles: figures worked out by hand on the
 * small hand-typed table, and, on the sample, a plain re-implementation here (add the printed
 * cells of each total's parts with decimal.js) rather than the module's own sumRows.
 */
import Decimal from 'decimal.js';
import { Cell, SheetGrid, analyzeSheet, getCell, readAmount } from '../../src/domain';
import { AnnexRow, ClassifiedTable } from '../../src/domain/rows';
import { ColumnSums, addUp, sumRows, tableSums } from '../../src/domain/sums';
import { AmountColumn } from '../../src/domain/template';
import { MARAUDES, Typed, action, put, reference, sheet } from '../support/hand-table';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

const COLUMNS: AmountColumn[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

/** Sums as `{A: '400', …}`; null for a column with an unreadable cell. */
function plain(sums: ColumnSums, columns: AmountColumn[] = COLUMNS): Record<string, string | null | undefined> {
  // Sums are whole cents: shown in euros.
  return Object.fromEntries(columns.map((k) => [k, sums[k] === null ? null : sums[k] === undefined ? undefined : new Decimal(sums[k]!).dividedBy(100).toFixed()]));
}
const figures = (a: number, b: number, c: number, v: number, d: number, e: number, f: number) =>
  ({ A: `${a}`, B: `${b}`, C: `${c}`, valorisation: `${v}`, D: `${d}`, E: `${e}`, F: `${f}` });

function classify(body: Typed[][]): { table: ClassifiedTable; row: (sheetRow: number) => AnnexRow } {
  const report = analyzeSheet(sheet(body));
  const table = report.tables[0].classified;
  return { table, row: (n) => table.rows.find((r) => r.index === n - 1)! };
}

describe('sums of the hand-typed table (figures worked out by hand)', () => {
  // Blocks: Maraudes (rows 2, 3), Prévention (row 5), the initiative (row 8).
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let table!: ClassifiedTable;
  let row!: ReturnType<typeof classify>['row'];
  let sums!: ReturnType<typeof tableSums>;
  beforeEach(() => {
    ({ table, row } = classify(reference()));
    sums = tableSums(table, COLUMNS);
  });
  const blockOf = (n: number) => row(n).block!;

  it('each block adds up its action rows', () => {
    expect(plain(sums.ofBlock(blockOf(2)))).toEqual(figures(400, 0, 400, 50, 0, 0, 800));
    expect(plain(sums.ofBlock(blockOf(5)))).toEqual(figures(1000, 0, 1000, 0, 0, 0, 2000));
    expect(plain(sums.ofBlock(blockOf(8)))).toEqual(figures(500, 0, 500, 0, 0, 0, 1000));
    expect(sums.rowsOfBlock(blockOf(2)).map((r) => r.index + 1)).toEqual([2, 3]);
    expect(sums.rowsOfBlock(99)).toEqual([]);
  });

  it('each total adds up its parts as printed: rows, subtotals, section totals', () => {
    const byTotal = Object.fromEntries(table.groups.map((g) => [g.total + 1, plain(sums.ofIndexes(g.parts))]));
    expect(byTotal).toEqual({
      4: figures(400, 0, 400, 50, 0, 0, 800), // rows 2 + 3
      6: figures(1000, 0, 1000, 0, 0, 0, 2000), // row 5
      7: figures(1400, 0, 1400, 50, 0, 0, 2800), // subtotals 4 + 6
      9: figures(500, 0, 500, 0, 0, 0, 1000), // row 8
      10: figures(1900, 0, 1900, 50, 0, 0, 3800), // section totals 7 + 9
    });
  });

  it('part of a block, a block with a loose row, rows out of order, and nothing', () => {
    expect(plain(sums.ofRows([row(3)]))).toEqual(figures(300, 0, 300, 0, 0, 0, 600));
    expect(plain(sums.ofRows([row(2), row(3), row(5)]))).toEqual(figures(1400, 0, 1400, 50, 0, 0, 2800));
    expect(plain(sums.ofRows([row(3), row(2)]))).toEqual(figures(400, 0, 400, 50, 0, 0, 800));
    expect(plain(sums.ofRows([row(5), row(8)]))).toEqual(figures(1500, 0, 1500, 0, 0, 0, 3000));
    expect(plain(sums.ofRows([]))).toEqual(figures(0, 0, 0, 0, 0, 0, 0));
  });

  it('rows of two blocks, and a row given twice, are added as given', () => {
    expect(plain(sums.ofRows([row(2), row(5)]))).toEqual(figures(1100, 0, 1100, 50, 0, 0, 2200));
    expect(plain(sums.ofRows([row(3), row(3)]))).toEqual(figures(600, 0, 600, 0, 0, 0, 1200));
    expect(sums.wholeBlock([row(2), row(5)])).toBeNull();
    expect(sums.wholeBlock([row(3), row(3)])).toBeNull();
  });

  it('knows a whole block from a part of one', () => {
    expect(sums.wholeBlock([row(2), row(3)])).toBe(blockOf(2));
    expect(sums.wholeBlock([row(5)])).toBe(blockOf(5));
    expect(sums.wholeBlock([row(2)])).toBeNull();
    expect(sums.wholeBlock([row(3), row(2)])).toBeNull();
    expect(sums.wholeBlock([row(2), row(3), row(5)])).toBeNull();
    expect(sums.wholeBlock([])).toBeNull();
  });

  it('sums only the columns asked for, and makes one instance per table and columns', () => {
    const onlyA = tableSums(table, ['A']);
    expect(plain(onlyA.ofIndexes([1, 2]), ['A', 'C'])).toEqual({ A: '400', C: undefined });
    expect(tableSums(table, COLUMNS)).toBe(sums);
    expect(onlyA).not.toBe(sums);
  });
});

describe('blanks, text amounts and unreadable cells', () => {
  it('a blank adds nothing; amounts typed as text add like numbers; cents are exact', () => {
    const body = reference();
    put(body, 2, 'A', null);
    put(body, 2, 'C', { value: '100,10 €' });
    put(body, 3, 'C', 0.2);
    put(body, 3, 'E', { value: '1 000,70' });
    const { table, row } = classify(body);
    const sums = tableSums(table, COLUMNS);
    expect(plain(sums.ofBlock(row(2).block!))).toEqual(figures(300, 0, 100.3, 50, 0, 1000.7, 800));
  });

  it('an unreadable cell first in its block: the column stays null whatever follows', () => {
    const body = reference();
    put(body, 2, 'C', { value: 'à voir' });
    const { table, row } = classify(body);
    const sums = tableSums(table, COLUMNS);
    expect(plain(sums.ofBlock(row(2).block!))).toEqual({ ...figures(400, 0, 0, 50, 0, 0, 800), C: null });
    expect(plain(sums.ofRows([row(2), row(5)]))).toEqual({ ...figures(1100, 0, 0, 50, 0, 0, 2200), C: null });
  });

  it('an unreadable cell makes its column null in the sums that add its row, and only there', () => {
    const body = reference();
    put(body, 3, 'C', { value: 'à voir' });
    const { table, row } = classify(body);
    const sums = tableSums(table, COLUMNS);
    expect(plain(sums.ofBlock(row(2).block!))).toEqual({ ...figures(400, 0, 0, 50, 0, 0, 800), C: null });
    expect(plain(sums.ofRows([row(2), row(3), row(5)]))).toEqual({ ...figures(1400, 0, 0, 50, 0, 0, 2800), C: null });
    expect(plain(sums.ofRows([row(3), row(5)]))).toEqual({ ...figures(1300, 0, 0, 0, 0, 0, 2600), C: null });
    // The socle adds the printed subtotals, which are readable.
    const socle = table.groups.find((g) => g.kind === 'sectionTotal' && g.section === 'socle')!;
    expect(plain(sums.ofIndexes(socle.parts))).toEqual(figures(1400, 0, 1400, 50, 0, 0, 2800));
  });
});

describe('every total of the sample, against the printed cells added up here', () => {
  it('block sums give what adding the parts one by one gives', () => {
    const { grid } = layoutAnnex(sampleSpec());
    const report = analyzeSheet(grid);
    const { layout, classified } = report.tables[0];
    const sums = tableSums(classified, COLUMNS);
    /** The oracle: each part's printed number (blank = 0), added with decimal.js. */
    const addUp = (g: SheetGrid, parts: number[], k: AmountColumn) =>
      parts.reduce((s, r) => {
        const v = (getCell(g, r, layout.columns[k]!) as Cell | undefined)?.value;
        return typeof v === 'number' ? s.plus(new Decimal(String(v))) : s;
      }, new Decimal(0));
    expect(classified.groups.length).toBeGreaterThan(10);
    for (const group of classified.groups) {
      const got = sums.ofIndexes(group.parts);
      for (const k of COLUMNS) expect(`${group.total}:${k}=${new Decimal(got[k]!).dividedBy(100).toFixed()}`).toBe(`${group.total}:${k}=${addUp(grid, group.parts, k).toFixed()}`);
    }
  });
});

describe('by hand, at the edges (mutants of the domain run, issue 18)', () => {
  // Sheet rows: 2 a theme header (theme and code, nothing else), 3–4 the two Maraudes actions,
  // 5 a template row with no money (a placeholder), 6 the Maraudes subtotal; then, from row 7, a theme
  // announced with no action under it, and the rest of the reference table (Prévention on row 8).
  function withHeaderAndPlaceholder() {
    const body = reference();
    body.splice(0, 0, ['Maraudes mixtes', MARAUDES, null, null, null, null, null, null, null, null, null]);
    body.splice(3, 0, action('Maraudes mixtes', MARAUDES, '1.3', "Intitulé de l'action n°3", [null, null, null, null, null, null, null]));
    body.splice(5, 0, ['Accueil de jour', null, null, null, null, null, null, null, null, null, null]);
    return classify(body);
  }

  it('a block is its actions and placeholders: its theme header is left out', () => {
    const { table, row } = withHeaderAndPlaceholder();
    expect(['themeHeader', 'action', 'action', 'placeholder', 'subtotal', 'themeHeader', 'action'].join()).toBe([2, 3, 4, 5, 6, 7, 8].map((n) => row(n).kind).join());
    expect(row(2).block).toBe(row(3).block);
    const sums = tableSums(table, COLUMNS);
    expect(sums.rowsOfBlock(row(3).block!).map((r) => r.index + 1)).toEqual([3, 4, 5]);
    expect(sums.wholeBlock([row(3), row(4), row(5)])).toBe(row(3).block);
    expect(sums.wholeBlock([row(3), row(4)])).toBeNull();
    expect(plain(sums.ofBlock(row(3).block!))).toEqual(figures(400, 0, 400, 50, 0, 0, 800));
  });

  it('theme headers given among the rows add nothing, even one whose theme has no action', () => {
    const { table, row } = withHeaderAndPlaceholder();
    const sums = tableSums(table, COLUMNS);
    expect(row(7).block).not.toBeNull();
    expect(sums.rowsOfBlock(row(7).block!)).toEqual([]);
    expect(sums.wholeBlock([row(7)])).toBeNull();
    expect(plain(sums.ofRows([row(2), row(3), row(4), row(5)]))).toEqual(figures(400, 0, 400, 50, 0, 0, 800));
    expect(plain(sums.ofRows([row(7), row(8)]))).toEqual(figures(1000, 0, 1000, 0, 0, 0, 2000));
    expect(plain(sums.ofRows([row(7)]))).toEqual(figures(0, 0, 0, 0, 0, 0, 0));
  });

  it('a block is added up once: asked again, the same sums', () => {
    const { table, row } = classify(reference());
    const sums = tableSums(table, COLUMNS);
    expect(sums.ofBlock(row(2).block!)).toBe(sums.ofBlock(row(2).block!));
  });

  /** Rows whose only amount is `A`, read from numbers in euros. */
  const rowsA = (...euros: number[]) => euros.map((v) => ({ amounts: { A: readAmount({ value: v }) } }) as unknown as AnnexRow);

  it('exact up to 2^53 − 1 cents either side, null beyond; a column the rows lack adds up to 0', () => {
    // Nine cells at the cap (10 000 000 000 000,00 €) and 71 992 547 409,91 €: 9 007 199 254 740 991 cents.
    const cap = 1e13;
    const upTo = [cap, cap, cap, cap, cap, cap, cap, cap, cap, 71_992_547_409.91];
    expect(sumRows(rowsA(...upTo), ['A', 'E'])).toEqual({ A: Number.MAX_SAFE_INTEGER, E: 0 });
    expect(sumRows(rowsA(...upTo, 0.01), ['A'])).toEqual({ A: null });
    expect(sumRows(rowsA(...upTo.map((v) => -v)), ['A'])).toEqual({ A: -Number.MAX_SAFE_INTEGER });
    expect(sumRows(rowsA(...upTo.map((v) => -v), -0.01), ['A'])).toEqual({ A: null });
    // Once null, a column stays null, whatever follows.
    expect(sumRows(rowsA(...upTo, 0.01, -0.01), ['A'])).toEqual({ A: null });
    // Sums of sums: the same range.
    expect(addUp([{ A: Number.MAX_SAFE_INTEGER - 1 }, { A: 1 }], ['A'])).toEqual({ A: Number.MAX_SAFE_INTEGER });
    expect(addUp([{ A: Number.MAX_SAFE_INTEGER }, { A: 1 }, { A: -1 }], ['A'])).toEqual({ A: null });
    expect(addUp([{ A: -Number.MAX_SAFE_INTEGER }, { A: -1 }], ['A'])).toEqual({ A: null });
    expect(addUp([{ A: 5 }], ['A', 'C'])).toEqual({ A: 5, C: 0 });
    expect(addUp([{ A: null }, { A: 5 }], ['A'])).toEqual({ A: null });
  });
});
