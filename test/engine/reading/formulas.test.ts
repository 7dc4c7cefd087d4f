/**
 * The formulas a total is made of (src/domain/formulas.ts), read and recomputed by hand: which
 * shapes are read (and into which cells), which are refused, and what Excel would give for them.
 * Coordinates are 0-based sheet cells (L5 → row 4, col 11); amounts in cents unless said.
 */
import { Cell, SheetGrid } from '../../../src/domain/grid';
import { FormulaEvaluator, a1, coveredCells, formulaForDisplay, parseSimpleFormula } from '../../../src/domain/formulas';

type Raw = string | number | boolean | null | Cell;

function grid(raw: Raw[][], origin = { row: 0, col: 0 }, name = 'Annexe'): SheetGrid {
  return { name, origin, rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges: [] };
}
const f = (formula: string, value: Cell['value'] = 0): Cell => ({ value, formula });
const ref = (top: number, left: number, bottom = top, right = left, inSum = false) => ({ top, left, bottom, right, inSum });

describe('parseSimpleFormula: the shapes read', () => {
  it('one SUM of one range, in any corner order, any case, SOMME too', () => {
    expect(parseSimpleFormula('=SUM(L22:L37)', 'Annexe')).toEqual({ text: '=SUM(L22:L37)', refs: [ref(21, 11, 36, 11, true)], singleRange: true });
    expect(parseSimpleFormula(' =somme($M$9:K5) ', 'Annexe')).toEqual({ text: '=somme($M$9:K5)', refs: [ref(4, 10, 8, 12, true)], singleRange: true });
    expect(parseSimpleFormula('=_xlfn.SUM (L9:K5)', 'Annexe')).toEqual({ text: '=_xlfn.SUM (L9:K5)', refs: [ref(4, 10, 8, 11, true)], singleRange: true });
  });

  it('+ chains of cells, with or without a leading +, spaces or $', () => {
    expect(parseSimpleFormula('=L11+$L$14', 'Annexe')).toEqual({ text: '=L11+$L$14', refs: [ref(10, 11), ref(13, 11)], singleRange: false });
    expect(parseSimpleFormula('=+L7+M8', 'Annexe')).toEqual({ text: '=+L7+M8', refs: [ref(6, 11), ref(7, 12)], singleRange: false });
    expect(parseSimpleFormula('= +L7 + M8', 'Annexe')).toEqual({ text: '= +L7 + M8', refs: [ref(6, 11), ref(7, 12)], singleRange: false });
    expect(parseSimpleFormula('= L5', 'Annexe')).toEqual({ text: '= L5', refs: [ref(4, 11)], singleRange: false });
    // The widest cells a sheet has: three letters, seven digits.
    expect(parseSimpleFormula('=XFD1048576+$AAA$5', 'Annexe')).toEqual({ text: '=XFD1048576+$AAA$5', refs: [ref(1048575, 16383), ref(4, 702)], singleRange: false });
    expect(parseSimpleFormula('=SUM(XFD1048575:XFD1048576)', 'Annexe')?.refs).toEqual([ref(1048574, 16383, 1048575, 16383, true)]);
  });

  it('lists and mixes: each argument a reference, « ; » or « , » between them', () => {
    expect(parseSimpleFormula('=SOMME(L7;L10:L11)', 'Annexe')).toEqual({ text: '=SOMME(L7;L10:L11)', refs: [ref(6, 11, 6, 11, true), ref(9, 11, 10, 11, true)], singleRange: false });
    expect(parseSimpleFormula('=SUM(L7,L10)', 'Annexe')).toEqual({ text: '=SUM(L7,L10)', refs: [ref(6, 11, 6, 11, true), ref(9, 11, 9, 11, true)], singleRange: false });
    expect(parseSimpleFormula('=+L7+SUM(L9:L10)', 'Annexe')).toEqual({ text: '=+L7+SUM(L9:L10)', refs: [ref(6, 11), ref(8, 11, 9, 11, true)], singleRange: false });
    expect(parseSimpleFormula('=SUM(L9:L10)+SUM(L12)', 'Annexe')).toEqual({ text: '=SUM(L9:L10)+SUM(L12)', refs: [ref(8, 11, 9, 11, true), ref(11, 11, 11, 11, true)], singleRange: false });
  });

  it('this sheet named, in any case, quoted or not, also on both ends of a range', () => {
    expect(parseSimpleFormula('=annexe!L5+L6', 'Annexe')?.refs).toEqual([ref(4, 11), ref(5, 11)]);
    expect(parseSimpleFormula("='L''annexe 9'!L5+L6", "L'annexe 9")?.refs).toEqual([ref(4, 11), ref(5, 11)]);
    expect(parseSimpleFormula("=SUM('L''annexe 9'!L5:'L''annexe 9'!L6)", "L'annexe 9")?.refs).toEqual([ref(4, 11, 5, 11, true)]);
    expect(parseSimpleFormula('=SUM(Annexe!L5:Annexe!L6)', 'ANNEXE')?.refs).toEqual([ref(4, 11, 5, 11, true)]);
  });

  it('spaces around terms and arguments, row 1 and a « + » in a quoted sheet name outside the fast path', () => {
    expect(parseSimpleFormula('=SUM(L5; L6)', 'Annexe')).toEqual({ text: '=SUM(L5; L6)', refs: [ref(4, 11, 4, 11, true), ref(5, 11, 5, 11, true)], singleRange: false });
    expect(parseSimpleFormula('=A1 + SUM(B1;B2)', 'Annexe')).toEqual({ text: '=A1 + SUM(B1;B2)', refs: [ref(0, 0), ref(0, 1, 0, 1, true), ref(1, 1, 1, 1, true)], singleRange: false });
    expect(parseSimpleFormula('=SUM(A1;B1)', 'Annexe')?.refs).toEqual([ref(0, 0, 0, 0, true), ref(0, 1, 0, 1, true)]);
    expect(parseSimpleFormula(' =SUM(A1;A2) ', 'Annexe')).toEqual({ text: '=SUM(A1;A2)', refs: [ref(0, 0, 0, 0, true), ref(1, 0, 1, 0, true)], singleRange: false });
    expect(parseSimpleFormula("=SUM('Crédits 2023+2024'!L5:L6)", 'Crédits 2023+2024')).toEqual({
      text: "=SUM('Crédits 2023+2024'!L5:L6)",
      refs: [ref(4, 11, 5, 11, true)],
      singleRange: true,
    });
  });

  it('this sheet named without quotes, accents and all, as Excel writes « Synthèse », « État » or « Données_2023 »', () => {
    expect(parseSimpleFormula('=Synthèse!L5+L6', 'Synthèse')?.refs).toEqual([ref(4, 11), ref(5, 11)]);
    expect(parseSimpleFormula('=SUM(Données_2023!L5:Données_2023!L6)', 'données_2023')?.refs).toEqual([ref(4, 11, 5, 11, true)]);
    expect(parseSimpleFormula('=État!L5+état!L6', 'État')?.refs).toEqual([ref(4, 11), ref(5, 11)]);
    expect(parseSimpleFormula('=Synthèse!L5+L6', 'Synthese')).toBeNull();
  });

  it('up to 2000 characters', () => {
    const long = `=SUM(L5:L6)${' '.repeat(1989)}`;
    expect(long).toHaveLength(2000);
    expect(parseSimpleFormula(long, 'Annexe')?.refs).toEqual([ref(4, 11, 5, 11, true)]);
    expect(parseSimpleFormula(`${long} `, 'Annexe')).toBeNull();
  });
});

