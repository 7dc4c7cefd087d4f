/**
 * The terminal report of two versions, whole, in French and English, typed by hand from the scene
 * (scenes.ts). French typography: a no-break space before « : » and inside « », a narrow one
 * before « ; » and in the thousands (`1 000,00 €`), a no-break space before €.
 */
import { renderComparison } from '../../../src/domain/compare/render';
import { compareTables } from '../../../src/domain/compare/compare';
import { ACCUEIL, INSERTION, MOBILITE, movedVersions, twoVersions } from './scenes';
import { HandBlock, acf, handTable } from './tables';

describe('the report of two versions', () => {
  it('in French: what was added, removed, changed, per measure, code and total, and the findings', () => {
    expect(renderComparison(twoVersions()).split('\n')).toEqual([
      'Comparaison de deux versions de l’annexe 9',
      '  Ancienne version\u00a0: ancienne.xlsx, feuille «\u00a0Annexe 9\u00a0», tableau en B5 (lignes 7 à 13), 4 actions',
      '  Nouvelle version\u00a0: nouvelle.xlsx, feuille «\u00a0Annexe 9 corrigée\u00a0», tableau en B5 (lignes 7 à 13), 4 actions',
      '',
      'Différences\u00a0: 1 action ajoutée, 1 retirée, 2 modifiées\u202f; 2 mesures, 2 imputations et 2 totaux dont les montants changent\u202f; anomalies\u00a0: 1 apparue, 1 disparue.',
      '',
      'Actions ajoutées (1)',
      '  + ligne 10\u00a0: «\u00a0Mobilité\u00a0» — thème «\u00a0Insertion\u00a0» — 0304 50 19 19 07',
      '      A 50,00\u00a0€ · C 50,00\u00a0€ · F 100,00\u00a0€',
      '',
      'Actions retirées (1)',
      '  − ligne 11\u00a0: «\u00a0Chantiers\u00a0» — thème «\u00a0Insertion\u00a0» — 0304 50 19 19 07',
      '      A 300,00\u00a0€ · C 300,00\u00a0€ · F 600,00\u00a0€',
      '',
      'Actions modifiées (2)',
      '  ~ ligne 7\u00a0: «\u00a0Premier accueil\u00a0» (appariée par n° de fiche)',
      '      A\u00a0: 1\u202f000,00\u00a0€ → 1\u202f100,00\u00a0€ (+100,00\u00a0€)',
      '      C\u00a0: 1\u202f000,00\u00a0€ → 1\u202f100,00\u00a0€ (+100,00\u00a0€)',
      '      F\u00a0: 2\u202f000,00\u00a0€ → 2\u202f200,00\u00a0€ (+200,00\u00a0€)',
      '  ~ ligne 8\u00a0: «\u00a0Référent unique de parcours\u00a0» (appariée par position dans le bloc)',
      '      intitulé\u00a0: «\u00a0Référent unique\u00a0» → «\u00a0Référent unique de parcours\u00a0»',
      '',
      'Par mesure (montants recalculés depuis les lignes d’action) (2)',
      '  ~ Accueil social [0304 50 19 19 03] — sous-total ligne 9',
      '      A\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
      '      C\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
      '      F\u00a0: 3\u202f000,00\u00a0€ → 3\u202f200,00\u00a0€ (+200,00\u00a0€)',
      '  ~ Insertion [0304 50 19 19 07] — sous-total ligne 12',
      '      A\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
      '      C\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
      '      F\u00a0: 1\u202f000,00\u00a0€ → 500,00\u00a0€ (−500,00\u00a0€)',
      // The old subtotal was printed 100 € too high: its own move says so.
      '      total imprimé, A\u00a0: 600,00\u00a0€ → 250,00\u00a0€ (−350,00\u00a0€)',
      '      total imprimé, C\u00a0: 600,00\u00a0€ → 250,00\u00a0€ (−350,00\u00a0€)',
      '      total imprimé, F\u00a0: 1\u202f200,00\u00a0€ → 500,00\u00a0€ (−700,00\u00a0€)',
      '',
      'Par imputation Chorus (2)',
      '  ~ 0304 50 19 19 03 — 1er accueil social inconditionnel',
      '      A\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
      '      C\u00a0: 1\u202f500,00\u00a0€ → 1\u202f600,00\u00a0€ (+100,00\u00a0€)',
      '      F\u00a0: 3\u202f000,00\u00a0€ → 3\u202f200,00\u00a0€ (+200,00\u00a0€)',
      '  ~ 0304 50 19 19 07',
      '      A\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
      '      C\u00a0: 500,00\u00a0€ → 250,00\u00a0€ (−250,00\u00a0€)',
      '      F\u00a0: 1\u202f000,00\u00a0€ → 500,00\u00a0€ (−500,00\u00a0€)',
      '',
      'Totaux (2)',
      '  ~ Mesures socles',
      '      A\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
      '      C\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
      '      F\u00a0: 4\u202f000,00\u00a0€ → 3\u202f700,00\u00a0€ (−300,00\u00a0€)',
      '  ~ Total du tableau — TOTAUX FINANCIERS ligne 13',
      '      A\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
      '      C\u00a0: 2\u202f000,00\u00a0€ → 1\u202f850,00\u00a0€ (−150,00\u00a0€)',
      '      F\u00a0: 4\u202f000,00\u00a0€ → 3\u202f700,00\u00a0€ (−300,00\u00a0€)',
      '',
      'Anomalies disparues (1) — dans l’ancien tableau\u00a0:',
      '  − D11    [A_NEQ_C] C diffère de A',
      '',
      'Anomalies apparues (1) — dans le nouveau tableau\u00a0:',
      '  + H13    [GRAND_TOTAL] F faux',
    ]);
  });

  it('in English, the same report', () => {
    expect(renderComparison(twoVersions(), { lang: 'en' }).split('\n')).toEqual([
      'Two versions of annex 9 compared',
      '  Old version: ancienne.xlsx, sheet "Annexe 9", table at B5 (rows 7 to 13), 4 actions',
      '  New version: nouvelle.xlsx, sheet "Annexe 9 corrigée", table at B5 (rows 7 to 13), 4 actions',
      '',
      'Differences: 1 action(s) added, 1 removed, 2 changed; 2 measure(s), 2 code(s) and 2 total(s) with other amounts; findings: 1 new, 1 gone.',
      '',
      'Actions added (1)',
      '  + row 10: "Mobilité" — theme "Insertion" — 0304 50 19 19 07',
      '      A €50.00 · C €50.00 · F €100.00',
      '',
      'Actions removed (1)',
      '  − row 11: "Chantiers" — theme "Insertion" — 0304 50 19 19 07',
      '      A €300.00 · C €300.00 · F €600.00',
      '',
      'Actions changed (2)',
      '  ~ row 7: "Premier accueil" (paired by fiche number)',
      '      A: €1,000.00 → €1,100.00 (+€100.00)',
      '      C: €1,000.00 → €1,100.00 (+€100.00)',
      '      F: €2,000.00 → €2,200.00 (+€200.00)',
      '  ~ row 8: "Référent unique de parcours" (paired by position within its block)',
      '      title: "Référent unique" → "Référent unique de parcours"',
      '',
      'By measure (amounts recomputed from the action rows) (2)',
      '  ~ Accueil social [0304 50 19 19 03] — subtotal row 9',
      '      A: €1,500.00 → €1,600.00 (+€100.00)',
      '      C: €1,500.00 → €1,600.00 (+€100.00)',
      '      F: €3,000.00 → €3,200.00 (+€200.00)',
      '  ~ Insertion [0304 50 19 19 07] — subtotal row 12',
      '      A: €500.00 → €250.00 (−€250.00)',
      '      C: €500.00 → €250.00 (−€250.00)',
      '      F: €1,000.00 → €500.00 (−€500.00)',
      '      printed total, A: €600.00 → €250.00 (−€350.00)',
      '      printed total, C: €600.00 → €250.00 (−€350.00)',
      '      printed total, F: €1,200.00 → €500.00 (−€700.00)',
      '',
      'By Chorus code (2)',
      '  ~ 0304 50 19 19 03 — 1er accueil social inconditionnel',
      '      A: €1,500.00 → €1,600.00 (+€100.00)',
      '      C: €1,500.00 → €1,600.00 (+€100.00)',
      '      F: €3,000.00 → €3,200.00 (+€200.00)',
      '  ~ 0304 50 19 19 07',
      '      A: €500.00 → €250.00 (−€250.00)',
      '      C: €500.00 → €250.00 (−€250.00)',
      '      F: €1,000.00 → €500.00 (−€500.00)',
      '',
      'Totals (2)',
      '  ~ Core measures',
      '      A: €2,000.00 → €1,850.00 (−€150.00)',
      '      C: €2,000.00 → €1,850.00 (−€150.00)',
      '      F: €4,000.00 → €3,700.00 (−€300.00)',
      '  ~ Whole table — TOTAUX FINANCIERS row 13',
      '      A: €2,000.00 → €1,850.00 (−€150.00)',
      '      C: €2,000.00 → €1,850.00 (−€150.00)',
      '      F: €4,000.00 → €3,700.00 (−€300.00)',
      '',
      'Findings gone (1) — in the old table:',
      '  − D11    [A_NEQ_C] C diffère de A',
      '',
      'New findings (1) — in the new table:',
      '  + H13    [GRAND_TOTAL] F faux',
    ]);
  });
});

