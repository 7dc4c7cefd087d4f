import { analyzeSheet, analyzeWorkbook, cellName, columnLetters, noticeText, problemText } from '../../src/domain';
import { ACCOUNTING_EUR, AnnexSpec, SpecAmounts, layoutAnnex } from '../../fixtures/annex-layout';
import { analyzeSpec, brief, findAction, findTotal, sampleSpec, views } from '../../fixtures/sample';
import { kindName } from '../support/kinds';

const SAMPLE_FINDINGS = ['SECTION_TOTAL@L50', 'ROW_TOTAL@L51'];

describe('the sample annex (the seed, as printed)', () => {
  // Built before each test, not in the describe body: Stryker counts coverage only inside a test.
  let report!: ReturnType<typeof analyzeSpec>['report'];
  beforeEach(() => {
    ({ report } = analyzeSpec(sampleSpec()));
  });

  it('finds the table, its rows by kind and its blocks', () => {
    expect(report.isAnnex).toBe(true);
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0];
    expect(cellName(t.header)).toBe('B5');
    expect(t.layout.letters).toBe('row');
    expect(t.layout.missingColumns).toEqual([]);
    expect(t.stats).toEqual({ actions: 23, placeholders: 11, subtotals: 8 });
    const kinds = t.classified.rows.map(kindName);
    expect(kinds.filter((k) => k === 'socleSubtotal')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'initiativeSubtotal')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'grandTotal')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'control')).toHaveLength(1);
    // Every action carries its code through the vertical merges.
    for (const row of t.classified.rows.filter((r) => r.kind === 'action')) {
      expect(['written', 'merged']).toContain(row.imputation.state);
      expect(row.imputation.code).toMatch(/^0304 50 19 19 \d\d$/);
    }
    const garantie = t.classified.groups.find((g) => g.kind === 'subtotal' && g.parts.length === 17);
    expect(garantie).toBeDefined();
  });

  it('reports the wrong initiative sub-total and the grand total that repeats it, and nothing else', () => {
    expect(brief(report)).toEqual(SAMPLE_FINDINGS);
    const [initiative, grand] = report.findings;
    expect(initiative).toMatchObject({ at: { row: 49, col: 11 }, column: 'F', rowKind: 'sectionTotal', closes: 'initiative' });
    expect(initiative.expected).toBe(128000000);
    expect(initiative.actual).toBe(96000000);
    expect(views(report)[0].message).toBe(
      'Sous-total initiatives (ligne 50)\u00a0: F affiché 960\u202f000,00\u00a0€, somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart -320\u202f000,00\u00a0€. Corrigez F en 1\u202f280\u202f000,00\u00a0€ ou vérifiez les lignes 46 à 49.',
    );
    expect(grand).toMatchObject({ at: { row: 50, col: 11 }, column: 'F', rowKind: 'grandTotal' });
    expect(grand.expected).toBe(1341411600);
    expect(grand.actual).toBe(1309411600);
    expect(report.fills).toEqual([]);
    expect(report.notices).toEqual([]);
  });

  it('speaks English when asked', () => {
    const en = analyzeSpec(sampleSpec(), {}, 'en').views;
    expect(en[0].message).toBe('Initiatives subtotal (row 50): F shows €960,000.00, sum of the rows €1,280,000.00 — gap -€320,000.00. Correct F to €1,280,000.00 or check rows 46 to 49.');
  });
});

