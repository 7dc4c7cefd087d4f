/**
 * A finding's message where its surroundings already show part of it (issue 14, « each finding
 * card says things once »): the pane's card shows the cell, the row and the label, so its text
 * (findingCardText) names none of them; the command line's first column is the cell, so its line
 * does not name it again; the full message (JSON, notes, comparisons) names the cell once, in the
 * advice. Written out by hand on the small hand-typed table, in French and in English.
 */
import { Finding, SheetReport, analyzeSheet, cellName, findingCardText, findingText } from '../../src/domain';
import { INITIATIVES, MARAUDES, at, put, reference, sheet } from '../support/hand-table';

function findingAt(report: SheetReport, cell: string, rule: string): Finding {
  const found = report.findings.filter((f) => cellName(f.at) === cell && f.rule === rule);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The reference table with a wrong F (row 2), a missing code (row 3), text for an amount (row 5), an untitled action without code (row 8). */
function broken(): SheetReport {
  const body = reference();
  put(body, 2, 'F', 210);
  at(body, 3)[1] = null;
  put(body, 5, 'A', 'abc');
  at(body, 8)[1] = null;
  at(body, 8)[3] = null;
  return analyzeSheet(sheet(body));
}

describe('the card: no row, no label, no cell', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let report!: SheetReport;
  beforeEach(() => {
    report = broken();
  });

  it('an action row: what is said, from a capital', () => {
    const f = findingAt(report, 'K2', 'ROW_TOTAL');
    expect(findingCardText(f, 'fr')).toBe('F affiché 210,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart +10,00\u00a0€. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à E de cette ligne.');
    expect(findingCardText(f, 'en')).toBe('F shows €210.00, A+B+C+D+E = €200.00 — gap +€10.00. Correct F to €200.00 or check amounts A to E of this row.');
  });

  it('a missing code: the cell the card shows is « la cellule »', () => {
    const f = findingAt(report, 'B3', 'MISSING_IMPUTATION');
    expect(findingCardText(f, 'fr')).toBe(`Imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez la cellule avec ce code.`);
    expect(findingCardText(f, 'en')).toBe(`Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill the cell with this code.`);
  });

  it('an unreadable amount: neither its row, its column nor its cell', () => {
    const f = findingAt(report, 'E5', 'UNREADABLE_AMOUNT');
    expect(findingCardText(f, 'fr')).toBe('«\u00a0abc\u00a0» est du texte, pas un montant. Les totaux qui dépendent de cette cellule ne sont pas contrôlés. Saisissez un montant dans la cellule (0 s’il n’y en a pas).');
    expect(findingCardText(f, 'en')).toBe('"abc" is text, not an amount. Totals that depend on this cell are not checked. Type an amount in the cell (0 if there is none).');
  });

  it('an action with no title keeps its name, not its row; the doubt does not repeat the row either', () => {
    const f = findingAt(report, 'B8', 'MISSING_IMPUTATION');
    expect(findingCardText(f, 'fr')).toBe(
      `«\u00a0action sans intitulé\u00a0»\u00a0: imputation Chorus manquante, «\u00a0${INITIATIVES}\u00a0» probable, non écrit (ni intitulé ni numéro de fiche, est-ce bien une action\u202f?). Vérifiez la ligne avant de saisir le code dans la cellule.`,
    );
    expect(findingCardText(f, 'en')).toBe(
      `"untitled action": Chorus code missing, "${INITIATIVES}" likely, not written (no title nor fiche number, is it an action?). Check the row before typing the code in the cell.`,
    );
  });

  it('a total: the kind of total stays when the label says something else, and goes when it says the same', () => {
    const body = reference();
    put(body, 4, 'F', 900);
    put(body, 10, 'F', 3900);
    const totals = analyzeSheet(sheet(body));
    const subtotal = findingAt(totals, 'K4', 'SUBTOTAL');
    expect(subtotal.rowLabel).toBe('Sous total');
    expect(findingCardText(subtotal, 'fr')).toBe('Sous-total\u00a0: F affiché 900,00\u00a0€, somme des lignes 800,00\u00a0€ — écart +100,00\u00a0€. Corrigez F en 800,00\u00a0€ ou vérifiez les lignes 2 à 3.');
    expect(findingCardText(subtotal, 'en')).toBe('Subtotal: F shows €900.00, sum of the rows €800.00 — gap +€100.00. Correct F to €800.00 or check rows 2 to 3.');
    const grand = findingAt(totals, 'K10', 'GRAND_TOTAL');
    expect(grand.rowLabel).toBe('TOTAUX FINANCIERS');
    expect(findingCardText(grand, 'fr')).toMatch(/^F affiché 3\u202f900,00\u00a0€, socle \+ initiatives /);
    // In English the template calls it « Grand total », not the sheet's label: said.
    expect(findingCardText(grand, 'en')).toMatch(/^Grand total: F shows €3,900.00, core \+ initiatives /);
  });
});

describe('the full message names the cell once; beside a cell shown, not at all', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let report!: SheetReport;
  beforeEach(() => {
    report = broken();
  });

  it('a missing code: in the advice only', () => {
    const f = findingAt(report, 'B3', 'MISSING_IMPUTATION');
    const full = findingText(f, 'fr');
    expect(full).toBe(`«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez B3 avec ce code.`);
    expect(full.split('B3')).toHaveLength(2);
    expect(findingText(f, 'en')).toBe(`"Maraude de nuit" (row 3): Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill B3 with this code.`);
    // The command line's line starts with the cell: the row stays, the cell is not named again.
    expect(findingText(f, 'fr', undefined, { cell: f.at })).toBe(
      `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez la cellule avec ce code.`,
    );
    expect(findingText(f, 'en', undefined, { cell: f.at })).toBe(
      `"Maraude de nuit" (row 3): Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill the cell with this code.`,
    );
  });

  it('a merged code cell: the code goes into its top left, named even beside the row’s own cell', () => {
    const f = findingAt(report, 'B3', 'MISSING_IMPUTATION');
    const merged = { ...f, args: { ...f.args, target: { row: 1, col: 1 } } } as Finding;
    expect(findingText(merged, 'fr', undefined, { cell: merged.at })).toMatch(/ Complétez la cellule fusionnée B2 avec ce code\.$/);
    expect(findingText(merged, 'en', undefined, { cell: merged.at })).toMatch(/ Fill the merged cell B2 with this code\.$/);
    // The card stands for the merged cell: it shows B2, and does not say it again.
    expect(findingCardText(merged, 'fr')).toMatch(/ Complétez la cellule avec ce code\.$/);
  });

  it('an unreadable amount', () => {
    const f = findingAt(report, 'E5', 'UNREADABLE_AMOUNT');
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Éducateurs de rue\u00a0» (ligne 5), colonne A\u00a0: «\u00a0abc\u00a0» est du texte, pas un montant. Les totaux qui dépendent de cette cellule ne sont pas contrôlés. Saisissez un montant en E5 (0 s’il n’y en a pas).',
    );
    expect(findingText(f, 'en', undefined, { cell: f.at })).toBe(
      '"Éducateurs de rue" (row 5), column A: "abc" is text, not an amount. Totals that depend on this cell are not checked. Type an amount in the cell (0 if there is none).',
    );
  });
});