describe('the report of two versions, the other lines', () => {
  it('notices, a swap, a fiche renumbered, a move to no theme and another code, an unreadable amount, a template row dropped', () => {
    expect(renderComparison(movedVersions()).split('\n')).toEqual([
      'Comparaison de deux versions de l’annexe 9',
      '  Ancienne version\u00a0: feuille «\u00a0Projet\u00a0», tableau en B5, 3 actions',
      '  Nouvelle version\u00a0: feuille «\u00a0Projet\u00a0», tableau en B5, 3 actions',
      '  ! La colonne E n’existe que dans l’ancienne version\u00a0: elle n’est pas comparée.',
      '  ! La colonne D n’existe que dans la nouvelle version\u00a0: elle n’est pas comparée.',
      '',
      'Différences\u00a0: 0 action ajoutée, 0 retirée, 2 modifiées\u202f; 2 mesures, 2 imputations et 2 totaux dont les montants changent\u202f; anomalies\u00a0: 0 apparue, 0 disparue.',
      '',
      'Actions modifiées (2)',
      '  ~ ligne 20 → ligne 21\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '      fiche\u00a0: Fiche 2 → Fiche 3',
      '  ~ ligne 23 → ligne 22\u00a0: «\u00a0Gamma\u00a0» (appariée par intitulé, dans un autre thème)',
      '      thème\u00a0: «\u00a0Emploi\u00a0» → (sans thème)',
      '      imputation\u00a0: 0304 50 19 19 07 → 0304 50 19 19 08',
      '      A\u00a0: 10,00\u00a0€ → illisible',
      '',
      'Par mesure (montants recalculés depuis les lignes d’action) (2)',
      // A measure that no longer exists shows what it had, not "unreadable" figures on the missing side.
      '  − Emploi [0304 50 19 19 07]',
      '      A 10,00\u00a0€ · C 10,00\u00a0€ · dont valorisation CD 10,00\u00a0€ · F 20,00\u00a0€',
      '  + Mesure sans thème',
      '      A illisible · C 10,00\u00a0€ · dont valorisation CD 10,00\u00a0€ · F 20,00\u00a0€',
      '',
      'Par imputation Chorus (2)',
      '  − 0304 50 19 19 07',
      '      A 10,00\u00a0€ · C 10,00\u00a0€ · dont valorisation CD 10,00\u00a0€ · F 20,00\u00a0€',
      '  + 0304 50 19 19 08',
      '      A illisible · C 10,00\u00a0€ · dont valorisation CD 10,00\u00a0€ · F 20,00\u00a0€',
      '',
      'Totaux (2)',
      '  ~ Mesures socles',
      '      A\u00a0: 160,00\u00a0€ → illisible',
      '  ~ Total du tableau',
      '      A\u00a0: 160,00\u00a0€ → illisible',
      '',
      'Ordre des lignes changé, sans autre modification (1)\u00a0:',
      '  ↕ ligne 21 → ligne 20\u00a0: «\u00a0Beta\u00a0»',
      '',
      'Lignes modèles vides (sans intitulé propre ni montant, pas une différence)\u00a0: 1 retirée, 0 ajoutée.',
    ]);
  });

  it('in English, with the unchanged lines', () => {
    expect(renderComparison(movedVersions(), { lang: 'en', showUnchanged: true }).split('\n')).toEqual([
      'Two versions of annex 9 compared',
      '  Old version: sheet "Projet", table at B5, 3 actions',
      '  New version: sheet "Projet", table at B5, 3 actions',
      '  ! Column E exists only in the old version: it is not compared.',
      '  ! Column D exists only in the new version: it is not compared.',
      '',
      'Differences: 0 action(s) added, 0 removed, 2 changed; 2 measure(s), 2 code(s) and 2 total(s) with other amounts; findings: 0 new, 0 gone.',
      '',
      'Actions changed (2)',
      '  ~ row 20 → row 21: "Alpha" (paired by title within its theme)',
      '      fiche: Fiche 2 → Fiche 3',
      '  ~ row 23 → row 22: "Gamma" (paired by title, in another theme)',
      '      theme: "Emploi" → (no theme)',
      '      code: 0304 50 19 19 07 → 0304 50 19 19 08',
      '      A: €10.00 → unreadable',
      '',
      'Actions unchanged (1)',
      '  = row 21 → row 20: "Beta" (paired by title within its theme)',
      '',
      'By measure (amounts recomputed from the action rows) (3)',
      '  = Accueil [0304 50 19 19 03]',
      '  − Emploi [0304 50 19 19 07]',
      '      A €10.00 · C €10.00 · valued share €10.00 · F €20.00',
      '  + Measure with no theme',
      '      A unreadable · C €10.00 · valued share €10.00 · F €20.00',
      '',
      'By Chorus code (3)',
      '  = 0304 50 19 19 03',
      '  − 0304 50 19 19 07',
      '      A €10.00 · C €10.00 · valued share €10.00 · F €20.00',
      '  + 0304 50 19 19 08',
      '      A unreadable · C €10.00 · valued share €10.00 · F €20.00',
      '',
      'Totals (2)',
      '  ~ Core measures',
      '      A: €160.00 → unreadable',
      '  ~ Whole table',
      '      A: €160.00 → unreadable',
      '',
      'Row order changed, nothing else (1):',
      '  ↕ row 21 → row 20: "Beta"',
      '',
      'Empty template rows (no title of their own, no amount; not a difference): 1 removed, 0 added.',
    ]);
  });
});

