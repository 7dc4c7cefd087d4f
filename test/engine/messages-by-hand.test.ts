/**
 * What the user reads: every kind of finding message, in French and in English, on the small
 * hand-typed table, written out in full by hand; and the marks (colour, note, row tint) and the
 * legend that the adapters draw from them. Every message ends with what to do (issue 12): the
 * amount to type and the rows or cells to check, computed here by hand from the table.
 */
import { Cell, SheetReport, analyzeSheet, cellName, findingText, legend, markNote, planMarks } from '../../src/domain';
import { INITIATIVES, MARAUDES, PREVENTION, Typed, at, put, reference, sheet, total } from '../support/hand-table';

/** The language each report is read in (a report is data; its messages are rendered in a language). */
const langOf = new WeakMap<SheetReport, 'fr' | 'en'>();
function check(body: Typed[][], lang: 'fr' | 'en' = 'fr'): SheetReport {
  const report = analyzeSheet(sheet(body));
  expect(report.isAnnex).toBe(true);
  langOf.set(report, lang);
  return report;
}
/** The message of the finding at `cell` (with `rule` when several share it). */
function message(report: SheetReport, cell: string, rule?: string): string {
  const found = report.findings.filter((f) => cellName(f.at) === cell && (!rule || f.rule === rule));
  expect(found.map((f) => f.rule)).toHaveLength(1);
  return findingText(found[0], langOf.get(report) ?? 'fr');
}
const both = (body: Typed[][]) => ({ fr: check(body, 'fr'), en: check(body, 'en') });

