/**
 * The engine's English words (src/domain/words/en.ts), each sentence typed by hand in full: lists
 * of rows, quotes, a total's formula explained, notices, problems, the pieces the rules' messages
 * use. English says what French says (fr.ts); a test here fails on any word, space or plural changed.
 */
import { CheckProblem, Finding, FormulaNote, Notice, PartRef } from '../../../src/domain/findings';
import { en } from '../../../src/domain/words/en';
import { noticeText, problemText, proposalWhy } from '../../../src/domain/words/render';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';

const T = CALPAE_TEMPLATE;

/** A finding as the words read it; by default an action's F30 (0-based row 29, col 5), in euros. */
function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'SUBTOTAL',
    sheet: 'Annexe 9',
    at: { row: 29, col: 5 },
    column: 'F',
    expected: null,
    actual: null,
    difference: null,
    unit: '€',
    hidden: false,
    rowKind: 'action',
    rowLabel: 'Premières Heures',
    args: { parts: [], offParts: [], equalsActionRows: false, of: { kind: 'rows' } },
    ...over,
  } as Finding;
}

/** A part of a total in column F at 1-based sheet row `row`. */
const part = (row: number, label = '', col = 5): PartRef => ({ at: { row: row - 1, col }, label });

function note(over: Partial<FormulaNote> = {}): FormulaNote {
  return { text: '=SUM(F22:F29)', evaluated: true, axis: 'rows', missing: [], extra: [], textParts: [], ...over };
}

