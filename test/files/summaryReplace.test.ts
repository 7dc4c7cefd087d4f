/**
 * When the file writer may replace a summary sheet (src/files/summary.ts): only our own, for the
 * same annex sheet, exactly as we wrote it. Anything a user changed in it, or a sheet that merely
 * carries our marker, is kept, and the new summary takes another name (issue 18: never overwrite).
 * In memory, no file: summary-file.test.ts checks the sheet's content after a save.
 */
import { createHash } from 'crypto';
import * as ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../../src/domain';
import { isSummaryGrid } from '../../src/domain/summary';
import { addSummarySheet } from '../../src/files/summary';
import { workbookToGrid } from '../../src/files/xlsx';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

const AT = new Date(2026, 10, 26, 17, 30);
const BASE = 'Synthèse annexe 9';

function annexBook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  writeGridToWorkbook(layoutAnnex(sampleSpec()).grid, wb);
  return wb;
}

function summarize(wb: ExcelJS.Workbook, source = 'Annexe 9') {
  const grids = { sheets: workbookToGrid(wb).sheets.filter((g) => !isSummaryGrid(g)) };
  const report = analyzeWorkbook(grids, { sheet: source }).sheets[0];
  return addSummarySheet(wb, report, { workbook: 'annexe.xlsx', generatedAt: AT });
}

/** Every cell of a sheet: address → value. */
function cells(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => (out[c.address] = c.value)));
  return out;
}

describe('our summary, as written, is replaced in place', () => {
  it('once, twice: one summary sheet, at its place', () => {
    const wb = annexBook();
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: false, kept: [] });
    wb.addWorksheet('Après');
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: true, kept: [] });
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: true, kept: [] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', BASE, 'Après']);
  });

  it('a link whose cached result another program recomputed is still ours', () => {
    const wb = annexBook();
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    let changed = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === 'object' && 'formula' in v) {
          c.value = { formula: v.formula, result: 'recalculé' } as ExcelJS.CellFormulaValue;
          changed++;
        }
      }),
    );
    expect(changed).toBeGreaterThan(0);
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: true, kept: [] });
  });

  it('a colour alone, on empty cells, is not content: still ours, replaced (as Office reads only the cells with values)', () => {
    const wb = annexBook();
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    // Past the last cell of a row with values, and on a row of its own.
    const row = ws.getRow(5);
    expect(row.hasValues).toBe(true);
    ws.getCell(5, row.cellCount + 2).fill = yellow;
    ws.getCell('A90').fill = yellow;
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: true, kept: [] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', BASE]);
  });
});