describe('row rules', () => {
  it('F ≠ A+B+C+D+E on an action row', () => {
    const body = reference();
    put(body, 2, 'F', 210);
    const { fr, en } = both(body);
    expect(message(fr, 'K2')).toBe('«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 210,00\u00a0€, A+B+C+D+E = 200,00\u00a0€ — écart +10,00\u00a0€. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à E de cette ligne.');
    expect(message(en, 'K2')).toBe('"Maraude de jour" (row 2): F shows €210.00, A+B+C+D+E = €200.00 — gap +€10.00. Correct F to €200.00 or check amounts A to E of this row.');
  });

  it('a wrong figure found from F and the total above: the row finding moves there, and its subtotal names it', () => {
    const body = reference();
    put(body, 2, 'A', 110); // F still 200: A should be 200 − 100
    const { fr, en } = both(body);
    expect(fr.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['ROW_TOTAL@E2', 'SUBTOTAL@E4']);
    expect(message(fr, 'E2')).toBe(
      '«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: A affiché 110,00\u00a0€, attendu d’après F et les autres colonnes 100,00\u00a0€ — écart +10,00\u00a0€ (F ≠ A+B+C+D+E et le total au-dessus s’écarte du même montant). Corrigez A en 100,00\u00a0€.',
    );
    expect(message(en, 'E2')).toBe(
      '"Maraude de jour" (row 2): A shows €110.00, expected from F and the other columns €100.00 — gap +€10.00 (F ≠ A+B+C+D+E and the total above is off by the same amount). Correct A to €100.00.',
    );
    expect(message(fr, 'E4')).toBe('Sous-total (ligne 4)\u00a0: A affiché 400,00\u00a0€, somme des lignes 410,00\u00a0€ — écart -10,00\u00a0€. En cause\u00a0: E2, signalé à part. Corrigez d’abord E2.');
    expect(message(en, 'E4')).toBe('Subtotal (row 4): A shows €400.00, sum of the rows €410.00 — gap -€10.00. Off: E2, reported separately. Correct E2 first.');
  });

  it('A ≠ C, and an action with neither title nor fiche', () => {
    const body = reference();
    at(body, 3)[2] = null;
    at(body, 3)[3] = null;
    put(body, 3, 'C', 360);
    put(body, 3, 'F', 660);
    for (const n of [4, 7, 10]) {
      put(body, n, 'C', (at(body, n)[6] as number) + 60);
      put(body, n, 'F', (at(body, n)[10] as number) + 60);
    }
    const { fr, en } = both(body);
    expect(message(fr, 'G3')).toBe(
      '«\u00a0action sans intitulé\u00a0» (ligne 3)\u00a0: cofinancement 50/50 non respecté, part État (A) 300,00\u00a0€, part département (C) 360,00\u00a0€ — écart +60,00\u00a0€. Reportez en C le montant de A (50/50) ou justifiez l’écart.',
    );
    expect(message(en, 'G3')).toBe('"untitled action" (row 3): 50/50 co-financing not met, State share (A) €300.00, département share (C) €360.00 — gap +€60.00. Copy the amount of A into C (50/50) or explain the gap.');
  });

  it('the valued share above C', () => {
    const body = reference();
    for (const n of [2, 4, 7, 10]) put(body, n, 'V', 150);
    const { fr, en } = both(body);
    expect(message(fr, 'H2')).toBe('«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: dont valorisation CD 150,00\u00a0€ dépasse les crédits CD (C) 100,00\u00a0€ — écart +50,00\u00a0€. Ramenez la valorisation à 100,00\u00a0€ au plus, ou corrigez C.');
    expect(message(en, 'H2')).toBe('"Maraude de jour" (row 2): valued share €150.00 exceeds C €100.00 — gap +€50.00. Bring the valued share down to €100.00 at most, or correct C.');
  });

  // What to do depends on what is in the cell: an amount to type, an error to fix, a file to compute.
  const TYPE_FR = 'Saisissez un montant en E3 (0 s’il n’y en a pas).';
  const TYPE_EN = 'Type an amount in E3 (0 if there is none).';
  it.each([
    ['à préciser', { value: 'à préciser' }, '«\u00a0à préciser\u00a0» est du texte, pas un montant', '"à préciser" is text, not an amount', TYPE_FR, TYPE_EN],
    [
      '#REF!',
      { value: { error: '#REF!' } },
      "«\u00a0#REF!\u00a0» est une valeur d’erreur Excel",
      '"#REF!" is an Excel error value',
      'Corrigez la formule ou la valeur de E3.',
      'Fix the formula or the value in E3.',
    ],
    ['a date', { value: new Date('2023-06-12T00:00:00Z') }, '«\u00a02023-06-12\u00a0» est une date, pas un montant', '"2023-06-12" is a date, not an amount', TYPE_FR, TYPE_EN],
    ['VRAI', { value: true }, '«\u00a0VRAI\u00a0» est une valeur logique, pas un montant', '"VRAI" is a logical value, not an amount', TYPE_FR, TYPE_EN],
    [
      // A product, not a sum: the check does not compute it (it computes sums since issue 12).
      'a formula never computed',
      { value: null, formula: '=E2*2' },
      '«\u00a0=E2*2\u00a0» est une formule sans valeur calculée, que le contrôle ne sait pas évaluer',
      '"=E2*2" is a formula with no computed value, which the check does not evaluate',
      'Ouvrez et enregistrez le fichier dans Excel pour la calculer.',
      'Open and save the file in Excel to compute it.',
    ],
  ] as const)('an unreadable amount: %s', (_name, cell, fr, en, todoFr, todoEn) => {
    const body = reference();
    put(body, 3, 'A', cell as Cell);
    const reports = both(body);
    expect(message(reports.fr, 'E3')).toBe(`«\u00a0Maraude de nuit\u00a0» (ligne 3), colonne A\u00a0: ${fr}. Les totaux qui dépendent de cette cellule ne sont pas contrôlés. ${todoFr}`);
    expect(message(reports.en, 'E3')).toBe(`"Maraude de nuit" (row 3), column A: ${en}. Totals that depend on this cell are not checked. ${todoEn}`);
  });
});

