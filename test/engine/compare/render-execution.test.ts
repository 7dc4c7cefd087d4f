/**
 * The terminal report of the plan against its execution table, whole, in French and English, typed
 * by hand from the scene (scenes.ts) and the formula of docs/compare.md:
 * S = A + C spent, r = A / (A + C) planned, P = S × r to the cent, V = notified else A planned,
 * R = V − P when positive.
 */
import { renderComparison } from '../../../src/domain/compare/render';
import { compareTables } from '../../../src/domain/compare/compare';
import { FORMULA_EN, FORMULA_FR } from './formula';
import { ACCUEIL, SANS_LIGNE, planAndSpent, unreadableSpent } from './scenes';
import { HandAction, acf, handTable } from './tables';

describe('the report of planned against spent', () => {
  it('in French: per code with the formula’s figures, the whole convention, per measure and per action', () => {
    expect(renderComparison(planAndSpent()).split('\n')).toEqual([
      'Prévu et réalisé — annexe 9 et tableau d’exécution',
      '  Prévisionnel\u00a0: annexe.xlsx, feuille «\u00a0Annexe 9\u00a0», tableau en B5 (lignes 7 à 12), 3 actions',
      '  Exécution\u00a0: execution.xlsx, feuille «\u00a0Feuil1\u00a0», tableau en B5 (lignes 7 à 12), 4 actions',
      '  Reconnu comme tableau d’exécution\u00a0: «\u00a0Exécution 2023\u00a0» (titre).',
      '',
      'Par imputation Chorus',
      '  0304 50 19 19 03 — 1er accueil social inconditionnel',
      '      prévu\u00a0: A 4\u202f000,00\u00a0€ · C 4\u202f000,00\u00a0€ · F 8\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 3\u202f500,00\u00a0€ · C 3\u202f500,00\u00a0€ · F 7\u202f000,00\u00a0€ — taux de réalisation (F) 87,5\u202f%',
      '      part État des dépenses\u00a0: 7\u202f000,00\u00a0€ × 4\u202f000,00\u00a0€ / 8\u202f000,00\u00a0€ = 3\u202f500,00\u00a0€',
      '      versé par l’État\u00a0: 4\u202f500,00\u00a0€ (montant notifié)',
      '      montant susceptible de reversement (art. 5)\u00a0: 1\u202f000,00\u00a0€',
      '  0304 50 19 19 07',
      '      prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 2\u202f100,00\u00a0€ · C 1\u202f100,01\u00a0€ · F 3\u202f200,01\u00a0€ — taux de réalisation (F) 106,7\u202f%',
      // 320 001 cents × 2/3 = 213 334 cents exactly.
      '      part État des dépenses\u00a0: 3\u202f200,01\u00a0€ × 2\u202f000,00\u00a0€ / 3\u202f000,00\u00a0€ = 2\u202f133,34\u00a0€',
      '      versé par l’État\u00a0: 2\u202f000,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé, écart 133,34\u00a0€)',
      // Notified, with no row in either table: the State paid 500 € on it, nothing was spent.
      '  0304 50 19 19 09',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€ × 1/2 = 0,00\u00a0€',
      '      versé par l’État\u00a0: 500,00\u00a0€ (montant notifié)',
      '      montant susceptible de reversement (art. 5)\u00a0: 500,00\u00a0€',
      '',
      'Total de la convention',
      '      prévu\u00a0: A 6\u202f000,00\u00a0€ · C 5\u202f000,00\u00a0€ · F 11\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 5\u202f600,00\u00a0€ · C 4\u202f600,01\u00a0€ · F 10\u202f200,01\u00a0€ — taux de réalisation (F) 92,7\u202f%',
      // ΣP = 3 500,00 + 2 133,34 + 0; ΣV = 4 500 + 2 000 + 500; ΣR per code = 1 000 + 0 + 500.
      '      part État des dépenses\u00a0: 5\u202f633,34\u00a0€',
      '      versé par l’État\u00a0: 7\u202f000,00\u00a0€',
      '      montant susceptible de reversement (art. 5), sur l’ensemble\u00a0: 1\u202f366,66\u00a0€',
      '      somme des montants par imputation, sans compensation\u00a0: 1\u202f500,00\u00a0€',
      '',
      ...FORMULA_FR,
      '',
      'Par mesure (2)',
      '  ~ Accueil social [0304 50 19 19 03]',
      '      prévu\u00a0: A 4\u202f000,00\u00a0€ · C 4\u202f000,00\u00a0€ · F 8\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 3\u202f500,00\u00a0€ · C 3\u202f500,00\u00a0€ · F 7\u202f000,00\u00a0€ — taux de réalisation (F) 87,5\u202f%',
      '      part État des dépenses\u00a0: 3\u202f500,00\u00a0€',
      '  ~ Insertion [0304 50 19 19 07]',
      '      prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 2\u202f100,00\u00a0€ · C 1\u202f100,01\u00a0€ · F 3\u202f200,01\u00a0€ — taux de réalisation (F) 106,7\u202f%',
      '      part État des dépenses\u00a0: 2\u202f133,34\u00a0€',
      '',
      'Par action (réalisé différent du prévu) (3)',
      '  ~ ligne 7\u00a0: «\u00a0Premier accueil\u00a0» (appariée par n° de fiche)',
      '      prévu\u00a0: A 3\u202f000,00\u00a0€ · C 3\u202f000,00\u00a0€ · F 6\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 2\u202f500,00\u00a0€ · C 2\u202f500,00\u00a0€ · F 5\u202f000,00\u00a0€ — taux de réalisation (F) 83,3\u202f%',
      '      part État des dépenses\u00a0: 2\u202f500,00\u00a0€',
      '  ~ ligne 10\u00a0: «\u00a0Ateliers\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,01\u00a0€ · F 3\u202f000,01\u00a0€ — taux de réalisation (F) 100,0\u202f%',
      // 300 001 cents × 2/3 = 200 000,67 cents: rounded to 200 001.
      '      part État des dépenses\u00a0: 2\u202f000,01\u00a0€',
      '  + ligne 11\u00a0: «\u00a0Mobilité\u00a0» — réalisée, non prévue',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€',
      '      part État des dépenses\u00a0: 100,00\u00a0€',
    ]);
  });

  it('in English, with the unchanged lines', () => {
    expect(renderComparison(planAndSpent(), { lang: 'en', showUnchanged: true }).split('\n')).toEqual([
      'Planned against spent — annex 9 and its execution table',
      '  Plan: annexe.xlsx, sheet "Annexe 9", table at B5 (rows 7 to 12), 3 actions',
      '  Execution: execution.xlsx, sheet "Feuil1", table at B5 (rows 7 to 12), 4 actions',
      '  Recognised as an execution table: "Exécution 2023" (title).',
      '',
      'By Chorus code',
      '  0304 50 19 19 03 — 1er accueil social inconditionnel',
      '      planned: A €4,000.00 · C €4,000.00 · F €8,000.00',
      '      spent: A €3,500.00 · C €3,500.00 · F €7,000.00 — spending rate (F) 87.5%',
      '      State share spent: €7,000.00 × €4,000.00 / €8,000.00 = €3,500.00',
      '      paid by the State: €4,500.00 (notified amount)',
      '      amount that may be recovered (art. 5): €1,000.00',
      '  0304 50 19 19 07',
      '      planned: A €2,000.00 · C €1,000.00 · F €3,000.00',
      '      spent: A €2,100.00 · C €1,100.01 · F €3,200.01 — spending rate (F) 106.7%',
      '      State share spent: €3,200.01 × €2,000.00 / €3,000.00 = €2,133.34',
      '      paid by the State: €2,000.00 (A planned)',
      '      amount that may be recovered (art. 5): none (State share spent ≥ paid, gap €133.34)',
      '  0304 50 19 19 09',
      '      planned: no amount',
      '      spent: no amount',
      '      State share spent: €0.00 × 1/2 = €0.00',
      '      paid by the State: €500.00 (notified amount)',
      '      amount that may be recovered (art. 5): €500.00',
      '',
      'Whole convention',
      '      planned: A €6,000.00 · C €5,000.00 · F €11,000.00',
      '      spent: A €5,600.00 · C €4,600.01 · F €10,200.01 — spending rate (F) 92.7%',
      '      State share spent: €5,633.34',
      '      paid by the State: €7,000.00',
      '      amount that may be recovered (art. 5), overall: €1,366.66',
      '      sum of the per-code amounts, no offsetting: €1,500.00',
      '',
      ...FORMULA_EN,
      '',
      'By measure (2)',
      '  ~ Accueil social [0304 50 19 19 03]',
      '      planned: A €4,000.00 · C €4,000.00 · F €8,000.00',
      '      spent: A €3,500.00 · C €3,500.00 · F €7,000.00 — spending rate (F) 87.5%',
      '      State share spent: €3,500.00',
      '  ~ Insertion [0304 50 19 19 07]',
      '      planned: A €2,000.00 · C €1,000.00 · F €3,000.00',
      '      spent: A €2,100.00 · C €1,100.01 · F €3,200.01 — spending rate (F) 106.7%',
      '      State share spent: €2,133.34',
      '',
      'By action (4)',
      '  ~ row 7: "Premier accueil" (paired by fiche number)',
      '      planned: A €3,000.00 · C €3,000.00 · F €6,000.00',
      '      spent: A €2,500.00 · C €2,500.00 · F €5,000.00 — spending rate (F) 83.3%',
      '      State share spent: €2,500.00',
      '  = row 8: "Référent" (paired by title within its theme)',
      '      planned: A €1,000.00 · C €1,000.00 · F €2,000.00',
      '      spent: A €1,000.00 · C €1,000.00 · F €2,000.00 — spending rate (F) 100.0%',
      '      State share spent: €1,000.00',
      '  ~ row 10: "Ateliers" (paired by title within its theme)',
      '      planned: A €2,000.00 · C €1,000.00 · F €3,000.00',
      '      spent: A €2,000.00 · C €1,000.01 · F €3,000.01 — spending rate (F) 100.0%',
      '      State share spent: €2,000.01',
      '  + row 11: "Mobilité" — spent, not planned',
      '      planned: no amount',
      '      spent: A €100.00 · C €100.00 · F €200.00',
      '      State share spent: €100.00',
    ]);
  });
});

