/**
 * Reading a sheet through Office.js (the fake): the same grid the engine gets from a file, in one
 * sync while the estimate fits SINGLE_REQUEST_BYTES (a fifth under Excel on the web's 5 MB), in as
 * few syncs as fit beyond, none refused; under both readings of what the documentation leaves open.
 */
import * as path from 'path';
import { analyzeSheet } from '../../src/domain/analyze';
import { Cell, SheetGrid, cellAddress } from '../../src/domain/grid';
import { loadWorkbookFile, worksheetToGrid } from '../../src/files/xlsx';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook, READINGS } from '../../src/fake-excel';
import { BAND_BYTES, ReadOptions, ReadResult, SINGLE_REQUEST_BYTES, planRequests, readSheet } from '../../src/office/readSheet';
import { hasOwnFill } from '../../src/office/sheetBand';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { brief } from '../../fixtures/sample';
import { SHEET, grownSpec, install, sampleGrid, uninstall } from './helpers';

afterEach(uninstall);

/** What the fake refuses (5 % under Excel on the web's 5 MB, on its least favourable measure). */
const LIMIT = FAKE_PAYLOAD_LIMIT;

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
    // The request, planned before the sheet's size is known, stays small (merged areas by slices of
    // 128 rows; every action counted with an envelope of 100 bytes).
    expect(wb.recorder.syncs[0].requestBytes).toBeLessThan(40_000);
    expect(result.grid.origin).toEqual({ row: 0, col: 1 });
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
    expect(mergesByAddress(result.grid)).toEqual(mergesByAddress(grid));
    expect(brief(analyzeSheet(result.grid))).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
  });

  it('merged areas come back whatever the sheet is called (quotes, commas, exclamation marks)', async () => {
    const grid = { ...sampleGrid(), name: "Bilan, l'été !" };
    const result = await read(FakeWorkbook.fromGrids([grid]));
    expect(result.grid.merges.length).toBeGreaterThan(5);
    expect(mergesByAddress(result.grid)).toEqual(mergesByAddress(grid));
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
      [{ value: '#N/A', numFmt: '@' }, { value: { error: '#DIV/0!' }, formula: '=1/0' }, { value: 'VRAI' }, { value: false }],
    ],
    merges: [],
  };

  it('error cells, formulas, booleans, dates as serials with their format, text amounts', async () => {
    const result = await read(FakeWorkbook.fromGrids([grid]));
    const cells = byAddress(result.grid);
    expect(cells.C4).toEqual({ value: { error: '#REF!' }, numFmt: '#,##0' });
    // Errors are told from text that looks like one by where Excel says the errors are (no valueTypes).
    expect(cells.C6).toEqual({ value: '#N/A', numFmt: '@' });
    expect(cells.D6).toEqual({ value: { error: '#DIV/0!' }, formula: '=1/0' });
    expect(cells.E6).toEqual({ value: 'VRAI' });
    expect(cells.F6).toEqual({ value: false });
    expect(cells.D4).toEqual({ value: 12.5, formula: '=10+2.5' });
    expect(cells.E4).toEqual({ value: true });
    expect(cells.F4).toEqual({ value: 45089, numFmt: 'dd/mm/yyyy' });
    expect(cells.C5).toEqual({ value: '1 362 035,00 €', numFmt: '@' });
    expect(cells.D5).toBeUndefined();
    expect(cells.F5).toMatchObject({ value: 0 });
  });
});

