/** The engine's view of a sheet (src/domain/grid.ts): errors told from other values, cells by address, the grid's size. */
import { SheetGrid, cellAddress, getCell, gridHeight, gridWidth, isCellError } from '../../../src/domain/grid';

describe('grid', () => {
  it('an error is an object with an error text, nothing else', () => {
    const values = [{ error: '#REF!' }, { error: '' }, { error: 5 }, {}, null, '#REF!', 0, true, new Date(0)];
    expect(values.map((v) => isCellError(v as never))).toEqual([true, true, false, false, false, false, false, false, false]);
  });

  it('addresses, cells, height and width of a grid whose origin is C5, with missing rows and cells', () => {
    const g: SheetGrid = { name: 'Annexe', origin: { row: 4, col: 2 }, rows: [[{ value: 1 }, null], undefined, [undefined, undefined, { value: 'x' }], null, []], merges: [] };
    expect([cellAddress(g, 0, 0), cellAddress(g, 2, 24), cellAddress(g, 10, 1)]).toEqual(['C5', 'AA7', 'D15']);
    expect([getCell(g, 0, 0), getCell(g, 0, 1), getCell(g, 0, 2), getCell(g, 1, 0), getCell(g, 2, 2), getCell(g, 9, 0)]).toEqual([
      { value: 1 },
      undefined,
      undefined,
      undefined,
      { value: 'x' },
      undefined,
    ]);
    expect([gridHeight(g), gridWidth(g)]).toEqual([5, 3]);
    expect(gridWidth({ ...g, rows: [] })).toBe(0);
    expect(gridWidth({ ...g, rows: [[null, null], [null]] })).toBe(2);
  });
});