describe('the report of planned against spent, the other lines', () => {
  it('said by the option; an unreadable amount leaves P and R not computed; codes with nothing at all are counted, not detailed', () => {
    expect(renderComparison(unreadableSpent()).split('\n')).toEqual([
      'Prévu et réalisé — annexe 9 et tableau d’exécution',
      '  Prévisionnel\u00a0: feuille «\u00a0Exécution 2022\u00a0», tableau en B5, 3 actions',
      '  Exécution\u00a0: feuille «\u00a0Feuil2\u00a0», tableau en B5, 2 actions',
      '  Tableau d’exécution indiqué par l’option --execution.',
      '  ! Le premier tableau ressemble à un tableau d’exécution («\u00a0Exécution 2022\u00a0»)\u00a0: mettez le prévisionnel en premier, l’exécution en second.',
      '  ! Pas de colonne F commune aux deux tableaux\u00a0: le taux de réalisation n’est pas calculé.',
      '',
      'Par imputation Chorus',
      '  0304 50 19 19 03',
      '      prévu\u00a0: A 1\u202f500,00\u00a0€ · C 1\u202f500,00\u00a0€',
      '      réalisé\u00a0: A 1\u202f000,00\u00a0€ · C illisible',
      '      part État des dépenses\u00a0: non calculée (montant illisible)',
      '      versé par l’État\u00a0: 1\u202f500,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: non calculé (montant illisible)',
      '  0304 50 19 19 07',
      '      prévu\u00a0: A 200,00\u00a0€ · C 200,00\u00a0€',
      '      réalisé\u00a0: A 200,00\u00a0€ · C 200,00\u00a0€',
      '      part État des dépenses\u00a0: 400,00\u00a0€ × 200,00\u00a0€ / 400,00\u00a0€ = 200,00\u00a0€',
      '      versé par l’État\u00a0: 200,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé)',
      '  (2 imputations sans montant prévu, réalisé ni notifié\u00a0: non détaillées)',
      '',
      'Total de la convention',
      '      prévu\u00a0: A 1\u202f700,00\u00a0€ · C 1\u202f700,00\u00a0€',
      '      réalisé\u00a0: A 1\u202f200,00\u00a0€ · C illisible',
      '      part État des dépenses\u00a0: non calculée (montant illisible)',
      '      versé par l’État\u00a0: 1\u202f700,00\u00a0€',
      '      montant susceptible de reversement (art. 5), sur l’ensemble\u00a0: non calculé (montant illisible)',
      '',
      ...FORMULA_FR,
      '',
      'Par mesure (1)',
      '  ~ Accueil [0304 50 19 19 03]',
      '      prévu\u00a0: A 1\u202f500,00\u00a0€ · C 1\u202f500,00\u00a0€',
      '      réalisé\u00a0: A 1\u202f000,00\u00a0€ · C illisible',
      '      part État des dépenses\u00a0: non calculée (montant illisible)',
      '',
      'Par action (réalisé différent du prévu) (2)',
      '  ~ ligne 5\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: A 1\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 1\u202f000,00\u00a0€ · C illisible',
      '      part État des dépenses\u00a0: non calculée (montant illisible)',
      '  − ligne 6\u00a0: «\u00a0Beta\u00a0» — prévue, absente du tableau d’exécution',
      '      prévu\u00a0: A 500,00\u00a0€ · C 500,00\u00a0€',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€',
    ]);
  });

  it('in English: the same lines', () => {
    const lines = renderComparison(unreadableSpent(), { lang: 'en' }).split('\n');
    expect(lines.slice(0, 22)).toEqual([
      'Planned against spent — annex 9 and its execution table',
      '  Plan: sheet "Exécution 2022", table at B5, 3 actions',
      '  Execution: sheet "Feuil2", table at B5, 2 actions',
      '  Execution table as said by --execution.',
      '  ! The first table looks like an execution table ("Exécution 2022"): give the plan first and the execution table second.',
      '  ! No column F in both tables: the spending rate is not computed.',
      '',
      'By Chorus code',
      '  0304 50 19 19 03',
      '      planned: A €1,500.00 · C €1,500.00',
      '      spent: A €1,000.00 · C unreadable',
      '      State share spent: not computed (unreadable amount)',
      '      paid by the State: €1,500.00 (A planned)',
      '      amount that may be recovered (art. 5): not computed (unreadable amount)',
      '  0304 50 19 19 07',
      '      planned: A €200.00 · C €200.00',
      '      spent: A €200.00 · C €200.00',
      '      State share spent: €400.00 × €200.00 / €400.00 = €200.00',
      '      paid by the State: €200.00 (A planned)',
      '      amount that may be recovered (art. 5): none (State share spent ≥ paid)',
      '  (2 code(s) with nothing planned, spent or notified: not detailed)',
      '',
    ]);
    expect(lines.slice(22, 28)).toEqual([
      'Whole convention',
      '      planned: A €1,700.00 · C €1,700.00',
      '      spent: A €1,200.00 · C unreadable',
      '      State share spent: not computed (unreadable amount)',
      '      paid by the State: €1,700.00',
      '      amount that may be recovered (art. 5), overall: not computed (unreadable amount)',
    ]);
    expect(lines.slice(-9)).toEqual([
      'By action (spent differs from planned) (2)',
      '  ~ row 5: "Alpha" (paired by title within its theme)',
      '      planned: A €1,000.00 · C €1,000.00',
      '      spent: A €1,000.00 · C unreadable',
      '      State share spent: not computed (unreadable amount)',
      '  − row 6: "Beta" — planned, not in the execution table',
      '      planned: A €500.00 · C €500.00',
      '      spent: no amount',
      '      State share spent: €0.00',
    ]);
  });

  it('with --all, the codes with nothing at all are detailed, not counted', () => {
    const lines = renderComparison(unreadableSpent(), { showUnchanged: true }).split('\n');
    expect(lines.slice(20, 33)).toEqual([
      '  0304 50 19 19 08',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€ × 1/2 = 0,00\u00a0€',
      '      versé par l’État\u00a0: 0,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé)',
      '  0304 50 19 19 09',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€ × 1/2 = 0,00\u00a0€',
      '      versé par l’État\u00a0: 0,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé)',
      '',
    ]);
    // --all lists every row, the empty template rows too (rows 7 and 9), as the outline, the sheet and --json do.
    const byAction = lines.indexOf('Par action (5)');
    expect(lines.slice(byAction, byAction + 21)).toEqual([
      'Par action (5)',
      '  ~ ligne 5\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: A 1\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€',
      '      réalisé\u00a0: A 1\u202f000,00\u00a0€ · C illisible',
      '      part État des dépenses\u00a0: non calculée (montant illisible)',
      '  − ligne 6\u00a0: «\u00a0Beta\u00a0» — prévue, absente du tableau d’exécution',
      '      prévu\u00a0: A 500,00\u00a0€ · C 500,00\u00a0€',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€',
      '  = ligne 7\u00a0: «\u00a0Intitulé de l’action n°1\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€',
      '  = ligne 8\u00a0: «\u00a0Gamma\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: A 200,00\u00a0€ · C 200,00\u00a0€',
      '      réalisé\u00a0: A 200,00\u00a0€ · C 200,00\u00a0€',
      '      part État des dépenses\u00a0: 200,00\u00a0€',
      '  = ligne 9\u00a0: «\u00a0Intitulé de l’action n°1\u00a0» (appariée par intitulé dans le thème)',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€',
    ]);
  });
});

