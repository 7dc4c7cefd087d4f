/**
 * Each rule of ANNEX9.md on a small hand-typed table (test/support/hand-table.ts), in both
 * directions, with expectations worked out by hand.
 */
import Decimal from 'decimal.js';
import { Cell, SheetGrid, SheetReport, analyzeSheet, analyzeWorkbook, cellName, findingText, problemText } from '../../src/domain';
import { views } from '../../fixtures/sample';
import { groupKindName } from '../support/kinds';
import { INITIATIVES, MARAUDES, PREVENTION, Typed, action, at, put, reference, sheet, total } from '../support/hand-table';

function check(body: Typed[][]): SheetReport {
  const report = analyzeSheet(sheet(body));
  expect(report.isAnnex).toBe(true);
  return report;
}

const where = (r: SheetReport) => r.findings.map((f) => `${f.rule}@${cellName(f.at)}`);
/** Whole cents as euros (`60`, `-0.5`). */
const euros = (m: number | null) => (m === null ? '-' : new Decimal(m).dividedBy(100).toFixed());
/** A finding as `RULE@CELL expected→actual` with decimals as plain text. */
const full = (r: SheetReport) =>
  r.findings.map((f) => `${f.rule}@${cellName(f.at)} ${euros(f.expected)}→${euros(f.actual)}`);

describe('the reference table', () => {
  it('is consistent: no finding, no fill, no notice', () => {
    const report = check(reference());
    expect(report.findings).toEqual([]);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([]);
    expect(report.notices).toEqual([]);
    expect(report.tables[0].stats).toEqual({ actions: 4, placeholders: 0, subtotals: 2 });
    expect(report.tables[0].bodyRows).toEqual({ first: 2, last: 10 });
  });
});

describe('rule 1: A = C on action rows', () => {
  // F follows C, and so do the totals: only the co-financing is broken.
  function withC(c: number): Typed[][] {
    const body = reference();
    const gap = c - 300;
    put(body, 3, 'C', c);
    put(body, 3, 'F', 300 + c);
    for (const n of [4, 7, 10]) {
      put(body, n, 'C', (at(body, n)[6] as number) + gap);
      put(body, n, 'F', (at(body, n)[10] as number) + gap);
    }
    return body;
  }

  it('C above A is reported at C with both shares', () => {
    const report = check(withC(360));
    expect(full(report)).toEqual(['A_NEQ_C@G3 300→360']);
    const [f] = report.findings;
    expect(f.column).toBe('C');
    expect(euros(f.difference)).toBe('60');
    expect(f.args).toEqual({ state: 'A', partner: 'C', shares: { state: 50, partner: 50 }, stateAmount: 30000 });
    expect(views(report)[0].message).toContain('part État (A) 300,00\u00a0€, part département (C) 360,00\u00a0€ — écart +60,00\u00a0€');
  });

  it('A above C is reported the same way, with a negative difference', () => {
    const report = check(withC(240));
    expect(full(report)).toEqual(['A_NEQ_C@G3 300→240']);
    expect(euros(report.findings[0].difference)).toBe('-60');
    expect(views(report)[0].message).toContain('écart -60,00\u00a0€');
  });

  it('one cent apart is a finding; the same amount typed as text is not', () => {
    const body = reference();
    put(body, 2, 'C', { value: '100,01 €' });
    put(body, 2, 'F', 200.01);
    expect(where(check(body))).toContain('A_NEQ_C@G2');
    const same = reference();
    put(same, 2, 'C', { value: '100,00 €' });
    expect(where(check(same))).toEqual([]);
  });

  it('is not asked of totals: a subtotal with A ≠ C that adds up is no finding', () => {
    const body = reference();
    // Rows 5 and 6 get C = 900 and F = 1900: the action row breaks the rule, the totals only follow.
    put(body, 5, 'C', 900);
    put(body, 5, 'F', 1900);
    put(body, 6, 'C', 900);
    put(body, 6, 'F', 1900);
    put(body, 7, 'C', 1300);
    put(body, 7, 'F', 2700);
    put(body, 10, 'C', 1800);
    put(body, 10, 'F', 3700);
    expect(where(check(body))).toEqual(['A_NEQ_C@G5']);
  });
});