describe('layouts people use', () => {
  it.each([
    ['the table far from A1', { origin: { row: 30, col: 6 } }],
    ['letters at the start of the labels', { letters: 'inline' as const }],
    ['no letters at all', { letters: 'none' as const }],
    ['codes repeated on every row', { themeCells: 'everyRow' as const }],
    ['total labels not merged', { mergeTotalLabels: false }],
    ['amounts in the accounting format', { numFmt: ACCOUNTING_EUR }],
    ['columns in another order', { columns: ['fiche', 'title', 'theme', 'imputation', 'F', 'E', 'D', 'valorisation', 'C', 'B', 'A'] as never }],
  ])('%s: the same two findings, at the moved cells', (_name, options) => {
    const { report, colOf, rowOf } = analyzeSpec(sampleSpec(), options);
    const spec = sampleSpec();
    const init = findTotal(spec, 'initiativeSubtotal').bodyIndex;
    const grand = findTotal(spec, 'grandTotal').bodyIndex;
    const f = colOf.F!;
    expect(brief(report)).toEqual([
      `SECTION_TOTAL@${columnLetters(f)}${rowOf[init][0] + 1}`,
      `ROW_TOTAL@${columnLetters(f)}${rowOf[grand][0] + 1}`,
    ]);
  });

  it('reads a next year annex (labels with 2024 and 2023)', () => {
    const spec = { ...sampleSpec(), year: 2024 };
    expect(brief(analyzeSpec(spec).report)).toEqual(SAMPLE_FINDINGS);
  });

  it('reads amounts typed as text in the French way', () => {
    const spec = sampleSpec();
    const { action } = findAction(spec, 'Accompagnement socio-professionnel');
    action.amounts = {
      A: { text: '1 362 035,00 €' },
      B: { text: '-  €' },
      C: { text: '1\u00A0362\u00A0035,00\u00A0€' },
      valorisation: { text: '1.362.035,00' },
      D: { text: '0' },
      E: null,
      F: { text: '2\u202F724\u202F070 €' },
    };
    expect(brief(analyzeSpec(spec).report)).toEqual(SAMPLE_FINDINGS);
  });

  it('works on a grid whose origin is not A1 (an Office used range)', () => {
    const { grid } = layoutAnnex(sampleSpec());
    const shifted = { ...grid, origin: { row: 0, col: 0 } };
    // Drop the empty first column: the used range starts at B1.
    const cropped = { ...shifted, origin: { row: 0, col: 1 }, rows: grid.rows.map((r) => (r ? r.slice(1) : r)), merges: grid.merges.map((m) => ({ ...m, left: m.left - 1, right: m.right - 1 })) };
    const report = analyzeSheet(cropped);
    expect(brief(report)).toEqual(SAMPLE_FINDINGS);
    expect(report.origin).toEqual({ row: 0, col: 1 });
    expect(cellName(report.findings[0].at)).toBe('L50');
  });
});

