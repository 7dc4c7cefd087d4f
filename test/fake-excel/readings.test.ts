/**
 * The fake where Microsoft's documentation is silent: each reading (FakeReadings) does what it
 * says, the least favourable one is the default, and the fake enforces what office.js enforces
 * (requirement sets from @types/office-js, payload limits, cell-edit mode). If these fail, the
 * adapter's tests under "both readings" prove nothing.
 */
import * as fs from 'fs';
import { FakeWorkbook, LEAST_FAVOURABLE, READINGS } from '../../src/fake-excel';
import { evaluateFormula } from '../../src/fake-excel/formula';
import { EXCEL_API_SETS } from '../../src/fake-excel/excelApiSets.generated';
import { shiftFormula } from '../../src/fake-excel/formula';
import { OUTPUT, generate, render } from '../../scripts/excel-api-sets';
import { SHEET, install, sampleGrid, uninstall } from '../office/helpers';
import { cellName } from '../../src/domain/findings';

afterEach(uninstall);

const small = (options = {}) =>
  install(
    FakeWorkbook.fromGrids(
      [
        {
          name: SHEET,
          origin: { row: 0, col: 0 },
          rows: [
            [{ value: 'a' }, { value: 1 }],
            [{ value: 'b' }, { value: 2 }],
            [{ value: 'c' }, { value: 3 }],
            [{ value: 'total' }, { value: 6, formula: '=SUM(B1:B3)' }],
          ],
          merges: [],
        },
      ],
      options,
    ),
  );

async function addRule(range: string, formula: string): Promise<void> {
  await Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(SHEET).getRange(range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = '#FF0000';
  });
}

describe('requirement sets, from @types/office-js', () => {
  it('the table is generated, and current', () => {
    const { table, version } = generate();
    expect(fs.readFileSync(OUTPUT, 'utf8')).toBe(render(table, version));
    expect(EXCEL_API_SETS.ConditionalFormatCollection.getItemOrNullObject).toBe('1.14');
    expect(EXCEL_API_SETS.Range.getMergedAreasOrNullObject).toBe('1.13');
    expect(EXCEL_API_SETS.RowPropertiesLoadOptions.rowHidden).toBe('1.9');
    expect(EXCEL_API_SETS.RunOptions.mergeUndoGroup).toBe('1.20');
  });

  it('a member above the version the fake claims throws ApiNotFound before anything is sent, as office.js does', async () => {
    const { wb } = small({ apiVersion: '1.13' });
    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(SHEET).getRange('A1').conditionalFormats;
      expect(() => cfs.getItemOrNullObject('0')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      // A member of 1.13 or below is there.
      expect(() => context.workbook.worksheets.getItem(SHEET).getRange('A1').getMergedAreasOrNullObject()).not.toThrow();
    });
    await expect(Excel.run({ mergeUndoGroup: true }, async () => undefined)).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(wb.recorder.syncs.filter((s) => s.failed)).toEqual([]);
  });

  it('options of getRowProperties are checked too', async () => {
    small({ apiVersion: '1.8' });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('A1:B2');
      expect(() => range.getRowProperties({ rowHidden: true })).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });
});

