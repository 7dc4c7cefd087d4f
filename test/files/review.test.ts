/**
 * The reviewed copy (src/files/review.ts), in this process: a code goes only into a cell that is
 * still empty, the user's colours stay, a merged cell is tinted once. test/nothing-lost.test.ts
 * checks the same through the command line and a real corpus; this pins each guard on its own
 * (issue 18, `npm run mutate`), on a report written by hand.
 */
import * as ExcelJS from 'exceljs';
import { SheetReport } from '../../src/domain/analyze';
import { Finding, Fill } from '../../src/domain/findings';
import { CALPAE_TEMPLATE } from '../../src/domain/template';
import { FILLED_CODE, ROW_TINT, RULE_STYLES } from '../../src/domain/marks';
import { applyReview } from '../../src/files/review';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const solid = (hex: string) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';

/** Grid (0, 0) is A1 in a file. */
const fillAt = (cell: string, gridRow: number, gridCol: number, source: Fill['source'] = 'block'): Fill => ({ cell, gridRow, gridCol, row: gridRow + 1, code: CODE, source });

/** A report with one finding in D3 (A ≠ C), table columns A to E, and the fills given. */
const aNeqC: Finding = {
  rule: 'A_NEQ_C',
  sheet: 'Annexe 9',
  at: { row: 2, col: 3 },
  column: 'C',
  expected: 100_000,
  actual: 90_000,
  difference: -10_000,
  unit: '€',
  hidden: false,
  rowKind: 'action',
  rowLabel: 'Action',
  args: { state: 'A', partner: 'C', shares: { state: 50, partner: 50 }, stateAmount: 100_000 },
};

function report(fills: Fill[], findings: Finding[] = [aNeqC]): SheetReport {
  return { sheet: 'Annexe 9', origin: { row: 0, col: 0 }, template: CALPAE_TEMPLATE, findings, fills, tables: [{ layout: { columns: { fiche: 0, title: 1, code: 2, A: 3, C: 4 } }, findings }] } as unknown as SheetReport;
}

function sheet(): ExcelJS.Worksheet {
  return new ExcelJS.Workbook().addWorksheet('Annexe 9');
}

describe('applyReview: codes only into cells still empty', () => {
  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an empty text', ''],
    ['spaces', '   '],
  ])('a cell holding %s is filled', (_what, value) => {
    const ws = sheet();
    if (value !== undefined) ws.getCell('C5').value = value;
    const done = applyReview(ws, report([fillAt('C5', 4, 2)]), 'fr');
    expect(done).toEqual({ marked: 1, filled: 1, skipped: [] });
    expect(ws.getCell('C5').value).toBe(CODE);
    expect(ws.getCell('C5').fill).toEqual(solid(FILLED_CODE));
  });

  it.each([
    ['the number 0', 0],
    ['a code typed as a number', 30450191907],
    ['false', false],
    ['text', 'voir DDETS'],
    ['a formula', { formula: 'C4', result: CODE }],
    ['a formula showing nothing', { formula: '""', result: '' }],
    ['a date', new Date(2026, 0, 1)],
  ])('a cell holding %s is skipped and kept as it is; the next fill still goes', (_what, value) => {
    const ws = sheet();
    ws.getCell('C5').value = value as ExcelJS.CellValue;
    const before = ws.getCell('C5').value;
    const done = applyReview(ws, report([fillAt('C5', 4, 2), fillAt('C6', 5, 2)]), 'fr');
    expect(done).toEqual({ marked: 1, filled: 1, skipped: ['C5'] });
    expect(ws.getCell('C5').value).toEqual(before);
    expect(ws.getCell('C5').note).toBeUndefined();
    expect(ws.getCell('C6').value).toBe(CODE);
  });

  it('the note says where the code comes from, in French or in English', () => {
    const fills = [fillAt('C5', 4, 2, 'block'), fillAt('C6', 5, 2, 'theme'), fillAt('C7', 6, 2, 'section')];
    const fr = sheet();
    applyReview(fr, report(fills), 'fr');
    expect(['C5', 'C6', 'C7'].map((c) => fr.getCell(c).note)).toEqual([
      "Imputation complétée par le contrôle de l’annexe 9 (reprise du bloc).",
      "Imputation complétée par le contrôle de l’annexe 9 (déduite du thème).",
      "Imputation complétée par le contrôle de l’annexe 9 (section des initiatives).",
    ]);
    const en = sheet();
    applyReview(en, report(fills), 'en');
    expect(['C5', 'C6', 'C7'].map((c) => en.getCell(c).note)).toEqual([
      'Chorus code filled by the annex 9 check (carried from its block).',
      'Chorus code filled by the annex 9 check (inferred from the theme).',
      'Chorus code filled by the annex 9 check (initiatives section).',
    ]);
    const byDefault = sheet();
    applyReview(byDefault, report(fills));
    expect(byDefault.getCell('C5').note).toBe(fr.getCell('C5').note);
  });

  it('the filled cell keeps its other style (a border, a font)', () => {
    const ws = sheet();
    ws.getCell('C5').font = { bold: true };
    applyReview(ws, report([fillAt('C5', 4, 2)]));
    expect(ws.getCell('C5').font).toEqual({ bold: true });
    expect(ws.getCell('C5').fill).toEqual(solid(FILLED_CODE));
  });
});

