/**
 * Reading a sheet through Office.js (the fake): the same grid the engine gets from a file, in one
 * sync for an ordinary annex, in ceil(bytes / 4 MiB) syncs for a very large range.
 */
import * as path from 'path';
import { analyzeSheet } from '../../src/domain/analyze';
import { Cell, SheetGrid, cellAddress } from '../../src/domain/grid';
import { loadWorkbookFile, worksheetToGrid } from '../../src/files/xlsx';
import { FakeWorkbook } from '../../src/office/fake';
import { BAND_BYTES, ReadOptions, ReadResult, planRequests, readSheet } from '../../src/office/readSheet';
import { layoutAnnex } from '../support/annex-layout';
import { brief } from '../support/sample';
import { SHEET, grownSpec, install, sampleGrid, uninstall } from './helpers';

afterEach(uninstall);

/** Grid content by sheet address, so grids with different origins compare. */
function byAddress(grid: SheetGrid): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const copy: Cell = { value: cell.value instanceof Date ? cell.value.toISOString() : cell.value };
      if (cell.numFmt && cell.numFmt !== 'General') copy.numFmt = cell.numFmt;
      if (cell.formula) copy.formula = cell.formula;
      out[cellAddress(grid, r, c)] = copy;
    }),
  );
  return out;
}

function mergesByAddress(grid: SheetGrid): string[] {
  return grid.merges.map((m) => `${cellAddress(grid, m.top, m.left)}:${cellAddress(grid, m.bottom, m.right)}`).sort();
}

async function read(wb: FakeWorkbook, options: ReadOptions = {}): Promise<ReadResult> {
  install(wb);
  return (await Excel.run(async (context) => readSheet(context, context.workbook.worksheets.getActiveWorksheet(), options))) as ReadResult;
}

describe('the sample annex', () => {
  it('reads back the grid the engine was built on, in ONE sync, origin at the used range', async () => {
    const grid = sampleGrid();
    const wb = FakeWorkbook.fromGrids([grid]);
    const result = await read(wb);
    expect(result.syncs).toBe(1);
    expect(wb.recorder.syncCount).toBe(1);
    expect(result.grid.origin).toEqual({ row: 0, col: 1 });
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
    expect(mergesByAddress(result.grid)).toEqual(mergesByAddress(grid));
    expect(brief(analyzeSheet(result.grid))).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
  });

  it('a table far from A1 keeps exact addresses', async () => {
    const grid = sampleGrid({ origin: { row: 30, col: 6 } });
    const result = await read(FakeWorkbook.fromGrids([grid]));
    expect(result.grid.origin).toEqual({ row: 30, col: 6 });
    expect(brief(analyzeSheet(result.grid))).toEqual(brief(analyzeSheet(grid)));
  });

  it('reads the .xlsx sample (through ExcelJS) to the same findings', async () => {
    const file = await loadWorkbookFile(path.join(__dirname, '../../samples/annexe9-pas-de-calais-2023.xlsx'));
    const grids = file.worksheets.map(worksheetToGrid);
    const annex = grids.find((g) => g.name === SHEET)!;
    const wb = FakeWorkbook.fromGrids(grids, { activeSheet: SHEET });
    const result = await read(wb);
    expect(result.syncs).toBe(1);
    expect(byAddress(result.grid)).toEqual(byAddress(annex));
    expect(brief(analyzeSheet(result.grid))).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
  });
});

describe('what Office.js gives and the engine needs', () => {
  const grid: SheetGrid = {
    name: SHEET,
    origin: { row: 2, col: 2 },
    rows: [
      [{ value: 'A' }, { value: 'B' }, { value: 'C' }, { value: 'D' }],
      [{ value: { error: '#REF!' }, numFmt: '#,##0' }, { value: 12.5, formula: '=10+2.5' }, { value: true }, { value: new Date(Date.UTC(2023, 5, 12)), numFmt: 'dd/mm/yyyy' }],
      [{ value: '1 362 035,00 €', numFmt: '@' }, { value: '' }, null, { value: 0, numFmt: '_-* #,##0.00 "€"_-;_-* "-"?? "€"_-' }],
    ],
    merges: [],
  };

  it('error cells, formulas, booleans, dates as serials with their format, text amounts', async () => {
    const result = await read(FakeWorkbook.fromGrids([grid]));
    const cells = byAddress(result.grid);
    expect(cells.C4).toEqual({ value: { error: '#REF!' }, numFmt: '#,##0' });
    expect(cells.D4).toEqual({ value: 12.5, formula: '=10+2.5' });
    expect(cells.E4).toEqual({ value: true });
    expect(cells.F4).toEqual({ value: 45089, numFmt: 'dd/mm/yyyy' });
    expect(cells.C5).toEqual({ value: '1 362 035,00 €', numFmt: '@' });
    expect(cells.D5).toBeUndefined();
    expect(cells.F5).toMatchObject({ value: 0 });
  });
});