describe('rules on crafted variants', () => {
  it('a mistyped theme subtotal: reported there, and at the socle naming it', () => {
    const spec = sampleSpec();
    const sub = findTotal(spec, 'subtotal', 5).total; // Garantie d'activité + mobilité
    sub.amounts!.A = '5600000';
    const { report, views } = analyzeSpec(spec);
    expect(brief(report)).toEqual(['SUBTOTAL@F39', 'SECTION_TOTAL@F45', ...SAMPLE_FINDINGS]);
    const socle = views[1];
    expect(socle.message).toContain('somme des sous-totaux');
    expect(socle.message).toContain('En cause\u00a0: F39');
    expect(socle.message).toContain('égal à la somme des lignes');
  });

  it('a mistyped action amount: reported at that cell, and at its subtotal naming it', () => {
    const spec = sampleSpec();
    findAction(spec, 'Premières Heures').action.amounts.A = '110000';
    const { report, views } = analyzeSpec(spec);
    expect(brief(report)).toEqual(['ROW_TOTAL@F28', 'SUBTOTAL@F39', ...SAMPLE_FINDINGS]);
    const [row] = report.findings;
    expect(row.expected).toBe(10000000);
    expect(row.actual).toBe(11000000);
    expect(views[1].message).toContain('En cause\u00a0: F28');
  });

  it('A ≠ C on an action row whose F is right', () => {
    const spec = sampleSpec();
    // The département pays less; F follows.
    findAction(spec, 'Premières Heures').action.amounts = { A: '100000', B: '0', C: '80000', valorisation: '80000', D: '0', E: '0', F: '180000' };
    const sub = findTotal(spec, 'subtotal', 5).total;
    sub.amounts = { ...sub.amounts, C: '5657535', valorisation: '5657535', F: '11335070' };
    const socle = findTotal(spec, 'socleSubtotal').total;
    socle.amounts = { ...socle.amounts, C: '6047058', valorisation: '6047058', F: '12114116' };
    const grand = findTotal(spec, 'grandTotal').total;
    grand.amounts = { ...grand.amounts, C: '6687058', F: '13074116' };
    const aNeqC = analyzeSpec(spec).views.filter((f) => f.rule === 'A_NEQ_C');
    expect(aNeqC.map((f) => f.cell)).toEqual(['H28']);
    expect(aNeqC[0].message).toBe(
      "«\u00a0Premières Heures\u00a0» (ligne 28)\u00a0: cofinancement 50/50 non respecté, part État (A) 100\u202f000,00\u00a0€, part département (C) 80\u202f000,00\u00a0€ — écart -20\u202f000,00\u00a0€. Reportez en C le montant de A (50/50) ou justifiez l’écart.",
    );
  });

  it('dont valorisation above C', () => {
    const spec = sampleSpec();
    findAction(spec, 'Projets innovants').action.amounts.valorisation = '300000';
    const { report } = analyzeSpec(spec);
    expect(brief(report)).toContain('VALORISATION_EXCEEDS_C@I32');
  });

  it('an unreadable cell is reported once, and the sums that depend on it are not', () => {
    const spec = sampleSpec();
    findAction(spec, 'Premières Heures').action.amounts.A = { error: '#REF!' };
    findAction(spec, 'Coup de pouce').action.amounts.F = { text: 'voir fiche' };
    findAction(spec, 'Projets innovants').action.amounts.C = { date: '2023-06-12' };
    const { report, views } = analyzeSpec(spec);
    expect(brief(report)).toEqual(['UNREADABLE_AMOUNT@F28', 'UNREADABLE_AMOUNT@L31', 'UNREADABLE_AMOUNT@H32', ...SAMPLE_FINDINGS]);
    expect(views[0].message).toContain('«\u00a0#REF!\u00a0» est une valeur d’erreur Excel');
    expect(views[1].message).toContain('«\u00a0voir fiche\u00a0» est du texte');
    expect(views[2].message).toContain('une date');
  });

  it('codes written on the first row of each block only: the other rows are missing, filled from their block', () => {
    const { report, views } = analyzeSpec(sampleSpec(), { themeCells: 'firstRow' });
    const missing = views.filter((f) => f.rule === 'MISSING_IMPUTATION');
    // Garantie 11 rows + mobilité 4 + initiatives 3 carry money without a code of their own.
    expect(missing).toHaveLength(18);
    expect(report.fills).toHaveLength(18);
    expect(new Set(report.fills.map((f) => f.source))).toEqual(new Set(['block']));
    const dynamisation = report.fills.find((f) => f.cell === 'C23');
    expect(dynamisation?.code).toBe('0304 50 19 19 07 - Garantie d’activité et insertion des BRSA');
    expect(report.fills.find((f) => f.cell === 'C47')?.code).toBe('0304 50 19 19 10 - Initiatives locales');
    expect(missing[0].message).toContain('imputation Chorus manquante, à compléter');
    expect(missing[0].message).toContain('Complétez C23 avec ce code.');
    expect(missing[0].message).toContain('repris du bloc');
  });

  it('a block with no code at all: inferred from the theme label when one code fits, proposed when not', () => {
    const spec = sampleSpec();
    const formation = findAction(spec, 'Formation des référents').block;
    formation.imputation = null;
    const accueil = findAction(spec, 'Vers une meilleure collaboration').block;
    accueil.imputation = null;
    accueil.theme = 'Thème inconnu du modèle';
    const { report, views } = analyzeSpec(spec);
    const formationFill = report.fills.find((f) => f.cell === 'C40');
    expect(formationFill).toMatchObject({ source: 'theme', code: '0304 50 19 19 02 - Formation travail social CD contract' });
    expect(report.fills.find((f) => f.cell === 'C13')).toBeUndefined();
    expect(report.proposals.find((p) => p.cell === 'C13')).toMatchObject({ reason: 'noTheme' });
    expect(views.find((f) => f.cell === 'C13')?.message).toContain('à saisir');
  });

  it('a theme that fits two codes is proposed, not filled', () => {
    const spec = sampleSpec();
    const accueil = findAction(spec, 'Vers une meilleure collaboration').block;
    accueil.imputation = null;
    accueil.theme = 'Maraudes mixtes et prévention spécialisée';
    const { report } = analyzeSpec(spec);
    expect(report.fills.find((f) => f.cell === 'C13')).toBeUndefined();
    expect(report.proposals.find((p) => p.cell === 'C13')?.candidates).toHaveLength(2);
  });

  it('a missing amount column is a notice, and the other checks still run', () => {
    const columns = ['theme', 'imputation', 'fiche', 'title', 'A', 'B', 'C', 'valorisation', 'D', 'F'];
    const { report } = analyzeSpec(sampleSpec(), { columns: columns as never });
    expect(report.notices.map((n) => n.code)).toEqual(['MISSING_COLUMN']);
    expect(noticeText(report.notices[0], 'fr')).toContain("E (Participation d’autres financeurs)");
    expect(brief(report)).toEqual(['SECTION_TOTAL@K50', 'ROW_TOTAL@K51']);
  });

  it('two annex tables on one sheet are checked one by one', () => {
    const one = layoutAnnex(sampleSpec()).grid;
    const two = layoutAnnex(sampleSpec(), { origin: { row: one.rows.length + 5, col: 1 } }).grid;
    const rows = [...one.rows];
    two.rows.forEach((r, i) => {
      if (r && i >= one.rows.length) rows[i] = r;
    });
    const grid = { ...one, rows, merges: [...one.merges, ...two.merges] };
    const report = analyzeSheet(grid);
    expect(report.tables).toHaveLength(2);
    expect(report.findings).toHaveLength(4);
    expect(report.notices.map((n) => n.code)).toEqual(['SEVERAL_TABLES']);
  });
});

