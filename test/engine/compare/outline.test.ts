/**
 * The outline a task pane will read: sections that fold, each item with its status, its title, its
 * details and the rows to go to in either sheet; typed by hand from the scenes (scenes.ts).
 */
import { comparisonOutline } from '../../../src/domain/compare/outline';
import { movedVersions, planAndSpent, sixColumns, templatesSpent, twoVersions, unreadableSpent } from './scenes';

const OLD = 'Annexe 9';
const NEW = 'Annexe 9 corrigée';
const at = (sheet: string, row: number) => ({ sheet, row });

describe('the outline of two versions', () => {
  it('in French: actions added, removed, changed, by measure, code, totals, findings', () => {
    expect(comparisonOutline(twoVersions())).toEqual([
      {
        id: 'actionsAdded',
        title: 'Actions ajoutées',
        items: [
          {
            status: 'added',
            title: 'ligne 10\u00a0: «\u00a0Mobilité\u00a0» — thème «\u00a0Insertion\u00a0» — 0304 50 19 19 07',
            details: ['A 50,00\u00a0€ · C 50,00\u00a0€ · F 100,00\u00a0€'],
            go: { old: null, new: at(NEW, 10) },
          },
        ],
      },
      {
        id: 'actionsRemoved',
        title: 'Actions retirées',
        items: [
          {
            status: 'removed',
            title: 'ligne 11\u00a0: «\u00a0Chantiers\u00a0» — thème «\u00a0Insertion\u00a0» — 0304 50 19 19 07',
            details: ['A 300,00\u00a0€ · C 300,00\u00a0€ · F 600,00\u00a0€'],
            go: { old: at(OLD, 11), new: null },
          },
        ],
      },
      {
        id: 'actionsChanged',
        title: 'Actions modifiées',
        items: [
          {
            status: 'changed',
            title: 'ligne 7\u00a0: «\u00a0Premier accueil\u00a0» (appariée par n° de fiche)',
            details: [
              'A\u00a0: 1\u202f000,00\u00a0€ → 1\u202f100,00\u00a0€ (+100,00\u00a0€)',
              'C\u00a0: 1\u202f000,00\u00a0€ → 1\u202f100,00\u00a0€ (+100,00\u00a0€)',
              'F\u00a0: 2\u202f000,00\u00a0€ → 2\u202f200,00\u00a0€ (+200,00\u00a0€)',
            ],
            go: { old: at(OLD, 7), new: at(NEW, 7) },
          },
          {
            status: 'changed',
            title: 'ligne 8\u00a0: «\u00a0Référent unique de parcours\u00a0» (appariée par position dans le bloc)',
            details: ['intitulé\u00a0: «\u00a0Référent unique\u00a0» → «\u00a0Référent unique de parcours\u00a0»'],
            go: { old: at(OLD, 8), new: at(NEW, 8) },
          },
        ],
      },
      {
        id: 'measures',
        title: 'Par mesure',
        items: [
          {
            status: 'changed',
            title: 'Accueil social [0304 50 19 19 03] — sous-total ligne 9',
            details: [
              'A\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
              'C\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
              'F\u00a0: 3\u202f000,00\u00a0€ → 3\u202f200,00\u00a0€ (+200,00\u00a0€)',
            ],
            go: { old: at(OLD, 9), new: at(NEW, 9) },
          },
          {
            status: 'changed',
            title: 'Insertion [0304 50 19 19 07] — sous-total ligne 12',
            details: [
              'A\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
              'C\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
              'F\u00a0: 1\u202f000,00\u00a0€ → 500,00\u00a0€ (−500,00\u00a0€)',
              'total imprimé, A\u00a0: 600,00\u00a0€ → 250,00\u00a0€ (−350,00\u00a0€)',
              'total imprimé, C\u00a0: 600,00\u00a0€ → 250,00\u00a0€ (−350,00\u00a0€)',
              'total imprimé, F\u00a0: 1\u202f200,00\u00a0€ → 500,00\u00a0€ (−700,00\u00a0€)',
            ],
            go: { old: at(OLD, 12), new: at(NEW, 12) },
          },
        ],
      },
      {
        id: 'codes',
        title: 'Par imputation Chorus',
        items: [
          {
            status: 'changed',
            title: '0304 50 19 19 03 — 1er accueil social inconditionnel',
            details: [
              'A\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
              'C\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
              'F\u00a0: 3\u202f000,00\u00a0€ → 3\u202f200,00\u00a0€ (+200,00\u00a0€)',
            ],
            // A code has no total row: its first action.
            go: { old: at(OLD, 7), new: at(NEW, 7) },
          },
          {
            status: 'changed',
            title: '0304 50 19 19 07',
            details: [
              'A\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
              'C\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
              'F\u00a0: 1\u202f000,00\u00a0€ → 500,00\u00a0€ (−500,00\u00a0€)',
            ],
            go: { old: at(OLD, 10), new: at(NEW, 10) },
          },
        ],
      },
      {
        id: 'totals',
        title: 'Totaux',
        items: [
          {
            status: 'changed',
            title: 'Mesures socles',
            details: [
              'A\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
              'C\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
              'F\u00a0: 4\u202f000,00\u00a0€ → 3\u202f700,00\u00a0€ (−300,00\u00a0€)',
            ],
            go: { old: at(OLD, 7), new: at(NEW, 7) },
          },
          {
            status: 'changed',
            title: 'Total du tableau — TOTAUX FINANCIERS ligne 13',
            details: [
              'A\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
              'C\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
              'F\u00a0: 4\u202f000,00\u00a0€ → 3\u202f700,00\u00a0€ (−300,00\u00a0€)',
            ],
            go: { old: at(OLD, 13), new: at(NEW, 13) },
          },
        ],
      },
      {
        id: 'findings',
        title: 'Anomalies apparues ou disparues',
        items: [
          { status: 'disappeared', title: 'D11 [A_NEQ_C]', details: ['C diffère de A'], go: { old: at(OLD, 11), new: null } },
          { status: 'appeared', title: 'H13 [GRAND_TOTAL]', details: ['F faux'], go: { old: null, new: at(NEW, 13) } },
        ],
      },
    ]);
  });

  it('in English, the section titles; with --all the unchanged actions and groups too, never an empty section', () => {
    const sections = (lang: 'fr' | 'en', showUnchanged: boolean) => comparisonOutline(twoVersions(), { lang, showUnchanged }).map((s) => `${s.id}: ${s.title} (${s.items.length})`);
    expect(sections('en', false)).toEqual([
      'actionsAdded: Actions added (1)',
      'actionsRemoved: Actions removed (1)',
      'actionsChanged: Actions changed (2)',
      'measures: By measure (2)',
      'codes: By Chorus code (2)',
      'totals: Totals (2)',
      'findings: Findings new or gone (2)',
    ]);
    expect(sections('fr', true)).toEqual([
      'actionsAdded: Actions ajoutées (1)',
      'actionsRemoved: Actions retirées (1)',
      'actionsChanged: Actions modifiées (2)',
      'actionsUnchanged: Actions inchangées (1)',
      'measures: Par mesure (2)',
      'codes: Par imputation Chorus (2)',
      'totals: Totaux (2)',
      'findings: Anomalies apparues ou disparues (2)',
    ]);
    expect(comparisonOutline(twoVersions(), { lang: 'en', showUnchanged: true })[3].items).toEqual([
      { status: 'unchanged', title: 'row 10 → row 11: "Ateliers" (paired by title within its theme)', details: [], go: { old: at(OLD, 10), new: at(NEW, 11) } },
    ]);
  });

  it('a template row dropped is no item; unchanged groups only with --all', () => {
    const ids = (showUnchanged: boolean) => comparisonOutline(movedVersions(), { showUnchanged }).map((s) => `${s.id} ${s.items.map((i) => i.status).join(',')}`);
    expect(ids(false)).toEqual(['actionsChanged changed,changed', 'measures removed,added', 'codes removed,added', 'totals changed,changed']);
    expect(ids(true)).toEqual(['actionsChanged changed,changed', 'actionsUnchanged unchanged', 'measures unchanged,removed,added', 'codes unchanged,removed,added', 'totals changed,changed']);
  });
});

