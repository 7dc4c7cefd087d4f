/**
 * The fake behaves like Office.js where the add-in depends on it: loading, queued writes, null
 * objects, collections, protection, payload sizes, save and reopen. If these fail, the Office
 * tests prove nothing.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { FakeWorkbook, fakeUnderstands } from '../../src/fake-excel';
import { evaluateFormula } from '../../src/fake-excel/formula';
import { SHEET, install, sampleGrid, uninstall } from '../office/helpers';

afterEach(uninstall);

function small(options = {}) {
  return install(
    FakeWorkbook.fromGrids(
      [
        {
          name: SHEET,
          origin: { row: 1, col: 1 },
          rows: [
            [{ value: 'Titre' }, null, { value: 3 }],
            [{ value: 1 }, { value: 2 }, { value: 3, formula: '=B3+C3' }],
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
        },
        { name: 'Autre', origin: { row: 0, col: 0 }, rows: [], merges: [] },
      ],
      options,
    ),
  );
}

describe('loading and syncing', () => {
  it('a property is unavailable until load and sync, like Office.js', async () => {
    small();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('B3:D3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([[1, 2, 3]]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded', name: 'RichApi.Error' }));
    });
  });

  it('writes are queued and applied at sync; a set value reads back at once', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('B3');
      range.values = [[10]];
      expect(range.values).toEqual([[10]]);
      expect(wb.cellState(SHEET, 'B3').value).toBe(1);
      await context.sync();
      expect(wb.cellState(SHEET, 'B3').value).toBe(10);
      // The formula D3 = B3 + C3 follows.
      expect(wb.cellState(SHEET, 'D3').value).toBe(12);
    });
  });

  it('Excel.run syncs what the batch left queued, and counts only syncs that carry something', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('B4').values = [['x']];
    });
    expect(wb.cellState(SHEET, 'B4').value).toBe('x');
    expect(wb.recorder.syncCount).toBe(1);
    await Excel.run(async (context) => {
      await context.sync();
    });
    expect(wb.recorder.syncCount).toBe(1);
  });

  it('a size mismatch in values fails at sync with InvalidArgument', async () => {
    small();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('B3:C3').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('text that looks like a number becomes a number, unless the cell is formatted as text', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('F2').values = [['030450191907']];
      ws.getRange('F3').numberFormat = [['@']];
      ws.getRange('F3').values = [['030450191907']];
      ws.getRange('F4').values = [['=F2*2']];
    });
    expect(wb.cellState(SHEET, 'F2').value).toBe(30450191907);
    expect(wb.cellState(SHEET, 'F3').value).toBe('030450191907');
    expect(wb.cellState(SHEET, 'F4')).toMatchObject({ formula: '=F2*2', value: 60900383814 });
  });
});

describe('null objects and collections', () => {
  it('getItemOrNullObject gives a null object known after sync; getItem of a missing sheet fails at sync', async () => {
    small();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const there = context.workbook.worksheets.getItemOrNullObject(SHEET);
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('getUsedRangeOrNullObject is null on a blank sheet, getUsedRange gives A1', async () => {
    small();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Autre');
      const orNull = ws.getUsedRangeOrNullObject(true);
      const used = ws.getUsedRange(true);
      orNull.load('address');
      used.load('address');
      await context.sync();
      expect(orNull.isNullObject).toBe(true);
      expect(used.address).toBe('Autre!A1');
    });
  });

  it('collections have items only after load', async () => {
    small();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual([SHEET, 'Autre']);
      expect(() => sheets.items[0].id).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it.each([
    ['null', true],
    ['throw', false],
  ] as const)('a ClientResult of a null object: no value under the %s reading, else the sync fails', async (nullObjectCalls, resolves) => {
    small({ readings: { nullObjectCalls } });
    const run = Excel.run(async (context) => {
      const xml = context.workbook.customXmlParts.getByNamespace('urn:x').getOnlyItemOrNullObject().getXml();
      expect(() => xml.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect(xml.value).toBeUndefined();
    });
    if (resolves) await run;
    else await expect(run).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('merged areas and formula cells come back as areas, loaded on the (possibly null) object itself', async () => {
    small();
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem(SHEET).getUsedRange(true);
      const merged = used.getMergedAreasOrNullObject();
      merged.load('address');
      const formulas = used.getSpecialCellsOrNullObject('Formulas');
      formulas.load('areas/items/address,areas/items/formulas');
      const none = context.workbook.worksheets.getItem(SHEET).getRange('B3:C3').getSpecialCellsOrNullObject('Formulas');
      none.load('areas/items/address');
      await context.sync();
      expect(merged.address).toBe("'Annexe 9'!B2:C2");
      expect(formulas.areas.items.map((a) => [a.address, a.formulas])).toEqual([["'Annexe 9'!D3", [['=B3+C3']]]]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it('range geometry: bounding rect, entire rows and columns, rows below (past the last row fails)', async () => {
    small();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const box = sheet.getRange('C5').getBoundingRect(sheet.getRange('B2:B3'));
      const rows = sheet.getRange('C5:D6').getEntireRow();
      const cols = sheet.getRange('C5:D6').getEntireColumn();
      const below = sheet.getRange('B2:C3').getRowsBelow(2);
      [box, rows, cols, below].forEach((r) => r.load('address'));
      await context.sync();
      expect([box, rows, cols, below].map((r) => r.address)).toEqual(["'Annexe 9'!B2:C5", "'Annexe 9'!A5:XFD6", "'Annexe 9'!C1:D1048576", "'Annexe 9'!B4:C5"]);
      sheet.getRange('A1048576').getRowsBelow(1).load('address');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  it('what hangs off a null range: null under the "null" reading; under "throw", any call or load through it fails the sync', async () => {
    small({ readings: { nullObjectCalls: 'null' } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const none = sheet.getRange('B2').getIntersectionOrNullObject(sheet.getRange('F9'));
      const band = none.getBoundingRect(sheet.getRange('A1')).getEntireRow().getIntersectionOrNullObject(sheet.getRange('A1:C3'));
      band.load('values');
      const rows = band.getRowProperties({ format: { fill: { color: true } } });
      const errors = band.getSpecialCellsOrNullObject('Constants', 'Errors');
      errors.areas.load('items/address');
      await context.sync();
      expect([none.isNullObject, band.isNullObject, errors.isNullObject]).toEqual([true, true, true]);
      expect(rows.value).toBeUndefined();
    });
    small({ readings: { nullObjectCalls: 'throw' } });
    const attempts: Array<(none: Excel.Range, sheet: Excel.Worksheet) => void> = [
      (none, sheet) => none.getBoundingRect(sheet.getRange('A1')).load('address'),
      (none) => none.getRowProperties({ format: { fill: { color: true } } }),
      (none) => none.format.load('wrapText'),
      (none) => (none.values = [[1]]),
      (none, sheet) => sheet.getRange('A1').getIntersectionOrNullObject(none).load('address'),
    ];
    for (const attempt of attempts) {
      await expect(
        Excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem(SHEET);
          const none = sheet.getRange('B2').getIntersectionOrNullObject(sheet.getRange('F9'));
          attempt(none, sheet);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' });
    }
    // What is documented works: load and isNullObject, and delete (Microsoft's own samples).
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      const none = sheet.getRange('B2').getIntersectionOrNullObject(sheet.getRange('F9'));
      none.load('address');
      const gone = context.workbook.worksheets.getItemOrNullObject('Nope');
      gone.delete();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  it('row and column properties: the common fill, null where the cells differ', async () => {
    small({ fills: { [SHEET]: { 'B2:D2': '#DDDDDD', C3: '#FFFF00' } } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('B2:D4');
      const rows = range.getRowProperties({ format: { fill: { color: true } } });
      const cols = range.getColumnProperties({ format: { fill: { color: true } }, columnIndex: true });
      await context.sync();
      expect(rows.value).toEqual([{ format: { fill: { color: '#DDDDDD' } } }, { format: { fill: { color: null } } }, { format: { fill: { color: '#FFFFFF' } } }]);
      expect(cols.value.map((c) => [c.columnIndex, c.format?.fill?.color])).toEqual([[1, null], [2, null], [3, null]]);
    });
  });

  it('error cells are found as special cells, constants and formulas apart', async () => {
    install(
      FakeWorkbook.fromGrids([
        { name: SHEET, origin: { row: 0, col: 0 }, rows: [[{ value: { error: '#REF!' } }, { value: '#N/A' }, { value: { error: '#DIV/0!' }, formula: '=1/0' }]], merges: [] },
      ]),
    );
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRange('A1:C1');
      const constants = range.getSpecialCellsOrNullObject('Constants', 'Errors');
      const formulas = range.getSpecialCellsOrNullObject('Formulas', 'Errors');
      constants.areas.load('items/address');
      formulas.areas.load('items/address');
      await context.sync();
      expect(constants.areas.items.map((a) => a.address)).toEqual(["'Annexe 9'!A1"]);
      expect(formulas.areas.items.map((a) => a.address)).toEqual(["'Annexe 9'!C1"]);
    });
  });
});

describe('protection, read-only, errors', () => {
  it('a protected sheet fails writes at sync with AccessDenied, and Excel keeps what ran before', async () => {
    const { wb } = small();
    wb.protect(SHEET);
    await expect(
      Excel.run(async (context) => {
        context.workbook.customXmlParts.add('<a xmlns="urn:x"/>');
        context.workbook.worksheets.getItem(SHEET).getRange('B3').values = [[5]];
        context.workbook.worksheets.getItem('Autre').getRange('A1').values = [['never']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied', name: 'RichApi.Error' });
    expect(wb.customXmlParts).toHaveLength(1); // no rollback: why the add-in validates before writing
    expect(wb.cellState(SHEET, 'B3').value).toBe(1);
    expect(wb.cellState('Autre', 'A1').value).toBeNull();
    expect(wb.recorder.syncs[0].failed).toBe('AccessDenied');
  });

  it('a read-only workbook reports its mode and refuses every write', async () => {
    const { wb } = small({ readOnly: true });
    expect(Office.context.document.mode).toBe(Office.DocumentMode.ReadOnly);
    await expect(
      Excel.run(async (context) => {
        context.workbook.customXmlParts.add('<a xmlns="urn:x"/>');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(wb.customXmlParts).toHaveLength(0);
  });

  it('payloads are measured, and a limit fails the sync like Excel on the web', async () => {
    const { wb } = install(FakeWorkbook.fromGrids([sampleGrid()], { payloadLimitBytes: 3_000 }));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getUsedRange().load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(wb.recorder.syncs[0].responseBytes).toBeGreaterThan(3_000);
    expect(wb.recorder.syncs[0].requestBytes).toBeLessThan(1000);
  });

  it('requirement sets follow the version the fake claims', () => {
    install(FakeWorkbook.fromGrids([sampleGrid()], { apiVersion: '1.13' }));
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.20')).toBe(false);
  });
});

describe('conditional formats, events, save and reopen', () => {
  it('a new conditional format goes on top; whether it applies follows the cells', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem(SHEET).getRange('D3');
      const a = r.conditionalFormats.add('Custom');
      a.custom.rule.formula = '=$D$3>100';
      a.custom.format.fill.color = '#00FF00';
      const b = r.conditionalFormats.add('Custom');
      b.custom.rule.formula = '=ROUND($D$3,2)<>ROUND(SUM($B$3,$C$3),2)';
      b.custom.format.fill.color = '#ff0000';
    });
    expect(wb.cellState(SHEET, 'D3').conditionalFormats.map((c) => [c.formula, c.applies])).toEqual([
      ['=ROUND($D$3,2)<>ROUND(SUM($B$3,$C$3),2)', false],
      ['=$D$3>100', false],
    ]);
    wb.userEdit(SHEET, 'B3', { value: 200 });
    expect(wb.cellState(SHEET, 'D3')).toMatchObject({ value: 202, displayFill: '#00FF00' });
  });

  it('onChanged fires for a user edit, after registration is synced', async () => {
    const { wb } = small();
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).onChanged.add(async (e) => {
        seen.push(`${e.address}:${e.triggerSource}`);
      });
      await context.sync();
    });
    wb.userEdit(SHEET, 'C3', { value: 7 });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['C3:Unknown']);
  });

  it('worksheets.onChanged hears every sheet, with its id', async () => {
    const { wb } = small();
    const seen: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(`${e.worksheetId === wb.sheet(SHEET).id ? SHEET : e.worksheetId === wb.sheet('Autre').id ? 'Autre' : '?'}!${e.address}`);
      });
      await context.sync();
    });
    wb.userEdit(SHEET, 'C3', { value: 7 });
    wb.userEdit('Autre', 'A1', { value: 1 });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['Annexe 9!C3', 'Autre!A1']);
  });

  it('save and reopen keeps cells, merges, conditional formats and XML parts, not runtime ids', async () => {
    const { wb } = small();
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(SHEET).getRange('C3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      context.workbook.customXmlParts.add('<a xmlns="urn:x">&lt;1&gt;</a>');
    });
    const again = wb.reopen();
    expect(again.toJSON()).toEqual(JSON.parse(JSON.stringify(wb.toJSON())));
    expect(again.cellState(SHEET, 'C3').conditionalFormats[0].id).not.toBe(wb.cellState(SHEET, 'C3').conditionalFormats[0].id);
  });
});

describe('the formula evaluator', () => {
  const env = { cell: (r: number, c: number) => ([[1, 'a', null, { error: '#REF!' }, 0.1, 0.2]][r]?.[c] ?? null) as never };
  it.each([
    ['=ROUND(E1+F1,2)=0.3', true],
    ['=SUM(A1:F1)', { error: '#REF!' }],
    ['=SUM(A1,B1,C1)', 1],
    ['=A1+B1', { error: '#VALUE!' }],
    ['=AND(ISTEXT("tag"),LEN(TRIM(C1))=0)', true],
    ['=IFERROR(D1,FALSE)', false],
    ['=OR(ISERROR(D1),A1>5)', true],
    ['=-2^2', 4],
    ['=B1="A"', true],
    ['=ROUND(2.675,2)', 2.68],
  ])('%s', (formula, expected) => {
    expect(evaluateFormula(formula, env)).toEqual(expected);
  });
  it('says what it does not know', () => {
    expect(fakeUnderstands('=VLOOKUP(A1,B:C,2,0)')).toBe(false);
    expect(fakeUnderstands('=AND(ISTEXT("x"),ROUND($L$51,2)<>ROUND(SUM($F$51:$G$51),2))')).toBe(true);
  });
});

it('the fake and the Office modules the demo page bundles import nothing from Node', async () => {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  await walk('src/office');
  await walk('src/fake-excel');
  expect(files).toContain(path.join('src', 'fake-excel', 'proxies', 'range.ts'));
  for (const file of files) {
    const text = await fs.readFile(file, 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(`${file}: ${spec}`).toMatch(/: (\.|decimal\.js$)/);
  }
});