describe('sheets that are not an annex', () => {
  it('an empty sheet', () => {
    const report = analyzeSheet({ name: 'Feuil1', origin: { row: 0, col: 0 }, rows: [], merges: [] });
    expect(report.isAnnex).toBe(false);
    expect(problemText(report.problem!, 'fr')).toContain('Aucune annexe 9 trouvée dans la feuille «\u00a0Feuil1\u00a0»');
    expect(problemText(report.problem!, 'fr')).toContain('Participation État');
  });

  it('a budget sheet of another kind', () => {
    const rows = [
      [{ value: 'Poste' }, { value: 'Montant' }, { value: 'Commentaire' }],
      [{ value: 'Loyer' }, { value: 1200 }, { value: 'mensuel' }],
    ];
    expect(analyzeSheet({ name: 'Budget', origin: { row: 0, col: 0 }, rows, merges: [] }).isAnnex).toBe(false);
  });

  it('a workbook: the annex sheet is picked, a named sheet is used, a missing one is said', () => {
    const annex = layoutAnnex(sampleSpec()).grid;
    const other = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Rien' }]], merges: [] };
    const wb = { sheets: [other, { ...annex, name: 'Annexe 9 financière' }] };
    expect(analyzeWorkbook(wb).sheets.map((s) => s.sheet)).toEqual(['Annexe 9 financière']);
    expect(analyzeWorkbook(wb, { sheet: 'annexe 9 financière' }).sheets).toHaveLength(1);
    const error = (options: { sheet?: string }, book = wb) => problemText(analyzeWorkbook(book, options).problem!, 'fr');
    expect(error({ sheet: 'Annexe 10' })).toBe(
      "La feuille «\u00a0Annexe 10\u00a0» n’existe pas dans ce classeur (feuilles\u00a0: «\u00a0Notes\u00a0», «\u00a0Annexe 9 financière\u00a0»).",
    );
    expect(error({ sheet: 'Notes' })).toContain('Aucune annexe 9 trouvée dans la feuille «\u00a0Notes\u00a0»');
    expect(error({}, { sheets: [other] })).toContain('Aucune annexe 9 trouvée dans ce classeur');
  });
});

describe('template rows', () => {
  it('placeholders with no money are not counted as actions, with money they are', () => {
    const spec: AnnexSpec = sampleSpec();
    const placeholder = findAction(spec, 'le cas échéant').action;
    const amounts: SpecAmounts = { A: '1000', B: '0', C: '1000', valorisation: '0', D: '0', E: '0', F: '2000' };
    placeholder.amounts = amounts;
    const { report } = analyzeSpec(spec);
    expect(report.tables[0].stats.actions).toBe(24);
    // Its subtotal (the 2.x block) now misses 1 000 in A, C and F.
    expect(brief(report).filter((b) => b.startsWith('SUBTOTAL'))).toEqual(['SUBTOTAL@F15', 'SUBTOTAL@H15', 'SUBTOTAL@L15']);
  });
});