describe('totals', () => {
  it('a socle that no longer adds up its subtotals names the one off, and says it equals the action rows', () => {
    const body = reference();
    put(body, 6, 'A', 1001);
    put(body, 6, 'F', 2001);
    const { fr, en } = both(body);
    expect(message(fr, 'E6')).toBe('Sous-total (ligne 6)\u00a0: A affiché 1\u202f001,00\u00a0€, somme des lignes 1\u202f000,00\u00a0€ — écart +1,00\u00a0€. Corrigez A en 1\u202f000,00\u00a0€ ou vérifiez la ligne 5.');
    expect(message(fr, 'E7')).toBe(
      'Sous-total mesures socle (ligne 7)\u00a0: A affiché 1\u202f400,00\u00a0€, somme des sous-totaux 1\u202f401,00\u00a0€ — écart -1,00\u00a0€. En cause\u00a0: E6, signalé à part\u202f; ce total est bien égal à la somme des lignes d’action. Corrigez d’abord E6.',
    );
    expect(message(en, 'E7')).toBe(
      'Core measures subtotal (row 7): A shows €1,400.00, sum of the subtotals €1,401.00 — gap -€1.00. Off: E6, reported separately; this total does equal the sum of the action rows. Correct E6 first.',
    );
  });

  it('two parts off: both named, in the plural', () => {
    const body = reference();
    put(body, 4, 'A', 401);
    put(body, 4, 'F', 801);
    put(body, 6, 'A', 1001);
    put(body, 6, 'F', 2001);
    const { fr, en } = both(body);
    expect(message(fr, 'E7')).toBe(
      'Sous-total mesures socle (ligne 7)\u00a0: A affiché 1\u202f400,00\u00a0€, somme des sous-totaux 1\u202f402,00\u00a0€ — écart -2,00\u00a0€. En cause\u00a0: E4, E6, signalés à part\u202f; ce total est bien égal à la somme des lignes d’action. Corrigez d’abord E4 et E6.',
    );
    expect(message(en, 'E7')).toBe(
      'Core measures subtotal (row 7): A shows €1,400.00, sum of the subtotals €1,402.00 — gap -€2.00. Off: E4, E6, reported separately; this total does equal the sum of the action rows. Correct E4 and E6 first.',
    );
  });

  it('the initiative sub-total and the grand total', () => {
    const body = reference();
    put(body, 9, 'V', 20);
    const { fr, en } = both(body);
    expect(message(fr, 'H9')).toBe('Sous-total initiatives (ligne 9)\u00a0: «\u00a0Dont valorisation CD\u00a0» affiché 20,00\u00a0€, somme des lignes 0,00\u00a0€ — écart +20,00\u00a0€. Corrigez la valorisation en 0,00\u00a0€ ou vérifiez la ligne 8.');
    expect(message(en, 'H9')).toBe('Initiatives subtotal (row 9): Valued share shows €20.00, sum of the rows €0.00 — gap +€20.00. Correct the valued share to €0.00 or check row 8.');
    expect(message(fr, 'H10')).toBe(
      'TOTAUX FINANCIERS (ligne 10)\u00a0: «\u00a0Dont valorisation CD\u00a0» affiché 50,00\u00a0€, socle + initiatives 70,00\u00a0€ — écart -20,00\u00a0€. En cause\u00a0: H9, signalé à part\u202f; ce total est bien égal à la somme des lignes d’action. Corrigez d’abord H9.',
    );
    expect(message(en, 'H10')).toBe(
      'Grand total (row 10): Valued share shows €50.00, core + initiatives €70.00 — gap -€20.00. Off: H9, reported separately; this total does equal the sum of the action rows. Correct H9 first.',
    );
  });

  it('a control total below the grand total is checked as a row', () => {
    const body = reference();
    body.push(total('Total de contrôle', [1900, 0, 1900, 50, 0, 0, 3900]));
    const { fr, en } = both(body);
    expect(fr.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['ROW_TOTAL@K11']);
    expect(message(fr, 'K11')).toBe('Total de contrôle (ligne 11)\u00a0: F affiché 3\u202f900,00\u00a0€, A+B+C+D+E = 3\u202f800,00\u00a0€ — écart +100,00\u00a0€. Corrigez F en 3\u202f800,00\u00a0€ ou vérifiez les montants A à E de cette ligne.');
    expect(message(en, 'K11')).toBe('Control total (row 11): F shows €3,900.00, A+B+C+D+E = €3,800.00 — gap +€100.00. Correct F to €3,800.00 or check amounts A to E of this row.');
  });
});