describe('a summary the user changed is kept, whatever the change', () => {
  const edits: Array<[string, (ws: ExcelJS.Worksheet) => void]> = [
    ['a note typed below it', (ws) => (ws.getCell('A80').value = 'Vu avec le département le 4 janvier')],
    ['a figure changed', (ws) => (ws.getCell('A1').value = `${ws.getCell('A1').value} (modifié)`)],
    ['a link replaced by its text', (ws) => (ws.getCell('C5').value = 'L50')],
    ['a cell emptied', (ws) => (ws.getCell('A3').value = null)],
    ['a link pointing elsewhere', (ws) => ws.eachRow((row) => row.eachCell((c) => {
      const v = c.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === 'object' && 'formula' in v) c.value = { formula: v.formula.replace('!', '!$'), result: v.result } as ExcelJS.CellFormulaValue;
    }))],
    ['a value moved to another cell', (ws) => {
      ws.getCell('B80').value = ws.getCell('A80').value ?? 'x';
    }],
  ];

  it.each(edits)('%s', (_what, edit) => {
    const wb = annexBook();
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    edit(ws);
    const mine = cells(ws);
    const again = summarize(wb);
    expect(again).toEqual(expect.objectContaining({ sheet: `${BASE} (2)`, replaced: false, kept: [BASE] }));
    expect(cells(wb.getWorksheet(BASE)!)).toEqual(mine);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', BASE, `${BASE} (2)`]);
    // The new one is ours as written: replaced next time, the user's still kept.
    expect(summarize(wb)).toEqual(expect.objectContaining({ sheet: `${BASE} (2)`, replaced: true, kept: [BASE] }));
  });

  it('a note typed in the hidden marker column, below the marker: the user’s, kept', () => {
    const wb = annexBook();
    summarize(wb);
    wb.getWorksheet(BASE)!.getCell('Z10').value = 'à revoir';
    expect(summarize(wb)).toMatchObject({ sheet: `${BASE} (2)`, replaced: false, kept: [BASE] });
    expect(wb.getWorksheet(BASE)!.getCell('Z10').value).toBe('à revoir');
  });

  it('the fingerprint cell itself changed: not ours any more', () => {
    const wb = annexBook();
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    expect(String(ws.getCell('Z3').value)).toMatch(/^empreinte-sha256:[0-9a-f]{64}$/);
    ws.getCell('Z3').value = 'empreinte-sha256:0';
    expect(summarize(wb)).toMatchObject({ sheet: `${BASE} (2)`, replaced: false, kept: [BASE] });
  });

  it('a user’s sheet carrying our two marker values (a copy, a forgery) is never replaced', () => {
    const wb = annexBook();
    const forged = wb.addWorksheet('Ma synthèse');
    forged.getCell('A1').value = 'Mes notes';
    forged.getCell('Z1').value = 'annexe9-synthese/v1';
    forged.getCell('Z2').value = 'Annexe 9';
    forged.getCell('Z3').value = 'empreinte-sha256:' + '0'.repeat(64);
    expect(summarize(wb)).toEqual({ sheet: BASE, replaced: false, kept: ['Ma synthèse'], summary: expect.anything() });
    expect(cells(forged)).toEqual({ A1: 'Mes notes', Z1: 'annexe9-synthese/v1', Z2: 'Annexe 9', Z3: `empreinte-sha256:${'0'.repeat(64)}` });
  });

  it('a sheet « V1 » carrying our marker and the exact fingerprint of its own cells (the algorithm is no secret) is never replaced', () => {
    const wb = annexBook();
    const v1 = wb.addWorksheet('V1');
    v1.getCell('A1').value = 'Annexe 9, version de mars';
    v1.getCell('B2').value = 1234.5;
    v1.getCell('B2').numFmt = '#,##0.00 "€"';
    v1.getCell('Z1').value = 'annexe9-synthese/v1';
    v1.getCell('Z2').value = 'Annexe 9';
    // The sender computes the fingerprint as the writer does: every cell but Z3, address and value.
    const hash = createHash('sha256');
    v1.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => hash.update(`${JSON.stringify([c.address, c.value])}\n`)));
    v1.getCell('Z3').value = `empreinte-sha256:${hash.digest('hex')}`;
    const before = cells(v1);
    expect(summarize(wb)).toEqual({ sheet: BASE, replaced: false, kept: ['V1'], summary: expect.anything() });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'V1', BASE]);
    expect(cells(wb.getWorksheet('V1')!)).toEqual(before);
    expect(wb.getWorksheet('V1')!.getCell('B2').numFmt).toBe('#,##0.00 "€"');
  });

  it('our summary renamed by the user is theirs: kept as it is, a new one added under the first free name', () => {
    const wb = annexBook();
    summarize(wb);
    const renamed = wb.getWorksheet(BASE)!;
    renamed.name = 'Synthèse pour le comité';
    const before = cells(renamed);
    expect(summarize(wb)).toMatchObject({ sheet: BASE, replaced: false, kept: ['Synthèse pour le comité'] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse pour le comité', BASE]);
    expect(cells(wb.getWorksheet('Synthèse pour le comité')!)).toEqual(before);
  });

  it('our summary of another annex sheet is neither replaced nor listed', () => {
    const wb = annexBook();
    const other = layoutAnnex(sampleSpec()).grid;
    writeGridToWorkbook({ ...other, name: 'Annexe 2024' }, wb);
    summarize(wb, 'Annexe 2024');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Annexe 2024', BASE]);
    expect(summarize(wb, 'Annexe 9')).toMatchObject({ sheet: `${BASE} (2)`, replaced: false, kept: [] });
    expect(wb.getWorksheet(BASE)!.getCell('Z2').value).toBe('Annexe 2024');
  });

  it('our summary as written beside a changed one: the one as written is replaced, the other kept', () => {
    const wb = annexBook();
    summarize(wb);
    wb.getWorksheet(BASE)!.getCell('A80').value = 'note';
    summarize(wb);
    const result = summarize(wb);
    expect(result).toMatchObject({ sheet: `${BASE} (2)`, replaced: true, kept: [BASE] });
    expect(wb.getWorksheet(BASE)!.getCell('A80').value).toBe('note');
  });
});

describe('what the new sheet holds', () => {
  it('the marker in a hidden column, the fingerprint under it, nothing of the old sheet', () => {
    const wb = annexBook();
    summarize(wb);
    const old = wb.getWorksheet(BASE)!;
    const first = cells(old);
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    expect(cells(ws)).toEqual(first);
    expect(ws.getColumn(26).hidden).toBe(true);
    expect(ws.getCell('Z1').value).toBe('annexe9-synthese/v1');
    expect(ws.getCell('Z2').value).toBe('Annexe 9');
  });

  it('text stays text, amounts are numbers in the currency format, links carry their result and look like links', () => {
    const wb = annexBook();
    summarize(wb);
    const ws = wb.getWorksheet(BASE)!;
    expect(ws.getCell('A3')).toMatchObject({ value: 'Mesure / action', numFmt: '@' });
    let amounts = 0;
    let links = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (typeof v === 'number' && c.numFmt === '#,##0.00 "€"') amounts++;
        if (v && typeof v === 'object' && 'formula' in v) {
          links++;
          expect(v.formula).toMatch(/^HYPERLINK\("#'Annexe 9'!/);
          expect(typeof (v as ExcelJS.CellFormulaValue).result).toBe('string');
          expect(c.font).toMatchObject({ color: { argb: 'FF0563C1' }, underline: true });
        }
      }),
    );
    expect(amounts).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(3);
  });
});
