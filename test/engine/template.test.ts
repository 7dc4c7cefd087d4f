/**
 * The annex's vocabulary is data: another annex model (here a mock of the financial annex of a
 * "Pacte local des solidarités", which succeeds the CALPAE from 2024) needs a new description,
 * not new code.
 */
import calpae from '../../src/domain/templates/calpae-annexe9.json';
import { SheetGrid, TemplateDescription, analyzeSheet, compileTemplate } from '../../src/domain';
import { views } from '../../fixtures/sample';

function pacteTemplate(): TemplateDescription {
  const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
  d.id = 'pacte-local-solidarites';
  d.name = { fr: 'annexe financière du pacte local des solidarités', en: 'local solidarity pact financial annex' };
  const labels: Record<string, string[]> = {
    title: ['projet'],
    imputation: ['programme budgetaire'],
    theme: ['axe du pacte'],
    A: ['apport de l etat'],
    B: ['report de l etat'],
    C: ['apport de la collectivite'],
    D: ['report de la collectivite'],
    E: ['cofinancements'],
    F: ['cout du projet'],
  };
  d.columns = d.columns.filter((c) => c.key !== 'fiche' && c.key !== 'valorisation').map((c) => ({ ...c, labels: labels[c.key] ?? c.labels }));
  d.amountColumns = ['A', 'B', 'C', 'D', 'E', 'F'];
  d.capped = [];
  d.subtotal.labels = ['total de l axe'];
  d.sections[0].total.labels = ['total des axes prioritaires'];
  d.grandTotal.labels = ['total du pacte'];
  return d;
}

const grid: SheetGrid = {
  name: 'Pacte 2024',
  origin: { row: 0, col: 0 },
  merges: [],
  rows: [
    ['Axe du pacte', 'Programme budgétaire', 'Projet', "Apport de l'État", "Report de l'État", 'Apport de la collectivité', 'Report de la collectivité', 'Cofinancements', 'Coût du projet'],
    ['Axe 1 – Prévenir la pauvreté des enfants', '0304 50 19 19 03', 'Petits déjeuners', 1000, 0, 1000, 0, 0, 2000],
    [null, '0304 50 19 19 03', 'Cantine à 1 €', 500, 0, 500, 0, 0, 1000],
    [null, null, "Total de l'axe", 1500, 0, 1500, 0, 0, 3500],
    [null, null, 'Total du pacte', 1500, 0, 1500, 0, 0, 3500],
  ].map((r) => r.map((v) => (v === null ? undefined : { value: v }))),
};

describe('another annex model, described as data', () => {
  it('is read with its own labels, and checked by the same rules', () => {
    const template = compileTemplate(pacteTemplate());
    const report = analyzeSheet(grid, { template });
    expect(report.isAnnex).toBe(true);
    expect(report.tables[0].classified.rows.map((r) => r.kind)).toEqual(['action', 'action', 'subtotal', 'grandTotal']);
    expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual(['SUBTOTAL@I4', 'ROW_TOTAL@I5']);
    // The pact total adds up its printed parts, but not its own columns: reported like the seed's TOTAUX.
    expect(views(report)[0].message).toBe('Sous-total (ligne 4)\u00a0: F affiché 3\u202f500,00\u00a0€, somme des lignes 3\u202f000,00\u00a0€ — écart +500,00\u00a0€. Corrigez F en 3\u202f000,00\u00a0€ ou vérifiez les lignes 2 à 3.');
  });

  it('is not mistaken for a CALPAE annex 9 by the default description', () => {
    expect(analyzeSheet(grid).isAnnex).toBe(false);
  });
});