describe('and, lines, row: lists of things and rows', () => {
  it('and: nothing, one, two, three', () => {
    expect(en.and([])).toBe('');
    expect(en.and(['A'])).toBe('A');
    expect(en.and(['A', 'C'])).toBe('A and C');
    expect(en.and(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('lines: none, one, a run, scattered rows (sorted, each once), seven scattered rows by their ends', () => {
    expect(en.lines([])).toBe('');
    expect(en.lines([46])).toBe('row 46');
    expect(en.lines([46, 46])).toBe('row 46');
    expect(en.lines([49, 46, 48, 47])).toBe('rows 46 to 49');
    expect(en.lines([28, 12, 20])).toBe('rows 12, 20 and 28');
    expect(en.lines([100, 9, 12, 20])).toBe('rows 9, 12, 20 and 100');
    expect(en.lines([1, 3, 5, 7, 9, 11])).toBe('rows 1, 3, 5, 7, 9 and 11');
    expect(en.lines([1, 3, 5, 7, 9, 11, 13])).toBe('rows 1 to 13');
    expect(en.row(12)).toBe('row 12');
  });
});

describe('quote: "text", never doubled', () => {
  it('plain text in straight quotes; text already in its own quotes or guillemets kept alone', () => {
    expect(en.quote('Premières Heures')).toBe('"Premières Heures"');
    expect(en.quote('«Plan jeunes»')).toBe('«Plan jeunes»');
    expect(en.quote('"Plan jeunes"')).toBe('"Plan jeunes"');
    expect(en.quote('“Plan jeunes”')).toBe('“Plan jeunes”');
    expect(en.quote(' "Plan jeunes" ')).toBe(' "Plan jeunes" ');
  });

  it('quotes that only open or close the text, or sit inside it, are the text’s own: quoted around', () => {
    expect(en.quote('« Solutions logement » pour les jeunes')).toBe('"« Solutions logement » pour les jeunes"');
    expect(en.quote('Plan « jeunes »')).toBe('"Plan « jeunes »"');
    expect(en.quote('"Plan" jeunes')).toBe('""Plan" jeunes"');
    expect(en.quote('Plan "jeunes"')).toBe('"Plan "jeunes""');
    expect(en.quote('“Plan” jeunes')).toBe('"“Plan” jeunes"');
    expect(en.quote('Plan “jeunes”')).toBe('"Plan “jeunes”"');
  });
});

describe('a finding’s row and cell named', () => {
  it('who and name: an action by its title (or "untitled action"), a total by the template’s name, a hidden row said', () => {
    expect(en.who(finding(), T)).toBe('"Premières Heures" (row 30)');
    expect(en.who(finding({ hidden: true }), T)).toBe('"Premières Heures" (row 30, hidden row)');
    expect(en.name(finding({ rowLabel: '' }), T)).toBe('"untitled action"');
    expect(en.name(finding({ rowKind: 'placeholder', rowLabel: 'Action 3' }), T)).toBe('"Action 3"');
    expect(en.name(finding({ rowKind: 'placeholder', rowLabel: '' }), T)).toBe('"untitled action"');
    expect(en.name(finding({ rowKind: 'subtotal', rowLabel: 'Sous total' }), T)).toBe('Subtotal');
    expect(en.name(finding({ rowKind: 'sectionTotal', rowLabel: 'Sous total socle', closes: 'socle' }), T)).toBe('Core measures subtotal');
    expect(en.name(finding({ rowKind: 'sectionTotal', rowLabel: 'Total', closes: 'nowhere' }), T)).toBe('Section total');
    expect(en.name(finding({ rowKind: 'grandTotal', rowLabel: 'TOTAUX FINANCIERS' }), T)).toBe('Grand total');
    expect(en.who(finding({ rowKind: 'unclassified', rowLabel: 'Total partiel', hidden: true }), T)).toBe('Unrecognised row (row 30, hidden row)');
  });

  it('theCell and inCell: the cell named, merged, or shown beside the message', () => {
    expect(en.theCell('C23')).toBe('C23');
    expect(en.theCell('C20', true)).toBe('the merged cell C20');
    expect(en.theCell(null)).toBe('the cell');
    expect(en.inCell('C23')).toBe('in C23');
    expect(en.inCell('C20', true)).toBe('in the merged cell C20');
    expect(en.inCell(null, true)).toBe('in the cell');
    expect(en.about('Subtotal (row 21)', 'F shows …')).toBe('Subtotal (row 21): F shows …');
  });

  it('column and adviceColumn: a letter, the valued share, the Chorus code', () => {
    expect(en.column('F')).toBe('F');
    expect(en.column('valorisation')).toBe('Valued share');
    expect(en.column('imputation')).toBe('Chorus code');
    expect(en.adviceColumn(finding({ column: 'C' }), T)).toBe('C');
    expect(en.adviceColumn(finding({ column: 'valorisation' }), T)).toBe('the valued share');
    expect(en.adviceColumn(finding({ column: 'imputation' }), T)).toBe('Chorus code');
  });
});

describe('amounts in a message', () => {
  it('shownVersus: shown, expected and the signed gap, in euros and in thousands', () => {
    const f = finding({ actual: 96_000_000, expected: 128_000_000, difference: -32_000_000 });
    expect(en.shownVersus(f, 'sum of rows')).toBe('F shows €960,000.00, sum of rows €1,280,000.00 — gap -€320,000.00');
    const k = finding({ column: 'C', unit: 'k€', actual: 567_753_500, expected: 567_653_500, difference: 100_000 });
    expect(en.shownVersus(k, 'expected')).toBe('C shows 5,677.535 k€, expected 5,676.535 k€ — gap +1 k€');
  });

  it('shownVersus: an amount the cell does not have is left blank, never invented', () => {
    const f = finding({ actual: null, expected: 128_000_000, difference: null });
    expect(en.shownVersus(f, 'sum of rows')).toBe('F shows , sum of rows €1,280,000.00 — gap ');
  });

  it('amount and gap', () => {
    expect(en.amount(136_203_500, '€')).toBe('€1,362,035.00');
    expect(en.gap(100, '€')).toBe('+€1.00');
    expect(en.gap(-100, '€')).toBe('-€1.00');
  });

  it('hiddenAmong: the hidden parts of a total named, or nothing', () => {
    expect(en.hiddenAmong([part(47), part(48)])).toBe('');
    expect(en.hiddenAmong([part(47), { ...part(48), hidden: true }])).toBe(' (including row 48, hidden)');
    expect(en.hiddenAmong([{ ...part(50), hidden: true }, part(49), { ...part(48), hidden: true }])).toBe(' (including rows 48 and 50, hidden)');
  });

  it('typedInEuros: in thousands, a figure 1 000 times the expected one looks typed in euros', () => {
    const k = finding({ unit: 'k€' });
    // 1 000 000 typed where 1 000 k€ was meant (k€ amounts in cents of euro: 1 k€ is 100 000).
    expect(en.typedInEuros(k, 100_000_000_000, 100_000_000, 'C')).toBe(' The amount in C looks typed in euros: in thousands, it would be 1,000 k€.');
    expect(en.typedInEuros(k, -100_000_000_000, 100_000_000, 'C')).toBe(' The amount in C looks typed in euros: in thousands, it would be -1,000 k€.');
    // 999 and 1 001 times are still "1 000 times"; 998 and 1 002 times are not.
    expect(en.typedInEuros(k, 99_900_000_000, 100_000_000, 'A')).toBe(' The amount in A looks typed in euros: in thousands, it would be 999 k€.');
    expect(en.typedInEuros(k, 100_100_000_000, 100_000_000, 'A')).toBe(' The amount in A looks typed in euros: in thousands, it would be 1,001 k€.');
    expect(en.typedInEuros(k, 99_800_000_000, 100_000_000, 'A')).toBe('');
    expect(en.typedInEuros(k, 100_200_000_000, 100_000_000, 'A')).toBe('');
    // In euros there is no such slip; nothing typed, nothing expected, or an expected zero: nothing said.
    expect(en.typedInEuros(finding({ unit: '€' }), 100_000_000_000, 100_000_000, 'C')).toBe('');
    expect(en.typedInEuros(k, null, 100_000_000, 'C')).toBe('');
    expect(en.typedInEuros(k, 100_000_000_000, null, 'C')).toBe('');
    expect(en.typedInEuros(k, 0, 0, 'C')).toBe('');
  });
});

describe('formulaClause: what a total’s formula adds up, after the figures', () => {
  const F30 = finding();

  it('no formula: nothing; a formula the check does not read; one adding up another column', () => {
    expect(en.formulaClause(F30, undefined)).toBe('');
    expect(en.formulaClause(F30, note({ text: '=ROUND(SUM(F22:F29),2)', evaluated: false }))).toBe('; the formula =ROUND(SUM(F22:F29),2) is not evaluated by the check');
    expect(en.formulaClause(F30, note({ text: '=SUM(E22:E29)', otherColumn: 4 }))).toBe('; the formula =SUM(E22:E29) adds up column E, not column F');
  });

  it('a formula that counts just its parts: only shown', () => {
    expect(en.formulaClause(F30, note())).toBe(' (formula =SUM(F22:F29))');
  });

  it('a range that stops before parts below it: one part, then two', () => {
    const range = { first: 21, last: 28 };
    expect(en.formulaClause(F30, note({ range, missing: [part(30, 'Action 9')] }))).toBe('; the formula =SUM(F22:F29) stops at row 29: row 30 (Action 9) is not counted');
    expect(en.formulaClause(F30, note({ range, missing: [part(32, 'Action 9'), part(30, 'Action 8')] }))).toBe(
      '; the formula =SUM(F22:F29) stops at row 29: rows 30 and 32 are not counted',
    );
  });

  it('a range that starts after parts above it', () => {
    const range = { first: 21, last: 28 };
    expect(en.formulaClause(F30, note({ range, missing: [part(21)] }))).toBe('; the formula =SUM(F22:F29) starts at row 22: row 21 is not counted');
    expect(en.formulaClause(F30, note({ range, missing: [part(20), part(18)] }))).toBe('; the formula =SUM(F22:F29) starts at row 22: rows 18 and 20 are not counted');
  });

  it('parts left out elsewhere: inside the range, on its ends, on both sides', () => {
    const range = { first: 21, last: 28 };
    expect(en.formulaClause(F30, note({ range, missing: [part(25)] }))).toBe('; the formula =SUM(F22:F29) leaves out row 25');
    // The range's own first and last rows are in it: a part there is left out, not before or after.
    expect(en.formulaClause(F30, note({ range, missing: [part(29)] }))).toBe('; the formula =SUM(F22:F29) leaves out row 29');
    expect(en.formulaClause(F30, note({ range, missing: [part(22)] }))).toBe('; the formula =SUM(F22:F29) leaves out row 22');
    expect(en.formulaClause(F30, note({ range, missing: [part(31), part(25)] }))).toBe('; the formula =SUM(F22:F29) leaves out rows 25 and 31');
    expect(en.formulaClause(F30, note({ range, missing: [part(20), part(25)] }))).toBe('; the formula =SUM(F22:F29) leaves out rows 20 and 25');
    expect(en.formulaClause(F30, note({ range, missing: [part(20), part(31)] }))).toBe('; the formula =SUM(F22:F29) leaves out rows 20 and 31');
    expect(en.formulaClause(F30, note({ text: '=F22+F23', missing: [part(24)] }))).toBe('; the formula =F22+F23 leaves out row 24');
  });

  it('a row total’s formula: columns left out, the valued share named as such', () => {
    const onRow = (col: number, label: string): PartRef => ({ at: { row: 29, col }, label });
    const text = '=A30+B30+C30+D30';
    expect(en.formulaClause(F30, note({ text, axis: 'columns', missing: [onRow(4, 'E')] }))).toBe('; the formula =A30+B30+C30+D30 leaves out column E');
    expect(en.formulaClause(F30, note({ text, axis: 'columns', missing: [onRow(4, 'E'), onRow(7, 'valorisation')] }))).toBe(
      '; the formula =A30+B30+C30+D30 leaves out columns E and H (the valued share)',
    );
    expect(en.formulaClause(F30, note({ text: '=A30+B30+C30+D30+E30+G30', axis: 'columns', extra: [onRow(6, 'valorisation')] }))).toBe(
      '; the formula =A30+B30+C30+D30+E30+G30 also counts column G (the valued share)',
    );
  });

  it('several faults: the formula named once, "it" after', () => {
    const faults = note({ text: '=SUM(F22:F31)', missing: [part(30, 'Action 9')], extra: [part(32)], textParts: [part(25), part(27)] });
    expect(en.formulaClause(F30, faults)).toBe('; the formula =SUM(F22:F31) leaves out row 30 (Action 9); it also counts row 32; it skips F25 and F27, typed as text');
    expect(en.formulaClause(F30, note({ extra: [part(33), part(31)] }))).toBe('; the formula =SUM(F22:F29) also counts rows 31 and 33');
    expect(en.formulaClause(F30, note({ textParts: [part(25)] }))).toBe('; the formula =SUM(F22:F29) skips F25, typed as text');
  });
});

describe('notices, in full', () => {
  const B5 = { row: 4, col: 1 };
  const say = (n: Notice) => noticeText(n, 'en');

  it('several tables, a missing column, no code column, no grand total', () => {
    expect(say({ code: 'SEVERAL_TABLES', sheet: 'Annexe 9', count: 2 })).toBe('Sheet "Annexe 9" holds 2 annex 9 tables: each is checked on its own.');
    expect(say({ code: 'MISSING_COLUMN', table: B5, column: 'E' })).toBe('Table at B5: column E (other funders) not found; checks that need it run without it.');
    expect(say({ code: 'MISSING_COLUMN', table: B5, column: 'valorisation' })).toBe('Table at B5: column Valued share not found; checks that need it run without it.');
    expect(say({ code: 'NO_IMPUTATION_COLUMN', table: B5 })).toBe('Table at B5: no "Imputation chorus" column; codes are neither checked nor filled.');
    expect(say({ code: 'NO_GRAND_TOTAL', table: B5 })).toBe('Table at B5: no "TOTAUX FINANCIERS" row; the grand total is not checked.');
  });

  it('amounts in thousands: as said where, as said, or found from the figures', () => {
    expect(say({ code: 'THOUSANDS', table: B5, said: 'Montants en k€', row: 2 })).toBe(
      'Table at B5: amounts in thousands of euros (k€) as said by "Montants en k€" (row 3); they are checked and shown in that unit, to the last digit.',
    );
    expect(say({ code: 'THOUSANDS', table: B5, said: 'en milliers d’euros', row: null })).toBe(
      'Table at B5: amounts in thousands of euros (k€) as said by "en milliers d’euros"; they are checked and shown in that unit, to the last digit.',
    );
    expect(say({ code: 'THOUSANDS', table: B5, said: null, row: null })).toBe(
      'Table at B5: amounts in thousands of euros (k€); they are checked and shown in that unit, to the last digit.',
    );
  });

  it('the table ends before a block that is not an annex', () => {
    expect(say({ code: 'TABLE_ENDS', table: B5, lastRow: 40, blockRow: 43, label: 'Annexe 10' })).toBe(
      'Table at B5: the table ends at row 41; the block starting at row 44 ("Annexe 10") is not an annex 9: it is neither checked nor filled.',
    );
    expect(say({ code: 'TABLE_ENDS', table: B5, lastRow: null, blockRow: 43, label: '' })).toBe(
      'Table at B5: the table ends; the block starting at row 44 is not an annex 9: it is neither checked nor filled.',
    );
  });

  it('formulas with no stored value: one, eight, nine (the first eight named)', () => {
    const cells = (n: number) => Array.from({ length: n }, (_, i) => ({ row: 21 + i, col: 5 }));
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(1) })).toBe(
      'Table at B5: 1 formula with no stored value (F22), checked on what the formula gives; the file was not recalculated: open and save it in Excel.',
    );
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(8) })).toBe(
      'Table at B5: 8 formulas with no stored value (F22, F23, F24, F25, F26, F27, F28, F29), checked on what the formula gives; the file was not recalculated: open and save it in Excel.',
    );
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(9) })).toBe(
      'Table at B5: 9 formulas with no stored value (F22, F23, F24, F25, F26, F27, F28, F29…), checked on what the formula gives; the file was not recalculated: open and save it in Excel.',
    );
  });

  it('a total row not recognised: with or without a label, alone or inside totals', () => {
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: 'Total partiel', totals: [] })).toBe(
      'Row 30 ("Total partiel"): a total row the check does not recognise; it is not checked, and no code is written there. Label it "Sous total" if it is one.',
    );
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: '', totals: [59, 44] })).toBe(
      'Row 30 (no label): a total row the check does not recognise; it is not checked, nor the totals around it (rows 45 and 60), and no code is written there. Label it "Sous total" if it is one.',
    );
    // One total around it: said in the singular, as French says « le total qui l’englobe ».
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: 'Total partiel', totals: [44] })).toBe(
      'Row 30 ("Total partiel"): a total row the check does not recognise; it is not checked, nor the total around it (row 45), and no code is written there. Label it "Sous total" if it is one.',
    );
  });

  it('a row read as a total from its amounts', () => {
    expect(say({ code: 'ROW_READ_AS_TOTAL', row: 20, label: 'Total thème 1', as: 'subtotal', sumOf: [12, 10, 11] })).toBe(
      'Row 21 ("Total thème 1"): read as a subtotal, its amounts being the sum of rows 11 to 13.',
    );
    expect(say({ code: 'ROW_READ_AS_TOTAL', row: 60, label: '', as: 'grandTotal', sumOf: [20, 40] })).toBe(
      'Row 61 (no label): read as the grand total, its amounts being the sum of rows 21 and 41.',
    );
    expect(say({ code: 'ROW_READ_AS_TOTAL', row: 60, label: 'Total', as: 'grandTotal', sumOf: [20] })).toBe('Row 61 ("Total"): read as the grand total, its amounts being the sum of row 21.');
  });
});

