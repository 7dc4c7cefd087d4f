/**
 * When the comparison file writer (src/files/comparison.ts, `annex9 compare --out`) may replace a
 * sheet: only one carrying our marker AND under a name we give a comparison. The marker is a
 * constant any received workbook can carry (issue 18): a sheet « V1 » with it, or our comparison
 * the user renamed, is kept in the output copy and the new comparison takes a free name.
 */
import * as ExcelJS from 'exceljs';
import { COMPARISON_MARKER_COLUMN, COMPARISON_MARKER_TOKEN, planComparisonSheet } from '../../src/domain/compare/sheetPlan';
import { writeComparisonSheet } from '../../src/files/comparison';
import { sampleSpec } from '../../fixtures/sample';
import { compareSpecs } from '../compare/helpers';

const BASE = 'Comparaison annexe 9';
const plan = () => planComparisonSheet(compareSpecs(sampleSpec(), sampleSpec()), { lang: 'fr' });

function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => (out[c.address] = c.value)));
  return out;
}

describe('the comparison file writer', () => {
  it('replaces our comparison, under « Comparaison annexe 9 (2) » too, in place', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(BASE).getCell('A1').value = 'La comparaison de l’an dernier, tapée à la main';
    expect(writeComparisonSheet(wb, plan())).toEqual({ sheet: `${BASE} (2)`, replaced: false });
    wb.addWorksheet('Après');
    expect(writeComparisonSheet(wb, plan())).toEqual({ sheet: `${BASE} (2)`, replaced: true });
    expect(wb.worksheets.map((w) => w.name)).toEqual([BASE, `${BASE} (2)`, 'Après']);
    expect(wb.getWorksheet(BASE)!.getCell('A1').value).toBe('La comparaison de l’an dernier, tapée à la main');
  });

  it('never replaces a sheet « V1 » carrying our marker: kept, ours added under the first free name', () => {
    const wb = new ExcelJS.Workbook();
    const v1 = wb.addWorksheet('V1');
    v1.getCell('A1').value = 'Annexe 9, version de mars';
    v1.getCell(1, COMPARISON_MARKER_COLUMN + 1).value = COMPARISON_MARKER_TOKEN;
    const before = cells(v1);
    expect(writeComparisonSheet(wb, plan())).toEqual({ sheet: BASE, replaced: false });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['V1', BASE]);
    expect(cells(wb.getWorksheet('V1')!)).toEqual(before);
  });

  it('our comparison renamed by the user is theirs: kept, a new one added', () => {
    const wb = new ExcelJS.Workbook();
    writeComparisonSheet(wb, plan());
    wb.getWorksheet(BASE)!.name = 'Écarts pour le comité';
    const before = cells(wb.getWorksheet('Écarts pour le comité')!);
    expect(writeComparisonSheet(wb, plan())).toEqual({ sheet: BASE, replaced: false });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Écarts pour le comité', BASE]);
    expect(cells(wb.getWorksheet('Écarts pour le comité')!)).toEqual(before);
  });
});