describe('conditional-format ids', () => {
  it('under the least favourable reading, ids are positions and an object designates a position', async () => {
    const { wb } = small({ readings: { conditionalFormatIds: 'position' } });
    await addRule('A1', '=1=1');
    await addRule('A1', '=2=2');
    await addRule('A1', '=3=3');
    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats;
      cfs.load('items/id,items/custom/rule/formula');
      await context.sync();
      expect(cfs.items.map((c) => c.id)).toEqual(['0', '1', '2']);
      expect(cfs.items.map((c) => c.custom.rule.formula)).toEqual(['=3=3', '=2=2', '=1=1']);
      // Deleting the first, then "the second" by its object, deletes what moved into its place.
      cfs.items[0].delete();
      cfs.items[1].delete();
      await context.sync();
    });
    expect(wb.sheet(SHEET).cfs.map((c) => c.formula)).toEqual(['=2=2']);
  });

  it('under the favourable reading, ids and objects stay with their format', async () => {
    const { wb } = small({ readings: { conditionalFormatIds: 'stable' } });
    await addRule('A1', '=1=1');
    await addRule('A1', '=2=2');
    await addRule('A1', '=3=3');
    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(SHEET).getRange().conditionalFormats;
      cfs.load('items/id');
      await context.sync();
      expect(new Set(cfs.items.map((c) => c.id)).size).toBe(3);
      cfs.items[0].delete();
      cfs.items[1].delete();
      await context.sync();
    });
    expect(wb.sheet(SHEET).cfs.map((c) => c.formula)).toEqual(['=1=1']);
  });

  it('a priority past the bounds sends the format to the bottom', async () => {
    const { wb } = small();
    await addRule('A1', '=1=1');
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(SHEET).getRange('A1:B1').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=2=2';
      cf.custom.format.fill.color = '#00FF00';
      cf.priority = 1_000_000;
    });
    expect(wb.sheet(SHEET).cfs.map((c) => c.formula)).toEqual(['=1=1', '=2=2']);
  });
});

describe('rows and columns that move', () => {
  it('inserting rows moves values, formats, merges, hidden rows, rules and every reference, absolute or not', async () => {
    const { wb } = small({ hiddenRows: { [SHEET]: ['3:3'] } });
    await addRule('B2', '=AND(ISTEXT("x"),ISREF($A$2),$B$2=2,B2>0)');
    wb.userEdit(SHEET, 'B2', { numberFormat: '0.00' });
    wb.insertRows(SHEET, 2, 2);
    expect(wb.cellState(SHEET, 'B4')).toMatchObject({ value: 2, numberFormat: '0.00' });
    expect(wb.cellState(SHEET, 'B6')).toMatchObject({ value: 6, formula: '=SUM(B1:B5)' });
    expect(wb.sheet(SHEET).cfs[0]).toMatchObject({ area: { top: 3, bottom: 3, left: 1, right: 1 }, formula: '=AND(ISTEXT("x"),ISREF($A$4),$B$4=2,B4>0)' });
    expect(wb.cellState(SHEET, 'B4').conditionalFormats[0].applies).toBe(true);
    expect([...wb.sheet(SHEET).hiddenRows]).toEqual([4]);
  });

  it('deleting rows: references to them become #REF!, a rule on them goes, a range shrinks', async () => {
    const { wb } = small();
    await addRule('B2', '=AND(ISREF($A$2),$B$2=2)');
    wb.deleteRows(SHEET, 2);
    expect(wb.cellState(SHEET, 'B3')).toMatchObject({ value: 4, formula: '=SUM(B1:B2)' });
    expect(wb.sheet(SHEET).cfs).toEqual([]);
    expect(shiftFormula('=$C$5+C2+SUM(A4:A9)+\'Autre feuille\'!C5', { axis: 'row', at: 4, count: -1 }, SHEET)).toBe('=#REF!+C2+SUM(A4:A8)+\'Autre feuille\'!C5');
    expect(shiftFormula('="C5 stays text"&C5', { axis: 'col', at: 1, count: 1 }, SHEET)).toBe('="C5 stays text"&D5');
  });

  it('Range.insert and Range.delete (whole rows) do the same through the API', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('2:2').insert('Down');
    });
    expect(wb.cellState(SHEET, 'A3').value).toBe('b');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('2:2').delete('Up');
    });
    expect(wb.cellState(SHEET, 'A2').value).toBe('b');
  });

  it.each(READINGS)('sorting moves rows; rules stay or move per the reading (%s)', async (_, readings) => {
    const { wb } = small({ readings });
    await addRule('B1', '=$B$1=1');
    wb.sortRows(SHEET, 'A1:B3', 'B', false);
    expect(['A1', 'A2', 'A3'].map((a) => wb.cellState(SHEET, a).value)).toEqual(['c', 'b', 'a']);
    const rule = wb.sheet(SHEET).cfs[0];
    if (readings.sortedConditionalFormats === 'move') expect(rule).toMatchObject({ area: { top: 2, bottom: 2 }, formula: '=$B$3=1' });
    else expect(rule).toMatchObject({ area: { top: 0, bottom: 0 }, formula: '=$B$1=1' });
  });
});

