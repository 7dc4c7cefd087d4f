/**
 * The comparisons the render, sheet-plan, outline and JSON tests read, on hand-typed tables.
 * Built inside each test (a function per scene), never in a describe body.
 */
import { compareTables, CompareResult } from '../../../src/domain/compare/compare';
import { acf, handTable } from './tables';

export const ACCUEIL = '0304 50 19 19 03';
export const INSERTION = '0304 50 19 19 07';

/**
 * Two versions: « Premier accueil » (fiche 1.1) raised by 100 € on A and C, « Référent unique »
 * renamed in place, « Chantiers » removed (it carried an A ≠ C finding), « Mobilité » added at the
 * top of its block, « Ateliers » pushed down one row; the old « Insertion » subtotal was printed
 * wrong (600 instead of 500); the new grand total carries a new finding.
 */
export function twoVersions(): CompareResult {
  const old = handTable({
    file: 'ancienne.xlsx',
    sheet: 'Annexe 9',
    firstRow: 7,
    lastRow: 13,
    columns: ['A', 'C', 'F'],
    codeNames: { [ACCUEIL]: '1er accueil social inconditionnel' },
    blocks: [
      {
        theme: 'Accueil social',
        code: ACCUEIL,
        actions: [
          { row: 7, fiche: '1.1', title: 'Premier accueil', amounts: acf(1000, 1000) },
          { row: 8, title: 'Référent unique', amounts: acf(500, 500) },
        ],
        subtotal: { row: 9, printed: acf(1500, 1500) },
      },
      {
        theme: 'Insertion',
        code: INSERTION,
        actions: [
          { row: 10, title: 'Ateliers', amounts: acf(200, 200) },
          { row: 11, title: 'Chantiers', amounts: acf(300, 300) },
        ],
        subtotal: { row: 12, printed: acf(600, 600) },
      },
    ],
    totals: [{ level: 'grand', row: 13, label: 'TOTAUX FINANCIERS', printed: acf(2000, 2000) }],
    findings: [{ rule: 'A_NEQ_C', column: 'C', row: 11, cell: 'D11', message: 'C diffère de A', target: { kind: 'action', action: 3 } }],
  });
  const neu = handTable({
    file: 'nouvelle.xlsx',
    sheet: 'Annexe 9 corrigée',
    firstRow: 7,
    lastRow: 13,
    columns: ['A', 'C', 'F'],
    blocks: [
      {
        theme: 'Accueil social',
        code: ACCUEIL,
        actions: [
          { row: 7, fiche: '1.1', title: 'Premier accueil', amounts: acf(1100, 1100) },
          { row: 8, title: 'Référent unique de parcours', amounts: acf(500, 500) },
        ],
        subtotal: { row: 9, printed: acf(1600, 1600) },
      },
      {
        theme: 'Insertion',
        code: INSERTION,
        actions: [
          { row: 10, title: 'Mobilité', amounts: acf(50, 50) },
          { row: 11, title: 'Ateliers', amounts: acf(200, 200) },
        ],
        subtotal: { row: 12, printed: acf(250, 250) },
      },
    ],
    totals: [{ level: 'grand', row: 13, label: 'TOTAUX FINANCIERS', printed: acf(1850, 1850) }],
    findings: [{ rule: 'GRAND_TOTAL', column: 'F', row: 13, cell: 'H13', message: 'F faux', target: { kind: 'total', level: 'grand' } }],
  });
  return compareTables(old, neu);
}

export const MOBILITE = '0304 50 19 19 08';

/**
 * Two versions on one sheet « Projet » of the open workbook (no file, no body rows known), whose
 * columns differ (E only in the old one, D only in the new one): « Beta » and « Alpha » swapped,
 * Alpha's fiche renumbered, the empty template row of « Accueil » dropped, « Gamma » moved out of
 * « Emploi » into a block with no theme and onto another code, its A now unreadable.
 */
export function movedVersions(): CompareResult {
  const old = handTable({
    sheet: 'Projet',
    columns: ['A', 'C', 'valorisation', 'E', 'F'],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 20, fiche: 'Fiche 2', title: 'Alpha', amounts: { A: 10000, C: 10000, valorisation: 0, E: 0, F: 20000 } },
          { row: 21, title: 'Beta', amounts: { A: 5000, C: 5000, valorisation: 0, E: 0, F: 10000 } },
          { row: 22, title: 'Intitulé de l’action n°1', placeholder: true, amounts: { A: 0, C: 0, valorisation: 0, E: 0, F: 0 } },
        ],
      },
      {
        theme: 'Emploi',
        code: INSERTION,
        actions: [{ row: 23, title: 'Gamma', amounts: { A: 1000, C: 1000, valorisation: 1000, E: 0, F: 2000 } }],
      },
    ],
  });
  const neu = handTable({
    sheet: 'Projet',
    columns: ['A', 'C', 'valorisation', 'D', 'F'],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 20, title: 'Beta', amounts: { A: 5000, C: 5000, valorisation: 0, D: 0, F: 10000 } },
          { row: 21, fiche: 'Fiche 3', title: 'Alpha', amounts: { A: 10000, C: 10000, valorisation: 0, D: 0, F: 20000 } },
        ],
      },
      {
        theme: null,
        code: null,
        actions: [{ row: 22, title: 'Gamma', code: MOBILITE, amounts: { A: null, C: 1000, valorisation: 1000, D: 0, F: 2000 } }],
      },
    ],
  });
  return compareTables(old, neu);
}