describe('rule 2: F = A + B + C + D + E on every row', () => {
  it('F too high and too low on an action row, with the sum of the row expected', () => {
    const high = reference();
    put(high, 2, 'F', 210);
    expect(full(check(high))).toEqual(['ROW_TOTAL@K2 200→210', 'SUBTOTAL@K4 810→800']);
    const low = reference();
    put(low, 2, 'F', 190);
    expect(full(check(low))).toEqual(['ROW_TOTAL@K2 200→190', 'SUBTOTAL@K4 790→800']);
  });

  it('every part counts (B, D and E too), and the valued share does not', () => {
    const body = reference();
    // Row 5: 1000 + 7 + 1000 + 11 + 13 = 2031; the valued share is part of C, not added.
    put(body, 5, 'B', 7);
    put(body, 5, 'D', 11);
    put(body, 5, 'E', 13);
    put(body, 5, 'V', 1000);
    put(body, 5, 'F', 2031);
    for (const n of [6, 7, 10]) {
      put(body, n, 'B', 7);
      put(body, n, 'D', 11);
      put(body, n, 'E', 13);
      put(body, n, 'V', (at(body, n)[7] as number) + 1000);
      put(body, n, 'F', (at(body, n)[10] as number) + 31);
    }
    expect(where(check(body))).toEqual([]);
    put(body, 5, 'E', 14);
    put(body, 6, 'E', 14);
    put(body, 7, 'E', 14);
    put(body, 10, 'E', 14);
    // E grew by one on every level, F did not: each row's own sum is off by one.
    expect(full(check(body))).toEqual(['ROW_TOTAL@K5 2032→2031', 'ROW_TOTAL@K6 2032→2031', 'ROW_TOTAL@K7 2832→2831', 'ROW_TOTAL@K10 3832→3831']);
  });

  it('F on a total row is checked against that row too', () => {
    const body = reference();
    put(body, 9, 'F', 1001);
    put(body, 10, 'F', 3801);
    // The initiative sub-total is off against its row (1000) and against its part (1000): one finding.
    expect(full(check(body))).toEqual(['SECTION_TOTAL@K9 1000→1001', 'ROW_TOTAL@K10 3800→3801']);
  });
});