describe.each(READINGS)('large sheets (%s)', (_reading, readings) => {
  const rowsOf = (r: ReadResult) => r.used.bottom - r.used.top + 1;
  /** Syncs needed: the first request, then the rest in bands (planned at 95 %, our estimate under Excel's measure by up to 10 %). */
  const atMost = (wb: FakeWorkbook) => {
    const [first, ...rest] = wb.recorder.syncs;
    return 1 + Math.ceil(rest.reduce((n, s) => n + s.responseBytes, 0) / (BAND_BYTES * 0.85)) + (first ? 0 : 0);
  };

  it('an annex of 6 000 rows (its heaviest layout) is read in one sync, under the single-request budget', async () => {
    const grid = layoutAnnex(grownSpec(5948), { themeCells: 'everyRow', mergeTotalLabels: false }).grid;
    const wb = FakeWorkbook.fromGrids([grid], { readings });
    const result = await read(wb);
    expect(rowsOf(result)).toBe(6000);
    expect(result.syncs).toBe(1);
    expect(wb.recorder.maxResponseBytes).toBeLessThan(LIMIT);
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
  });

  it('an annex of 10 000 rows (about 4.6 MB, a thin margin under 5 MB) is read in two syncs, none refused', async () => {
    const wb = FakeWorkbook.fromGrids([layoutAnnex(grownSpec(9948)).grid], { readings });
    const result = await read(wb);
    expect(rowsOf(result)).toBe(10000);
    expect(result.syncs).toBe(2);
    expect(wb.recorder.syncs.every((s) => !s.failed && s.responseBytes < LIMIT)).toBe(true);
    expect(brief(analyzeSheet(result.grid))).toEqual(['SECTION_TOTAL@L9998', 'ROW_TOTAL@L9999']);
  });

  it('a very large range is read in row bands: same grid, as few syncs as fit, none refused', async () => {
    const grid = layoutAnnex(grownSpec(40000)).grid;
    const wb = FakeWorkbook.fromGrids([grid], { readings });
    const chunked = await read(wb);
    const bytes = wb.recorder.responseBytes;
    expect(bytes).toBeGreaterThan(2 * LIMIT);
    expect(chunked.syncs).toBeLessThanOrEqual(atMost(wb));
    expect(wb.recorder.syncs.every((s) => !s.failed && s.responseBytes <= SINGLE_REQUEST_BYTES * 1.1 && s.requestBytes <= LIMIT)).toBe(true);

    const whole = await read(FakeWorkbook.fromGrids([grid], { payloadLimitBytes: undefined, readings }), { bandBytes: 1e12, singleBytes: 1e12 });
    expect(whole.syncs).toBe(1);
    expect(chunked.grid).toEqual(whole.grid);
    expect(byAddress(chunked.grid)).toEqual(byAddress(grid));
  }, 60000);

  it.each([
    ['merged theme and code cells', {}],
    ['theme and code on every row', { themeCells: 'everyRow' as const, mergeTotalLabels: false }],
  ])('past 5 MB (%s): as few syncs as fit, the first one included, none refused', async (_name, layout) => {
    const grid = layoutAnnex(grownSpec(25000), layout).grid;
    const wb = FakeWorkbook.fromGrids([grid], { readings });
    const result = await read(wb);
    const bytes = wb.recorder.responseBytes;
    expect(bytes).toBeGreaterThan(LIMIT);
    expect(result.syncs).toBeLessThanOrEqual(atMost(wb));
    expect(wb.recorder.syncs.every((s) => !s.failed)).toBe(true);
    expect(Math.max(...wb.recorder.syncs.map((s) => s.responseBytes))).toBeLessThanOrEqual(LIMIT);
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
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
    const wb = FakeWorkbook.fromGrids([grid], { readings });
    const result = await read(wb);
    expect(wb.recorder.syncs[0].failed).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wb.recorder.syncs.slice(1).every((s) => !s.failed && s.responseBytes < LIMIT)).toBe(true);
    expect(result.grid).toEqual((await read(FakeWorkbook.fromGrids([grid], { payloadLimitBytes: undefined, readings }), { bandBytes: 1e12, singleBytes: 1e12 })).grid);
  }, 60000);

  it('a used range ending against the sheet’s last row: the first request fails, the cautious read gets it all', async () => {
    const grid = sampleGrid({ origin: { row: 1048576 - 60, col: 1 } });
    const wb = FakeWorkbook.fromGrids([grid]);
    const result = await read(wb);
    expect(wb.recorder.syncs[0].failed).toBe('InvalidArgument');
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
    expect(brief(analyzeSheet(result.grid))).toEqual(brief(analyzeSheet(grid)));
  });

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

  it('more than 512 merged areas in one slice of rows: the first request fails, the cautious read gets them all', async () => {
    // Five merges on each of 200 rows: 640 in a slice of 128 rows, 160 in the cautious path's 32.
    const grid = sampleGrid();
    for (let r = 100; r < 300; r++) {
      grid.rows[r] = [];
      for (let k = 0; k < 5; k++) {
        grid.rows[r]![1 + 2 * k] = { value: `m${r}.${k}` };
        grid.merges.push({ top: r, left: 1 + 2 * k, bottom: r, right: 2 + 2 * k });
      }
    }
    const wb = FakeWorkbook.fromGrids([grid]);
    const result = await read(wb);
    expect(wb.recorder.syncs[0].failed).toBe('GeneralException');
    expect(mergesByAddress(result.grid)).toEqual(mergesByAddress(grid));
    expect(byAddress(result.grid)).toEqual(byAddress(grid));
  });
});

describe('fills of their own (for the row tints)', () => {
  it('a cell counts as unfilled only when its whole row or column (in its band) says it has no fill', async () => {
    const wb = FakeWorkbook.fromGrids([sampleGrid()], { readings: { noFill: 'tintAndShadeNull' }, fills: { [SHEET]: { 'B10:L12': '#DDDDDD', G51: '#FFFF00', 'F40:F41': '#FFFF00', 'B45:L45': '#FFFFFF', D47: '#FFFFFF' } } });
    const { fills } = await read(wb);
    const at = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return hasOwnFill(fills, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
    };
    // A row without any fill: every cell is plain.
    expect(['B50', 'F50', 'L50'].map(at)).toEqual([false, false, false]);
    // A row filled all along: its cells keep their colour; white is a colour too.
    expect(['B11', 'F11', 'B45', 'F45'].map(at)).toEqual([true, true, true, true]);
    // A white cell in a row otherwise without fill: the row is mixed (pattern None and Solid), so is its column.
    expect(at('D47')).toBe(true);
    // G51 has its own fill; F51 is plain (its column is filled only on rows 10-12 and 40-41: mixed)…
    expect(at('G51')).toBe(true);
    // …so the row and the column both differ: unknown, counted as filled.
    expect(at('F51')).toBe(true);
    // H51: its column is not filled except on the header rows 10-12 (mixed), and row 51 is mixed.
    expect(at('H51')).toBe(true);
    // Outside what was read: unknown.
    expect(hasOwnFill(fills, 5000, 3)).toBe(true);
  });

  it('where no fill cannot be told from white (the least favourable reading), every cell counts as filled', async () => {
    const wb = FakeWorkbook.fromGrids([sampleGrid()], { readings: { noFill: 'white' } });
    const { fills } = await read(wb);
    expect(hasOwnFill(fills, 49, 1)).toBe(true);
    expect(hasOwnFill(fills, 49, 5)).toBe(true);
  });
});
