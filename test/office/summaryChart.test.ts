/**
 * The summary sheet's chart (issue 14): a clustered column chart of A, C and F per Chorus code,
 * beside the table, over the summary's own cells; regenerating the summary leaves one chart, not
 * two (clearing cells leaves charts in the fake's least favourable reading); it goes with the sheet.
 */
import { analyzeSheet } from '../../src/domain';
import { FakeWorkbook, installFakeExcel } from '../../src/fake-excel';
import { insertSummarySheet, SUMMARY_CHART_NAME } from '../../src/office/summarySheet';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

const SUMMARY = 'Synthèse annexe 9';
const options = { now: () => new Date(2026, 10, 26, 17, 30), workbookName: () => 'annexe.xlsx' };
let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function setup() {
  const grid = layoutAnnex(sampleSpec()).grid;
  const wb = FakeWorkbook.fromGrids([grid]);
  restore = installFakeExcel(globalThis, wb);
  return { wb, report: analyzeSheet(grid) };
}

/** The text in column A of the summary, by 1-based row. */
function labelAt(wb: FakeWorkbook, row1: number): unknown {
  return wb.cellState(SUMMARY, `A${row1}`).value;
}

it('draws A, C and F per Chorus code beside the table, over the summary’s own cells', async () => {
  const { wb, report } = setup();
  const out = await Excel.run((context) => insertSummarySheet(context, report, 'fr', options));
  expect(out.ok).toBe(true);
  const charts = wb.sheet(SUMMARY).charts;
  expect(charts).toHaveLength(1);
  const chart = charts[0];
  expect(chart).toMatchObject({ name: SUMMARY_CHART_NAME, type: 'ColumnClustered', title: 'Par imputation Chorus' });
  expect(chart.series.map((s) => s.name)).toEqual(['A – Participation État', 'C – Crédits CD affectés', "F – Budget global de l’action"]);
  // Same rows for the three series and their labels: the lines « Par imputation Chorus ».
  const rowsOf = (address: string | null) => /![A-Z]+(\d+):[A-Z]+(\d+)$/.exec(address ?? '')!.slice(1).map(Number);
  const [first, last] = rowsOf(chart.series[0].values);
  for (const s of chart.series) {
    expect(rowsOf(s.values)).toEqual([first, last]);
    expect(s.xValues).toMatch(new RegExp(`!A${first}:A${last}$`));
  }
  expect(chart.series.map((s) => /!([A-Z]+)\d+:/.exec(s.values!)![1])).toEqual(['E', 'G', 'K']);
  expect(labelAt(wb, first - 1)).toBe('Par imputation Chorus');
  expect(String(labelAt(wb, last + 1))).toMatch(/^Total par imputation/);
  // Beside the table (14 columns, A to N): from column P, starting on the first code line.
  expect(chart.position.start).toBe(`P${first}`);
});

it('regenerating the summary leaves one chart; deleting the sheet takes the chart with it', async () => {
  const { wb, report } = setup();
  await Excel.run((context) => insertSummarySheet(context, report, 'fr', options));
  const again = await Excel.run((context) => insertSummarySheet(context, report, 'fr', options));
  expect(again).toMatchObject({ ok: true, replaced: true });
  expect(wb.sheet(SUMMARY).charts).toHaveLength(1);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(SUMMARY).delete();
    await context.sync();
  });
  expect(wb.sheets.flatMap((s) => s.charts)).toEqual([]);
});

it('a chart on a sheet of the user’s is never touched, even named like ours', async () => {
  const { wb, report } = setup();
  // The user's own sheet with that name: the summary goes to another name and leaves it alone.
  const theirs = wb.addSheet(SUMMARY);
  theirs.charts.push({ name: SUMMARY_CHART_NAME, type: 'Line', title: 'mine', position: { start: 'A1', end: null }, series: [] });
  const out = await Excel.run((context) => insertSummarySheet(context, report, 'fr', options));
  expect(out).toMatchObject({ ok: true, sheet: `${SUMMARY} (2)` });
  expect(wb.sheet(SUMMARY).charts).toEqual([{ name: SUMMARY_CHART_NAME, type: 'Line', title: 'mine', position: { start: 'A1', end: null }, series: [] }]);
  expect(wb.sheet(`${SUMMARY} (2)`).charts).toHaveLength(1);
});