describe('the report of two versions, short cases', () => {
  const one = (blocks: HandBlock[]) => handTable({ sheet: 'Annexe 9', columns: ['A', 'C', 'F'], blocks });
  const accueil = (): HandBlock => ({ theme: 'Accueil', code: ACCUEIL, actions: [{ row: 7, title: 'Alpha', amounts: acf(100, 100) }], subtotal: { row: 8, printed: acf(100, 100) } });

  it('a table and itself: no difference, said in one sentence', () => {
    const r = compareTables(one([accueil()]), one([accueil()]));
    expect(r.identical).toBe(true);
    expect(renderComparison(r).split('\n')).toEqual([
      'Comparaison de deux versions de l’annexe 9',
      '  Ancienne version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 1 action',
      '  Nouvelle version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 1 action',
      '',
      'Aucune différence\u00a0: mêmes actions, mêmes montants, mêmes anomalies.',
    ]);
    expect(renderComparison(r, { lang: 'en' }).split('\n').slice(3)).toEqual(['', 'No difference: same actions, same amounts, same findings.']);
  });

  it('a table whose last body row is not known: no row span', () => {
    const t = handTable({ sheet: 'Annexe 9', firstRow: 7, columns: ['A', 'C', 'F'], blocks: [accueil()] });
    const lines = renderComparison(compareTables(t, one([accueil()]))).split('\n');
    expect(lines.slice(1, 3)).toEqual(['  Ancienne version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 1 action', '  Nouvelle version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 1 action']);
  });

  it('a measure added with a subtotal printed apart from its rows: its figures, then the printed ones', () => {
    const added: HandBlock = { theme: 'Emploi', code: INSERTION, actions: [{ row: 9, title: 'Beta', amounts: acf(50, 50) }], subtotal: { row: 10, printed: acf(50, 40) } };
    const r = compareTables(one([accueil()]), one([accueil(), added]));
    expect(renderComparison(r).split('\n').slice(10, 14)).toEqual([
      'Par mesure (montants recalculés depuis les lignes d’action) (1)',
      '  + Emploi [0304 50 19 19 07] — sous-total ligne 10',
      '      A 50,00\u00a0€ · C 50,00\u00a0€ · F 100,00\u00a0€',
      '      total imprimé\u00a0: A 50,00\u00a0€ · C 40,00\u00a0€ · F 90,00\u00a0€',
    ]);
    expect(renderComparison(r, { lang: 'en' }).split('\n').slice(10, 15)).toEqual([
      'By measure (amounts recomputed from the action rows) (1)',
      '  + Emploi [0304 50 19 19 07] — subtotal row 10',
      '      A €50.00 · C €50.00 · F €100.00',
      '      printed total: A €50.00 · C €40.00 · F €90.00',
      '',
    ]);
    // Printed as its rows add up: no printed line.
    const right = compareTables(one([accueil(), { ...added, subtotal: { row: 10, printed: acf(50, 50) } }]), one([accueil()]));
    expect(renderComparison(right, { lang: 'en' }).split('\n').slice(10, 14)).toEqual([
      'By measure (amounts recomputed from the action rows) (1)',
      '  − Emploi [0304 50 19 19 07] — subtotal row 10',
      '      A €50.00 · C €50.00 · F €100.00',
      '',
    ]);
  });

  it('a printed subtotal: its own line when it moved apart from its rows, or from unreadable to read', () => {
    const block = (code: string, theme: string, row: number, amounts: HandBlock['actions'][number]['amounts'], printed: HandBlock['actions'][number]['amounts']): HandBlock => ({
      theme,
      code,
      actions: [{ row, title: theme, amounts }],
      subtotal: { row: row + 1, printed },
    });
    const old = one([
      // A unreadable in the rows of both versions; the printed A unreadable, then read.
      block(ACCUEIL, 'Accueil', 7, { A: null, C: 10000, F: 20000 }, { A: null, C: 10000, F: 20000 }),
      // C raised in the rows, the subtotal not updated.
      block(INSERTION, 'Emploi', 9, acf(100, 100), acf(100, 100)),
      // The rows unchanged, the printed A typed 20 € higher.
      block(MOBILITE, 'Mobilité', 11, acf(100, 100), acf(100, 100)),
    ]);
    const neu = one([
      block(ACCUEIL, 'Accueil', 7, { A: null, C: 20000, F: 30000 }, { A: 10000, C: 20000, F: 30000 }),
      block(INSERTION, 'Emploi', 9, acf(100, 150), acf(100, 100)),
      block(MOBILITE, 'Mobilité', 11, acf(100, 100), { A: 12000, C: 10000, F: 20000 }),
    ]);
    const lines = renderComparison(compareTables(old, neu)).split('\n');
    const from = lines.indexOf('Par mesure (montants recalculés depuis les lignes d’action) (3)');
    expect(lines.slice(from, from + 12)).toEqual([
      'Par mesure (montants recalculés depuis les lignes d’action) (3)',
      '  ~ Accueil [0304 50 19 19 03] — sous-total ligne 8',
      '      C\u00a0: 100,00\u00a0€ → 200,00\u00a0€ (+100,00\u00a0€)',
      '      F\u00a0: 200,00\u00a0€ → 300,00\u00a0€ (+100,00\u00a0€)',
      '      total imprimé, A\u00a0: illisible → 100,00\u00a0€',
      '  ~ Emploi [0304 50 19 19 07] — sous-total ligne 10',
      '      C\u00a0: 100,00\u00a0€ → 150,00\u00a0€ (+50,00\u00a0€)',
      '      F\u00a0: 200,00\u00a0€ → 250,00\u00a0€ (+50,00\u00a0€)',
      '  ~ Mobilité [0304 50 19 19 08] — sous-total ligne 12',
      '      total imprimé, A\u00a0: 100,00\u00a0€ → 120,00\u00a0€ (+20,00\u00a0€)',
      '',
      'Par imputation Chorus (2)',
    ]);
  });

  it('a row swapped and changed is reported changed, not as a move', () => {
    const t = (beta: number) =>
      handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: 'T', code: ACCUEIL, actions: beta ? [{ row: 5, title: 'Beta', amounts: acf(beta, beta) }, { row: 6, title: 'Alpha', amounts: acf(1, 1) }] : [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }, { row: 6, title: 'Beta', amounts: acf(2, 2) }] }] });
    const r = compareTables(t(0), t(3));
    expect(r.versions!.actions.map((a) => [a.new!.title, a.status, a.reordered])).toEqual([
      ['Beta', 'changed', true],
      ['Alpha', 'unchanged', false],
    ]);
    expect([r.versions!.counts.reordered, r.versions!.counts.actionsChanged]).toEqual([0, 1]);
    expect(renderComparison(r).split('\n').filter((l) => l.startsWith('Ordre') || l.startsWith('  ↕'))).toEqual([]);
  });
});

