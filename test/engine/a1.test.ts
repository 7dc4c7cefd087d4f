/** The one A1/rectangle module (src/domain/a1.ts) shared by the engine, the adapters and the fake. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellA1,
  columnIndex,
  columnLetters,
  intersect,
  parseAddress,
  parseRect,
  quoteSheetName,
  rectA1,
  rectCells,
  rectContains,
  splitAreas,
} from '../../src/domain/a1';
import * as grid from '../../src/domain/grid';

describe('A1 addressing', () => {
  it('turns column indexes into letters and back', () => {
    expect([0, 25, 26, 51, 52, 701, 702, MAX_COLUMNS - 1].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    for (const col of [0, 1, 25, 26, 27, 700, 701, 702, 16383]) expect(columnIndex(columnLetters(col))).toBe(col);
    expect(columnIndex('xfd')).toBe(MAX_COLUMNS - 1);
  });

  it('parses a cell address, absolute or not, and refuses anything else in French', () => {
    expect(parseAddress('B12')).toEqual({ row: 11, col: 1 });
    expect(parseAddress(' $AA$3 ')).toEqual({ row: 2, col: 26 });
    expect(() => parseAddress('B12:C3')).toThrow('Adresse de cellule invalide\u00a0: B12:C3');
    expect(() => parseAddress('12B')).toThrow(/invalide/);
  });

  it('writes cells and rectangles, relative or absolute', () => {
    expect(cellA1(4, 1)).toBe('B5');
    expect(cellA1(4, 1, true)).toBe('$B$5');
    expect(rectA1({ top: 4, left: 1, bottom: 59, right: 11 })).toBe('B5:L60');
    expect(rectA1({ top: 4, left: 1, bottom: 4, right: 1 })).toBe('B5');
    expect(rectA1({ top: 0, left: 0, bottom: 1, right: 1 }, true)).toBe('$A$1:$B$2');
  });

  it('quotes sheet names as Excel does', () => {
    expect(quoteSheetName('Annexe9')).toBe('Annexe9');
    expect(quoteSheetName('Annexe 9')).toBe("'Annexe 9'");
    expect(quoteSheetName("L'annexe")).toBe("'L''annexe'");
    expect(quoteSheetName('AB12')).toBe("'AB12'"); // would read as a cell
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('Synthèse')).toBe('Synthèse');
  });

  it('parses local references: cells, rectangles in any corner order, whole columns and rows', () => {
    expect(parseRect('B5')).toEqual({ top: 4, left: 1, bottom: 4, right: 1 });
    expect(parseRect('$L$60:$B$5')).toEqual({ top: 4, left: 1, bottom: 59, right: 11 });
    expect(parseRect('b:d')).toEqual({ top: 0, left: 1, bottom: MAX_ROWS - 1, right: 3 });
    expect(parseRect('9:5')).toEqual({ top: 4, left: 0, bottom: 8, right: MAX_COLUMNS - 1 });
    for (const bad of ['', 'A1:B2:C3', 'Sheet!A1', 'A0', 'XFE1', 'A1048577', '5', 'B']) expect(parseRect(bad)).toBeNull();
  });

  it('splits a multi-area address, respecting quoted sheet names', () => {
    expect(splitAreas("'Annexe 9'!B5:B7, 'Annexe 9'!C5")).toEqual(['B5:B7', 'C5']);
    expect(splitAreas("'a, b''!c'!A1,'a, b''!c'!B2")).toEqual(['A1', 'B2']);
    expect(splitAreas('A1')).toEqual(['A1']);
    expect(splitAreas('')).toEqual([]);
  });

  it('measures, contains and intersects rectangles', () => {
    const r = { top: 2, left: 2, bottom: 5, right: 4 };
    expect(rectCells(r)).toBe(12);
    expect(rectContains(r, 2, 4)).toBe(true);
    expect(rectContains(r, 6, 4)).toBe(false);
    expect(intersect(r, { top: 5, left: 0, bottom: 9, right: 2 })).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    expect(intersect(r, { top: 6, left: 0, bottom: 9, right: 9 })).toBeNull();
  });

  it('edges: quoting, the last cell of the sheet, stray separators, rectangles touching at one side', () => {
    expect(['_x', 'a.b', 'Feuil1', 'ABCD1', '9Annexe', 'ABC1', 'rc', 'r2c', 'A-B', ''].map(quoteSheetName)).toEqual([
      '_x',
      'a.b',
      'Feuil1',
      'ABCD1',
      "'9Annexe'",
      "'ABC1'",
      "'rc'",
      "'r2c'",
      "'A-B'",
      "''",
    ]);
    expect(parseRect(' $xfd$1048576 ')).toEqual({ top: MAX_ROWS - 1, left: MAX_COLUMNS - 1, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 });
    expect(parseRect('A1:XFD1048576')).toEqual({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 });
    expect(parseRect('1048576:1')).toEqual({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 });
    for (const bad of ['A1:B', 'B:5', '0:5', '5:1048577', 'A:XFE', 'A1:']) expect(parseRect(bad)).toBeNull();
    expect(splitAreas('A1, ')).toEqual(['A1']);
    expect(splitAreas('!A1,Feuil1!B2:C3')).toEqual(['A1', 'B2:C3']);
    const r = { top: 2, left: 2, bottom: 5, right: 4 };
    expect([rectContains(r, 5, 2), rectContains(r, 1, 3), rectContains(r, 3, 1), rectContains(r, 3, 5)]).toEqual([true, false, false, false]);
    expect(intersect(r, { top: 0, left: 5, bottom: 9, right: 9 })).toBeNull();
    expect(intersect(r, { top: 0, left: 4, bottom: 2, right: 9 })).toEqual({ top: 2, left: 4, bottom: 2, right: 4 });
    expect(rectCells({ top: 7, left: 3, bottom: 7, right: 3 })).toBe(1);
  });

  it('writes a one-row or one-column rectangle with both corners', () => {
    expect(rectA1({ top: 4, left: 1, bottom: 4, right: 3 })).toBe('B5:D5');
    expect(rectA1({ top: 4, left: 1, bottom: 6, right: 1 })).toBe('B5:B7');
  });

  it('leaves unquoted a name that only starts like an A1 cell, or has R and C without a number after them', () => {
    // « CP2023 » is cell CP2023, « CP2023bis » is no cell; « Marc » ends in « rc », « Rcap » starts with it.
    expect(['CP2023bis', 'Marc', 'Rcap', 'RCZ', 'Crédits', 'CR', 'bR1C1'].map(quoteSheetName)).toEqual(['CP2023bis', 'Marc', 'Rcap', 'RCZ', 'Crédits', 'CR', 'bR1C1']);
    expect(['CP2023', 'rc1'].map(quoteSheetName)).toEqual(["'CP2023'", "'rc1'"]);
  });

  it('quotes a name that starts with an R1C1 reference, or is R, C or RC, as Excel does (observed)', () => {
    // Excel reads what follows R1, C2 or RC3 as more of the reference: « R1C1bis », « C2023_budget ».
    expect(['R1C1bis', 'R12abc', 'C2023_budget', 'rc2z', 'R4C', 'R', 'c', 'Rc'].map(quoteSheetName)).toEqual([
      "'R1C1bis'",
      "'R12abc'",
      "'C2023_budget'",
      "'rc2z'",
      "'R4C'",
      "'R'",
      "'c'",
      "'Rc'",
    ]);
  });

  it('refuses references with something before or after a cell, column or row', () => {
    for (const bad of ['B5C', '1A:B', 'B:C1', 'A5:9', '5:9A', 'B5:9']) expect(parseRect(bad)).toBeNull();
    expect(parseRect('AA:AC')).toEqual({ top: 0, left: 26, bottom: MAX_ROWS - 1, right: 28 });
    expect(parseRect('c:xfd')).toEqual({ top: 0, left: 2, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 });
  });

  it('splits areas written with spaces after the commas, with or without a sheet', () => {
    expect(splitAreas('A1, B2:C3 ,D4')).toEqual(['A1', 'B2:C3', 'D4']);
    expect(splitAreas("'L''annexe 9'!A1, Feuil1! B2")).toEqual(['A1', 'B2']);
  });

  it('is what grid.ts re-exports, not a second copy', () => {
    expect(grid.columnLetters).toBe(columnLetters);
    expect(grid.columnIndex).toBe(columnIndex);
    expect(grid.parseAddress).toBe(parseAddress);
  });
});
