/**
 * A small annex of the 70/30 pact (src/domain/templates/pacte-solidarites-70-30.json), typed by
 * hand with its findings planted: a 70/30 share not met, the third part's total wrong.
 */
import { SheetGrid } from '../../src/domain';

/** The pact's Chorus prefix. */
export const PACTE_PREFIX = '0304 60 24 24';
const P = PACTE_PREFIX;
type Row = Array<string | number | null>;
// theme, code, fiche, title, A, B, C, valorisation, D, E, F
const rows: Row[] = [
  ['Axe du pacte', 'Programme budgétaire', 'Fiche projet N°', 'Intitulé du projet', "Apport de l'État", "Report de l'État", 'Apport du département', 'Dont valorisation', 'Report du département', 'Cofinancements', 'Coût du projet'],
  [null, null, null, null, 'A', 'B', 'C', null, 'D', 'E', 'F'],
  ['Enfance et petite enfance', `${P} 01`, '1', 'Petits déjeuners', 7000, 0, 3000, 0, 0, 0, 10000],
  [null, `${P} 01`, '2', 'Cantine à 1 €', 1400, 0, 600, 0, 0, 0, 2000],
  [null, null, null, "Total de l'axe", 8400, 0, 3600, 0, 0, 0, 12000],
  // 70/30 not met: C should be 3 500 × 30/70 = 1 500.
  ['Insertion et emploi', null, '3', 'Parcours emploi', 3500, 0, 1750, 0, 0, 0, 5250],
  [null, null, null, "Total de l'axe", 3500, 0, 1750, 0, 0, 0, 5250],
  [null, null, null, 'Total des axes prioritaires', 11900, 0, 5350, 0, 0, 0, 17250],
  ['Initiatives départementales', null, '4', 'Épicerie solidaire', 700, 0, 300, 0, 0, 0, 1000],
  [null, null, null, 'Total des initiatives', 700, 0, 300, 0, 0, 0, 1000],
  ['Expérimentations', `${P} 09`, '5', 'Laboratoire social', 1400, 0, 600, 0, 0, 0, 2000],
  // A theme that names no code, in the third part: the part's own code.
  ['Tiers-lieux ruraux', null, '6', 'Tiers-lieu de Montreuil', 2100, 0, 900, 0, 0, 0, 3000],
  // Printed 4 000 for 5 000: the third part's total is wrong, and the pact's total that adds it.
  [null, null, null, 'Total des expérimentations', 3500, 0, 1500, 0, 0, 0, 4000],
  [null, null, null, 'TOTAL DU PACTE', 16100, 0, 7150, 0, 0, 0, 23250],
];

export const pacteGrid: SheetGrid = {
  name: 'Pacte 2025',
  origin: { row: 0, col: 0 },
  merges: [],
  rows: rows.map((r) => r.map((v) => (v === null ? undefined : { value: v }))),
};

