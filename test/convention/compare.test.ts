/**
 * The annex against its convention, on plain data: the sample annex (the seed's table) against
 * the seed's text gives exactly article 3.1 ≠ article 2 and three codes off; fiches that agree
 * give nothing; crafted annexes give each fiche rule; typed amounts win over the document.
 */
import {
  ConventionFigures,
  annexFiguresFromReport,
  compareWithAnnex,
  conventionFindingMessage,
  conventionTextFromString,
  extractConvention,
  figuresFromExtraction,
  ficheNumberOf,
  findingSourceLines,
  titleSimilarity,
  withTypedCodes,
} from '../../src/domain/convention';
import { buildSummary } from '../../src/domain/summary';
import { analyzeSpec, findAction, sampleSpec } from '../../fixtures/sample';
import { AnnexSpec } from '../../fixtures/annex-layout';
import { cents, seedText } from './seed';

// Read before each test, not at load: Stryker ignores what runs outside a test.
let figures: ConventionFigures;
beforeEach(() => {
  figures = figuresFromExtraction(extractConvention(conventionTextFromString(seedText())), 'deliberation.txt');
});
const annexOf = (spec: AnnexSpec = sampleSpec()) => annexFiguresFromReport(analyzeSpec(spec).report);
const compact = (c: ReturnType<typeof compareWithAnnex>) =>
  c.findings.map((f) => [f.rule, f.code ?? f.fiche?.number ?? f.actual.annex?.row ?? null, f.actual.cents === null ? null : f.actual.cents / 100, f.expected.cents === null ? null : f.expected.cents / 100, f.difference === null ? null : f.difference / 100]);

