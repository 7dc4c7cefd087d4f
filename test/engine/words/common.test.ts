/** Words both languages share (src/domain/words/common.ts): short quotes, names of totals and columns. */
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { columnTitle, headerName, shortText, tableName, totalName } from '../../../src/domain/words/common';

const T = CALPAE_TEMPLATE;

describe('shortText: a cell’s text on one line, at most 60 characters', () => {
  it('line breaks and runs of spaces become one space; spaces at the ends go', () => {
    expect(shortText('  Sous total\n\n  Maraudes\tmixtes  ')).toBe('Sous total Maraudes mixtes');
  });

  it('60 characters are kept; 61 are cut to 57 and an ellipsis', () => {
    const sixty = 'Accompagnement des jeunes sortant de l’ASE vers le logement.';
    expect(sixty).toHaveLength(60);
    expect(shortText(sixty)).toBe('Accompagnement des jeunes sortant de l’ASE vers le logement.');
    expect(shortText(`${sixty}!`)).toBe('Accompagnement des jeunes sortant de l’ASE vers le logeme…');
    expect(shortText(`  ${sixty}  `)).toBe('Accompagnement des jeunes sortant de l’ASE vers le logement.');
  });
});

describe('totalName: a total row by the template’s name', () => {
  it('each kind of total, in French and English; a section total of no known section and an action: none', () => {
    expect(totalName({ rowKind: 'subtotal' }, T, 'fr')).toBe('Sous-total');
    expect(totalName({ rowKind: 'subtotal' }, T, 'en')).toBe('Subtotal');
    expect(totalName({ rowKind: 'sectionTotal', closes: 'socle' }, T, 'fr')).toBe('Sous-total mesures socle');
    expect(totalName({ rowKind: 'sectionTotal', closes: 'initiative' }, T, 'en')).toBe('Initiatives subtotal');
    expect(totalName({ rowKind: 'sectionTotal' }, T, 'fr')).toBeNull();
    expect(totalName({ rowKind: 'grandTotal' }, T, 'fr')).toBe('TOTAUX FINANCIERS');
    expect(totalName({ rowKind: 'control' }, T, 'fr')).toBe('Total de contrôle');
    expect(totalName({ rowKind: 'control' }, T, 'en')).toBe('Control total');
    expect(totalName({ rowKind: 'action' }, T, 'fr')).toBeNull();
  });
});

describe('columnTitle, headerName, tableName', () => {
  it('a lettered column with its name, a column with no letter by its name alone; the header as printed', () => {
    expect(columnTitle(T, 'A', 'fr')).toBe('A (Participation État)');
    expect(columnTitle(T, 'D', 'en')).toBe('D (département carry-over)');
    expect(columnTitle(T, 'valorisation', 'fr')).toBe('Dont valorisation CD');
    expect(headerName(T, 'E')).toBe('Participation d\'autres financeurs');
    expect(tableName({ row: 4, col: 1 })).toBe('B5');
  });
});