describe('parseSimpleFormula: anything else is not read', () => {
  it.each([
    [undefined],
    [''],
    ['L5+L6'],
    ['+L5+L6'],
    ['==SUM(L5:L6)'],
    ['=SUM(L5:L6)/2'],
    ['=L0+L5'],
    ['=L5+L0'],
    ['=SUM(L0:L5)'],
    ['=SUM(L5:L0)'],
    ['=SUM(L0;L5)'],
    ['=SUM(L5:L0;L6)'],
    ['=SUM(L5;xx)'],
    ['=SUM()'],
    ['='],
    ['=L5:L6+L7'],
    ['=L5:M5+L7'],
    ['=SUM((L5:L6))'],
    ['=SUM(L5:L6))'],
    ['=L5++L6'],
    ['=L5-L6'],
    ['=Budget!L5+L6'],
    ['=SUM(Annexe!L5:Budget!L6)'],
    ['=SUM(L5:L6)+"x"'],
    // Not a cell: no column letters, four of them, no row, eight digits, letters for digits.
    ['=SUM(55:56)'],
    ['=SUM(5:6)'],
    ['=SUM(ABCD5:ABCD6)'],
    ['=SUM(L12345678:L12345679)'],
    ['=SUM(LA:LB)'],
    ['==L5'],
    ['=55+56'],
    ['=5+L6'],
    ['=ABCD5+L6'],
    ['=L+L6'],
    ['=L12345678+L6'],
  ])('%j', (text) => {
    expect(parseSimpleFormula(text, 'Annexe')).toBeNull();
  });

  // A double quote or a parenthesis out of place gives up, even inside a sheet name: never guessed.
  it('a double quote or unbalanced parentheses anywhere, even in a sheet name', () => {
    expect(parseSimpleFormula(`='a"b'!L5+L6`, 'a"b')).toBeNull();
    expect(parseSimpleFormula("='a)b('!L5+L6", 'a)b(')).toBeNull();
    expect(parseSimpleFormula("=SUM('a(b)'!L5:L6)", 'a(b)')).toBeNull();
    // Balanced at the top level, a name with parentheses is read.
    expect(parseSimpleFormula("='a(b)'!L5+L6", 'a(b)')?.refs).toEqual([ref(4, 11), ref(5, 11)]);
  });
});

