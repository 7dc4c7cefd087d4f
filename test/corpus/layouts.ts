/**
 * Corpus cases for annexes laid out the way départements really make them (issue 12): headers
 * over two or three rows, other tables on the same sheet, subtotal labels as people type them,
 * amounts in thousands, formulas (stale results, a SUM that misses a row), hidden and filtered
 * rows. Each declares what `annex9 check` must find, and the only cells `fix` may write.
 *
 * The mini annex (see build.ts), default layout: title row 1, letters row 3, labels row 4, data
 * rows 5–15 (5 « 2.1 Accueil de proximité », 6 « 2.2 … », 7 Sous total, 8 « 5.1 … », 9 « 5.2 … »,
 * 10 Sous total, 11 socle, 12 « Premières Heures », 13 « Coup de pouce », 14 initiatives, 15
 * TOTAUX FINANCIERS); columns B theme, C code, D fiche, E title, F=A … L=F.
 */
import { SheetGrid } from '../../src/domain/grid';
import { AnnexSpec, LayoutOptions, SpecTotal, layoutAnnex, splitLines } from '../support/annex-layout';
import { CODE_03, CODE_07, CODE_10, block, formulaTotals, gridBook, inThousands, miniSpec, put, recompute, specBook, totalOf, withFormulas } from './build';
import type { CorpusCase } from './generate';

/** The mini annex with its total labels replaced (subtotals, socle, initiatives, grand total, in order). */
function relabelled(labels: string[], spec = miniSpec()): AnnexSpec {
  const totals = spec.body.filter((e): e is SpecTotal => e.kind !== 'block');
  totals.forEach((t, i) => {
    if (labels[i] !== undefined) t.label = labels[i];
  });
  return spec;
}

/** A grid with a few cells set (A1 → value or cell). */
function grid(spec: AnnexSpec, options: Partial<LayoutOptions> = {}, cells: Record<string, Parameters<typeof put>[2]> = {}): SheetGrid {
  const g = layoutAnnex(spec, options).grid;
  for (const [at, cell] of Object.entries(cells)) put(g, at, cell);
  return g;
}

const text = (value: string) => ({ value });
const num = (value: number) => ({ value, numFmt: '#,##0.00\\ "€"' });

/** A recap by Chorus code: a title, a header in the given columns, one line per code and a TOTAL. */
function recap(g: SheetGrid, top: number, cols: { code: string; A: string; C: string; F: string }, total: number[] = [535000.5, 535000.5, 1127001]): void {
  put(g, `${cols.code}${top}`, text('Récapitulatif par imputation Chorus'));
  put(g, `${cols.code}${top + 1}`, text('Imputation Chorus'));
  put(g, `${cols.A}${top + 1}`, text('Participation État'));
  put(g, `${cols.C}${top + 1}`, text('Crédits CD affectés'));
  put(g, `${cols.F}${top + 1}`, text('Total'));
  const lines: Array<[string, number, number, number]> = [
    [CODE_03, 120000, 120000, 245000],
    [CODE_07, 340000.5, 340000.5, 732001],
    [CODE_10, 75000, 75000, 150000],
  ];
  lines.forEach(([code, a, c, f], i) => {
    const r = top + 2 + i;
    put(g, `${cols.code}${r}`, text(code));
    put(g, `${cols.A}${r}`, num(a));
    put(g, `${cols.C}${r}`, num(c));
    put(g, `${cols.F}${r}`, num(f));
  });
  const r = top + 5;
  put(g, `${cols.code}${r}`, text('TOTAL'));
  put(g, `${cols.A}${r}`, num(total[0]));
  put(g, `${cols.C}${r}`, num(total[1]));
  put(g, `${cols.F}${r}`, num(total[2]));
}

/** The mini annex without its TOTAUX FINANCIERS row. */
function withoutGrandTotal(): AnnexSpec {
  const spec = miniSpec();
  spec.body = spec.body.filter((e) => e.kind !== 'grandTotal');
  return spec;
}

const FIRST_ROW = { themeCells: 'firstRow' as const };
const FIRST_ROW_WRITES = ['C6', 'C9', 'C13'];