export const SANS_LIGNE = '0304 50 19 19 09';

/**
 * The plan and its execution table, recognised by the title above the execution table's header.
 * « Premier accueil » spent 2 500 € of 3 000 € on each side, « Ateliers » one cent more on C than
 * planned (its plan is 2 000 € State, 1 000 € département), « Mobilité » spent and not planned.
 * The State notified 4 500 € on the accueil code and 500 € on a code with no row.
 */
export function planAndSpent(): CompareResult {
  const plan = handTable({
    file: 'annexe.xlsx',
    sheet: 'Annexe 9',
    firstRow: 7,
    lastRow: 12,
    columns: ['A', 'C', 'F'],
    codeNames: { [ACCUEIL]: '1er accueil social inconditionnel' },
    blocks: [
      {
        theme: 'Accueil social',
        code: ACCUEIL,
        actions: [
          { row: 7, fiche: '1.1', title: 'Premier accueil', amounts: acf(3000, 3000) },
          { row: 8, title: 'Référent', amounts: acf(1000, 1000) },
        ],
        subtotal: { row: 9, printed: acf(4000, 4000) },
      },
      { theme: 'Insertion', code: INSERTION, actions: [{ row: 10, title: 'Ateliers', amounts: acf(2000, 1000) }], subtotal: { row: 11, printed: acf(2000, 1000) } },
    ],
    totals: [{ level: 'grand', row: 12, label: 'TOTAUX FINANCIERS', printed: acf(6000, 5000) }],
  });
  const spent = handTable({
    file: 'execution.xlsx',
    sheet: 'Feuil1',
    firstRow: 7,
    lastRow: 12,
    columns: ['A', 'C', 'F'],
    labels: [
      { where: 'sheet', text: 'Feuil1', key: 'feuil1' },
      { where: 'title', text: 'Exécution 2023', key: 'execution 2023' },
    ],
    blocks: [
      {
        theme: 'Accueil social',
        code: ACCUEIL,
        actions: [
          { row: 7, fiche: '1.1', title: 'Premier accueil', amounts: acf(2500, 2500) },
          { row: 8, title: 'Référent', amounts: acf(1000, 1000) },
        ],
      },
      {
        theme: 'Insertion',
        code: INSERTION,
        actions: [
          { row: 10, title: 'Ateliers', amounts: { A: 200000, C: 100001, F: 300001 } },
          { row: 11, title: 'Mobilité', amounts: acf(100, 100) },
        ],
      },
    ],
  });
  return compareTables(plan, spent, {
    notified: [
      { code: ACCUEIL, amount: 450000 },
      { code: SANS_LIGNE, amount: 50000 },
    ],
  });
}

/**
 * The plan (on a sheet named « Exécution 2022 »: it looks like an execution table) against an
 * execution table that is not recognised, said to be one by the option; no column F on either
 * side. « Alpha » has C unreadable in the execution table, « Beta » was not carried out, « Gamma »
 * spent as planned; two codes hold template rows only.
 */
export function unreadableSpent(): CompareResult {
  const ac = (a: number | null, c: number | null) => ({ A: a, C: c });
  const plan = handTable({
    sheet: 'Exécution 2022',
    columns: ['A', 'C'],
    labels: [{ where: 'sheet', text: 'Exécution 2022', key: 'execution 2022' }],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 5, title: 'Alpha', amounts: ac(100000, 100000) },
          { row: 6, title: 'Beta', amounts: ac(50000, 50000) },
        ],
      },
      { theme: 'Vide', code: SANS_LIGNE, actions: [{ row: 7, title: 'Intitulé de l’action n°1', placeholder: true, amounts: ac(0, 0) }] },
      { theme: 'Emploi', code: INSERTION, actions: [{ row: 8, title: 'Gamma', amounts: ac(20000, 20000) }] },
      { theme: 'Autre', code: MOBILITE, actions: [{ row: 9, title: 'Intitulé de l’action n°1', placeholder: true, amounts: ac(0, 0) }] },
    ],
  });
  const spent = handTable({
    sheet: 'Feuil2',
    columns: ['A', 'C'],
    blocks: [
      { theme: 'Accueil', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: ac(100000, null) }] },
      { theme: 'Vide', code: SANS_LIGNE, actions: [{ row: 7, title: 'Intitulé de l’action n°1', placeholder: true, amounts: ac(0, 0) }] },
      { theme: 'Emploi', code: INSERTION, actions: [{ row: 8, title: 'Gamma', amounts: ac(20000, 20000) }] },
      { theme: 'Autre', code: MOBILITE, actions: [{ row: 9, title: 'Intitulé de l’action n°1', placeholder: true, amounts: ac(0, 0) }] },
    ],
  });
  return compareTables(plan, spent, { mode: 'execution' });
}

