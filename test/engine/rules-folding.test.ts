/**
 * One wrong figure, one finding: when F ≠ A+…+E on a row and the total above is off by exactly
 * what one of the row's cells is off by, that cell is the wrong figure. The rules it broke only
 * because of the typo (A ≠ C, valued share above C) go with it; those it would break anyway stay.
 * Hand-typed table (test/support/hand-table.ts), figures worked out by hand.
 */
import Decimal from 'decimal.js';
import { SheetReport, analyzeSheet, cellName } from '../../src/domain';
import { Typed, at, put, reference, sheet } from '../support/hand-table';

function check(body: Typed[][]): SheetReport {
  const report = analyzeSheet(sheet(body));
  expect(report.isAnnex).toBe(true);
  return report;
}
/** Whole cents as euros. */
const euros = (m: number | null) => (m === null ? '-' : new Decimal(m).dividedBy(100).toFixed());
const full = (r: SheetReport) => r.findings.map((f) => `${f.rule}@${cellName(f.at)} ${euros(f.expected)}→${euros(f.actual)}`);

/** Row 2's C typed 40 instead of `c` (F says so); the totals above print what the right C gives. */
function typoInC(c: number, valued = 50): Typed[][] {
  const body = reference();
  put(body, 2, 'C', 40);
  put(body, 2, 'V', valued);
  put(body, 2, 'F', 100 + c);
  const gap = c - 100;
  for (const n of [4, 7, 10]) {
    const row = body[n - 2];
    put(body, n, 'C', (row[6] as number) + gap);
    put(body, n, 'V', (row[7] as number) + valued - 50);
    put(body, n, 'F', (row[10] as number) + gap);
  }
  return body;
}