describe('missing Chorus codes', () => {
  it.each([
    [
      'carried from the block',
      (b: Typed[][]) => (at(b, 3)[1] = null),
      'B3',
      `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${MARAUDES}\u00a0» (repris du bloc). Complétez B3 avec ce code.`,
      `"Maraude de nuit" (row 3): Chorus code missing, to be filled with "${MARAUDES}" (carried from its block). Fill B3 with this code.`,
    ],
    [
      'inferred from the theme',
      (b: Typed[][]) => (at(b, 5)[1] = null),
      'B5',
      `«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${PREVENTION}\u00a0» (déduit du thème). Complétez B5 avec ce code.`,
      `"Éducateurs de rue" (row 5): Chorus code missing, to be filled with "${PREVENTION}" (inferred from the theme). Fill B5 with this code.`,
    ],
    [
      'the initiative section',
      (b: Typed[][]) => {
        at(b, 8)[0] = 'Projets du territoire';
        at(b, 8)[1] = null;
      },
      'B8',
      `«\u00a0Épicerie solidaire\u00a0» (ligne 8)\u00a0: imputation Chorus manquante, à compléter par «\u00a0${INITIATIVES}\u00a0» (section des initiatives). Complétez B8 avec ce code.`,
      `"Épicerie solidaire" (row 8): Chorus code missing, to be filled with "${INITIATIVES}" (initiatives section). Fill B8 with this code.`,
    ],
    [
      'two codes fit the theme',
      (b: Typed[][]) => {
        at(b, 5)[0] = 'Maraudes mixtes et prévention spécialisée';
        at(b, 5)[1] = null;
      },
      'B5',
      `«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, le thème ne permet pas de choisir\u00a0: «\u00a0${MARAUDES}\u00a0» ou «\u00a0${PREVENTION}\u00a0». Choisissez le bon code et saisissez-le en B5.`,
      `"Éducateurs de rue" (row 5): Chorus code missing, the theme does not settle it: "${MARAUDES}" or "${PREVENTION}". Choose the right code and type it in B5.`,
    ],
    [
      'no code fits',
      (b: Typed[][]) => {
        at(b, 5)[0] = 'Thème local';
        at(b, 5)[1] = null;
      },
      'B5',
      "«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, à saisir (aucun thème ne permet de la déduire). Saisissez le code Chorus de l’action en B5.",
      '"Éducateurs de rue" (row 5): Chorus code missing, to be typed (no theme to infer it from). Type the action\'s Chorus code in B5.',
    ],
    [
      // Issue 12: the block's code is known, but a row with neither title nor fiche may not be an action.
      'a row with neither title nor fiche: the block code proposed, not written',
      (b: Typed[][]) => {
        at(b, 3)[1] = null;
        at(b, 3)[2] = null;
        at(b, 3)[3] = null;
      },
      'B3',
      `«\u00a0action sans intitulé\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (ni intitulé ni numéro de fiche, est-ce bien une action\u202f?). Vérifiez la ligne avant de saisir le code en B3.`,
      `"untitled action" (row 3): Chorus code missing, "${MARAUDES}" likely, not written (no title nor fiche number, is it an action?). Check the row before typing the code in B3.`,
    ],
  ])('%s', (_name, change, cell, fr, en) => {
    const body = reference();
    change(body);
    const reports = both(body);
    expect(message(reports.fr, cell)).toBe(fr);
    expect(message(reports.en, cell)).toBe(en);
  });
});