describe('formulaForDisplay', () => {
  it('French: SOMME and « ; », in every SUM of the formula, nested or not', () => {
    expect(formulaForDisplay('=SUM(L5:L6,L8)', 'fr')).toBe('=SOMME(L5:L6;L8)');
    expect(formulaForDisplay('=sum (L5,L6)+SUM(L7,L8,L9)', 'fr')).toBe('=SOMME(L5;L6)+SOMME(L7;L8;L9)');
    expect(formulaForDisplay('=ROUND(SUM(L5,L6),0)', 'fr')).toBe('=ROUND(SOMME(L5;L6),0)');
  });

  it('French: what is not a plain SUM is shown as stored', () => {
    expect(formulaForDisplay('=XSUM(L5,L6)', 'fr')).toBe('=XSUM(L5,L6)');
    expect(formulaForDisplay('=SUM("a,b")', 'fr')).toBe('=SUM("a,b")');
    expect(formulaForDisplay('=SUM((L5,L6))', 'fr')).toBe('=SUM((L5,L6))');
  });

  it('English: as stored', () => {
    expect(formulaForDisplay('=SUM(L5:L6,L8)', 'en')).toBe('=SUM(L5:L6,L8)');
  });
});

describe('coveredCells and a1', () => {
  it('every cell of every reference, row by row, ranges cut at the last row', () => {
    const parsed = parseSimpleFormula('=SUM(K5:L6)+M2', 'Annexe')!;
    expect(coveredCells(parsed, { top: 0, left: 0, bottom: 99, right: 99 })).toEqual([
      { row: 4, col: 10 },
      { row: 4, col: 11 },
      { row: 5, col: 10 },
      { row: 5, col: 11 },
      { row: 1, col: 12 },
    ]);
    expect(coveredCells(parseSimpleFormula('=SUM(L5:L10)', 'Annexe')!, { top: 0, left: 0, bottom: 6, right: 99 })).toEqual([
      { row: 4, col: 11 },
      { row: 5, col: 11 },
      { row: 6, col: 11 },
    ]);
  });

  it('only the cells of the area asked for: a whole-sheet range gives the grid, not the sheet', () => {
    const whole = parseSimpleFormula('=SUM(A1:XFD1048576)+B2', 'Annexe')!;
    expect(coveredCells(whole, { top: 5, left: 2, bottom: 6, right: 3 })).toEqual([
      { row: 5, col: 2 },
      { row: 5, col: 3 },
      { row: 6, col: 2 },
      { row: 6, col: 3 },
    ]);
    expect(coveredCells(parseSimpleFormula('=SUM(B2:E3)', 'Annexe')!, { top: 2, left: 3, bottom: 9, right: 9 })).toEqual([
      { row: 2, col: 3 },
      { row: 2, col: 4 },
    ]);
  });

  it('names a cell', () => {
    expect(a1(4, 11)).toBe('L5');
    expect(a1(0, 26)).toBe('AA1');
  });
});