describe('large sheets', () => {
  const rowsOf = (r: ReadResult) => r.used.bottom - r.used.top + 1;

  it('an annex of 10 000 rows is still read in one sync, under 4 MiB', async () => {
    const wb = FakeWorkbook.fromGrids([layoutAnnex(grownSpec(9948)).grid]);
    const result = await read(wb);
    expect(rowsOf(result)).toBe(10000);
    expect(result.syncs).toBe(1);
    expect(wb.recorder.maxResponseBytes).toBeLessThan(BAND_BYTES);
    expect(brief(analyzeSheet(result.grid))).toEqual(['SECTION_TOTAL@L9998', 'ROW_TOTAL@L9999']);
  });

  it('a very large range is read in row bands: same grid, ceil(bytes / 4 MiB) syncs, each about 4 MiB', async () => {
    const grid = layoutAnnex(grownSpec(40000)).grid;
    const wb = FakeWorkbook.fromGrids([grid]);
    const chunked = await read(wb);
    const bytes = wb.recorder.responseBytes;
    expect(chunked.syncs).toBe(Math.ceil(bytes / BAND_BYTES));
    expect(chunked.syncs).toBeGreaterThan(1);
    // About 4 MiB each, well under the 5 MB Excel on the web accepts.
    for (const s of wb.recorder.syncs) expect(s.responseBytes).toBeLessThan(BAND_BYTES * 1.03);

    wb.recorder.reset();
    const whole = await read(wb, { bandBytes: 1e12 });
    expect(whole.syncs).toBe(1);
    expect(chunked.grid).toEqual(whole.grid);
    expect(byAddress(chunked.grid)).toEqual(byAddress(grid));
  }, 60000);

  it('a sheet wider than the template is read whole (right-hand strip after the first band)', async () => {
    const grid = sampleGrid();
    grid.rows[3]![30] = { value: 'note à droite' };
    const wb = FakeWorkbook.fromGrids([grid]);
    const result = await read(wb, { bandBytes: 200_000 });
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
    expect(result.syncs).toBe(2);
  });

  it('when Excel refuses the first request (text-heavy sheet), it probes, then reads measured bands under the limit', async () => {
    const long = 'texte très long '.repeat(45);
    const spec = grownSpec(6000);
    for (const e of spec.body) if (e.kind === 'block') for (const a of e.actions) a.title = `${a.title} ${long}`;
    const grid = layoutAnnex(spec).grid;
    const wb = FakeWorkbook.fromGrids([grid], { payloadLimitBytes: 5 * 1024 * 1024 });
    const result = await read(wb);
    expect(wb.recorder.syncs[0].failed).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wb.recorder.syncs.slice(1).every((s) => !s.failed && s.responseBytes < BAND_BYTES)).toBe(true);
    expect(result.grid).toEqual((await read(FakeWorkbook.fromGrids([grid]), { bandBytes: 1e12 })).grid);
  }, 60000);

  it('planRequests cuts rows to fit and packs small pieces together', () => {
    const plan = planRequests(
      [
        { top: 0, bottom: 9, left: 11, right: 12 },
        { top: 10, bottom: 99, left: 0, right: 9 },
      ],
      300,
    );
    expect(plan.map((req) => req.map((r) => `${r.top}-${r.bottom}:${r.left}-${r.right}`))).toEqual([
      ['0-9:11-12'],
      ['10-39:0-9'],
      ['40-69:0-9'],
      ['70-99:0-9'],
    ]);
  });
});

describe('errors are not swallowed', () => {
  it('more than 512 merged areas: read slice by slice, in the same syncs, none lost', async () => {
    // Excel refuses getMergedAreasOrNullObject beyond 512 areas (the fake too): a consolidated
    // annex of a few thousand rows has more. Each merge here spans two rows, so some cross slices.
    const grid = sampleGrid();
    const before = grid.merges.length;
    for (let i = 0; i < 1200; i++) {
      grid.rows[100 + 2 * i] = [];
      grid.rows[100 + 2 * i]![1] = { value: `x${i}` };
      grid.merges.push({ top: 100 + 2 * i, left: 1, bottom: 101 + 2 * i, right: 2 });
    }
    const small = await read(FakeWorkbook.fromGrids([sampleGrid()]));
    const result = await read(FakeWorkbook.fromGrids([grid]));
    expect(result.grid.merges).toHaveLength(before + 1200);
    const { row, col } = result.grid.origin; // merges come in grid coordinates
    expect(result.grid.merges).toEqual(expect.arrayContaining([{ top: 1500 - row, left: 1 - col, bottom: 1501 - row, right: 2 - col }]));
    expect(result.syncs).toBe(small.syncs);
  });
});