export const LAYOUT_CASES: CorpusCase[] = [
  // --- Headers over two or three rows ---------------------------------------------------------
  {
    id: 'en-tete-sur-deux-lignes',
    what: 'En-tête sur deux lignes non fusionnées (« Crédits Etat 2022 » / « reportés sur 2023 »), sans lettres ; B faux sur une ligne',
    file: 'en-tete-deux-lignes.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 0).actions[1].amounts.B = '500'; // 2.2 (row 6): B 500 for 5 000, F left at 45 000
      return specBook(spec, { letters: 'none', headerRows: 2, splitLabel: (_r, l, n) => splitLines(l, n) });
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@G6', 'SUBTOTAL@G7'], says: ['tableau en B3', 'B affiché 500,00 €'] },
  },
  {
    id: 'en-tete-sur-trois-lignes-et-lettres',
    what: 'En-tête sur trois lignes sous une ligne de lettres ; D faux sur une ligne',
    file: 'en-tete-trois-lignes.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[1].amounts.D = '200'; // 5.2: D 200 for 2 000 (rows move down 2: row 11)
      return specBook(spec, { letters: 'row', headerRows: 3, splitLabel: (_r, l, n) => splitLines(l, n) });
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@J11', 'SUBTOTAL@J12'], says: ['tableau en B3', 'D affiché 200,00 €', 'Corrigez D en 2 000,00 €'] },
  },
  {
    id: 'en-tete-mots-coupes-fusion-verticale',
    what: 'Libellés coupés au milieu des mots sur trois lignes, libellés courts fusionnés vers le bas, lettres en tête de libellé',
    file: 'en-tete-coupe.xlsx',
    workbook: true,
    bytes: specBook(miniSpec(), { letters: 'inline', headerRows: 3, mergeShortLabels: true }),
    expect: { exit: 0, findings: [], says: ['Aucune anomalie.'] },
  },
  {
    id: 'en-tete-groupes-fusionnes',
    what: 'En-tête à deux niveaux : « Crédits Etat » fusionné sur A et B, « Crédits CD » sur C, valorisation et D ; C faux',
    file: 'en-tete-groupes.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[0].amounts.C = '300001'; // 5.1 (row 8): C 300 001 for 300 000, F left
      const g = layoutAnnex(spec, { letters: 'none', gapAfterTitle: 1 }).grid;
      // Labels row 3 becomes the group row; row 4 the detail row (data moves down one).
      g.rows.splice(3, 0, []);
      g.merges = g.merges.map((m) => (m.top >= 3 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
      const labels: Record<string, [string, string | null]> = {
        F: ['Crédits Etat', 'notifiés 2023'],
        G: ['', '2022 reportés sur 2023'],
        H: ['Crédits CD', 'affectés 2023'],
        I: ['', 'dont valorisation'],
        J: ['', '2022 reportés sur 2023'],
        K: ['Participation d’autres financeurs', null],
        L: ["Budget global de l'action", '(A+B+C+D+E)'],
      };
      for (const [col, [top, bottom]] of Object.entries(labels)) {
        put(g, `${col}3`, top ? text(top) : null);
        put(g, `${col}4`, bottom ? text(bottom) : null);
      }
      for (const col of ['B', 'C', 'D', 'E']) {
        const c = col.charCodeAt(0) - 65;
        g.merges.push({ top: 2, bottom: 3, left: c, right: c });
      }
      g.merges.push({ top: 2, bottom: 2, left: 5, right: 6 }, { top: 2, bottom: 2, left: 7, right: 9 }, { top: 2, bottom: 3, left: 10, right: 10 });
      return gridBook(g);
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@H8', 'SUBTOTAL@H10'], says: ['C affiché 300 001,00 €'] },
  },

  // --- Other tables on the sheet ----------------------------------------------------------------
  {
    id: 'recapitulatif-sous-les-totaux',
    what: 'Récapitulatif par imputation sous TOTAUX FINANCIERS (ligne « TOTAL » sans code), codes sur la première ligne des blocs',
    file: 'recap-dessous.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(miniSpec(), FIRST_ROW);
      recap(g, 18, { code: 'C', A: 'F', C: 'H', F: 'L' }, [535000, 535000, 1127000]);
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'], filled: 3, writes: FIRST_ROW_WRITES },
  },
  {
    id: 'recapitulatif-sans-totaux-financiers',
    what: 'Annexe sans TOTAUX FINANCIERS suivie d’un récapitulatif avec son en-tête : le tableau s’arrête avant',
    file: 'recap-sans-totaux.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(withoutGrandTotal(), FIRST_ROW);
      recap(g, 17, { code: 'C', A: 'F', C: 'H', F: 'L' }, [1, 2, 3]);
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'],
      filled: 3,
      writes: FIRST_ROW_WRITES,
      notices: ['NO_GRAND_TOTAL', 'TABLE_ENDS'],
      says: ["le bloc qui commence ligne 17 (« Récapitulatif par imputation Chorus ») n'est pas une annexe 9"],
    },
  },
  {
    id: 'recapitulatif-a-droite',
    what: 'Récapitulatif par imputation à droite du tableau (une colonne vide entre les deux), sur les mêmes lignes',
    file: 'recap-droite.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(miniSpec(), FIRST_ROW);
      // Header on the labels row (4), lines from row 5, TOTAL row 8 with a figure that adds up nothing.
      recap(g, 3, { code: 'N', A: 'O', C: 'P', F: 'Q' }, [1, 2, 3]);
      put(g, 'N3', null);
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'], filled: 3, writes: FIRST_ROW_WRITES, says: ['tableau en B3 (colonnes B:L'] },
  },
  {
    id: 'deux-annexes-cote-a-cote',
    what: 'Deux annexes côte à côte (2023 à gauche, 2024 à droite), une erreur dans celle de droite',
    file: 'cote-a-cote.xlsx',
    workbook: true,
    bytes: async () => {
      const left = layoutAnnex(miniSpec()).grid;
      const spec2 = miniSpec();
      block(spec2, 2).actions[0].amounts.C = '40000'; // Premières Heures 2024: C 40 000, F left at 100 000
      const right = layoutAnnex({ ...spec2, year: 2024 }, { origin: { row: 0, col: 13 } }).grid; // N:X
      const rows = left.rows.map((r, i) => {
        const copy = [...(r ?? [])];
        (right.rows[i] ?? []).forEach((cell, c) => {
          if (cell && c >= 13) copy[c] = cell;
        });
        return copy;
      });
      return gridBook({ ...left, rows, merges: [...left.merges, ...right.merges] })();
    },
    expect: { exit: 1, findings: ['ROW_TOTAL@T12', 'SECTION_TOTAL@T14'], says: ["contient 2 tableaux d'annexe 9", 'tableau en N3'] },
  },
  {
    id: 'bloc-de-signatures-sans-totaux',
    what: 'Annexe sans TOTAUX FINANCIERS, puis un bloc de signatures et une action oubliée après le dernier total',
    file: 'signatures.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(withoutGrandTotal());
      // Row 16: an action after the last total, with money and no code: proposed, never written.
      put(g, 'E16', text('Reliquat 2022 à reverser'));
      put(g, 'F16', num(1000));
      put(g, 'H16', num(1000));
      put(g, 'L16', num(2000));
      put(g, 'B18', text('Fait à Arras, le 12 juin 2023'));
      put(g, 'E19', text('Le Président du Conseil départemental'));
      put(g, 'J19', text('Le Préfet du Pas-de-Calais'));
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C16'],
      filled: 0,
      says: ["hors du tableau de l'annexe ?", '« 0304 50 19 19 10 - Initiatives locales » probable, non écrit'],
    },
  },

  // --- Subtotal labels as people type them ------------------------------------------------------
  {
    id: 'libelles-ss-total-et-s-total',
    what: 'Libellés « Ss-total », « S/Total : », « SOUS-TOTAL ENGAGEMENTS DES MESURES SOCLE : », « S/total engagements à l’initiative… », « Total général » ; codes sur la première ligne',
    file: 'libelles-1.xlsx',
    workbook: true,
    bytes: specBook(
      relabelled(['Ss-total', 'S/Total :', 'SOUS-TOTAL ENGAGEMENTS DES MESURES SOCLE :', "S/total engagements à l'initiative du département", 'Total général']),
      FIRST_ROW,
    ),
    expect: { exit: 1, findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'], filled: 3, writes: FIRST_ROW_WRITES },
  },
  {
    id: 'libelles-s-total-sous-total-deux-points',
    what: 'Libellés « S-total », « Sous total : », « Ss-Total mesures socle », « Sous-Total initiatives », « TOTAL GENERAL », non fusionnés ; E faux',
    file: 'libelles-2.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = relabelled(['S-total', 'Sous total :', 'Ss-Total mesures socle', 'Sous-Total initiatives', 'TOTAL GENERAL']);
      block(spec, 1).actions[0].amounts.E = '5000'; // 5.1 (row 8): E 5 000 for 50 000
      return specBook(spec, { mergeTotalLabels: false });
    })(),
    expect: { exit: 1, findings: ['ROW_TOTAL@K8', 'SUBTOTAL@K10'], says: ['E affiché 5 000,00 €'] },
  },
  {
    id: 'libelles-total-et-theme',
    what: 'Libellés « TOTAL » suivi du thème, « Total des mesures socle », « TOTAL INITIATIVES DU DEPARTEMENT », « TOTAUX » ; codes sur la première ligne',
    file: 'libelles-3.xlsx',
    workbook: true,
    bytes: specBook(
      relabelled(['TOTAL Premier accueil social inconditionnel de proximité', 'TOTAL Garantie d’activité', 'Total des mesures socle', 'TOTAL INITIATIVES DU DEPARTEMENT', 'TOTAUX']),
      FIRST_ROW,
    ),
    expect: { exit: 1, findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'], filled: 3, writes: FIRST_ROW_WRITES },
  },
  {
    id: 'libelles-minuscules-et-soustotal',
    what: 'Libellés « sous total », « SOUSTOTAL », « Sous-totaux mesures socle », « sous-total des initiatives », « total financier » ; A ≠ C',
    file: 'libelles-4.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = relabelled(['sous total', 'SOUSTOTAL', 'Sous-totaux mesures socle', 'sous-total des initiatives', 'total financier']);
      block(spec, 2).actions[1].amounts.C = '20000'; // Coup de pouce (row 13): C 20 000, A 25 000
      return specBook(recompute(spec));
    })(),
    expect: { exit: 1, findings: ['A_NEQ_C@H13'], says: ["Reportez en C le montant de A (50/50) ou justifiez l'écart."] },
  },
  {
    id: 'sous-total-sans-libelle',
    what: 'Un sous-total sans libellé (ses montants sont la somme des lignes au-dessus) et un « TOTAL » nu ; codes sur la première ligne',
    file: 'sous-total-sans-libelle.xlsx',
    workbook: true,
    bytes: specBook(relabelled(['', 'TOTAL']), FIRST_ROW),
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C9', 'MISSING_IMPUTATION@C13'],
      filled: 3,
      writes: FIRST_ROW_WRITES,
      notices: ['ROW_READ_AS_TOTAL', 'ROW_READ_AS_TOTAL'],
      says: ['Ligne 7 (sans libellé) : lue comme un sous-total, ses montants étant la somme des lignes 5 à 6.'],
    },
  },
  {
    id: 'ligne-de-total-non-reconnue',
    what: 'Une ligne « Total hors valorisation » qui n’est la somme de rien : ni action, ni code ; une erreur ailleurs',
    file: 'total-non-reconnu.xlsx',
    workbook: true,
    bytes: async () => {
      const spec = miniSpec();
      block(spec, 2).actions[1].amounts.A = '2500'; // Coup de pouce: A 2 500 for 25 000 (row 14 once shifted)
      const g = layoutAnnex(spec, FIRST_ROW).grid;
      // A row after 2.2 (row 7): the subtotal's figures without the valued share, labelled « total ».
      g.rows.splice(6, 0, []);
      g.merges = g.merges.map((m) => (m.top >= 6 ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
      put(g, 'E7', text('Total hors valorisation'));
      put(g, 'F7', num(120000));
      put(g, 'G7', num(5000));
      put(g, 'H7', num(120000));
      put(g, 'L7', num(235000));
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C6', 'MISSING_IMPUTATION@C10', 'MISSING_IMPUTATION@C14', 'ROW_TOTAL@F14', 'SECTION_TOTAL@F15'],
      filled: 3,
      writes: ['C6', 'C10', 'C14'],
      notices: ['UNCLASSIFIED_ROW'],
      says: ['Ligne 7 (« Total hors valorisation ») : ligne de total que le contrôle ne reconnaît pas'],
    },
  },

  // --- Amounts in thousands ---------------------------------------------------------------------
  {
    id: 'milliers-d-euros',
    what: 'Annexe en milliers d’euros (« en milliers d’euros » dans le titre), montants à trois décimales',
    file: 'milliers.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid({ ...miniSpec(), titleRows: ["ANNEXE 9 – TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL (en milliers d'euros)"] });
      inThousands(g, 4, '#,##0.000');
      return gridBook(g)();
    },
    expect: { exit: 0, findings: [], unit: 'k€', notices: ['THOUSANDS'], says: ["montants en milliers d'euros (k€)"] },
  },
  {
    id: 'milliers-d-euros-ecart-d-un-euro',
    what: 'Annexe en K€ (dans les libellés des colonnes) ; un F faux de 0,001 k€ (un euro)',
    file: 'milliers-un-euro.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(miniSpec());
      for (const col of ['F', 'G', 'H', 'I', 'J', 'K', 'L']) {
        const c = g.rows[3]![col.charCodeAt(0) - 65]!;
        put(g, `${col}4`, { value: `${String(c.value)}\n(en K€)` });
      }
      inThousands(g, 4, '#,##0.000');
      put(g, 'L5', { value: 200.001, numFmt: '#,##0.000' }); // 2.1: F 200,001 k€ for 200 k€
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['ROW_TOTAL@L5', 'SUBTOTAL@L7'],
      unit: 'k€',
      says: ['F affiché 200,001 k€, A+B+C+D+E = 200 k€ — écart +0,001 k€', 'Corrigez F en 200 k€'],
      saysNot: ['200 001,00 €', '0,00 k€'],
    },
  },
  {
    id: 'milliers-d-euros-montant-saisi-en-euros',
    what: 'Annexe en k€ (format « k€ ») où un montant a été saisi en euros (100 000 au lieu de 100)',
    file: 'milliers-saisi-en-euros.xlsx',
    workbook: true,
    bytes: async () => {
      const g = grid(miniSpec());
      inThousands(g, 4, '#,##0.000\\ "k€"');
      put(g, 'F5', { value: 100000, numFmt: '#,##0.000\\ "k€"' }); // 2.1: A typed in euros
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['ROW_TOTAL@F5', 'SUBTOTAL@F7'],
      unit: 'k€',
      says: ['A affiché 100 000 k€', 'Le montant de A semble saisi en euros : en milliers d\'euros, ce serait 100 k€.'],
    },
  },

  // --- Formulas -----------------------------------------------------------------------------------
  {
    id: 'calcul-manuel-resultats-perimes',
    what: 'Calcul manuel : une action modifiée, les totaux en formules gardent leurs anciens résultats',
    file: 'calcul-manuel.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      formulaTotals(g, true);
      // 2.1 becomes 110 000 / 110 000 / 220 000; the stored totals are those of 100 000.
      put(g, 'F5', num(110000));
      put(g, 'H5', num(110000));
      put(g, 'L5', num(220000));
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['STALE_FORMULA@F7', 'STALE_FORMULA@H7', 'STALE_FORMULA@L7', 'STALE_FORMULA@F11', 'STALE_FORMULA@H11', 'STALE_FORMULA@L11', 'STALE_FORMULA@F15', 'STALE_FORMULA@H15', 'STALE_FORMULA@L15'],
      says: ['formule non recalculée, =SOMME(L5:L6) donne 265 000,00 € mais le fichier enregistre 245 000,00 €', 'Recalculez le classeur (Formules > Calculer maintenant, ou F9) puis enregistrez-le.'],
      saysNot: ['SUBTOTAL', 'Sous-totaux faux'],
    },
  },
  {
    id: 'somme-qui-oublie-une-ligne-inseree',
    what: 'Une action insérée sous la plage d’un sous-total =SUM(L8:L9) : la formule ne la compte pas',
    file: 'somme-ligne-inseree.xlsx',
    workbook: true,
    bytes: async () => {
      const spec = miniSpec();
      block(spec, 1).actions.push({ fiche: '5.3', title: 'Transport solidaire', amounts: { A: '1000', B: '0', C: '1000', valorisation: '0', D: '0', E: '0', F: '2000' } });
      // Rows: 5.3 is row 10, its subtotal 11, socle 12, initiatives 13–15, TOTAUX 16.
      const g = layoutAnnex(spec).grid;
      const cols = ['F', 'G', 'H', 'I', 'J', 'K', 'L'];
      withFormulas(g, [
        ...cols.map((c): [string, string] => [`${c}7`, `SUM(${c}5:${c}6)`]),
        ...cols.map((c): [string, string] => [`${c}11`, `SUM(${c}8:${c}9)`]),
        ...cols.map((c): [string, string] => [`${c}12`, `${c}7+${c}11`]),
        ...cols.map((c): [string, string] => [`${c}15`, `SUM(${c}13:${c}14)`]),
        ...cols.map((c): [string, string] => [`${c}16`, `${c}12+${c}15`]),
      ]);
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['SUBTOTAL@F11', 'SUBTOTAL@H11', 'SUBTOTAL@L11'],
      says: ["la formule =SOMME(L8:L9) s'arrête à la ligne 9 : la ligne 10 (Transport solidaire) n'est pas comptée. Corrigez la formule : =SOMME(L8:L10)."],
    },
  },
  {
    id: 'formule-de-f-avec-la-valorisation',
    what: 'F de chaque action en formule =SUM(F:K) qui compte aussi la colonne « dont valorisation »',
    file: 'formule-f-valorisation.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      withFormulas(g, [5, 6, 8, 9, 12, 13].map((r): [string, string] => [`L${r}`, `SUM(F${r}:K${r})`]));
      return gridBook(g)();
    },
    expect: {
      exit: 1,
      findings: ['ROW_TOTAL@L6', 'SUBTOTAL@L7'],
      says: ['la formule =SOMME(F6:K6) compte aussi la colonne I (Dont valorisation CD). Corrigez la formule : =F6+G6+H6+J6+K6.', "Corrigez d'abord L6."],
    },
  },
  {
    id: 'formule-non-evaluee',
    what: 'Un sous-total en formule =ROUND(SUM(…)) que le contrôle n’évalue pas, au résultat faux',
    file: 'formule-non-evaluee.xlsx',
    workbook: true,
    bytes: async () => {
      const g = layoutAnnex(miniSpec()).grid;
      put(g, 'L10', { value: 732000, formula: '=ROUND(SUM(L8:L9),-3)', numFmt: '#,##0.00\\ "€"' });
      return gridBook(g)();
    },
    expect: { exit: 1, findings: ['SUBTOTAL@L10', 'SECTION_TOTAL@L11'], says: ["la formule =ROUND(SUM(L8:L9),-3) n'est pas évaluée par le contrôle"] },
  },

  // --- Hidden and filtered rows -------------------------------------------------------------------
  {
    id: 'lignes-filtrees-erreur-et-code',
    what: 'Filtre automatique qui masque les lignes 8 et 9 : une erreur et un code manquant sur des lignes filtrées',
    file: 'filtrees.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      block(spec, 1).actions[0].amounts.E = '5000'; // 5.1 (row 8): E 5 000 for 50 000
      return specBook(spec, FIRST_ROW, (ws) => {
        ws.autoFilter = 'B4:L15';
        ws.getRow(8).hidden = true;
        ws.getRow(9).hidden = true;
      });
    })(),
    expect: {
      exit: 1,
      findings: ['MISSING_IMPUTATION@C6', 'ROW_TOTAL@K8', 'MISSING_IMPUTATION@C9', 'SUBTOTAL@K10', 'MISSING_IMPUTATION@C13'],
      filled: 3,
      writes: FIRST_ROW_WRITES,
      hidden: ['K8', 'C9'],
      says: ['« Accompagnement global » (ligne 8, ligne masquée) : E affiché 5 000,00 €', '« Mobilité des demandeurs d\'emploi » (ligne 9, ligne masquée) : imputation Chorus manquante en C9'],
    },
  },
  {
    id: 'ligne-masquee-dans-un-sous-total',
    what: 'Un sous-total faux dont une des lignes est masquée : le message le dit',
    file: 'masquee-sous-total.xlsx',
    workbook: true,
    bytes: (() => {
      const spec = miniSpec();
      totalOf(spec, 'subtotal', 1).amounts!.F = '732000'; // row 10: 732 001 expected
      return specBook(spec, {}, (ws) => {
        ws.getRow(9).hidden = true;
      });
    })(),
    expect: {
      exit: 1,
      findings: ['SUBTOTAL@L10', 'SECTION_TOTAL@L11'],
      says: ['Corrigez F en 732 001,00 € ou vérifiez les lignes 8 à 9 (dont la ligne 9, masquée).'],
    },
  },
];