describe('the outline of planned against spent', () => {
  it('in French: every code, the measures and actions that differ, the rows to go to', () => {
    expect(comparisonOutline(planAndSpent())).toEqual([
      {
        id: 'executionCodes',
        title: 'Par imputation Chorus',
        items: [
          {
            status: 'changed',
            title: '0304 50 19 19 03 — 1er accueil social inconditionnel',
            details: [
              'prévu\u00a0: A 4\u202f000,00\u00a0€ · C 4\u202f000,00\u00a0€ · F 8\u202f000,00\u00a0€',
              'réalisé\u00a0: A 3\u202f500,00\u00a0€ · C 3\u202f500,00\u00a0€ · F 7\u202f000,00\u00a0€ — taux de réalisation (F) 87,5\u202f%',
              'part État des dépenses\u00a0: 7\u202f000,00\u00a0€ × 4\u202f000,00\u00a0€ / 8\u202f000,00\u00a0€ = 3\u202f500,00\u00a0€',
              'versé par l’État\u00a0: 4\u202f500,00\u00a0€ (montant notifié)',
              'montant susceptible de reversement (art. 5)\u00a0: 1\u202f000,00\u00a0€',
            ],
            go: { old: at(OLD, 7), new: at('Feuil1', 7) },
          },
          {
            status: 'changed',
            title: '0304 50 19 19 07',
            details: [
              'prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
              'réalisé\u00a0: A 2\u202f100,00\u00a0€ · C 1\u202f100,01\u00a0€ · F 3\u202f200,01\u00a0€ — taux de réalisation (F) 106,7\u202f%',
              'part État des dépenses\u00a0: 3\u202f200,01\u00a0€ × 2\u202f000,00\u00a0€ / 3\u202f000,00\u00a0€ = 2\u202f133,34\u00a0€',
              'versé par l’État\u00a0: 2\u202f000,00\u00a0€ (A prévu)',
              'montant susceptible de reversement (art. 5)\u00a0: aucun (part État des dépenses ≥ versé, écart 133,34\u00a0€)',
            ],
            go: { old: at(OLD, 10), new: at('Feuil1', 10) },
          },
          {
            // Notified only: no row on either side to go to.
            status: 'unchanged',
            title: '0304 50 19 19 09',
            details: [
              'prévu\u00a0: aucun montant',
              'réalisé\u00a0: aucun montant',
              'part État des dépenses\u00a0: 0,00\u00a0€ × 1/2 = 0,00\u00a0€',
              'versé par l’État\u00a0: 500,00\u00a0€ (montant notifié)',
              'montant susceptible de reversement (art. 5)\u00a0: 500,00\u00a0€',
            ],
            go: { old: null, new: null },
          },
        ],
      },
      {
        id: 'executionMeasures',
        title: 'Par mesure',
        items: [
          {
            status: 'changed',
            title: 'Accueil social [0304 50 19 19 03]',
            details: [
              'prévu\u00a0: A 4\u202f000,00\u00a0€ · C 4\u202f000,00\u00a0€ · F 8\u202f000,00\u00a0€',
              'réalisé\u00a0: A 3\u202f500,00\u00a0€ · C 3\u202f500,00\u00a0€ · F 7\u202f000,00\u00a0€ — taux de réalisation (F) 87,5\u202f%',
              'part État des dépenses\u00a0: 3\u202f500,00\u00a0€',
            ],
            // The plan's subtotal row; the execution table has none: its first action.
            go: { old: at(OLD, 9), new: at('Feuil1', 7) },
          },
          {
            status: 'changed',
            title: 'Insertion [0304 50 19 19 07]',
            details: [
              'prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
              'réalisé\u00a0: A 2\u202f100,00\u00a0€ · C 1\u202f100,01\u00a0€ · F 3\u202f200,01\u00a0€ — taux de réalisation (F) 106,7\u202f%',
              'part État des dépenses\u00a0: 2\u202f133,34\u00a0€',
            ],
            go: { old: at(OLD, 11), new: at('Feuil1', 10) },
          },
        ],
      },
      {
        id: 'executionActions',
        title: 'Par action',
        items: [
          {
            status: 'changed',
            title: 'ligne 7\u00a0: «\u00a0Premier accueil\u00a0» (appariée par n° de fiche)',
            details: [
              'prévu\u00a0: A 3\u202f000,00\u00a0€ · C 3\u202f000,00\u00a0€ · F 6\u202f000,00\u00a0€',
              'réalisé\u00a0: A 2\u202f500,00\u00a0€ · C 2\u202f500,00\u00a0€ · F 5\u202f000,00\u00a0€ — taux de réalisation (F) 83,3\u202f%',
              'part État des dépenses\u00a0: 2\u202f500,00\u00a0€',
            ],
            go: { old: at(OLD, 7), new: at('Feuil1', 7) },
          },
          {
            status: 'changed',
            title: 'ligne 10\u00a0: «\u00a0Ateliers\u00a0» (appariée par intitulé dans le thème)',
            details: [
              'prévu\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,00\u00a0€ · F 3\u202f000,00\u00a0€',
              'réalisé\u00a0: A 2\u202f000,00\u00a0€ · C 1\u202f000,01\u00a0€ · F 3\u202f000,01\u00a0€ — taux de réalisation (F) 100,0\u202f%',
              'part État des dépenses\u00a0: 2\u202f000,01\u00a0€',
            ],
            go: { old: at(OLD, 10), new: at('Feuil1', 10) },
          },
          {
            status: 'added',
            title: 'ligne 11\u00a0: «\u00a0Mobilité\u00a0» — réalisée, non prévue',
            details: ['prévu\u00a0: aucun montant', 'réalisé\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€', 'part État des dépenses\u00a0: 100,00\u00a0€'],
            go: { old: null, new: at('Feuil1', 11) },
          },
        ],
      },
    ]);
  });

  it('in English; an action planned and not carried out is "removed"; with --all the unchanged ones, template rows included', () => {
    const outline = (showUnchanged: boolean) => comparisonOutline(unreadableSpent(), { lang: 'en', showUnchanged });
    const brief = (showUnchanged: boolean) => outline(showUnchanged).map((s) => `${s.id}: ${s.title}: ${s.items.map((i) => `${i.status} ${i.title}`).join(' | ')}`);
    expect(brief(false)).toEqual([
      'executionCodes: By Chorus code: changed 0304 50 19 19 03 | unchanged 0304 50 19 19 07 | unchanged 0304 50 19 19 08 | unchanged 0304 50 19 19 09',
      'executionMeasures: By measure: changed Accueil [0304 50 19 19 03]',
      'executionActions: By action: changed row 5: "Alpha" (paired by title within its theme) | removed row 6: "Beta" — planned, not in the execution table',
    ]);
    expect(brief(true).slice(1)).toEqual([
      'executionMeasures: By measure: changed Accueil [0304 50 19 19 03] | unchanged Vide [0304 50 19 19 09] | unchanged Emploi [0304 50 19 19 07] | unchanged Autre [0304 50 19 19 08]',
      'executionActions: By action: changed row 5: "Alpha" (paired by title within its theme) | removed row 6: "Beta" — planned, not in the execution table | unchanged row 7: "Intitulé de l’action n°1" (paired by title within its theme) | unchanged row 8: "Gamma" (paired by title within its theme) | unchanged row 9: "Intitulé de l’action n°1" (paired by title within its theme)',
    ]);
    expect(outline(false)[2].items[1].go).toEqual({ old: at('Exécution 2022', 6), new: null });
  });
});