describe('a mistyped C found from F and the subtotal above', () => {
  it('takes with it the A ≠ C and the valued share above C it caused', () => {
    // Right C = 100: A = C again, and 50 ≤ 100.
    expect(full(check(typoInC(100)))).toEqual(['ROW_TOTAL@G2 100→40', 'SUBTOTAL@G4 340→400']);
  });

  it('keeps A ≠ C when the right C still differs from A', () => {
    // Right C = 90 (F = 190): A 100 ≠ 90 either way; the valued share 50 ≤ 90 goes.
    expect(full(check(typoInC(90)))).toEqual(['ROW_TOTAL@G2 90→40', 'A_NEQ_C@G2 100→40', 'SUBTOTAL@G4 340→390']);
  });

  it('keeps the valued share above C when it is above the right C too', () => {
    expect(full(check(typoInC(100, 150)))).toEqual(['ROW_TOTAL@G2 100→40', 'VALORISATION_EXCEEDS_C@H2 40→150', 'SUBTOTAL@G4 340→400']);
  });

  it('says where the finding came from', () => {
    const [row] = check(typoInC(100)).findings;
    expect(row.args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D', 'E'], relocatedFrom: { row: 1, col: 10 } });
    expect(euros(row.difference)).toBe('-60');
  });
});

describe('a mistyped A found the same way', () => {
  it('takes with it the A ≠ C it caused', () => {
    const body = reference();
    put(body, 3, 'A', 330); // F 600 says A = 300
    const report = check(body);
    expect(full(report)).toEqual(['ROW_TOTAL@E3 300→330', 'SUBTOTAL@E4 430→400']);
    expect(report.findings[1].args).toMatchObject({ offParts: [{ at: { row: 2, col: 4 } }] });
  });
});

describe('when the total above does not point at one cell, the finding stays at F', () => {
  it('A and C both typed 110 on a row whose F says 200: the subtotal is off by 10 in each, not by the row\'s 20', () => {
    const body = reference();
    put(body, 2, 'A', 110);
    put(body, 2, 'C', 110);
    expect(full(check(body))).toEqual(['ROW_TOTAL@K2 220→200', 'SUBTOTAL@E4 410→400', 'SUBTOTAL@G4 410→400']);
  });

  it('a row F off while its subtotal adds up: no total to point with', () => {
    const body = reference();
    put(body, 5, 'F', 2001);
    put(body, 6, 'F', 2001);
    put(body, 7, 'F', 2801);
    put(body, 10, 'F', 3801);
    // Each of rows 5, 6, 7 and 10 says F ≠ A+…+E; every total adds up its printed parts.
    expect(full(check(body))).toEqual(['ROW_TOTAL@K5 2000→2001', 'ROW_TOTAL@K6 2000→2001', 'ROW_TOTAL@K7 2800→2801', 'ROW_TOTAL@K10 3800→3801']);
  });
});

describe('a section total off while an action row below it cannot be read', () => {
  it('is reported against its printed parts, without claiming it equals the action rows', () => {
    const body = reference();
    put(body, 3, 'C', { value: 'à voir' });
    put(body, 7, 'C', 1500);
    const report = check(body);
    // Row 4 adds the unreadable C: not checked. The socle adds the printed subtotals (400 + 1000).
    expect(full(report)).toEqual(['UNREADABLE_AMOUNT@G3 -→-', 'SECTION_TOTAL@G7 1400→1500', 'GRAND_TOTAL@G10 2000→1900']);
    expect(report.findings[1].args).toMatchObject({ equalsActionRows: false, offParts: [] });
    expect(report.findings[2].args).toMatchObject({ equalsActionRows: false, offParts: [{ at: { row: 6, col: 6 } }] });
  });
});

describe('a wrong F whose subtotal is off by the same: the finding stays on F, as a plain row finding', () => {
  it('has no "relocated from"', () => {
    const body = reference();
    put(body, 2, 'F', 210);
    const [row] = check(body).findings;
    expect(cellName(row.at)).toBe('K2');
    expect(row.args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D', 'E'] });
  });
});

describe('a mistyped A on a row whose valued share is above C anyway', () => {
  it('the cap finding stays: fixing A does not change C', () => {
    const body = reference();
    // Row 3: A typed 380, F 650 says A = 350; C 300 and a valued share of 320 (above C, truly).
    put(body, 3, 'A', 380);
    put(body, 3, 'V', 320);
    put(body, 3, 'F', 650);
    put(body, 4, 'A', 450);
    put(body, 4, 'V', 370);
    put(body, 4, 'F', 850);
    put(body, 7, 'A', 1450);
    put(body, 7, 'V', 370);
    put(body, 7, 'F', 2850);
    put(body, 10, 'A', 1950);
    put(body, 10, 'V', 370);
    put(body, 10, 'F', 3850);
    expect(full(check(body))).toEqual([
      'ROW_TOTAL@E3 350→380',
      'A_NEQ_C@G3 380→300',
      'VALORISATION_EXCEEDS_C@H3 300→320',
      'SUBTOTAL@E4 480→450',
    ]);
  });
});

describe('the total above points at one cell only when exactly one cell fits', () => {
  it('F and A would both fit (the subtotal is off in F by what F is, in A by what A would be): the finding stays at F', () => {
    const body = reference();
    put(body, 2, 'F', 210); // A+…+E = 200
    put(body, 4, 'A', 410); // the subtotal's A is 10 above its rows: what A would be short if F were right
    put(body, 4, 'F', 800); // the subtotal's F is 10 below its rows (210 + 600): what F is too high
    // Row 4's own F ≠ A+…+E (800 against 810) is the same error as its subtotal in F: said once.
    expect(full(check(body))).toEqual(['ROW_TOTAL@K2 200→210', 'SUBTOTAL@E4 400→410', 'SUBTOTAL@K4 810→800', 'SECTION_TOTAL@E7 1410→1400']);
  });

  it('the subtotal off in another column by another amount does not point at that column', () => {
    const body = reference();
    put(body, 2, 'A', 110); // F 200 says A = 100: the subtotal's A is short by the same 10
    put(body, 4, 'C', 450); // unrelated: 50 above the rows' C
    expect(full(check(body))).toEqual(['ROW_TOTAL@E2 100→110', 'SUBTOTAL@E4 410→400', 'SUBTOTAL@G4 400→450', 'SECTION_TOTAL@G7 1450→1400']);
  });
});

describe('a valued share equal to the right C', () => {
  it('is not above C: its finding goes with the typo in C', () => {
    // Right C = 100, valued share 100: 100 ≤ 100.
    expect(full(check(typoInC(100, 100)))).toEqual(['ROW_TOTAL@G2 100→40', 'SUBTOTAL@G4 340→400']);
  });
});

describe('a table that does not start at the sheet’s first cell', () => {
  it('folds the same findings, at the cells shifted by where the table starts', () => {
    const read = sheet(typoInC(100));
    // Only the used range is read (as Excel's usedRange): the table starts at C5.
    const report = analyzeSheet({ ...read, origin: { row: 4, col: 2 } });
    expect(full(report)).toEqual(['ROW_TOTAL@I6 100→40', 'SUBTOTAL@I8 340→400']);
    expect(report.findings[0].args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D', 'E'], relocatedFrom: { row: 5, col: 12 } });
  });
});

describe('a subtotal whose own row total is off by the same figure', () => {
  it('is said once, by the subtotal: A typed 410 in the subtotal and in the totals above it, F left right', () => {
    const body = reference();
    put(body, 4, 'A', 410);
    put(body, 7, 'A', 1410);
    put(body, 10, 'A', 1910);
    // Row 4: F 800 ≠ A+…+E 810, the same 10 the subtotal's A is off by: no ROW_TOTAL@K4.
    // Rows 7 and 10 add up their printed parts in A, so only their own F ≠ A+…+E speaks there.
    expect(full(check(body))).toEqual(['SUBTOTAL@E4 400→410', 'ROW_TOTAL@K7 2810→2800', 'ROW_TOTAL@K10 3810→3800']);
  });
});

describe('a typo in B on a row whose A ≠ C is real', () => {
  it('moves the row total to B and keeps A ≠ C, even though the right B equals C', () => {
    const body = reference();
    // Row 2: A 100, B typed 70 (F 220 says 60), C 60: A ≠ C whatever B is.
    put(body, 2, 'B', 70);
    put(body, 2, 'C', 60);
    put(body, 2, 'F', 220);
    // The totals above print what the right B gives: B +60, C −40, F +20.
    for (const n of [4, 7, 10]) {
      put(body, n, 'B', 60);
      put(body, n, 'C', (at(body, n)[6] as number) - 40);
      put(body, n, 'F', (at(body, n)[10] as number) + 20);
    }
    expect(full(check(body))).toEqual(['ROW_TOTAL@F2 60→70', 'A_NEQ_C@G2 100→60', 'SUBTOTAL@F4 70→60']);
  });
});
