/**
 * The « Comparaison annexe 9 » sheet of the plan against its execution table, every row whole,
 * typed by hand from the scene (scenes.ts): per code S, r, P, V and R, the total, the per-code sum,
 * the formula, per measure and per action; spent amounts that differ from the plan yellow, an
 * amount that may be recovered orange, an action spent and not planned green.
 */
import { CompareRow, CompareSlot, planComparisonSheet } from '../../../src/domain/compare/sheetPlan';
import { ACCUEIL, INSERTION, SANS_LIGNE, planAndSpent, templatesSpent, unreadableSpent } from './scenes';

const W = 17;
const t = (text: string): CompareSlot => ({ cell: { kind: 'text', text } });
const m = (cents: number, fill?: string): CompareSlot => (fill ? { cell: { kind: 'amount', cents }, fill } : { cell: { kind: 'amount', cents } });
const y = (cents: number) => m(cents, '#FFE699');
const o = (cents: number) => m(cents, '#F8CBAD');
const n = (value: number): CompareSlot => ({ cell: { kind: 'count', value } });
const r = (value: string): CompareSlot => ({ cell: { kind: 'rate', value } });
const pad = (cells: Array<CompareSlot | null>) => [...cells, ...new Array(W - cells.length).fill(null)];
const line = (cells: Array<CompareSlot | null>, extra: Partial<CompareRow> = {}): CompareRow => ({ style: 'line', cells: pad(cells), bold: false, italic: false, ...extra });
const blank = () => line([]);
const section = (text: string): CompareRow => ({ style: 'section', cells: pad([t(text)]), bold: true, italic: false, fill: '#DDEBF7' });
const note = (text: string): CompareRow => ({ style: 'note', cells: pad([t(text)]), bold: false, italic: true });
const wrap = { wrap: true };