describe('the outline: template rows and --all', () => {
  it('two versions: a template row changed is an item, one unchanged or added never; in English with --all the unchanged actions', () => {
    const actions = (lang: 'fr' | 'en', showUnchanged: boolean) => comparisonOutline(sixColumns(), { lang, showUnchanged }).filter((s) => s.id.startsWith('actions'));
    const old = (row: number) => at('Ancienne', row);
    const neu = (row: number) => at('Nouvelle', row);
    expect(actions('fr', false)).toEqual([
      {
        id: 'actionsChanged',
        title: 'Actions modifiées',
        items: [
          {
            status: 'changed',
            title: 'ligne 13 → ligne 15\u00a0: «\u00a0Xavier\u00a0» (appariée par intitulé dans le thème)',
            details: [
            'A\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
            'B\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
            'C\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
            'dont valorisation CD\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
            'E\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
            'F\u00a0: 1,00\u00a0€ → 1,50\u00a0€ (+0,50\u00a0€)',
          ],
            go: { old: old(13), new: neu(15) },
          },
          {
            status: 'changed',
            title: 'ligne 17\u00a0: «\u00a0Intitulé de l’action n°2\u00a0» (appariée par intitulé dans le thème)',
            details: [
            'A\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
            'B\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
            'C\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
            'dont valorisation CD\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
            'E\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
            'F\u00a0: 0,00\u00a0€ → 0,05\u00a0€ (+0,05\u00a0€)',
          ],
            go: { old: old(17), new: neu(17) },
          },
          {
            status: 'changed',
            title: 'ligne 18 → ligne 19\u00a0: «\u00a0Gamma\u00a0» (appariée par intitulé, dans un autre thème)',
            details: ['thème\u00a0: (sans thème) → «\u00a0Emploi\u00a0»', 'imputation\u00a0: — → 0304 50 19 19 07', 'fiche\u00a0: — → 4'],
            go: { old: old(18), new: neu(19) },
          },
        ],
      },
    ]);
    expect(actions('en', true).map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, details: [] })) }))).toEqual([
      {
        id: 'actionsChanged',
        title: 'Actions changed',
        items: [
          { status: 'changed', title: 'row 13 → row 15: "Xavier" (paired by title within its theme)', details: [], go: { old: old(13), new: neu(15) } },
          { status: 'changed', title: 'row 17: "Intitulé de l’action n°2" (paired by title within its theme)', details: [], go: { old: old(17), new: neu(17) } },
          { status: 'changed', title: 'row 18 → row 19: "Gamma" (paired by title, in another theme)', details: [], go: { old: old(18), new: neu(19) } },
        ],
      },
      {
        id: 'actionsUnchanged',
        title: 'Actions unchanged',
        items: [
          { status: 'unchanged', title: 'row 14 → row 13: "Yves" (paired by title within its theme)', details: [], go: { old: old(14), new: neu(13) } },
          { status: 'unchanged', title: 'row 15 → row 14: "Zoé" (paired by title within its theme)', details: [], go: { old: old(15), new: neu(14) } },
        ],
      },
    ]);
  });

  it('planned against spent, in French without --all: an action spent as planned or a template row planned only is no item', () => {
    const plan = (row: number) => at('Plan', row);
    const spent = (row: number) => at('Réalisé', row);
    const byAction = comparisonOutline(templatesSpent()).find((s) => s.id === 'executionActions');
    expect(byAction).toEqual({
      id: 'executionActions',
      title: 'Par action',
      items: [
        {
          status: 'changed',
          title: 'ligne 6\u00a0: «\u00a0Plus\u00a0» (appariée par intitulé dans le thème)',
          details: [
            'prévu\u00a0: A 100,00\u00a0€ · C 100,00\u00a0€ · F 200,00\u00a0€',
            'réalisé\u00a0: A 120,00\u00a0€ · C 120,00\u00a0€ · F 240,00\u00a0€ — taux de réalisation (F) 120,0\u202f%',
            'part État des dépenses\u00a0: 120,00\u00a0€',
          ],
          go: { old: plan(6), new: spent(6) },
        },
        {
          status: 'removed',
          title: 'ligne 8\u00a0: «\u00a0Prévu vide\u00a0» — prévue, absente du tableau d’exécution',
          details: ['prévu\u00a0: aucun montant', 'réalisé\u00a0: aucun montant', 'part État des dépenses\u00a0: 0,00\u00a0€'],
          go: { old: plan(8), new: null },
        },
        {
          status: 'changed',
          title: 'ligne 9\u00a0: «\u00a0Intitulé de l’action n°2\u00a0» (appariée par intitulé dans le thème)',
          details: ['prévu\u00a0: aucun montant', 'réalisé\u00a0: A 10,00\u00a0€ · C 10,00\u00a0€ · F 20,00\u00a0€', 'part État des dépenses\u00a0: 10,00\u00a0€'],
          go: { old: plan(9), new: spent(9) },
        },
        {
          status: 'added',
          title: 'ligne 11\u00a0: action sans intitulé — réalisée, non prévue',
          details: ['prévu\u00a0: aucun montant', 'réalisé\u00a0: A 1,00\u00a0€ · C 1,00\u00a0€ · F 2,00\u00a0€', 'part État des dépenses\u00a0: 1,00\u00a0€'],
          go: { old: null, new: spent(11) },
        },
      ],
    });
  });
});