describe('applyReview: marks and row tints', () => {
  it('the finding’s cell in its rule’s colour with a note; the rest of its row tinted', () => {
    const ws = sheet();
    const done = applyReview(ws, report([]));
    expect(done).toEqual({ marked: 1, filled: 0, skipped: [] });
    expect(ws.getCell('D3').fill).toEqual(solid(RULE_STYLES.A_NEQ_C.fill));
    expect(ws.getCell('D3').note).toBe(
      "[A_NEQ_C] «\u00a0Action\u00a0» (ligne 3)\u00a0: cofinancement 50/50 non respecté, part État (A) 1\u202f000,00\u00a0€, part département (C) 900,00\u00a0€ — écart -100,00\u00a0€. Reportez en C le montant de A (50/50) ou justifiez l’écart.",
    );
    for (const c of ['A3', 'B3', 'C3', 'E3']) expect(ws.getCell(c).fill).toEqual(solid(ROW_TINT));
    // Only the table's columns, only that row.
    expect(ws.getCell('F3').fill).toBeUndefined();
    expect(ws.getCell('A4').fill).toBeUndefined();
  });

  it('the user’s own colours stay; a cell without a pattern, or with pattern none, is tinted', () => {
    const ws = sheet();
    ws.getCell('A3').fill = solid('#FFFFFF') as ExcelJS.Fill;
    ws.getCell('B3').fill = { type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FF00FF00' } };
    ws.getCell('C3').fill = { type: 'pattern', pattern: 'none' };
    ws.getCell('E3').fill = { type: 'gradient', gradient: 'angle', degree: 0, stops: [] } as unknown as ExcelJS.Fill;
    applyReview(ws, report([]));
    expect(ws.getCell('A3').fill).toEqual(solid('#FFFFFF'));
    expect(ws.getCell('B3').fill).toEqual({ type: 'pattern', pattern: 'darkGray', fgColor: { argb: 'FF00FF00' } });
    expect(ws.getCell('C3').fill).toEqual(solid(ROW_TINT));
    expect(ws.getCell('E3').fill).toEqual(solid(ROW_TINT));
  });

  it('a merged cell is tinted through its master only', () => {
    const ws = sheet();
    ws.mergeCells('A3:B3');
    applyReview(ws, report([]));
    expect(ws.getCell('A3').fill).toEqual(solid(ROW_TINT));
    // The other cell of the merge is not written to: Excel shows the master's style.
    expect(ws.getCell('B3').fill).toBeUndefined();
    const styled = sheet();
    styled.mergeCells('A3:B3');
    styled.getCell('A3').fill = solid('#FFFFFF') as ExcelJS.Fill;
    applyReview(styled, report([]));
    // ExcelJS gives the master's style to the whole merge: the user's white stays on both.
    expect(styled.getCell('A3').fill).toEqual(solid('#FFFFFF'));
    expect(styled.getCell('B3').fill).toEqual(solid('#FFFFFF'));
  });

  it('a code cell covered by a merge from its left: the mark and its note go on the merge’s top left, where Excel shows them', () => {
    // B3:C3 merged, the title typed in B3, the code column C: C3 is covered.
    const missing: Finding = {
      ...aNeqC,
      rule: 'MISSING_IMPUTATION',
      at: { row: 2, col: 2 },
      column: 'imputation',
      expected: null,
      actual: null,
      difference: null,
      args: { code: null, source: null, candidates: [CODE], doubt: 'mergedAcross', mergedWith: 'title', shown: 'Action', target: { row: 2, col: 2 }, shownAt: { row: 2, col: 1 } },
    } as Finding;
    const ws = sheet();
    ws.getCell('B3').value = 'Action';
    ws.mergeCells('B3:C3');
    expect(applyReview(ws, report([], [missing]))).toEqual({ marked: 1, filled: 0, skipped: [] });
    expect(ws.getCell('B3').fill).toEqual(solid(RULE_STYLES.MISSING_IMPUTATION.fill));
    expect(ws.getCell('B3').note).toMatch(/^\[MISSING_IMPUTATION\] «\u00a0Action\u00a0» \(ligne 3\)\u00a0: imputation Chorus manquante, «\u00a00304 50 19 19 07/);
    expect(ws.getCell('A3').fill).toEqual(solid(ROW_TINT));
  });

  it('a mark does not share its style with other cells (ExcelJS shares style objects)', () => {
    const ws = sheet();
    const shared = { font: { name: 'Arial' } } as Partial<ExcelJS.Style>;
    ws.getCell('D3').style = shared;
    ws.getCell('D4').style = shared;
    applyReview(ws, report([]));
    expect(ws.getCell('D3').fill).toEqual(solid(RULE_STYLES.A_NEQ_C.fill));
    expect(ws.getCell('D4').fill).toBeUndefined();
    expect(ws.getCell('D3').font).toEqual({ name: 'Arial' });
  });
});
