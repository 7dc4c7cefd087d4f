/**
 * The département of an annex, for the consolidation: read where people write it, never guessed
 * from a common word (« Somme des montants »), a region's name (« Pays de la Loire ») or a lot number.
 */
import { SheetGrid } from '../../src/domain/grid';
import { findDepartment } from '../../src/files/consolidationDepartment';

/** Title rows in column B above a header at grid row `titles.length`. */
function sheet(titles: string[], name = 'Annexe 9'): SheetGrid {
  return { name, origin: { row: 0, col: 0 }, rows: titles.map((t) => [null, { value: t }]), merges: [] };
}

const found = (titles: string[], file = 'annexe.xlsx', name?: string) => {
  const d = findDepartment(sheet(titles, name), titles.length, file);
  return d && `${d.name} (${d.code}) @ ${d.where}`;
};

describe('findDepartment', () => {
  it.each([
    [['ANNEXE 9', 'CONVENTION - Région HDF - Département du Pas-de-Calais'], 'Pas-de-Calais (62) @ B2'],
    [['Conseil départemental de la Somme'], 'Somme (80) @ B1'],
    [["Département : Côte-d'Or"], "Côte-d'Or (21) @ B1"],
    [['Auvergne-Rhône-Alpes — département du Rhône'], 'Rhône (69) @ B1'],
    [['Région Pays de la Loire — Haute-Loire'], 'Haute-Loire (43) @ B1'],
    [['Nord'], 'Nord (59) @ B1'],
    [['Métropole de Lyon — CALPAE 2023'], 'Métropole de Lyon (69M) @ B1'],
    [['CALPAE 2023', 'Conseil départemental de Seine-Saint-Denis'], 'Seine-Saint-Denis (93) @ B2'],
    [['Collectivité territoriale de Guyane'], 'Guyane (973) @ B1'],
  ])('%j → %s', (titles, expected) => {
    expect(found(titles)).toBe(expected);
  });

  it.each([[['Somme des montants par action']], [['Région Pays de la Loire']], [['Lot 2 : actions d’insertion']], [['Manche à manche']]])('%j names none', (titles) => {
    expect(found(titles)).toBeNull();
  });

  it('falls back on the sheet name, then the file name, and says so', () => {
    expect(found(['Annexe 9'], 'x.xlsx', 'Seine-Maritime 2023')).toBe('Seine-Maritime (76) @ nom de la feuille');
    expect(found(['Annexe 9'], 'reçus/annexe9-nord-2023.xlsx')).toBe('Nord (59) @ nom du fichier');
    expect(found(['Annexe 9'], 'reçus/lot-2.xlsx')).toBeNull();
  });
});