/**
 * Spent as planned, said by the option although the execution table's title says so too; one code
 * holds a template row only. With `extra`, the plan has one more action, « Delta », with no amount,
 * absent from the execution table.
 */
function spentAsPlanned(extra = false) {
  const table = (sheet: string, actions: HandAction[], labels?: Parameters<typeof handTable>[0]['labels']) =>
    handTable({
      sheet,
      columns: ['A', 'C', 'F'],
      labels,
      blocks: [
        { theme: 'Accueil', code: ACCUEIL, actions },
        { theme: 'Vide', code: SANS_LIGNE, actions: [{ row: 8, title: 'Intitulé de l’action n°1', placeholder: true, amounts: acf(0, 0) }] },
      ],
    });
  const alpha = (): HandAction => ({ row: 5, title: 'Alpha', amounts: acf(100, 100) });
  const plan = table('Annexe 9', extra ? [alpha(), { row: 6, title: 'Delta', amounts: acf(0, 0) }] : [alpha()]);
  const spent = table('Feuil1', [alpha()], [
    { where: 'sheet', text: 'Feuil1', key: 'feuil1' },
    { where: 'title', text: 'Exécution 2023', key: 'execution 2023' },
  ]);
  return compareTables(plan, spent, { mode: 'execution' });
}

describe('the report of planned against spent, spent as planned', () => {
  it('in French: the option said it, one quiet code counted, no measure and no action listed', () => {
    expect(renderComparison(spentAsPlanned()).split('\n')).toEqual([
      'Prévu et réalisé — annexe 9 et tableau d’exécution',
      '  Prévisionnel\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 1 action',
      '  Exécution\u00a0: feuille «\u00a0Feuil1\u00a0», tableau en B5, 1 action',
      '  Tableau d’exécution indiqué par l’option --execution.',
      '',
      'Par imputation Chorus',
      '  0304 50 19 19 03',
      '      prévu\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€',
      '      réalisé\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€ — taux de réalisation (F) 100,0\u202f%',
      '      part État des dépenses\u00a0: 200,00\u00a0€ × 100,00\u00a0€ / 200,00\u00a0€ = 100,00\u00a0€',
      '      versé par l’État\u00a0: 100,00\u00a0€ (A prévu)',
      '      montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé)',
      '  (1 imputation sans montant prévu, réalisé ni notifié\u00a0: non détaillée)',
      '',
      'Total de la convention',
      '      prévu\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€',
      '      réalisé\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€ — taux de réalisation (F) 100,0\u202f%',
      '      part État des dépenses\u00a0: 100,00\u00a0€',
      '      versé par l’État\u00a0: 100,00\u00a0€',
      '      montant susceptible de reversement (art. 5), sur l’ensemble\u00a0: aucun (part État des dépenses ≥ versé)',
      '      somme des montants par imputation, sans compensation\u00a0: 0,00\u00a0€',
      '',
      ...FORMULA_FR,
    ]);
  });

  it('in English with the unchanged lines: every code, measure and action, each the same on both sides', () => {
    expect(renderComparison(spentAsPlanned(), { lang: 'en', showUnchanged: true }).split('\n')).toEqual([
      'Planned against spent — annex 9 and its execution table',
      '  Plan: sheet "Annexe 9", table at B5, 1 action',
      '  Execution: sheet "Feuil1", table at B5, 1 action',
      '  Execution table as said by --execution.',
      '',
      'By Chorus code',
      '  0304 50 19 19 03',
      '      planned: A €100.00 · C €100.00 · F €200.00',
      '      spent: A €100.00 · C €100.00 · F €200.00 — spending rate (F) 100.0%',
      '      State share spent: €200.00 × €100.00 / €200.00 = €100.00',
      '      paid by the State: €100.00 (A planned)',
      '      amount that may be recovered (art. 5): none (State share spent ≥ paid)',
      '  0304 50 19 19 09',
      '      planned: no amount',
      '      spent: no amount',
      '      State share spent: €0.00 × 1/2 = €0.00',
      '      paid by the State: €0.00 (A planned)',
      '      amount that may be recovered (art. 5): none (State share spent ≥ paid)',
      '',
      'Whole convention',
      '      planned: A €100.00 · C €100.00 · F €200.00',
      '      spent: A €100.00 · C €100.00 · F €200.00 — spending rate (F) 100.0%',
      '      State share spent: €100.00',
      '      paid by the State: €100.00',
      '      amount that may be recovered (art. 5), overall: none (State share spent ≥ paid)',
      '      sum of the per-code amounts, no offsetting: €0.00',
      '',
      ...FORMULA_EN,
      '',
      'By measure (2)',
      '  = Accueil [0304 50 19 19 03]',
      '      planned: A €100.00 · C €100.00 · F €200.00',
      '      spent: A €100.00 · C €100.00 · F €200.00 — spending rate (F) 100.0%',
      '      State share spent: €100.00',
      '  = Vide [0304 50 19 19 09]',
      '      planned: no amount',
      '      spent: no amount',
      '      State share spent: €0.00',
      '',
      'By action (2)',
      '  = row 5: "Alpha" (paired by title within its theme)',
      '      planned: A €100.00 · C €100.00 · F €200.00',
      '      spent: A €100.00 · C €100.00 · F €200.00 — spending rate (F) 100.0%',
      '      State share spent: €100.00',
      '  = row 8: "Intitulé de l’action n°1" (paired by title within its theme)',
      '      planned: no amount',
      '      spent: no amount',
      '      State share spent: €0.00',
    ]);
  });

  it('a planned action with no amount, absent from the execution table, is listed', () => {
    const lines = renderComparison(spentAsPlanned(true)).split('\n');
    expect(lines.slice(lines.indexOf(FORMULA_FR[FORMULA_FR.length - 1]) + 1)).toEqual([
      '',
      'Par action (réalisé différent du prévu) (1)',
      '  − ligne 6\u00a0: «\u00a0Delta\u00a0» — prévue, absente du tableau d’exécution',
      '      prévu\u00a0: aucun montant',
      '      réalisé\u00a0: aucun montant',
      '      part État des dépenses\u00a0: 0,00\u00a0€',
    ]);
  });

  it('an empty template row planned and not in the execution table: listed with --all only, it is no difference', () => {
    const ac = (a: number, c: number) => ({ A: a, C: c });
    const table = (withTemplateRow: boolean) =>
      handTable({
        sheet: withTemplateRow ? 'Annexe 9' : 'Exécution',
        columns: ['A', 'C'],
        blocks: [
          {
            theme: 'Accueil',
            code: ACCUEIL,
            actions: [
              { row: 5, title: 'Alpha', amounts: ac(100000, 100000) },
              ...(withTemplateRow ? [{ row: 6, title: 'Intitulé de l’action n°2', placeholder: true, amounts: ac(0, 0) }] : []),
            ],
          },
        ],
      });
    const result = compareTables(table(true), table(false), { mode: 'execution' });
    const byAction = (showUnchanged: boolean) => renderComparison(result, { showUnchanged }).split('\n').filter((l) => /^(Par action| {2}[~=+−] )/.test(l));
    expect(byAction(false)).toEqual([]);
    expect(byAction(true)).toEqual([
      '  = Accueil [0304 50 19 19 03]',
      'Par action (2)',
      '  = ligne 5\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '  − ligne 6\u00a0: «\u00a0Intitulé de l’action n°2\u00a0» — prévue, absente du tableau d’exécution',
    ]);
  });
});