describe('problems, in full', () => {
  const say = (p: CheckProblem) => problemText(p, 'en');

  it('a sheet that is not an annex', () => {
    expect(say({ kind: 'notAnnex', sheet: 'Budget' })).toBe(
      'No annex 9 found in sheet "Budget": the check looks for a header row naming at least three amount columns, including "Participation État" (A) and "Crédits CD affectés" (C), with for instance "Crédits Etat reportés" (B) and "Budget global de l\'action" (F). Open the sheet of the financial summary table, or check that its header was not deleted.',
    );
  });

  it('a summary sheet, a sheet that does not exist, a workbook with no annex', () => {
    expect(say({ kind: 'summarySheet', sheet: 'Synthèse annexe 9' })).toBe(
      'Sheet "Synthèse annexe 9" is a summary made by the annex 9 check, not an annex: check the financial table sheet instead.',
    );
    expect(say({ kind: 'noSuchSheet', sheet: 'Annexe', sheets: ['Feuil1', 'Budget'] })).toBe('Sheet "Annexe" does not exist in this workbook (sheets: "Feuil1", "Budget").');
    expect(say({ kind: 'noSuchSheet', sheet: 'Annexe', sheets: [] })).toBe('Sheet "Annexe" does not exist in this workbook (sheets: none).');
    expect(say({ kind: 'noAnnexInWorkbook', sheets: ['Feuil1'] })).toBe(
      'No annex 9 found in this workbook (sheets examined: "Feuil1"). The check looks for a header row with "Participation État" (A), "Crédits CD affectés" (C) and at least one more amount column such as "Budget global de l\'action" (F).',
    );
  });
});