describe('the comparison sheet of planned against spent', () => {
  it('in French, every row', () => {
    const plan = planComparisonSheet(planAndSpent());
    expect(plan.rows).toEqual([
      { style: 'title', cells: pad([t('Prévu et réalisé — annexe 9 et tableau d’exécution')]), bold: true, italic: false },
      { style: 'info', cells: pad([t('Prévisionnel\u00a0: annexe.xlsx — feuille «\u00a0Annexe 9\u00a0», tableau en B5')]), bold: false, italic: false },
      { style: 'info', cells: pad([t('Exécution\u00a0: execution.xlsx — feuille «\u00a0Feuil1\u00a0», tableau en B5')]), bold: false, italic: false },
      {
        style: 'header',
        cells: [
          'Élément', 'Imputation', 'Ligne (prévu)', 'Ligne (exécution)', 'Prévu — État', 'Prévu — CD', 'Prévu — total', 'Réalisé — État', 'Réalisé — CD', 'Réalisé — total',
          'Taux de réalisation', 'Dépense cofinancée S (État + CD réalisés)', 'Taux État r (prévu)', 'Part État des dépenses P = S × r', 'Versé par l’État V', 'Source de V',
          'Susceptible de reversement (art. 5) V − P',
        ].map(t),
        bold: true,
        italic: false,
        fill: '#D9D9D9',
        wrap: true,
      },
      blank(),
      section('Par imputation Chorus'),
      line([t('0304 50 19 19 03 — 1er accueil social inconditionnel'), t(ACCUEIL), null, null, m(400000), m(400000), m(800000), y(350000), y(350000), y(700000), r('0.8750'), m(700000), r('0.5000'), m(350000), m(450000), t('montant notifié'), o(100000)], wrap),
      line([t('0304 50 19 19 07'), t(INSERTION), null, null, m(200000), m(100000), m(300000), y(210000), y(110001), y(320001), r('1.0667'), m(320001), r('0.6667'), m(213334), m(200000), t('A prévu'), m(0)], wrap),
      line([t('0304 50 19 19 09'), t(SANS_LIGNE), null, null, m(0), m(0), m(0), m(0), m(0), m(0), null, m(0), r('0.5000'), m(0), m(50000), t('montant notifié'), o(50000)], wrap),
      {
        style: 'total',
        // S of the whole table; P the sum of the codes' P; R = ΣV − ΣP = 7 000,00 − 5 633,34.
        cells: [t('Total de la convention (V − P sur l’ensemble)'), null, null, null, m(600000), m(500000), m(1100000), y(560000), y(460001), y(1020001), r('0.9273'), m(1020001), r('0.5455'), m(563334), m(700000), null, o(136666)],
        bold: true,
        italic: false,
        fill: '#F2F2F2',
        wrap: true,
      },
      line([t('Somme des montants par imputation (sans compensation entre imputations)'), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, m(150000)], { italic: true }),
      blank(),
      note('Estimation à confirmer par l’ordonnateur — comment elle est calculée, par imputation Chorus\u00a0:'),
      note('dépense cofinancée réalisée  S = A réalisé + C réalisé (crédits de la convention de l’année\u202f; reports B, D et autres financeurs E exclus)'),
      note('taux État                    r = A prévu / (A prévu + C prévu)   (50\u202f% si le prévu n’a ni A ni C\u00a0: règle 50/50 de la convention)'),
      note('part État des dépenses       P = S × r, arrondie au centime (au plus proche, la moitié vers le haut)'),
      note('versé par l’État             V = montant notifié (--notified), à défaut A prévu'),
      note('montant susceptible de reversement (art. 5) = V − P lorsqu’il est positif, sinon aucun'),
      note('Total\u00a0: ΣV − ΣP sur l’ensemble de la convention (art. 5), et à côté la somme des montants par imputation, sans compensation entre imputations.'),
      blank(),
      section('Par mesure (2)'),
      line([t('Accueil social [0304 50 19 19 03]'), t(ACCUEIL), n(9), n(7), m(400000), m(400000), m(800000), y(350000), y(350000), y(700000), r('0.8750'), m(700000), r('0.5000'), m(350000)], wrap),
      line([t('Insertion [0304 50 19 19 07]'), t(INSERTION), n(11), n(10), m(200000), m(100000), m(300000), y(210000), y(110001), y(320001), r('1.0667'), m(320001), r('0.6667'), m(213334)], wrap),
      blank(),
      section('Par action (3)'),
      line([t('Premier accueil'), t(ACCUEIL), n(7), n(7), m(300000), m(300000), m(600000), y(250000), y(250000), y(500000), r('0.8333'), m(500000), r('0.5000'), m(250000)], wrap),
      line([t('Ateliers'), t(INSERTION), n(10), n(10), m(200000), m(100000), m(300000), m(200000), y(100001), y(300001), r('1.0000'), m(300001), r('0.6667'), m(200001)], wrap),
      line([t('Mobilité'), t(INSERTION), null, n(11), m(0), m(0), m(0), y(10000), y(10000), y(20000), null, m(20000), r('0.5000'), m(10000)], { wrap: true, fill: '#C6EFCE' }),
      blank(),
      section('Anomalies apparues ou disparues (0)'),
      line([t('Les deux tableaux ont les mêmes anomalies.')]),
      blank(),
      note('Feuille produite par le contrôle de l’annexe 9 (annex9 compare)\u00a0: elle est remplacée à chaque nouvelle comparaison, n’y saisissez rien.'),
    ]);
    expect({ ...plan, rows: plan.rows.length }).toEqual({
      name: 'Comparaison annexe 9',
      rows: 33,
      widths: [48, 18, 10, 10, 15, 15, 16, 15, 15, 16, 11, 18, 10, 17, 16, 14, 18],
      frozenRows: 4,
      marker: { col: 51, token: 'annexe9-comparaison/v1', source: 'Annexe 9 → Feuil1' },
      print: { area: 'A1:Q33', titleRows: { first: 1, last: 4 } },
    });
  });

  it('in English; notices under the header; unreadable amounts as a word; a planned action not carried out red; with --all the unchanged ones', () => {
    const plan = planComparisonSheet(unreadableSpent(), { lang: 'en', showUnchanged: true });
    expect(plan.name).toBe('Annex 9 comparison');
    expect(plan.rows[3].cells.map((c) => (c!.cell as { text: string }).text)).toEqual([
      'Item', 'Code', 'Row (plan)', 'Row (execution)', 'Planned — State', 'Planned — CD', 'Planned — total', 'Spent — State', 'Spent — CD', 'Spent — total', 'Spending rate',
      'Co-financed spending S (State + CD spent)', 'State rate r (plan)', 'State share spent P = S × r', 'Paid by the State V', 'Source of V', 'May be recovered (art. 5) V − P',
    ]);
    const u = t('unreadable');
    expect(plan.rows.slice(0, 3).map((x) => x.cells[0])).toEqual([
      t('Planned against spent — annex 9 and its execution table'),
      t('Plan: sheet "Exécution 2022", table at B5'),
      t('Execution: sheet "Feuil2", table at B5'),
    ]);
    expect(plan.rows.slice(4, 14)).toEqual([
      note('The first table looks like an execution table ("Exécution 2022"): give the plan first and the execution table second.'),
      note('No column F in both tables: the spending rate is not computed.'),
      blank(),
      section('By Chorus code'),
      // No F: no planned or spent total, no rate.
      line([t('0304 50 19 19 03'), t(ACCUEIL), null, null, m(150000), m(150000), null, y(100000), u, null, null, u, r('0.5000'), u, m(150000), t('A planned'), u], wrap),
      line([t('0304 50 19 19 07'), t(INSERTION), null, null, m(20000), m(20000), null, m(20000), m(20000), null, null, m(40000), r('0.5000'), m(20000), m(20000), t('A planned'), m(0)], wrap),
      line([t('0304 50 19 19 08'), t('0304 50 19 19 08'), null, null, m(0), m(0), null, m(0), m(0), null, null, m(0), r('0.5000'), m(0), m(0), t('A planned'), m(0)], wrap),
      line([t('0304 50 19 19 09'), t(SANS_LIGNE), null, null, m(0), m(0), null, m(0), m(0), null, null, m(0), r('0.5000'), m(0), m(0), t('A planned'), m(0)], wrap),
      {
        style: 'total',
        cells: [t('Whole convention (V − P overall)'), null, null, null, m(170000), m(170000), null, y(120000), u, null, null, u, r('0.5000'), u, m(170000), null, u],
        bold: true,
        italic: false,
        fill: '#F2F2F2',
        wrap: true,
      },
      line([t('Sum of the per-code amounts (no offsetting between codes)'), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, u], { italic: true }),
    ]);
    const labels = plan.rows.slice(14).map((x) => (x.cells[0]?.cell.kind === 'text' ? x.cells[0].cell.text : ''));
    expect(labels.slice(8)).toEqual([
      '',
      'By measure (4)',
      'Accueil [0304 50 19 19 03]',
      'Vide [0304 50 19 19 09]',
      'Emploi [0304 50 19 19 07]',
      'Autre [0304 50 19 19 08]',
      '',
      'By action (5)',
      'Alpha',
      'Beta',
      'Intitulé de l’action n°1',
      'Gamma',
      'Intitulé de l’action n°1',
      '',
      'Findings new or gone (0)',
      'Both tables have the same findings.',
      '',
      'Sheet made by the annex 9 check (annex9 compare): it is replaced by each new comparison, do not type in it.',
    ]);
    const beta = plan.rows.find((x) => x.cells[0]?.cell.kind === 'text' && x.cells[0].cell.text === 'Beta')!;
    expect(beta).toEqual(line([t('Beta'), t(ACCUEIL), n(6), null, m(50000), m(50000), null, y(0), y(0), null, null, m(0), r('0.5000'), m(0)], { wrap: true, fill: '#FFC7CE' }));
  });

  it('in English without --all: a measure or action spent as planned and a template row planned only are left out; a row planned with no money, a template row given money and an untitled one are in', () => {
    const plan = planComparisonSheet(templatesSpent(), { lang: 'en' });
    expect(plan.print).toEqual({ area: 'A1:Q35', titleRows: { first: 1, last: 4 } });
    expect(plan.widths).toEqual([48, 18, 10, 10, 15, 15, 16, 15, 15, 16, 11, 18, 10, 17, 16, 14, 18]);
    expect(plan.rows.slice(20, 29)).toEqual([
      blank(),
      section('By measure (2)'),
      line([t('Accueil [0304 50 19 19 03]'), t(ACCUEIL), n(5), n(5), m(20000), m(20000), m(40000), y(22000), y(22000), y(44000), r('1.1000'), m(44000), r('0.5000'), m(22000)], wrap),
      line([t('Emploi [0304 50 19 19 07]'), t(INSERTION), n(8), n(9), m(0), m(0), m(0), y(1100), y(1100), y(2200), null, m(2200), r('0.5000'), m(1100)], wrap),
      blank(),
      section('By action (4)'),
      line([t('Plus'), t(ACCUEIL), n(6), n(6), m(10000), m(10000), m(20000), y(12000), y(12000), y(24000), r('1.2000'), m(24000), r('0.5000'), m(12000)], wrap),
      line([t('Prévu vide'), t(INSERTION), n(8), null, m(0), m(0), m(0), m(0), m(0), m(0), null, m(0), r('0.5000'), m(0)], { wrap: true, fill: '#FFC7CE' }),
      line([t('Intitulé de l’action n°2'), t(INSERTION), n(9), n(9), m(0), m(0), m(0), y(1000), y(1000), y(2000), null, m(2000), r('0.5000'), m(1000)], wrap),
    ]);
    expect(plan.rows[29]).toEqual(line([t('untitled action'), t(INSERTION), null, n(11), m(0), m(0), m(0), y(100), y(100), y(200), null, m(200), r('0.5000'), m(100)], { wrap: true, fill: '#C6EFCE' }));
  });
});