describe('FormulaEvaluator', () => {
  it('every formula of a small sheet, each read from the cells it names', () => {
    // A B C / row 1: 1 2 =A1+B1 / row 2: =SUM(A1:C1) 5 =A2+B2 / row 3: =C2-1 (not read) =SUM(A2:C2) =B3
    const g = grid([
      [1, 2, f('=A1+B1')],
      [f('=SUM(A1:C1)'), 5, f('=A2+B2')],
      [f('=C2-1'), f('=SUM(A2:C2)'), f('=B3')],
    ]);
    const ev = new FormulaEvaluator(g, 2);
    const all = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => ev.evaluate(r, c)));
    expect(all).toEqual([undefined, undefined, 300, 600, undefined, 1100, undefined, 2200, 2200]);
  });

  it('the same on a grid whose origin is not A1 (formulas name sheet cells)', () => {
    // Grid (0,0) is sheet C3.
    const g = grid(
      [
        [1, 2, f('=C3+D3')],
        [f('=SUM(C3:E3)'), 5, f('=C4+D4')],
        [f('=E4-1'), f('=SUM(C4:E4)'), f('=D5')],
      ],
      { row: 2, col: 2 },
    );
    const ev = new FormulaEvaluator(g, 2);
    const all = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => ev.evaluate(r, c)));
    expect(all).toEqual([undefined, undefined, 300, 600, undefined, 1100, undefined, 2200, 2200]);
  });

  it('in the minor unit asked for', () => {
    const g = grid([[1.5, 0.125, f('=A1+B1')]]);
    expect(new FormulaEvaluator(g, 2).evaluate(0, 2)).toBe(163);
    expect(new FormulaEvaluator(g, 5).evaluate(0, 2)).toBe(162500);
  });

  it('empty cells are zero; SUM skips text and logical values, + refuses them; errors and dates are unknown', () => {
    const g = grid([
      [10, { value: null }, '  ', 'texte', true, { value: { error: '#REF!' } }, { value: new Date(Date.UTC(2023, 0, 1)) }, null],
      [f('=A1+B1+C1+H1'), f('=SUM(A1:E1)'), f('=A1+D1'), f('=A1+E1'), f('=SUM(A1:F1)'), f('=A1+F1'), f('=SUM(A1;G1)'), f('=A1+G1')],
    ]);
    const ev = new FormulaEvaluator(g, 2);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => ev.evaluate(1, c))).toEqual([1000, 1000, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('a formula reading another formula recomputes it; one it cannot read, or a loop, is unknown', () => {
    // A1 5 | B1 =A1+A1 (stored 999) | C1 =B1+A1 | D1 =ROUND(A1,0) | E1 =D1+A1 | F1 =G1 | G1 =F1 | H1 =H1
    const g = grid([[5, f('=A1+A1', 999), f('=B1+A1'), f('=ROUND(A1,0)', 5), f('=D1+A1'), f('=G1'), f('=F1'), f('=H1')]]);
    const ev = new FormulaEvaluator(g, 2);
    expect([1, 2, 4, 5, 6, 7].map((c) => ev.evaluate(0, c))).toEqual([1000, 1500, undefined, undefined, undefined, undefined]);
  });

  it('a formula read many times through others is computed once (2^20 paths, 21 cells)', () => {
    // A1 = A2+A2, A2 = A3+A3, …, A20 = A21+A21, A21 = 1: 2^20 euros.
    const rows: Raw[][] = [];
    for (let r = 1; r <= 20; r++) rows.push([f(`=A${r + 1}+A${r + 1}`)]);
    rows.push([1]);
    expect(new FormulaEvaluator(grid(rows), 2).evaluate(0, 0)).toBe(104857600);
  });

  it('a sum counts only the sheet cells the grid holds: rows below it and cells above or left of it are empty', () => {
    // Grid (0,0) is sheet B250001: the 250 000 rows above it cost nothing (nor the million below).
    const below = grid([[3, 4], [null, null, f('=SUM(A1:C1048576)')]], { row: 250000, col: 1 });
    expect(new FormulaEvaluator(below, 2).evaluate(1, 2)).toBe(700);
    // Grid (0,0) is sheet KO1 (column 301): the 300 columns left of it cost nothing.
    const left = grid([]);
    left.rows = new Array(701);
    left.rows[0] = [{ value: 3 }];
    left.rows[699] = [{ value: 4 }];
    left.rows[700] = [null, f('=SUM(A1:KO700)')];
    left.origin = { row: 0, col: 300 };
    expect(new FormulaEvaluator(left, 2).evaluate(700, 1)).toBe(700);
  });

  it('the million rows above a grid, sixteen thousand columns wide, cost nothing: a hostile range is read at once', () => {
    // Grid (0,0) is sheet A1000001; C1000002 sums A1:XFD1000001, of which the grid holds 2 × 16 384 cells.
    const low = grid([[3, 4], [null, null, f('=SUM(A1:XFD1000001)')]], { row: 1000000, col: 0 });
    const start = Date.now();
    expect(new FormulaEvaluator(low, 2).evaluate(1, 2)).toBe(700);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('a formula reading more than 200 000 cells is unknown', () => {
    // The formula's own cell and 199 999 cells below it: read; one more: not.
    const rows: Raw[][] = new Array(200001);
    rows[0] = [f('=SUM(A2:A200000)'), f('=SUM(A2:A200001)')];
    rows[1] = [7];
    const g = grid([]);
    g.rows = rows.map((r) => r?.map((v) => (typeof v === 'object' ? (v as Cell) : { value: v })));
    const ev = new FormulaEvaluator(g, 2);
    expect(ev.evaluate(0, 0)).toBe(700);
    expect(ev.evaluate(0, 1)).toBeUndefined();
  });

  it('a chain of formulas 500 deep is read, 501 deep is not', () => {
    // A1 = A2, A2 = A3, …: the value at the end of the chain is read at the depth of its row.
    const chain = (depth: number) => {
      const rows: Raw[][] = [];
      for (let r = 1; r < depth + 1; r++) rows.push([f(`=A${r + 1}`)]);
      rows.push([2]);
      return new FormulaEvaluator(grid(rows), 2).evaluate(0, 0);
    };
    expect(chain(500)).toBe(200);
    expect(chain(501)).toBeUndefined();
  });

  it('a sum beyond what a number holds exactly is unknown, positive or negative', () => {
    // Ten cells of 10^13 euros: 10^16 cents, above 2^53.
    const big = (sign: number) => grid([[...Array.from({ length: 10 }, () => sign * 1e13), f('=SUM(A1:J1)'), f('=SUM(A1:I1)')]]);
    expect(new FormulaEvaluator(big(1), 2).evaluate(0, 10)).toBeUndefined();
    expect(new FormulaEvaluator(big(-1), 2).evaluate(0, 10)).toBeUndefined();
    expect(new FormulaEvaluator(big(1), 2).evaluate(0, 11)).toBe(9e15);
    expect(new FormulaEvaluator(big(-1), 2).evaluate(0, 11)).toBe(-9e15);
  });

  it('a grid whose last row is its shortest: each cell keeps its own formula', () => {
    // A1 1, B1 2, C1 7, D1 =A1+B1 / A2 empty, B2 =C1.
    const g = grid([
      [1, 2, 7, f('=A1+B1')],
      [null, f('=C1')],
    ]);
    const ev = new FormulaEvaluator(g, 2);
    expect([ev.evaluate(0, 3), ev.evaluate(1, 1)]).toEqual([300, 700]);
  });

  it('a cell whose value an adapter left undefined reads as empty', () => {
    const g = grid([[{ value: undefined } as unknown as Cell, 4, f('=SUM(A1:B1)'), f('=A1+B1')]]);
    const ev = new FormulaEvaluator(g, 2);
    expect([ev.evaluate(0, 2), ev.evaluate(0, 3)]).toEqual([400, 400]);
  });

  it('a range running below the grid reads only the grid rows: 12 rows of B:XFD stay within 200 000 cells', () => {
    // 12 × 16 383 cells and the formula's own: 196 597 read; two rows more would be 229 363.
    const rows: Raw[][] = Array.from({ length: 12 }, () => []);
    rows[0] = [null, 5, null, 6];
    rows[11] = [f('=SUM(B1:XFD1048576)')];
    expect(new FormulaEvaluator(grid(rows), 2).evaluate(11, 0)).toBe(1100);
  });

  it('a sum of exactly 2^53 − 1 cents is read, positive or negative', () => {
    // Nine cells of 10^13 euros and one of 71 992 547 409,91: 9 007 199 254 740 991 cents.
    const edge = (sign: number) => grid([[...Array.from({ length: 9 }, () => sign * 1e13), sign * 71992547409.91, f('=SUM(A1:J1)')]]);
    expect(new FormulaEvaluator(edge(1), 2).evaluate(0, 10)).toBe(9007199254740991);
    expect(new FormulaEvaluator(edge(-1), 2).evaluate(0, 10)).toBe(-9007199254740991);
  });

  it('all formulas of a sheet read a budget of cells together (20 000 000 unless told), then none is evaluated', () => {
    // Rows 1–12 hold 3 in A1; rows 13–17: =SUM(A1:Z12), each 1 + 12 × 26 = 313 cells, and =A1.
    // With 1 000 cells: three sums read 939; the fourth has 61 left and is not read; then nothing is.
    const rows: Raw[][] = Array.from({ length: 12 }, () => []);
    rows[0] = [3];
    for (let r = 12; r < 17; r++) rows.push([f('=SUM(A1:Z12)'), f('=A1')]);
    const ev = new FormulaEvaluator(grid(rows), 2, 1000);
    expect([12, 13, 14, 15, 16].map((r) => ev.evaluate(r, 0))).toEqual([300, 300, 300, undefined, undefined]);
    expect(ev.evaluate(12, 1)).toBeUndefined();
    // Without the budget told, the same sheet reads every formula.
    const all = new FormulaEvaluator(grid(rows), 2);
    expect([12, 13, 14, 15, 16].map((r) => all.evaluate(r, 0))).toEqual([300, 300, 300, 300, 300]);
    expect(all.evaluate(12, 1)).toBe(300);
  });

  it('formulaAt: the formula read, or null', () => {
    const g = grid([[1, f('=A1+A1'), f('=A1*2'), null]]);
    const ev = new FormulaEvaluator(g, 2);
    expect(ev.formulaAt(0, 1)).toEqual({ text: '=A1+A1', refs: [ref(0, 0), ref(0, 0)], singleRange: false });
    expect(ev.formulaAt(0, 1)).toEqual({ text: '=A1+A1', refs: [ref(0, 0), ref(0, 0)], singleRange: false });
    expect([ev.formulaAt(0, 0), ev.formulaAt(0, 2), ev.formulaAt(0, 3), ev.formulaAt(5, 0)]).toEqual([null, null, null, null]);
  });
});
