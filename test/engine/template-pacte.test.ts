/**
 * A second annex described by a template file alone (src/domain/templates/pacte-solidarites-70-30.json):
 * other headers, three parts instead of two, the State paying 70 % and the département 30 %,
 * other Chorus codes. No engine code knows it: the same rules read and check it.
 */
import pacte from '../../src/domain/templates/pacte-solidarites-70-30.json';
import { analyzeSheet, buildSummary } from '../../src/domain';
import { readTemplate } from '../../src/domain/template/schema';
import { AnnexTemplate } from '../../src/domain/template';
import { views } from '../../fixtures/sample';
import { PACTE_PREFIX as P, pacteGrid } from '../../fixtures/pacte';

function template(): AnnexTemplate {
  const read = readTemplate(pacte);
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return read.template;
}

describe('the 70/30 pact annex, described by its template alone', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let t!: AnnexTemplate;
  let report!: ReturnType<typeof analyzeSheet>;
  beforeEach(() => {
    t = template();
    report = analyzeSheet(pacteGrid, { template: t });
  });

  it('passes the schema', () => {
    expect(t.sections.map((s) => s.id)).toEqual(['axes', 'initiatives', 'experimentations']);
    expect(t.coFinancing.shares).toEqual({ state: 70, departement: 30 });
  });

  it('reads its three parts, each total closing one and opening the next', () => {
    expect(report.isAnnex).toBe(true);
    const table = report.tables[0];
    expect(table.layout.letters).toBe('row');
    const rowsRead = table.classified.rows.map((r) => `${r.index + 1}:${r.kind}:${r.section}${r.closes ? `>${r.closes}` : ''}`);
    expect(rowsRead).toEqual([
      '3:action:axes',
      '4:action:axes',
      '5:subtotal:axes',
      '6:action:axes',
      '7:subtotal:axes',
      '8:sectionTotal:axes>axes',
      '9:action:initiatives',
      '10:sectionTotal:initiatives>initiatives',
      '11:action:experimentations',
      '12:action:experimentations',
      '13:sectionTotal:experimentations>experimentations',
      '14:grandTotal:experimentations',
    ]);
    // The pact's total adds up the three parts' totals.
    const grand = table.classified.groups.find((g) => g.kind === 'grandTotal')!;
    expect(grand.parts.map((p) => p + 1)).toEqual([8, 10, 13]);
  });

  it('checks the 70/30 share, the third part and the total of the three, in its own words', () => {
    expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual([
      'MISSING_IMPUTATION@B6',
      'A_NEQ_C@G6',
      'MISSING_IMPUTATION@B9',
      'MISSING_IMPUTATION@B12',
      'SECTION_TOTAL@K13',
      'GRAND_TOTAL@K14',
    ]);
    const [share, part, pact] = views(report).filter((f) => f.rule !== 'MISSING_IMPUTATION');
    expect(share.message).toBe(
      '«\u00a0Parcours emploi\u00a0» (ligne 6)\u00a0: cofinancement 70/30 non respecté, part État (A) 3\u202f500,00\u00a0€, part département (C) 1\u202f750,00\u00a0€ au lieu de 1\u202f500,00\u00a0€ — écart +250,00\u00a0€. Portez C à 1\u202f500,00\u00a0€ (70/30) ou justifiez l’écart.',
    );
    expect(part.message).toMatch(/^Total des expérimentations \(ligne 13\)\u00a0: F affiché 4\u202f000,00\u00a0€, somme des lignes 5\u202f000,00\u00a0€/);
    expect(pact.message).toMatch(/^Total du pacte \(ligne 14\)\u00a0: F affiché 23\u202f250,00\u00a0€, axes prioritaires \+ initiatives \+ expérimentations /);
    expect(views(report, 'en')[5].message).toMatch(/^Pact total \(row 14\): /);
    // The 70/30 words in English too: the amount expected from A, not A itself.
    expect(views(report, 'en')[1].message).toBe(
      '"Parcours emploi" (row 6): 70/30 co-financing not met, State share (A) €3,500.00, département share (C) €1,750.00 instead of €1,500.00 — gap +€250.00. Bring C to €1,500.00 (70/30) or explain the gap.',
    );
  });

  it('fills the codes its themes and its parts give, with its own prefix', () => {
    expect(report.fills.map((f) => `${f.cell}=${f.code}:${f.source}`)).toEqual([
      `B6=${P} 02 - Insertion et emploi:theme`,
      `B9=${P} 08 - Initiatives départementales:theme`,
      `B12=${P} 09 - Expérimentations:section`,
    ]);
  });

  it('is summed up with its own derived columns and its parts named', () => {
    const summary = buildSummary(report, { workbook: 'pacte.xlsx', generatedAt: new Date(2025, 0, 1), template: t });
    expect(summary.names.title).toEqual({ socle: 'Axes prioritaires', initiative: 'Initiatives départementales + Expérimentations' });
    const [table] = summary.tables;
    expect(table.measures.map((m) => m.label)).toEqual(['Enfance et petite enfance', 'Insertion et emploi']);
    expect(table.initiatives.map((m) => m.label)).toEqual(['Épicerie solidaire', 'Laboratoire social', 'Tiers-lieu de Montreuil']);
    // The later parts' printed totals added up (1 000 + 4 000) against their rows (1 000 + 5 000).
    const later = table.reconciliation.find((r) => r.level === 'initiative')!;
    expect(later.printed?.F).toBe(500000);
    expect(later.recomputed.amounts.F).toBe(600000);
    expect(later.gap?.F).toBe(-100000);
  });
});