describe('rules 3 and 4: each total level against its printed parts', () => {
  // A wrong figure in a total also breaks that row's F = A+…+E; when the row's other figures say
  // the same amount the parts say, the two findings are one (the total's).
  it.each([
    ['theme subtotal too high', 4, 'A', 401, ['SUBTOTAL@E4 400→401', 'SECTION_TOTAL@E7 1401→1400']],
    ['theme subtotal too low', 4, 'A', 399, ['SUBTOTAL@E4 400→399', 'SECTION_TOTAL@E7 1399→1400']],
    ['socle sub-total too high', 7, 'C', 1500, ['SECTION_TOTAL@G7 1400→1500', 'GRAND_TOTAL@G10 2000→1900']],
    ['socle sub-total too low', 7, 'C', 1300, ['SECTION_TOTAL@G7 1400→1300', 'GRAND_TOTAL@G10 1800→1900']],
    ['initiative sub-total too high (valued share, not in F)', 9, 'V', 20, ['SECTION_TOTAL@H9 0→20', 'GRAND_TOTAL@H10 70→50']],
    ['initiative sub-total too low', 9, 'A', 450, ['SECTION_TOTAL@E9 500→450', 'GRAND_TOTAL@E10 1850→1900']],
    ['grand total too high', 10, 'F', 3900, ['GRAND_TOTAL@K10 3800→3900']],
    ['grand total too low', 10, 'A', 1800, ['GRAND_TOTAL@E10 1900→1800']],
  ] as const)('%s', (_name, row, column, value, expected) => {
    const body = reference();
    put(body, row, column, value);
    expect(full(check(body))).toEqual(expected);
  });

  it('a grand total whose F alone is off: one finding, not a second one for F = A+…+E', () => {
    const body = reference();
    put(body, 10, 'F', 3900);
    const report = check(body);
    expect(report.findings).toHaveLength(1);
    const [f] = report.findings;
    expect(f).toMatchObject({ rule: 'GRAND_TOTAL', at: { row: 9, col: 10 }, column: 'F', rowKind: 'grandTotal', rowLabel: 'TOTAUX FINANCIERS' });
    expect(euros(f.difference)).toBe('100');
    expect(f.rule === 'GRAND_TOTAL' && f.args.parts.map((p) => cellName(p.at))).toEqual(['K7', 'K9']);
  });

  it('a wrong sub-total that the grand total adds up faithfully is reported at the sub-total only', () => {
    const body = reference();
    put(body, 9, 'A', 450);
    put(body, 9, 'C', 450);
    put(body, 9, 'F', 900);
    put(body, 10, 'A', 1850);
    put(body, 10, 'C', 1850);
    put(body, 10, 'F', 3700);
    expect(where(check(body))).toEqual(['SECTION_TOTAL@E9', 'SECTION_TOTAL@G9', 'SECTION_TOTAL@K9']);
  });

  it('the socle names the subtotal that is off, and says it still equals its action rows', () => {
    const body = reference();
    put(body, 6, 'A', 1001);
    put(body, 6, 'F', 2001);
    const report = check(body);
    expect(where(report)).toEqual(['SUBTOTAL@E6', 'SUBTOTAL@K6', 'SECTION_TOTAL@E7', 'SECTION_TOTAL@K7']);
    const socle = report.findings[2];
    expect(socle.args).toMatchObject({ equalsActionRows: true, offParts: [{ at: { row: 5, col: 4 } }] });
    expect(socle.rule === 'SECTION_TOTAL' && socle.args.parts.map((p) => cellName(p.at))).toEqual(['E4', 'E6']);
  });

  describe('a subtotal inside the initiative section', () => {
    /** Two initiatives closed by a "Sous total", then the initiative sub-total, which adds that subtotal. */
    function withInitiativeSubtotal(): Typed[][] {
      const body = reference().slice(0, 6);
      body.push(
        action("Engagements à l'initiative du département", INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
        action("Engagements à l'initiative du département", INITIATIVES, '', 'Garage solidaire', [200, 0, 200, 0, 0, 0, 400]),
        total('Sous total', [700, 0, 700, 0, 0, 0, 1400]), // row 10
        total("Sous total engagements à l'initiative du département", [700, 0, 700, 0, 0, 0, 1400]), // row 11
        total('TOTAUX FINANCIERS', [2100, 0, 2100, 50, 0, 0, 4200]), // row 12
      );
      return body;
    }

    it('is a part of the initiative sub-total, and consistent as typed', () => {
      const report = check(withInitiativeSubtotal());
      expect(report.findings).toEqual([]);
      const groups = report.tables[0].classified.groups.map((g) => `${groupKindName(g)}:${g.total + 1}<${g.parts.map((p) => p + 1).join(',')}`);
      expect(groups).toContain('subtotal:10<8,9');
      expect(groups).toContain('initiativeSubtotal:11<10');
      expect(groups).toContain('grandTotal:12<7,11');
    });

    it('too low: reported there, and at the initiative sub-total naming it', () => {
      const body = withInitiativeSubtotal();
      put(body, 10, 'C', 600);
      put(body, 10, 'F', 1300);
      expect(full(check(body))).toEqual(['SUBTOTAL@G10 700→600', 'SUBTOTAL@K10 1400→1300', 'SECTION_TOTAL@G11 600→700', 'SECTION_TOTAL@K11 1300→1400']);
    });

    it('too high: the same, the other way', () => {
      const body = withInitiativeSubtotal();
      put(body, 10, 'A', 800);
      put(body, 10, 'F', 1500);
      const report = check(body);
      expect(full(report)).toEqual(['SUBTOTAL@E10 700→800', 'SUBTOTAL@K10 1400→1500', 'SECTION_TOTAL@E11 800→700', 'SECTION_TOTAL@K11 1500→1400']);
      expect(report.findings[2].args).toMatchObject({ equalsActionRows: true, offParts: [{ at: { row: 9, col: 4 } }] });
    });
  });
});

describe('rule 5: dont valorisation CD ≤ C', () => {
  it('above C is a finding at the valued share, at C is not, one cent above is', () => {
    const above = reference();
    put(above, 2, 'V', 150);
    put(above, 4, 'V', 150);
    put(above, 7, 'V', 150);
    put(above, 10, 'V', 150);
    const report = check(above);
    expect(full(report)).toEqual(['VALORISATION_EXCEEDS_C@H2 100→150']);
    expect(report.findings[0].args).toEqual({ max: 'C' });

    const equal = reference();
    put(equal, 2, 'V', 100);
    put(equal, 4, 'V', 100);
    put(equal, 7, 'V', 100);
    put(equal, 10, 'V', 100);
    expect(where(check(equal))).toEqual([]);

    const cent = reference();
    put(cent, 2, 'V', 100.01);
    put(cent, 4, 'V', 100.01);
    put(cent, 7, 'V', 100.01);
    put(cent, 10, 'V', 100.01);
    expect(full(check(cent))).toEqual(['VALORISATION_EXCEEDS_C@H2 100→100.01']);
  });

  it('a float that is C to the cent is not above it', () => {
    const body = reference();
    // 0.1 + 0.2 is stored as 0.30000000000000004: the same 0,30 € as C.
    put(body, 2, 'A', 0.3);
    put(body, 2, 'C', 0.3);
    put(body, 2, 'V', 0.1 + 0.2);
    put(body, 2, 'F', 0.6);
    put(body, 4, 'A', 300.3);
    put(body, 4, 'C', 300.3);
    put(body, 4, 'V', 0.1 + 0.2);
    put(body, 4, 'F', 600.6);
    put(body, 7, 'A', 1300.3);
    put(body, 7, 'C', 1300.3);
    put(body, 7, 'V', 0.1 + 0.2);
    put(body, 7, 'F', 2600.6);
    put(body, 10, 'A', 1800.3);
    put(body, 10, 'C', 1800.3);
    put(body, 10, 'V', 0.1 + 0.2);
    put(body, 10, 'F', 3600.6);
    expect(where(check(body))).toEqual([]);
  });

  it('a valued share on a row with a negative C (a reversal) is above it; a zero one is not', () => {
    const body = reference();
    put(body, 2, 'A', -100);
    put(body, 2, 'C', -100);
    put(body, 2, 'F', -200);
    put(body, 2, 'V', 0);
    for (const n of [4, 7, 10]) {
      put(body, n, 'A', (at(body, n)[4] as number) - 200);
      put(body, n, 'C', (at(body, n)[6] as number) - 200);
      put(body, n, 'V', (at(body, n)[7] as number) - 50);
      put(body, n, 'F', (at(body, n)[10] as number) - 400);
    }
    expect(where(check(body))).toEqual([]);
    put(body, 2, 'V', 10);
    for (const n of [4, 7, 10]) put(body, n, 'V', (at(body, n)[7] as number) + 10);
    expect(full(check(body))).toEqual(['VALORISATION_EXCEEDS_C@H2 -100→10']);
  });
});

describe('rule 6: every action row with money carries its Chorus code', () => {
  it('a blank code in a block that shows one is filled from the block', () => {
    const body = reference();
    at(body, 3)[1] = null;
    const report = check(body);
    expect(where(report)).toEqual(['MISSING_IMPUTATION@B3']);
    expect(report.fills).toEqual([{ cell: 'B3', gridRow: 2, gridCol: 1, row: 3, code: MARAUDES, source: 'block' }]);
    expect(report.proposals).toEqual([]);
    expect(report.findings[0].args).toEqual({ code: MARAUDES, source: 'block', candidates: [], target: { row: 2, col: 1 } });
  });

  it('a block without any code: filled from its theme when one code fits', () => {
    const body = reference();
    at(body, 5)[1] = null;
    const report = check(body);
    expect(report.fills).toEqual([{ cell: 'B5', gridRow: 4, gridCol: 1, row: 5, code: PREVENTION, source: 'theme' }]);
    expect(report.proposals).toEqual([]);
  });

  it('a theme that fits two codes: proposed with both, never filled', () => {
    const body = reference();
    at(body, 5)[0] = 'Maraudes mixtes et prévention spécialisée';
    at(body, 5)[1] = null;
    const report = check(body);
    expect(where(report)).toEqual(['MISSING_IMPUTATION@B5']);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([{ cell: 'B5', gridRow: 4, gridCol: 1, row: 5, candidates: [MARAUDES, PREVENTION], reason: 'ambiguousTheme' }]);
    expect(report.findings[0].args).toEqual({ code: null, source: null, candidates: [MARAUDES, PREVENTION], doubt: 'ambiguousTheme', target: { row: 4, col: 1 } });
  });

  it('a theme no code fits: proposed with no candidate', () => {
    const body = reference();
    at(body, 5)[0] = 'Thème local';
    at(body, 5)[1] = null;
    const report = check(body);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([{ cell: 'B5', gridRow: 4, gridCol: 1, row: 5, candidates: [], reason: 'noTheme' }]);
    // The proposal's reason is the theme's, not a doubt about the row: its message asks for the code, not to check the row.
    expect(report.findings[0].args).toEqual({ code: null, source: null, candidates: [], doubt: 'noTheme', target: { row: 4, col: 1 } });
    expect(findingText(report.findings[0], 'fr')).toMatch(/Saisissez le code Chorus de l’action en B5\.$/);
  });

  it('in the initiative section, a theme no code fits takes the initiative code', () => {
    const body = reference();
    at(body, 8)[0] = 'Projets du territoire';
    at(body, 8)[1] = null;
    const report = check(body);
    expect(report.fills).toEqual([{ cell: 'B8', gridRow: 7, gridCol: 1, row: 8, code: INITIATIVES, source: 'section' }]);
  });

  it('a row with no money needs no code; a code typed on the row is kept as it is', () => {
    const body = reference();
    at(body, 3)[1] = null;
    for (const k of ['A', 'C', 'F'] as const) put(body, 3, k, 0);
    put(body, 4, 'A', 100);
    put(body, 4, 'C', 100);
    put(body, 4, 'F', 200);
    put(body, 7, 'A', 1100);
    put(body, 7, 'C', 1100);
    put(body, 7, 'F', 2200);
    put(body, 10, 'A', 1600);
    put(body, 10, 'C', 1600);
    put(body, 10, 'F', 3200);
    const report = check(body);
    expect(report.findings).toEqual([]);
    expect(report.fills).toEqual([]);
    expect(report.tables[0].classified.rows.find((r) => r.index === 1)?.imputation).toMatchObject({ state: 'written', code: '0304 50 19 19 05' });
  });
});

describe('rule 8: a cell that is not an amount is reported once, where it is', () => {
  it.each([
    ['free text', { value: 'à préciser' }, 'text', 'à préciser'],
    ['an error value', { value: { error: '#REF!' } }, 'error', '#REF!'],
    ['an error typed as text', { value: '#DIV/0!' }, 'error', '#DIV/0!'],
    ['a date', { value: new Date('2023-06-12T00:00:00Z') }, 'date', '2023-06-12'],
    ['a serial number shown as a date', { value: 45089, numFmt: 'dd/mm/yyyy' }, 'date', '45089'],
    ['a logical value', { value: true }, 'boolean', 'VRAI'],
    ['a formula with no cached value', { value: null, formula: '=SUM(E2:E3)' }, 'formulaWithoutValue', '=SUM(E2:E3)'],
  ] as const)('%s in A: one finding, and no sum is reported on its account', (_name, cell, reason, shown) => {
    const body = reference();
    put(body, 3, 'A', cell as Cell);
    const report = check(body);
    expect(where(report)).toEqual(['UNREADABLE_AMOUNT@E3']);
    expect(report.findings[0].args).toEqual({ reason, shown });
  });

  it('in a total: reported there, its own checks skipped, the levels above still checked', () => {
    const body = reference();
    put(body, 4, 'C', { value: 'voir annexe' });
    put(body, 7, 'C', 1500);
    const report = check(body);
    // Row 4's checks need its C, and the socle's C adds it up: neither is checked. The socle's own
    // row says C should be 1 400 (F − A − B − D − E), and the grand total is off by the same 100:
    // the socle's C is the wrong figure, and its row's finding lands there.
    expect(full(report)).toEqual(['UNREADABLE_AMOUNT@G4 -→-', 'ROW_TOTAL@G7 1400→1500', 'GRAND_TOTAL@G10 2000→1900']);
    expect(report.findings[1].args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D', 'E'], relocatedFrom: { row: 6, col: 10 } });
  });
});

describe('rule 7: exact to the cent', () => {
  it('F = 0.1 + 0.7, stored as 0.7999999999999999, equals parts of 0.40 + 0.40', () => {
    const body = reference();
    // Excel's own float sum in F; the parts typed as 0,40 €. Rounded half-up to the cent both are 0,80 €.
    expect(0.1 + 0.7).toBe(0.7999999999999999);
    put(body, 2, 'A', 0.4);
    put(body, 2, 'C', 0.4);
    put(body, 2, 'V', 0);
    put(body, 2, 'F', 0.1 + 0.7);
    put(body, 4, 'A', 300.4);
    put(body, 4, 'C', 300.4);
    put(body, 4, 'V', 0);
    put(body, 4, 'F', 600.8);
    put(body, 7, 'A', 1300.4);
    put(body, 7, 'C', 1300.4);
    put(body, 7, 'V', 0);
    put(body, 7, 'F', 2600.8);
    put(body, 10, 'A', 1800.4);
    put(body, 10, 'C', 1800.4);
    put(body, 10, 'V', 0);
    put(body, 10, 'F', 3600.8);
    expect(where(check(body))).toEqual([]);
  });

  it('F = 0.1 + 0.2, stored as 0.30000000000000004, equals parts of 0.15 + 0.15', () => {
    const body = reference();
    put(body, 2, 'A', 0.15);
    put(body, 2, 'C', 0.15);
    put(body, 2, 'V', 0);
    put(body, 2, 'F', 0.1 + 0.2);
    put(body, 4, 'A', 300.15);
    put(body, 4, 'C', 300.15);
    put(body, 4, 'V', 0);
    put(body, 4, 'F', 600.3);
    put(body, 7, 'A', 1300.15);
    put(body, 7, 'C', 1300.15);
    put(body, 7, 'V', 0);
    put(body, 7, 'F', 2600.3);
    put(body, 10, 'A', 1800.15);
    put(body, 10, 'C', 1800.15);
    put(body, 10, 'V', 0);
    put(body, 10, 'F', 3600.3);
    expect(where(check(body))).toEqual([]);
  });

  it('a total that adds up floats is compared to the cent: 0.1 + 0.7 in a subtotal', () => {
    const body = reference();
    // A and C of rows 2 and 3 are 0.1 and 0.7; the subtotals print Excel's float sum.
    put(body, 2, 'A', 0.1);
    put(body, 2, 'C', 0.1);
    put(body, 2, 'V', 0);
    put(body, 2, 'F', 0.2);
    put(body, 3, 'A', 0.7);
    put(body, 3, 'C', 0.7);
    put(body, 3, 'F', 1.4);
    put(body, 4, 'A', 0.1 + 0.7);
    put(body, 4, 'C', 0.1 + 0.7);
    put(body, 4, 'V', 0);
    put(body, 4, 'F', 1.6);
    put(body, 7, 'A', 1000.8);
    put(body, 7, 'C', 1000.8);
    put(body, 7, 'V', 0);
    put(body, 7, 'F', 2001.6);
    put(body, 10, 'A', 1500.8);
    put(body, 10, 'C', 1500.8);
    put(body, 10, 'V', 0);
    put(body, 10, 'F', 3001.6);
    expect(where(check(body))).toEqual([]);
  });

  it('half a cent rounds up: 100,005 and 100,01 are the same cent, 100,004 and 100,01 are not', () => {
    const body = reference();
    put(body, 2, 'A', { value: '100,005' });
    put(body, 2, 'C', 100.01);
    put(body, 2, 'F', 200.015);
    for (const n of [4, 7, 10]) {
      put(body, n, 'A', (at(body, n)[4] as number) + 0.01);
      put(body, n, 'C', (at(body, n)[6] as number) + 0.01);
      put(body, n, 'F', (at(body, n)[10] as number) + 0.02);
    }
    expect(where(check(body))).toEqual([]);
    // Each amount is read to the cent: 100,004 is 100,00. F (200,02) and the subtotal above (A
    // 400,01) then both say A should be 100,01: one finding, at A, which takes the A ≠ C with it.
    put(body, 2, 'A', { value: '100,004' });
    expect(full(check(body))).toEqual(['ROW_TOTAL@E2 100.01→100', 'SUBTOTAL@E4 400→400.01']);
  });
});

describe('the workbook entry point on a hand-typed table', () => {
  it('finds the annex among other sheets, by name when asked', () => {
    const notes: SheetGrid = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Relecture' }]], merges: [] };
    const annex = sheet(reference(), 'Tableau financier');
    const wb = { sheets: [notes, annex] };
    expect(analyzeWorkbook(wb).sheets.map((s) => s.sheet)).toEqual(['Tableau financier']);
    expect(analyzeWorkbook(wb, { sheet: ' TABLEAU financier ' }).sheets.map((s) => s.sheet)).toEqual(['Tableau financier']);
    const error = (r: ReturnType<typeof analyzeWorkbook>, lang: 'fr' | 'en' = 'fr') => ({ sheets: r.sheets, error: problemText(r.problem!, lang) });
    expect(error(analyzeWorkbook(wb, { sheet: 'Notes' }))).toMatchObject({ sheets: [], error: expect.stringContaining('«\u00a0Notes\u00a0»') });
    expect(error(analyzeWorkbook({ sheets: [] }))).toMatchObject({ sheets: [], error: expect.stringContaining('aucune') });
    expect(error(analyzeWorkbook({ sheets: [] }, { sheet: 'X' }), 'en')).toMatchObject({ sheets: [], error: expect.stringContaining('(sheets: none)') });
  });
});
