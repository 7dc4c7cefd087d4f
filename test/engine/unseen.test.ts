/**
 * Annexes laid out differently from the sample, typed by hand the way départements do:
 * short header labels, letters only, "Sous-total" in the title column under a merged theme,
 * "Total général", formulas, amounts as text, codes on every row.
 */
import { Cell, MergedArea, SheetGrid, analyzeSheet, cellName } from '../../src/domain';
import { views } from '../../fixtures/sample';

type Raw = string | number | null | Cell;

function sheet(name: string, raw: Raw[][], merges: MergedArea[] = []): SheetGrid {
  return {
    name,
    origin: { row: 0, col: 0 },
    rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))),
    merges,
  };
}

const brief = (g: SheetGrid) => analyzeSheet(g).findings.map((f) => `${f.rule}@${cellName(f.at)}`);

describe('annexes never seen before', () => {
  it('short labels under a row of letters, a theme merged over its subtotal, "Total général"', () => {
    const g = sheet('Tableau 2024', [
      ['Annexe 9 – tableau financier prévisionnel 2024'],
      [],
      [null, null, null, 'A', 'B', 'C', null, 'D', 'E', 'F'],
      ['Thématique', 'Code', 'Action', 'État 2024', 'Report État', 'Département 2024', 'dont valorisation', 'Report CD', 'Autres', 'Total'],
      ['Premier accueil social inconditionnel', '030450191903', 'Accueil de proximité', 100, 0, 100, 0, 0, 0, 200],
      [null, null, 'Formation des agents', 50, 0, 50, 0, 0, 0, 100],
      [null, null, 'Sous-total', 150, 0, 150, 0, 0, 0, 300],
      ['Garantie d’activité', '030450191907', 'Accompagnement global', 400, 0, 390, 0, 0, 0, 790],
      [null, null, 'Sous-total', 400, 0, 390, 0, 0, 0, 790],
      [null, null, 'Total général', 550, 0, 540, 0, 0, 0, 1090],
    ], [
      { top: 4, bottom: 6, left: 0, right: 0 }, // theme merged over its rows and its subtotal
      { top: 4, bottom: 5, left: 1, right: 1 },
      { top: 7, bottom: 8, left: 0, right: 0 },
    ]);
    const report = analyzeSheet(g);
    expect(report.isAnnex).toBe(true);
    const t = report.tables[0];
    expect(t.layout.columns).toMatchObject({ theme: 0, imputation: 1, title: 2, A: 3, B: 4, C: 5, valorisation: 6, D: 7, E: 8, F: 9 });
    expect(t.classified.rows.map((r) => r.kind)).toEqual(['action', 'action', 'subtotal', 'action', 'subtotal', 'grandTotal']);
    expect(brief(g)).toEqual(['A_NEQ_C@F8']);
    // The code merged over rows 5–6 counts for row 6; the 12-digit activity code is understood.
    expect(t.classified.rows[1].imputation).toMatchObject({ state: 'merged', code: '0304 50 19 19 03' });
  });

  it('subtotals computed by formulas, and one formula whose result was never computed', () => {
    const g = sheet('Annexe', [
      ['Thème de la contractualisation', 'Imputation chorus', "Intitulé de l'action", 'Participation État notifiée', 'Crédits CD affectés', 'Budget global (A+B+C+D+E)'],
      ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', { value: 10, formula: '=SUM(D2:D2)' }, { value: 10, formula: '=SUM(E2:E2)' }, { value: null, formula: '=ROUND(SUM(F2:F2),0)' }],
    ]);
    const report = analyzeSheet(g);
    expect(report.notices.map((n) => n.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN', 'MISSING_COLUMN', 'MISSING_COLUMN', 'NO_GRAND_TOTAL']);
    expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual(['UNREADABLE_AMOUNT@F3']);
    expect(views(report)[0].message).toContain('formule sans valeur calculée');
    expect(views(report)[0].message).toMatch(/Ouvrez et enregistrez le fichier dans Excel pour la calculer\.$/);
  });

  it('a SUM with no stored value (a file written by a program) is checked on what it gives', () => {
    const g = sheet('Annexe', [
      ['Thème de la contractualisation', 'Imputation chorus', "Intitulé de l'action", 'Participation État notifiée', 'Crédits CD affectés', 'Budget global (A+B+C+D+E)'],
      ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', 'Maraude', 10, 10, 20],
      ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes', 'Maraude de nuit', 5, 5, 10],
      [null, null, 'Sous total', { value: null, formula: '=SUM(D2:D3)' }, { value: null, formula: '=SUM(E2:E3)' }, { value: null, formula: '=SUM(F2:F2)' }],
    ]);
    const report = analyzeSheet(g);
    expect(report.notices.map((n) => n.code)).toContain('FORMULAS_COMPUTED');
    // D and E compute right; F's formula stops at row 2: the finding says so.
    expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual(['SUBTOTAL@F4']);
    expect(views(report)[0].message).toContain("la formule =SOMME(F2:F2) s’arrête à la ligne 2\u00a0: la ligne 3 (Maraude de nuit) n’est pas comptée");
    expect(views(report)[0].message).toMatch(/Corrigez la formule\u00a0: =SOMME\(F2:F3\)\.$/);
  });

  it('amounts typed as text everywhere, codes on every row, no theme or fiche column', () => {
    const g = sheet('CALPAE', [
      ['Imputation chorus', "Intitulé de l'action", 'A - Participation État', 'B - Crédits Etat 2023 reportés', 'C - Crédits CD affectés', 'D - Crédits CD 2023 reportés', "E - Participation d'autres financeurs", 'F - Budget global'],
      ['0304 50 19 19 07 - Garantie', 'Action 1', '1 000,00 €', '-  €', '1 000,00 €', '-  €', '-  €', '2 000,00 €'],
      ['0304 50 19 19 07 - Garantie', 'Action 2', '1.500,50', 'néant', '1.500,50', '0', '0', '3 001,00'],
      [null, 'Action 3', '250', '0', '250', '0', '0', '500'],
      [null, 'Sous total', '2 750,50 €', '0', '2 750,50 €', '0', '0', '5 501,00 €'],
      [null, 'TOTAUX FINANCIERS', '2 750,50 €', '0', '2 750,50 €', '0', '0', '5 501,00 €'],
    ]);
    const report = analyzeSheet(g);
    expect(report.tables[0].layout.letters).toBe('inline');
    expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual(['MISSING_IMPUTATION@A4']);
    expect(report.fills).toEqual([expect.objectContaining({ cell: 'A4', code: '0304 50 19 19 07 - Garantie', source: 'block' })]);
  });

  it('a sheet of notes with the word "total" in it is not taken for an annex', () => {
    const g = sheet('Notes', [
      ['Total des crédits', 'Participation État', 'Commentaire'],
      ['Rappel', 'voir convention', 'Budget global à confirmer'],
    ]);
    expect(analyzeSheet(g).isAnnex).toBe(false);
  });
});
