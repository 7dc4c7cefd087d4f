/**
 * Two versions where actions moved to another theme or section, or took another Chorus code: what
 * each action says changed, and how many of each the counts give. Hand-typed tables; the expected
 * changes and counts are written by hand.
 */
import { compareTables } from '../../../src/domain/compare/compare';
import { ACCUEIL, INSERTION, MOBILITE } from './scenes';
import { HandAction, HandBlock, acf, handTable } from './tables';

const row = (r: number, title: string, extra: Partial<HandAction> = {}): HandAction => ({ row: r, title, amounts: acf(10, 10), ...extra });
const table = (blocks: HandBlock[]) => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks });

/** [each changed action: "title changes", actions changed, moved to another theme or section, code changed] */
function verdict(oldBlocks: HandBlock[], newBlocks: HandBlock[]) {
  const r = compareTables(table(oldBlocks), table(newBlocks), { mode: 'versions' });
  const v = r.versions!;
  const changed = v.actions.filter((a) => a.status === 'changed').map((a) => `${a.new!.title} ${a.changes.join(',')}`);
  return [changed, v.counts.actionsChanged, v.counts.movedTheme, v.counts.codeChanged];
}

describe('two versions: actions moved to another theme or section, codes changed', () => {
  it('one action moved to another theme, keeping its code: one move, no code changed', () => {
    const old: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha'), row(6, 'Beta')] },
      { theme: 'Accueil', code: ACCUEIL, actions: [row(8, 'Gamma')] },
    ];
    const neu: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha')] },
      { theme: 'Accueil', code: ACCUEIL, actions: [row(7, 'Beta', { code: INSERTION }), row(8, 'Gamma')] },
    ];
    expect(verdict(old, neu)).toEqual([['Beta movedTheme'], 1, 1, 0]);
  });

  it('two actions moved, one taking its new theme’s code, and a third with its code changed in place: two moves, two codes', () => {
    const old: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha'), row(6, 'Beta'), row(7, 'Delta')] },
      { theme: 'Accueil', code: ACCUEIL, actions: [row(9, 'Gamma')] },
    ];
    const neu: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha', { code: MOBILITE })] },
      { theme: 'Accueil', code: ACCUEIL, actions: [row(7, 'Beta'), row(8, 'Delta', { code: INSERTION }), row(9, 'Gamma')] },
    ];
    expect(verdict(old, neu)).toEqual([['Alpha codeChanged', 'Beta movedTheme,codeChanged', 'Delta movedTheme'], 3, 2, 2]);
  });

  it('an action moved from the socle to the département’s initiatives, under a theme of the same name: a move', () => {
    const old: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha'), row(6, 'Beta')] },
      { theme: 'Emploi', code: INSERTION, section: 'initiative', actions: [row(9, 'Gamma')] },
    ];
    const neu: HandBlock[] = [
      { theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha')] },
      { theme: 'Emploi', code: INSERTION, section: 'initiative', actions: [row(8, 'Beta'), row(9, 'Gamma')] },
    ];
    expect(verdict(old, neu)).toEqual([['Beta movedTheme'], 1, 1, 0]);
  });
});
