/**
 * A small annex typed by hand: one header row, theme and code written on every row, no merges.
 * Plain and well formed, so that tests built on it stay valid whatever the engine's layout
 * detection becomes.
 *
 * Columns: A theme, B Chorus code, C fiche, D title, E = A (State), F = B, G = C (département),
 * H = dont valorisation, I = D, J = E, K = F (total).
 */
import { Cell, CellValue, SheetGrid } from '../../src/domain/grid';

export const HEADER = [
  'Thème de la contractualisation',
  'Imputation chorus',
  'Fiche action N°',
  "Intitulé de l'action",
  'Participation État notifiée pour la convention 2023',
  'Crédits Etat 2022 reportés sur 2023',
  'Crédits CD affectés pour la convention 2023',
  'Dont valorisation CD',
  'Crédits CD 2022 reportés sur 2023',
  "Participation d'autres financeurs",
  "Budget global de l'action prévu en 2023 (A+B+C+D+E)",
];

export const MARAUDES = '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)';
export const PREVENTION = '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée';
export const INITIATIVES = '0304 50 19 19 10 - Initiatives locales';

export type Typed = CellValue | Cell | undefined;
/** Amounts in the order A, B, C, valorisation, D, E, F. */
export type Amounts = [Typed, Typed, Typed, Typed, Typed, Typed, Typed];

export const action = (theme: string, code: string | null, fiche: string, title: string, amounts: Amounts): Typed[] => [theme, code, fiche, title, ...amounts];
export const total = (label: string, amounts: Amounts): Typed[] => [label, null, null, null, ...amounts];

/** A sheet from rows typed as values (or full cells), header in row 1. */
export function sheet(body: Typed[][], name = 'Annexe 9'): SheetGrid {
  const cell = (v: Typed): Cell | undefined =>
    v === undefined || v === null ? undefined : typeof v === 'object' && !(v instanceof Date) && 'value' in v ? v : { value: v as CellValue };
  return { name, origin: { row: 0, col: 0 }, rows: [HEADER, ...body].map((r) => r.map(cell)), merges: [] };
}

/**
 * The reference table (rows 2–10), consistent: every rule holds.
 *   2  Maraudes 1.1      100 | 0 | 100 |  50 | 0 | 0 |  200
 *   3  Maraudes 1.2      300 | 0 | 300 |   0 | 0 | 0 |  600
 *   4  Sous total        400 | 0 | 400 |  50 | 0 | 0 |  800
 *   5  Prévention 2.1   1000 | 0 |1000 |   0 | 0 | 0 | 2000
 *   6  Sous total       1000 | 0 |1000 |   0 | 0 | 0 | 2000
 *   7  Socle            1400 | 0 |1400 |  50 | 0 | 0 | 2800
 *   8  Initiative        500 | 0 | 500 |   0 | 0 | 0 | 1000
 *   9  Initiatives       500 | 0 | 500 |   0 | 0 | 0 | 1000
 *  10  TOTAUX           1900 | 0 |1900 |  50 | 0 | 0 | 3800
 */
export function reference(): Typed[][] {
  return [
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 50, 0, 0, 200]),
    action('Maraudes mixtes', MARAUDES, '1.2', 'Maraude de nuit', [300, 0, 300, 0, 0, 0, 600]),
    total('Sous total', [400, 0, 400, 50, 0, 0, 800]),
    action('Prévention spécialisée', PREVENTION, '2.1', 'Éducateurs de rue', [1000, 0, 1000, 0, 0, 0, 2000]),
    total('Sous total', [1000, 0, 1000, 0, 0, 0, 2000]),
    total('Sous-total engagements des mesures socle', [1400, 0, 1400, 50, 0, 0, 2800]),
    action("Engagements à l'initiative du département", INITIATIVES, '', 'Épicerie solidaire', [500, 0, 500, 0, 0, 0, 1000]),
    total("Sous total engagements à l'initiative du département", [500, 0, 500, 0, 0, 0, 1000]),
    total('TOTAUX FINANCIERS', [1900, 0, 1900, 50, 0, 0, 3800]),
  ];
}

/** Row `n` of the sheet (1-based, as Excel numbers it) in a body list. */
export const at = (body: Typed[][], n: number) => body[n - 2];
/** Set amount column `k` (A, B, C, V = valorisation, D, E, F) of sheet row `n`. */
export function put(body: Typed[][], n: number, k: 'A' | 'B' | 'C' | 'V' | 'D' | 'E' | 'F', v: Typed): void {
  at(body, n)[4 + 'ABCVDEF'.indexOf(k)] = v;
}

