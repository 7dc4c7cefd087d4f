/**
 * Planned against spent: the sample annex as the plan, an execution table made from it in the test
 * with under-spending on two Chorus codes (03 and 07) and over-spending on a third (10). Every
 * figure below is worked out by hand, to the cent, in the comments.
 */
import { plannedSpent } from '../../src/domain/compare/execution';
import { renderComparison } from '../../src/domain/compare/render';
import { comparisonJson } from '../../src/domain/compare/json';
import { AnnexSpec } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';
import { block, compareSpecs, shiftTotals } from './helpers';

const C03 = '0304 50 19 19 03';
const C07 = '0304 50 19 19 07';
const C10 = '0304 50 19 19 10';

/** The execution table: the plan with what was actually spent. */
function executionSpec(): AnnexSpec {
  const spec = sampleSpec();
  spec.titleRows[2] = 'Exécution Année 2023';
  // Code 03, fiche 2.1: planned A 300 000 / C 300 000; spent A 200 000,01, C 200 000,00.
  const accueil = block(spec, 'Refonder et revaloriser le travail social au service de toutes les familles – Premier');
  Object.assign(accueil.actions[0].amounts, { A: '200000.01', C: '200000.00', valorisation: '200000.00', F: '400000.01' });
  shiftTotals(spec, accueil, { A: '-99999.99', C: '-100000.00', valorisation: '-100000.00', F: '-199999.99' });
  // Code 07: 5.1 planned 600 000 / 600 000, spent 550 000,00 / 549 999,99;
  // « Premières Heures » planned 100 000 / 100 000, spent 75 000,50 / 75 000,50.
  const garantie = block(spec, 'Insertion des allocataires du RSA – Garantie');
  Object.assign(garantie.actions[0].amounts, { A: '550000.00', C: '549999.99', valorisation: '549999.99', F: '1099999.99' });
  Object.assign(garantie.actions.find((a) => a.title === 'Premières Heures')!.amounts, { A: '75000.50', C: '75000.50', valorisation: '75000.50', F: '150001.00' });
  shiftTotals(spec, garantie, { A: '-74999.50', C: '-74999.51', valorisation: '-74999.51', F: '-149999.01' });
  // Code 10: « Guichet unique Logement des jeunes » planned 160 000 / 160 000, spent 170 000 / 170 000.
  const init = block(spec, "Engagements à l'initiative");
  Object.assign(init.actions.find((a) => a.title.startsWith('Guichet unique'))!.amounts, { A: '170000.00', C: '170000.00', valorisation: '170000.00', F: '340000.00' });
  shiftTotals(spec, init, { A: '10000.00', C: '10000.00', valorisation: '10000.00', F: '20000.00' });
  return spec;
}