describe('the sample annex against the seed', () => {
  // Built before each test, not in the describe body: Stryker ignores what runs outside a test.
  let report: ReturnType<typeof analyzeSpec>['report'];
  let annex: ReturnType<typeof annexFiguresFromReport>;
  let comparison: ReturnType<typeof compareWithAnnex>;
  beforeEach(() => {
    report = analyzeSpec(sampleSpec()).report;
    annex = annexFiguresFromReport(report);
    comparison = compareWithAnnex(figures, annex);
  });

  it('adds up column A per Chorus code exactly as the summary sheet does', () => {
    const summary = buildSummary(report, { workbook: 'x.xlsx', generatedAt: new Date(0) });
    expect(annex.codes.map((c) => [c.code, c.cents])).toEqual(summary.tables[0].codes.map((c) => [c.code, c.figures.amounts.A]));
    expect(annex.totalA).toEqual({ cents: cents(6707058), cell: 'F51', printed: true, unreadable: false });
  });

  it('reports exactly article 3.1 against article 2 (+279 523 €) and codes 03, 04 and 07; 02 and 10 agree', () => {
    expect(compact(comparison)).toEqual([
      ['CONVENTION_SPLIT', null, 6986581, 6707058, 279523],
      ['CONVENTION_CODE', '0304 50 19 19 03', 300000, 110000, 190000],
      ['CONVENTION_CODE', '0304 50 19 19 04', 0, 80000, -80000],
      ['CONVENTION_CODE', '0304 50 19 19 07', 5677535, 6067058, -389523],
    ]);
    expect(comparison.compared).toEqual({ split: true, total: true, codes: true, fiches: true });
  });

  it('says where each figure comes from: cells of the annex, lines and sentences of the convention', () => {
    const code03 = comparison.findings[1];
    expect(code03.actual.annex).toMatchObject({ sheet: 'Annexe 9', cell: 'F13', cells: ['F13', 'F14'] });
    expect(conventionFindingMessage(code03, 'fr')).toBe(
      "Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ (F13, F14), article 3.1 de la convention 110\u202f000,00\u00a0€ (lignes 417 à 421) — écart +190\u202f000,00\u00a0€.",
    );
    expect(conventionFindingMessage(code03, 'en')).toBe(
      'Code 0304 50 19 19 03: annex column A €300,000.00 (F13, F14), article 3.1 of the convention €110,000.00 (lines 417–421) — gap +€190,000.00.',
    );
    const split = comparison.findings[0];
    expect(conventionFindingMessage(split, 'fr')).toBe(
      "La convention se contredit\u00a0: les montants par code activité de l’article 3.1 (lignes 417 à 421, lignes 423 à 427, lignes 429 à 433, lignes 435 à 439, lignes 442 à 450) totalisent 6\u202f986\u202f581,00\u00a0€, l’article 2 (ligne 358) annonce 6\u202f707\u202f058,00\u00a0€ de soutien de l’État — écart +279\u202f523,00\u00a0€.",
    );
    const quotes = findingSourceLines(split, 'fr');
    expect(quotes).toHaveLength(6);
    expect(quotes[0]).toBe("ligne 358\u00a0: «\u00a0Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.\u00a0»");
    expect(quotes[5]).toMatch(/^lignes 442 à 450\u00a0: “La subvention d'un montant de 640 000 euros est imputée/);
  });

  it('matches the 23 fiches with their rows (none by the template numbers 2.1, 5.1…) and finds no fiche disagreement', () => {
    expect(comparison.matches.every((m) => m.row !== null)).toBe(true);
    const shown = comparison.matches.map((m) => [figures.fiches[m.fiche].number, m.rowNumber, m.method]);
    expect(shown.filter(([, , method]) => method !== 'title')).toEqual([
      [4, 22, 'similarTitle'],
      [5, 24, 'similarTitle'],
      [8, 29, 'similarTitle'],
      [15, 38, 'similarTitle'],
    ]);
    // Fiche 16 is the annex's « 2.1 », fiche 1 its « 5.2 »: matched by title, not by those numbers.
    expect(shown.find(([n]) => n === 16)).toEqual([16, 13, 'title']);
    expect(shown.find(([n]) => n === 1)).toEqual([1, 23, 'title']);
    expect(comparison.findings.filter((f) => f.rule.startsWith('FICHE') || f.rule === 'ROW_WITHOUT_FICHE')).toEqual([]);
  });
});

describe('fiche rules on crafted annexes', () => {
  it('FICHE_BUDGET and FICHE_STATE_SHARE: both figures, the gap, the cell and how the row was matched', () => {
    const spec = sampleSpec();
    const { action } = findAction(spec, 'Premières Heures');
    action.amounts = { ...action.amounts, A: '120000.00', C: '120000.00', F: '240000.00' };
    const c = compareWithAnnex(figures, annexOf(spec));
    const fiche = c.findings.filter((f) => f.rule.startsWith('FICHE'));
    expect(compact({ ...c, findings: fiche })).toEqual([
      ['FICHE_BUDGET', 7, 240000, 200000, 40000],
      ['FICHE_STATE_SHARE', 7, 120000, 100000, 20000],
    ]);
    expect(conventionFindingMessage(fiche[0], 'fr')).toBe(
      'Fiche action 7 «\u00a0Premières heures\u00a0»\u00a0: budget estimé 200\u202f000,00\u00a0€ (lignes 4190 à 4192), F de la ligne 28 «\u00a0Premières Heures\u00a0» 240\u202f000,00\u00a0€ (L28, appariée par intitulé) — écart +40\u202f000,00\u00a0€.',
    );
    expect(findingSourceLines(fiche[1], 'fr')).toEqual(['lignes 4190 à 4192\u00a0: «\u00a02023 : 200 000 € au total dont participation État de 100 000 €\u00a0»']);
  });

  it('FICHE_UNMATCHED and ROW_WITHOUT_FICHE: a fiche with no row, a row with money and no fiche', () => {
    const spec = sampleSpec();
    findAction(spec, 'Projets innovants').action.title = 'Chantiers éducatifs';
    const c = compareWithAnnex(figures, annexOf(spec));
    expect(compact(c).filter(([rule]) => rule === 'FICHE_UNMATCHED' || rule === 'ROW_WITHOUT_FICHE')).toEqual([
      ['FICHE_UNMATCHED', 11, null, 455000, null],
      ['ROW_WITHOUT_FICHE', 32, 227500, null, null],
    ]);
    const [unmatched, row] = c.findings.filter((f) => f.rule === 'FICHE_UNMATCHED' || f.rule === 'ROW_WITHOUT_FICHE');
    expect(conventionFindingMessage(unmatched, 'fr')).toBe(
      "Fiche action 11 «\u00a0Projets innovants\u00a0» (budget 455\u202f000,00\u00a0€, lignes 5410 à 5412)\u00a0: aucune ligne de l’annexe ne lui correspond, ni par numéro ni par intitulé.",
    );
    expect(conventionFindingMessage(row, 'fr')).toBe(
      'Ligne 32 «\u00a0Chantiers éducatifs\u00a0» (A 227\u202f500,00\u00a0€)\u00a0: aucune fiche action de la convention ne lui correspond, ni par numéro ni par intitulé.',
    );
  });

  it('matches by fiche number when the annex writes it (5, « Action 5 »), whatever the title', () => {
    const spec = sampleSpec();
    const { action } = findAction(spec, 'Projets innovants');
    action.title = 'Chantiers éducatifs';
    action.fiche = '11';
    const c = compareWithAnnex(figures, annexOf(spec));
    expect(c.matches.find((m) => figures.fiches[m.fiche].number === 11)).toMatchObject({ rowNumber: 32, method: 'number' });
    expect(c.findings.filter((f) => f.rule.startsWith('FICHE') || f.rule === 'ROW_WITHOUT_FICHE')).toEqual([]);
    expect([ficheNumberOf('5'), ficheNumberOf('Action 5'), ficheNumberOf('FA n°5'), ficheNumberOf('2.1'), ficheNumberOf('5.2'), ficheNumberOf(null)]).toEqual([5, 5, 5, null, null, null]);
  });

  it('does not choose between two rows that match a fiche equally well', () => {
    const spec = sampleSpec();
    findAction(spec, 'Coup de pouce').action.title = 'Projets innovants';
    const c = compareWithAnnex(figures, annexOf(spec));
    const f11 = c.findings.find((f) => f.rule === 'FICHE_UNMATCHED' && f.fiche?.number === 11)!;
    expect(f11.match?.ambiguousRows).toEqual([31, 32]);
    expect(conventionFindingMessage(f11, 'fr')).toContain('plusieurs lignes lui ressemblent autant (lignes 31, 32)\u00a0: aucune n’est choisie');
  });

  it('titles: words, plurals and acronyms spelt out by the other title', () => {
    expect(titleSimilarity('Développement des GEIQ', 'Développement des Groupements Employeurs Insertion Qualifications dans le Pas de Calais').containment).toBe(1);
    expect(titleSimilarity("Pacte d'ambition IAE", "Pacte Ambition pour l'Insertion par l'Activité Économique").dice).toBe(1);
    expect(titleSimilarity('Accompagnement global', 'Accompagnement dans l’emploi').containment).toBe(0.5);
  });
});

describe('the convention’s codes and total against the annex', () => {
  it('a code of the convention the annex does not use, and an unknown one, are disagreements with no cell', () => {
    const text = [
      "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 757 058 €.",
      "La subvention d'un montant de 50 000 € est imputée sur les crédits (code activité : 030450191905).",
    ].join('\n');
    const own = figuresFromExtraction(extractConvention(conventionTextFromString(text)), null);
    const c = compareWithAnnex(own, annexOf());
    expect(compact(c)).toEqual([
      ['CONVENTION_SPLIT', null, 50000, 6757058, -6707058],
      ['CONVENTION_TOTAL', null, 6707058, 6757058, -50000],
      // Every code the annex pays on is absent from this article 3.1.
      ['CONVENTION_CODE', '0304 50 19 19 02', 89523, null, 89523],
      ['CONVENTION_CODE', '0304 50 19 19 03', 300000, null, 300000],
      ['CONVENTION_CODE', '0304 50 19 19 05', 0, 50000, -50000],
      ['CONVENTION_CODE', '0304 50 19 19 07', 5677535, null, 5677535],
      ['CONVENTION_CODE', '0304 50 19 19 10', 640000, null, 640000],
    ]);
    const total = c.findings[1];
    expect(conventionFindingMessage(total, 'fr')).toBe(
      "Total de la colonne A de l’annexe (TOTAUX FINANCIERS, F51) 6\u202f707\u202f058,00\u00a0€, soutien financier de l’État selon l’article 2 de la convention (ligne 1) 6\u202f757\u202f058,00\u00a0€ — écart -50\u202f000,00\u00a0€.",
    );
    const unknown = compareWithAnnex(
      figuresFromExtraction(extractConvention(conventionTextFromString("La subvention d'un montant de 1 000 € est imputée (code activité : 030450191908).")), null),
      annexOf(),
    ).findings.find((f) => f.code === '0304 50 19 19 08')!;
    expect(unknown.actual.annex?.cell).toBeNull();
    expect(conventionFindingMessage(unknown, 'fr')).toBe(
      "Imputation 0304 50 19 19 08\u00a0: aucune ligne de l’annexe sur ce code (0,00\u00a0€), article 3.1 de la convention 1\u202f000,00\u00a0€ (ligne 1) — écart -1\u202f000,00\u00a0€.",
    );
  });

  it('amounts typed by hand win over the document for their codes, and say so', () => {
    const typed = withTypedCodes(figures, [{ code: '0304 50 19 19 03', cents: cents(300000) }]);
    const c = compareWithAnnex(typed, annexOf());
    expect(compact(c).map(([rule, key, , , gap]) => [rule, key, gap])).toEqual([
      ['CONVENTION_SPLIT', null, 469523],
      ['CONVENTION_CODE', '0304 50 19 19 04', -80000],
      ['CONVENTION_CODE', '0304 50 19 19 07', -389523],
    ]);
    expect(typed.codes.find((x) => x.code.endsWith('03'))!.sources).toEqual([{ kind: 'typed', replaces: figures.codes[0].sources[0].kind === 'document' ? figures.codes[0].sources[0].ref : undefined }]);
  });

  it('amounts typed alone are compared for their codes only', () => {
    const onlyTyped: ConventionFigures = withTypedCodes({ document: null, unit: 'line', year: null, stateTotal: null, codes: [], fiches: [] }, [{ code: '0304 50 19 19 03', cents: cents(110000) }]);
    const c = compareWithAnnex(onlyTyped, annexOf());
    expect(compact(c)).toEqual([['CONVENTION_CODE', '0304 50 19 19 03', 300000, 110000, 190000]]);
    expect(conventionFindingMessage(c.findings[0], 'fr')).toBe(
      "Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ (F13, F14), montant notifié saisi 110\u202f000,00\u00a0€ — écart +190\u202f000,00\u00a0€.",
    );
    expect(c.compared).toEqual({ split: false, total: false, codes: true, fiches: false });
  });
});