/**
 * Two versions of a block with no theme and no code: « Alpha » gets a code and a fiche number, an
 * untitled row with no amount is added below it. Backwards: Alpha loses its code and fiche, the
 * untitled row is removed.
 */
export function bareVersions(backwards = false): CompareResult {
  const old = handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: null, code: null, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }] }] });
  const neu = handTable({
    sheet: 'S',
    columns: ['A', 'C', 'F'],
    blocks: [
      {
        theme: null,
        code: null,
        actions: [
          { row: 5, title: 'Alpha', fiche: '4', code: ACCUEIL, amounts: acf(1, 1) },
          { row: 6, title: '', amounts: acf(0, 0) },
        ],
      },
    ],
  });
  return backwards ? compareTables(neu, old) : compareTables(old, neu);
}

/**
 * Two versions with six columns compared (A, B, C, val. CD, E, F), the table's header at AB12:
 * « Xavier » raised by 0,50 € and moved below « Yves » and « Zoé » (unchanged); a template row
 * unchanged, one given 0,05 € (changed), one added; « Gamma » moved from a block with no theme
 * and no code into « Emploi », given fiche 4.
 */
export function sixColumns(): CompareResult {
  const six = (v: number) => ({ A: v, B: v, C: v, valorisation: v, E: v, F: v });
  const columns: Array<'A' | 'B' | 'C' | 'valorisation' | 'E' | 'F'> = ['A', 'B', 'C', 'valorisation', 'E', 'F'];
  const old = handTable({
    sheet: 'Ancienne',
    headerCell: 'AB12',
    columns,
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 13, title: 'Xavier', amounts: six(100) },
          { row: 14, title: 'Yves', amounts: six(200) },
          { row: 15, title: 'Zoé', amounts: six(300) },
          { row: 16, title: 'Intitulé de l’action n°1', placeholder: true, amounts: six(0) },
        ],
      },
      { theme: 'Emploi', code: INSERTION, actions: [{ row: 17, title: 'Intitulé de l’action n°2', placeholder: true, amounts: six(0) }] },
      { theme: null, code: null, actions: [{ row: 18, title: 'Gamma', amounts: six(400) }] },
    ],
  });
  const neu = handTable({
    sheet: 'Nouvelle',
    headerCell: 'AB12',
    columns,
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 13, title: 'Yves', amounts: six(200) },
          { row: 14, title: 'Zoé', amounts: six(300) },
          { row: 15, title: 'Xavier', amounts: six(150) },
          { row: 16, title: 'Intitulé de l’action n°1', placeholder: true, amounts: six(0) },
        ],
      },
      {
        theme: 'Emploi',
        code: INSERTION,
        actions: [
          { row: 17, title: 'Intitulé de l’action n°2', placeholder: true, amounts: six(5) },
          { row: 18, title: 'Intitulé de l’action n°3', placeholder: true, amounts: six(0) },
          { row: 19, title: 'Gamma', fiche: '4', amounts: six(400) },
        ],
      },
    ],
  });
  return compareTables(old, neu);
}

/**
 * The plan against its execution table (said to be one), in A, C and F: « Pareil » spent as
 * planned, « Plus » 20 € more on A and C; a template row planned only (no money), « Prévu vide »
 * planned with no money and not in the execution table, a template row given 10 € on A and C
 * when spent, an untitled row spent and not planned (1 € on A and C); « Stable » spent as planned
 * alone in its measure.
 */
export function templatesSpent(): CompareResult {
  const plan = handTable({
    sheet: 'Plan',
    columns: ['A', 'C', 'F'],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 5, title: 'Pareil', amounts: acf(100, 100) },
          { row: 6, title: 'Plus', amounts: acf(100, 100) },
        ],
      },
      { theme: 'Vide', code: SANS_LIGNE, actions: [{ row: 7, title: 'Intitulé de l’action n°1', placeholder: true, amounts: acf(0, 0) }] },
      {
        theme: 'Emploi',
        code: INSERTION,
        actions: [
          { row: 8, title: 'Prévu vide', amounts: acf(0, 0) },
          { row: 9, title: 'Intitulé de l’action n°2', placeholder: true, amounts: acf(0, 0) },
        ],
      },
      { theme: 'Autre', code: MOBILITE, actions: [{ row: 10, title: 'Stable', amounts: acf(50, 50) }] },
    ],
  });
  const spent = handTable({
    sheet: 'Réalisé',
    columns: ['A', 'C', 'F'],
    blocks: [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 5, title: 'Pareil', amounts: acf(100, 100) },
          { row: 6, title: 'Plus', amounts: acf(120, 120) },
        ],
      },
      {
        theme: 'Emploi',
        code: INSERTION,
        actions: [
          { row: 9, title: 'Intitulé de l’action n°2', placeholder: true, amounts: acf(10, 10) },
          { row: 11, title: '', amounts: acf(1, 1) },
        ],
      },
      { theme: 'Autre', code: MOBILITE, actions: [{ row: 10, title: 'Stable', amounts: acf(50, 50) }] },
    ],
  });
  return compareTables(plan, spent, { mode: 'execution' });
}