/**
 * Two of each: « Beta » and « Gamma » removed from « Accueil » with its two template rows, « Zeta »
 * and « Eta » added to the département's « Projets » with two template rows; both measures on one
 * code; the findings of the removed rows gone, three new ones.
 */
function twoOfEach() {
  const template = (row: number, n: number) => ({ row, title: `Intitulé de l’action n°${n}`, placeholder: true, amounts: acf(0, 0) });
  const old = handTable({
    sheet: 'Annexe 9',
    columns: ['A', 'C', 'F'],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 7, title: 'Alpha', amounts: acf(100, 100) },
          { row: 8, title: 'Beta', amounts: acf(50, 50) },
          { row: 9, title: 'Gamma', amounts: acf(20, 20) },
          template(10, 1),
          template(11, 2),
        ],
      },
      { theme: 'Projets', code: ACCUEIL, section: 'initiative', actions: [{ row: 12, title: 'Delta', amounts: acf(10, 10) }] },
    ],
    findings: [
      { rule: 'A_NEQ_C', column: 'C', row: 8, cell: 'D8', message: 'C diffère de A', target: { kind: 'action', action: 1 } },
      { rule: 'A_NEQ_C', column: 'C', row: 9, cell: 'D9', message: 'C diffère de A', target: { kind: 'action', action: 2 } },
    ],
  });
  const neu = handTable({
    sheet: 'Annexe 9',
    columns: ['A', 'C', 'F'],
    blocks: [
      { theme: 'Accueil', code: ACCUEIL, actions: [{ row: 7, title: 'Alpha', amounts: acf(100, 100) }] },
      {
        theme: 'Projets',
        code: ACCUEIL,
        section: 'initiative',
        actions: [{ row: 8, title: 'Delta', amounts: acf(10, 10) }, { row: 9, title: 'Zeta', amounts: acf(5, 5) }, { row: 10, title: 'Eta', amounts: acf(5, 5) }, template(11, 1), template(12, 2)],
      },
    ],
    findings: [
      { rule: 'A_NEQ_C', column: 'C', row: 9, cell: 'D9', message: 'C diffère de A', target: { kind: 'action', action: 2 } },
      { rule: 'A_NEQ_C', column: 'C', row: 10, cell: 'D10', message: 'C diffère de A', target: { kind: 'action', action: 3 } },
      { rule: 'GRAND_TOTAL', column: 'F', row: 13, cell: 'H13', message: 'F faux', target: { kind: 'total', level: 'grand' } },
    ],
  });
  return compareTables(old, neu);
}