describe('tables of words', () => {
  it('why a code is proposed and not written', () => {
    expect(en.proposalWhy('outsideTable', 61)).toBe('row 61: outside the annex table? (after its last total)');
    expect(proposalWhy({ cell: 'B40', gridRow: 39, gridCol: 1, row: 40, candidates: ['0304-17-05'], reason: 'noTitle' }, 'en')).toBe(
      'row 40: no title nor fiche number, is it an action?',
    );
    expect(en.doubt).toEqual({
      ambiguousTheme: 'the theme fits several codes',
      noTheme: 'no theme to infer the code from',
      noTitle: 'no title nor fiche number, is it an action?',
      outsideTable: 'outside the annex table? (after its last total)',
      sharedMerge: 'the merged code cell also covers rows that are not actions of this block',
      mergedAcross: 'the code cell is merged with another column',
      notACode: 'the code cell holds text that is not a Chorus code',
    });
  });

  it('row kinds, unreadable cells, where a code comes from, a formula as shown', () => {
    expect(en.kinds).toEqual({
      action: 'Action',
      placeholder: 'Template row',
      themeHeader: 'Theme',
      subtotal: 'Subtotal',
      sectionTotal: 'Section total',
      grandTotal: 'Grand total',
      control: 'Control total',
      unclassified: 'Unrecognised row',
    });
    expect(en.unreadable).toEqual({
      text: 'text, not an amount',
      error: 'an Excel error value',
      date: 'a date, not an amount',
      boolean: 'a logical value, not an amount',
      tooLarge: 'an amount out of range (over ten thousand billion euros), which the check cannot add up exactly',
      formulaWithoutValue: 'a formula with no computed value, which the check does not evaluate',
    });
    expect(en.fillSource).toEqual({ block: 'carried from its block', theme: 'inferred from the theme', section: 'initiatives section' });
    expect(en.formula('=SUM(F22:F29)')).toBe('=SUM(F22:F29)');
    expect(en.colon).toBe(': ');
    expect(en.lang).toBe('en');
  });
});