describe('marks and legend', () => {
  it('one mark per cell, coloured by its most important rule, the rest of the row tinted', () => {
    const body = reference();
    // Row 4: A typed 450 and F 900. Its F is off against its row (850) and its parts (800).
    put(body, 4, 'A', 450);
    put(body, 4, 'F', 900);
    const report = check(body);
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['SUBTOTAL@E4', 'SUBTOTAL@K4', 'ROW_TOTAL@K4', 'SECTION_TOTAL@E7', 'SECTION_TOTAL@K7']);
    const plan = planMarks(report);
    expect(plan.cells.map((c) => [cellName({ row: c.gridRow, col: c.gridCol }), c.gridRow, c.gridCol, c.fill, c.rules.join('+')])).toEqual([
      ['E4', 3, 4, '#F5B69A', 'SUBTOTAL'],
      ['K4', 3, 10, '#F5B69A', 'SUBTOTAL+ROW_TOTAL'],
      ['E7', 6, 4, '#E9B3D3', 'SECTION_TOTAL'],
      ['K7', 6, 10, '#E9B3D3', 'SECTION_TOTAL'],
    ]);
    const k4 = markNote(plan.cells[1], 'fr').split('\n');
    expect(k4).toEqual([
      // Each finding says what would settle it: F = 200 + 600 from rows 2–3, or F = 450 + 400 on row 4.
      '[SUBTOTAL] Sous-total (ligne 4)\u00a0: F affiché 900,00\u00a0€, somme des lignes 800,00\u00a0€ — écart +100,00\u00a0€. Corrigez F en 800,00\u00a0€ ou vérifiez les lignes 2 à 3.',
      '[ROW_TOTAL] Sous-total (ligne 4)\u00a0: F affiché 900,00\u00a0€, A+B+C+D+E = 850,00\u00a0€ — écart +50,00\u00a0€. Corrigez F en 850,00\u00a0€ ou vérifiez les montants A à E de cette ligne.',
    ]);
    expect(plan.rows).toEqual([
      { gridRow: 3, gridCols: [0, 1, 2, 3, 5, 6, 7, 8, 9] },
      { gridRow: 6, gridCols: [0, 1, 2, 3, 5, 6, 7, 8, 9] },
    ]);
  });

  it('a clean sheet gets no mark', () => {
    expect(planMarks(check(reference()))).toEqual({ cells: [], rows: [] });
  });

  it('the legend: every rule, in order, with its colour, symbol and title', () => {
    // STALE_FORMULA (issue 12) comes right after the unreadable amounts: both say a cell cannot be taken as shown.
    expect(legend('fr').map((l) => `${l.rule} ${l.fill} ${l.symbol} ${l.title}`)).toEqual([
      'UNREADABLE_AMOUNT #C8C8C8 ? Montants illisibles',
      'STALE_FORMULA #D4C8EC ↻ Formules non recalculées',
      'SUBTOTAL #F5B69A Σ Sous-totaux faux',
      'SECTION_TOTAL #E9B3D3 Σ² Sous-totaux socle ou initiatives faux',
      'GRAND_TOTAL #D79BC0 ΣΣ TOTAUX FINANCIERS faux',
      'ROW_TOTAL #F9D48C F Budget global F ≠ A+B+C+D+E',
      'A_NEQ_C #A9D8F5 ½ Cofinancement 50/50 (A ≠ C)',
      'VALORISATION_EXCEEDS_C #F3EC8E V Valorisation supérieure aux crédits CD',
      'MISSING_IMPUTATION #9FDCC8 # Imputations Chorus manquantes',
    ]);
    expect(legend('en').map((l) => l.title)).toEqual([
      'Unreadable amounts',
      'Formulas not recalculated',
      'Wrong subtotals',
      'Wrong section totals',
      'Wrong grand total',
      'Row total F ≠ A+B+C+D+E',
      '50/50 co-financing (A ≠ C)',
      'Valued share above C',
      'Missing Chorus codes',
    ]);
  });
});