describe('the report of two versions, two of each', () => {
  it('in French with the unchanged lines: plurals, the département’s initiatives, template rows counted', () => {
    expect(renderComparison(twoOfEach(), { showUnchanged: true }).split('\n')).toEqual([
      'Comparaison de deux versions de l’annexe 9',
      '  Ancienne version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 4 actions',
      '  Nouvelle version\u00a0: feuille «\u00a0Annexe 9\u00a0», tableau en B5, 4 actions',
      '',
      'Différences\u00a0: 2 actions ajoutées, 2 retirées, 0 modifiée\u202f; 2 mesures, 1 imputation et 3 totaux dont les montants changent\u202f; anomalies\u00a0: 3 apparues, 2 disparues.',
      '',
      'Actions ajoutées (2)',
      '  + ligne 9\u00a0: «\u00a0Zeta\u00a0» — thème «\u00a0Projets\u00a0» — 0304 50 19 19 03',
      '      A 5,00\u00a0€ · C 5,00\u00a0€ · F 10,00\u00a0€',
      '  + ligne 10\u00a0: «\u00a0Eta\u00a0» — thème «\u00a0Projets\u00a0» — 0304 50 19 19 03',
      '      A 5,00\u00a0€ · C 5,00\u00a0€ · F 10,00\u00a0€',
      '',
      'Actions retirées (2)',
      '  − ligne 8\u00a0: «\u00a0Beta\u00a0» — thème «\u00a0Accueil\u00a0» — 0304 50 19 19 03',
      '      A 50,00\u00a0€ · C 50,00\u00a0€ · F 100,00\u00a0€',
      '  − ligne 9\u00a0: «\u00a0Gamma\u00a0» — thème «\u00a0Accueil\u00a0» — 0304 50 19 19 03',
      '      A 20,00\u00a0€ · C 20,00\u00a0€ · F 40,00\u00a0€',
      '',
      'Actions inchangées (2)',
      '  = ligne 7\u00a0: «\u00a0Alpha\u00a0» (appariée par intitulé dans le thème)',
      '  = ligne 12 → ligne 8\u00a0: «\u00a0Delta\u00a0» (appariée par intitulé dans le thème)',
      '',
      'Par mesure (montants recalculés depuis les lignes d’action) (2)',
      '  ~ Accueil [0304 50 19 19 03]',
      '      A\u00a0: 170,00\u00a0€ → 100,00\u00a0€ (−70,00\u00a0€)',
      '      C\u00a0: 170,00\u00a0€ → 100,00\u00a0€ (−70,00\u00a0€)',
      '      F\u00a0: 340,00\u00a0€ → 200,00\u00a0€ (−140,00\u00a0€)',
      '  ~ Projets [0304 50 19 19 03]',
      '      A\u00a0: 10,00\u00a0€ → 20,00\u00a0€ (+10,00\u00a0€)',
      '      C\u00a0: 10,00\u00a0€ → 20,00\u00a0€ (+10,00\u00a0€)',
      '      F\u00a0: 20,00\u00a0€ → 40,00\u00a0€ (+20,00\u00a0€)',
      '',
      'Par imputation Chorus (1)',
      '  ~ 0304 50 19 19 03',
      '      A\u00a0: 180,00\u00a0€ → 120,00\u00a0€ (−60,00\u00a0€)',
      '      C\u00a0: 180,00\u00a0€ → 120,00\u00a0€ (−60,00\u00a0€)',
      '      F\u00a0: 360,00\u00a0€ → 240,00\u00a0€ (−120,00\u00a0€)',
      '',
      'Totaux (3)',
      '  ~ Mesures socles',
      '      A\u00a0: 170,00\u00a0€ → 100,00\u00a0€ (−70,00\u00a0€)',
      '      C\u00a0: 170,00\u00a0€ → 100,00\u00a0€ (−70,00\u00a0€)',
      '      F\u00a0: 340,00\u00a0€ → 200,00\u00a0€ (−140,00\u00a0€)',
      '  ~ Initiatives du département',
      '      A\u00a0: 10,00\u00a0€ → 20,00\u00a0€ (+10,00\u00a0€)',
      '      C\u00a0: 10,00\u00a0€ → 20,00\u00a0€ (+10,00\u00a0€)',
      '      F\u00a0: 20,00\u00a0€ → 40,00\u00a0€ (+20,00\u00a0€)',
      '  ~ Total du tableau',
      '      A\u00a0: 180,00\u00a0€ → 120,00\u00a0€ (−60,00\u00a0€)',
      '      C\u00a0: 180,00\u00a0€ → 120,00\u00a0€ (−60,00\u00a0€)',
      '      F\u00a0: 360,00\u00a0€ → 240,00\u00a0€ (−120,00\u00a0€)',
      '',
      'Anomalies disparues (2) — dans l’ancien tableau\u00a0:',
      '  − D8     [A_NEQ_C] C diffère de A',
      '  − D9     [A_NEQ_C] C diffère de A',
      '',
      'Anomalies apparues (3) — dans le nouveau tableau\u00a0:',
      '  + D9     [A_NEQ_C] C diffère de A',
      '  + D10    [A_NEQ_C] C diffère de A',
      '  + H13    [GRAND_TOTAL] F faux',
      '',
      'Lignes modèles vides (sans intitulé propre ni montant, pas une différence)\u00a0: 2 retirées, 2 ajoutées.',
    ]);
  });

  it('in English: the counts, the département’s initiatives, the template rows', () => {
    const lines = renderComparison(twoOfEach(), { lang: 'en' }).split('\n');
    expect(lines[4]).toBe('Differences: 2 action(s) added, 2 removed, 0 changed; 2 measure(s), 1 code(s) and 3 total(s) with other amounts; findings: 3 new, 2 gone.');
    const totals = lines.indexOf('Totals (3)');
    expect(lines.slice(totals, totals + 13)).toEqual([
      'Totals (3)',
      '  ~ Core measures',
      '      A: €170.00 → €100.00 (−€70.00)',
      '      C: €170.00 → €100.00 (−€70.00)',
      '      F: €340.00 → €200.00 (−€140.00)',
      '  ~ Département\'s initiatives',
      '      A: €10.00 → €20.00 (+€10.00)',
      '      C: €10.00 → €20.00 (+€10.00)',
      '      F: €20.00 → €40.00 (+€20.00)',
      '  ~ Whole table',
      '      A: €180.00 → €120.00 (−€60.00)',
      '      C: €180.00 → €120.00 (−€60.00)',
      '      F: €360.00 → €240.00 (−€120.00)',
    ]);
    expect(lines.slice(-2)).toEqual(['', 'Empty template rows (no title of their own, no amount; not a difference): 2 removed, 2 added.']);
  });

  it('a template row renamed is listed with the changed actions', () => {
    const t = (title: string) => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: 'T', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }, { row: 6, title, placeholder: true, amounts: acf(0, 0) }] }] });
    expect(renderComparison(compareTables(t('Intitulé de l’action n°1'), t('Intitulé de l’action n°2'))).split('\n').slice(4)).toEqual([
      'Différences\u00a0: 0 action ajoutée, 0 retirée, 1 modifiée\u202f; 0 mesure, 0 imputation et 0 total dont les montants changent\u202f; anomalies\u00a0: 0 apparue, 0 disparue.',
      '',
      'Actions modifiées (1)',
      '  ~ ligne 6\u00a0: «\u00a0Intitulé de l’action n°2\u00a0» (appariée par position dans le bloc)',
      '      intitulé\u00a0: «\u00a0Intitulé de l’action n°1\u00a0» → «\u00a0Intitulé de l’action n°2\u00a0»',
    ]);
  });
});