describe('what else the documentation leaves open', () => {
  it.each(READINGS)('fills: no fill and white (%s)', async (_, readings) => {
    small({ readings, fills: { [SHEET]: { A1: '#FFFFFF', A2: '#FFFF00' } } });
    const props = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange('A1:A3').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await context.sync();
      return r.value.map((row) => row[0].format!.fill);
    });
    expect(props[0]).toEqual({ color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 });
    expect(props[1]).toEqual({ color: '#FFFF00', pattern: 'Solid', tintAndShade: 0 });
    expect(props[2]).toEqual(readings.noFill === 'white' ? { color: '#FFFFFF', pattern: 'Solid', tintAndShade: 0 } : { color: '#FFFFFF', pattern: 'None', tintAndShade: null });
  });

  it.each(READINGS)('cell-edit mode (%s)', async (_, readings) => {
    const { wb } = small({ readings });
    wb.cellEditMode = true;
    const run = Excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A1').load('values');
      await context.sync();
    });
    if (readings.delayForCellEdit === 'honoured') await run;
    else await expect(run).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('payloads: 5 % under 5 000 000 bytes by default, every non-ASCII character counted as an escape', async () => {
    const { wb } = install(FakeWorkbook.fromGrids([{ name: SHEET, origin: { row: 0, col: 0 }, rows: [[{ value: 'é'.repeat(1000) }]], merges: [] }]));
    expect(wb.payloadLimitBytes).toBe(4_750_000);
    expect(wb.readings).toEqual(LEAST_FAVOURABLE);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('A1').load('values');
      await context.sync();
    });
    expect(wb.recorder.syncs[0].responseBytes).toBeGreaterThan(6000);
  });

  it('hidden and filtered rows: rowHidden, per range and per row', async () => {
    small({ hiddenRows: { [SHEET]: ['2:2'] }, filteredRows: { [SHEET]: ['3:3'] } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('A1:B4');
      const props = range.getRowProperties({ rowHidden: true });
      range.load('rowHidden');
      const two = context.workbook.worksheets.getItem(SHEET).getRange('A2:A3').load('rowHidden');
      await context.sync();
      expect(props.value.map((p) => p.rowHidden)).toEqual([false, true, true, false]);
      expect([range.rowHidden, two.rowHidden]).toEqual([null, true]);
    });
  });

  it('a formula over the whole sheet does not exhaust the evaluator: its result is "unknown", at once', () => {
    const t = Date.now();
    const wb = FakeWorkbook.fromGrids([{ name: SHEET, origin: { row: 0, col: 0 }, rows: [[{ value: 7, formula: '=SUM(A2:XFD1048576)' }], [{ value: 1 }]], merges: [] }]);
    expect(() => evaluateFormula('=SUM(A2:XFD1048576)', { cell: () => 1 })).toThrow(/cells in one formula/);
    expect(wb.cellState(SHEET, 'A1').value).toBe(7); // kept: the fake does not pretend to know
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('where Office.js says the pane runs: host, platform, version', () => {
    const { wb } = small();
    wb.officeHost.host = 'Word';
    install(wb);
    expect(Office.context.diagnostics).toMatchObject({ host: 'Word', platform: 'OfficeOnline' });
  });
});

it('the sample reads the same under every reading', async () => {
  for (const [, readings] of READINGS) {
    const { service } = install(FakeWorkbook.fromGrids([sampleGrid()], { readings }));
    expect((await service.check('fr')).report!.findings.map((f) => cellName(f.at))).toEqual(['L50', 'L51']);
  }
});