describe('planned against spent (--execution)', () => {
  it('is recognised from the execution table\'s title, and says how', () => {
    const r = compareSpecs(sampleSpec(), executionSpec());
    expect(r.mode).toBe('execution');
    expect(r.modeSource).toBe('recognised');
    expect(r.recognition.new.evidence).toEqual({ where: 'title', text: 'Exécution Année 2023', marker: 'execution' });
    expect(r.recognition.old.execution).toBe(false); // « Prévisionnel Année 2023 »
    // Forced either way by the user.
    expect(compareSpecs(sampleSpec(), executionSpec(), { mode: 'versions' }).mode).toBe('versions');
    expect(compareSpecs(sampleSpec(), sampleSpec(), { mode: 'execution' }).mode).toBe('execution');
  });

  it('gives per code the State share spent and the amount that may be recovered, exact to the cent', () => {
    const r = compareSpecs(sampleSpec(), executionSpec(), { notified: [{ code: C07, amount: 606705800 }] });
    const x = r.execution!;
    const code = (c: string) => x.codes.find((l) => l.code === c)!;

    // 03: S = 200 000,01 + 200 000,00 = 400 000,01; r = 300 000 / 600 000;
    //     P = 200 000,005 → 200 000,01 (half up); V = A planned 300 000; R = 99 999,99.
    expect(code(C03)).toMatchObject({
      coFinancedSpent: 40000001,
      stateRate: { num: 30000000, den: 60000000, source: 'plan' },
      stateShareSpent: 20000001,
      paid: 30000000,
      paidSource: 'planned',
      balance: 9999999,
      reversement: 9999999,
      rate: '0.6667', // 400 000,01 / 600 000
    });
    // 07: S = 11 355 070 − 1 200 000 + 1 099 999,99 − 200 000 + 150 001 = 11 205 070,99;
    //     r = 5 677 535 / 11 355 070; P = 5 602 535,495 → 5 602 535,50;
    //     V = notified 6 067 058 (art. 3.1); R = 464 522,50.
    expect(code(C07)).toMatchObject({ coFinancedSpent: 1120507099, stateShareSpent: 560253550, paid: 606705800, paidSource: 'notified', reversement: 46452250 });
    // 10: S = 1 300 000, P = 650 000 > V = 640 000: nothing to recover, balance −10 000.
    expect(code(C10)).toMatchObject({ stateShareSpent: 65000000, paid: 64000000, balance: -1000000, reversement: 0 });
    // 02, spent as planned: nothing either.
    expect(code('0304 50 19 19 02')).toMatchObject({ stateShareSpent: 8952300, paid: 8952300, reversement: 0 });
    expect(x.counts.codesWithReversement).toBe(2);

    // Total: ΣV = 89 523 + 300 000 + 6 067 058 + 640 000 = 7 096 581;
    //        ΣP = 89 523 + 200 000,01 + 5 602 535,50 + 650 000 = 6 542 058,51;
    //        R = 554 522,49 overall; by code 99 999,99 + 464 522,50 = 564 522,49.
    expect(x.total).toMatchObject({ paid: 709658100, stateShareSpent: 654205851, balance: 55452249, reversement: 55452249, reversementByCode: 56452249 });
    expect(r.identical).toBe(false);
  });

  it('without notified amounts, the State paid what the plan says (A)', () => {
    const x = compareSpecs(sampleSpec(), executionSpec()).execution!;
    // 07: V = 5 677 535; R = 5 677 535 − 5 602 535,50 = 74 999,50.
    expect(x.codes.find((l) => l.code === C07)).toMatchObject({ paid: 567753500, paidSource: 'planned', reversement: 7499950 });
    // ΣV = 6 707 058; ΣP = 6 542 058,51; R = 164 999,49; by code 99 999,99 + 74 999,50 = 174 999,49.
    expect(x.total).toMatchObject({ paid: 670705800, reversement: 16499949, reversementByCode: 17499949 });
  });

  it('pairs the actions and lists those whose spending differs from the plan', () => {
    const x = compareSpecs(sampleSpec(), executionSpec()).execution!;
    const differing = x.actions.filter((a) => a.differs).map((a) => a.execution!.title);
    expect(differing).toEqual([
      "Vers une meilleure collaboration sur les territoires des acteurs de l'accueil social",
      'Accompagnement global',
      'Premières Heures',
      'Guichet unique Logement des jeunes',
    ]);
    const heures = x.actions.find((a) => a.execution?.title === 'Premières Heures')!;
    // S = 150 001,00, r = ½ (100 000 / 200 000), P = 75 000,50; rate 150 001 / 200 000.
    expect(heures).toMatchObject({ coFinancedSpent: 15000100, stateShareSpent: 7500050, rate: '0.7500' });
  });

  it('reports the findings the execution table has and the plan has not (A ≠ C on two rows, marked on C)', () => {
    const r = compareSpecs(sampleSpec(), executionSpec());
    expect(r.findings.map((f) => `${f.status}:${f.rule}@${f.cell}`)).toEqual(['appeared:A_NEQ_C@H13', 'appeared:A_NEQ_C@H22']);
  });

  it('the State rate is the plan\'s A/(A+C), ½ when the plan has neither; the share rounds half up', () => {
    // A planned 89 523, C planned 79 523: S = 150 000 → 150 000 × 89 523 / 169 046 = 79 436,662… → 79 436,66.
    const p = plannedSpent({ A: 8952300, C: 7952300, F: 16904600 }, { A: 8000000, C: 7000000, F: 15000000 }, ['A', 'C', 'F']);
    expect(p).toMatchObject({ coFinancedSpent: 15000000, stateRate: { num: 8952300, den: 16904600, source: 'plan' }, stateShareSpent: 7943666, rate: '0.8873' });
    // Spent on an action the plan did not have: the convention's 50/50. 0,03 € × ½ = 0,015 → 0,02.
    expect(plannedSpent(null, { A: 2, C: 1, F: 3 }, ['A', 'C', 'F'])).toMatchObject({ stateRate: { num: 1, den: 2, source: 'convention' }, stateShareSpent: 2, rate: null });
    // A cell that cannot be read: no share, no guess.
    expect(plannedSpent({ A: 100, C: 100, F: 200 }, { A: null, C: 100, F: 200 }, ['A', 'C', 'F']).stateShareSpent).toBeNull();
  });

  it('writes the formula out in French and English, and the figures in the JSON as decimal strings', () => {
    const r = compareSpecs(sampleSpec(), executionSpec(), { notified: [{ code: C07, amount: 606705800 }] });
    const fr = renderComparison(r, { lang: 'fr' });
    expect(fr).toContain("Estimation à confirmer par l’ordonnateur");
    expect(fr).toContain('part État des dépenses\u00a0: 400\u202f000,01\u00a0€ × 300\u202f000,00\u00a0€ / 600\u202f000,00\u00a0€ = 200\u202f000,01\u00a0€');
    expect(fr).toContain('montant susceptible de reversement (art. 5)\u00a0: 99\u202f999,99\u00a0€');
    expect(fr).toContain('montant susceptible de reversement (art. 5)\u00a0: 464\u202f522,50\u00a0€');
    expect(fr).toContain("montant susceptible de reversement (art. 5), sur l’ensemble\u00a0: 554\u202f522,49\u00a0€");
    expect(fr).toContain('somme des montants par imputation, sans compensation\u00a0: 564\u202f522,49\u00a0€');
    expect(fr).toContain("versé par l’État\u00a0: 6\u202f067\u202f058,00\u00a0€ (montant notifié)");
    const en = renderComparison(r, { lang: 'en' });
    expect(en).toContain('amount that may be recovered (art. 5): €99,999.99');
    const json = comparisonJson(r);
    const c03 = json.execution!.codes.find((c) => c.code === C03)!;
    expect(c03).toMatchObject({ stateShareSpent: '200000.01', paid: '300000', reversement: '99999.99', paidSource: 'planned', rate: '0.6667', name: '1er accueil social inconditionnel' });
    expect(json.execution!.total).toMatchObject({ reversement: '554522.49', reversementByCode: '564522.49', paid: '7096581' });
  });
});
