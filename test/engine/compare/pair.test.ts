/** Pairing two versions, on hand-typed tables and sequences: the four passes, the order kept, the moves. */
import { longestIncreasing, mergeOrder, pairActions, pairByKey } from '../../../src/domain/compare/pair';
import { HandAction, HandBlock, acf, handTable } from './tables';

const act = (row: number, title: string, fiche: string | null = null, extra: Partial<HandAction> = {}): HandAction => ({ row, title, fiche, amounts: acf(1, 1), ...extra });
const table = (blocks: HandBlock[]) => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks });
const block = (theme: string, actions: HandAction[], code: string | null = null): HandBlock => ({ theme, code, actions });
/** `old→new by` for each pair, `-` where a side is missing. */
const brief = (p: ReturnType<typeof pairActions>) => p.pairs.map((x) => `${x.old ?? '-'}→${x.new ?? '-'}${x.by ? ` ${x.by}` : ''}`);

describe('pairing by key, in order of appearance', () => {
  it('the k-th old with a key goes with the k-th new with it; the rest added or removed, each removed after the new place of the one before it', () => {
    expect(pairByKey(['a', 'b', 'a'], ['a', 'a', 'c'], (k) => k)).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
      [null, 2],
    ]);
    expect(pairByKey(['a'], ['a', 'a'], (k) => k)).toEqual([
      [0, 0],
      [null, 1],
    ]);
    expect(pairByKey([], ['x'], (k) => k)).toEqual([[null, 0]]);
  });

  it('merges in the new order: removed items before any pair go first, several after one anchor keep their old order', () => {
    expect(mergeOrder(Int32Array.from([-1, 0]), Int32Array.from([1]))).toEqual([
      [0, null],
      [1, 0],
    ]);
    expect(mergeOrder(Int32Array.from([0, -1, -1]), Int32Array.from([0, -1]))).toEqual([
      [0, 0],
      [1, null],
      [2, null],
      [null, 1],
    ]);
    // Old 0 went to new 2, old 1 was removed: it follows new 2, not new 0.
    expect(mergeOrder(Int32Array.from([2, -1]), Int32Array.from([-1, -1, 0]))).toEqual([
      [null, 0],
      [null, 1],
      [0, 2],
      [1, null],
    ]);
  });

  it('a longest strictly increasing run, by index', () => {
    expect([...longestIncreasing([])]).toEqual([]);
    expect([...longestIncreasing([0, 1, 2])].sort()).toEqual([0, 1, 2]);
    expect([...longestIncreasing([1, 0])]).toEqual([1]);
    expect([...longestIncreasing([1, 1])]).toEqual([1]);
    expect([...longestIncreasing([0, 5, 1, 2, 3])].sort()).toEqual([0, 2, 3, 4]);
    expect([...longestIncreasing([4, 0, 5, 1, 6, 2, 3, 7])].sort()).toEqual([1, 3, 5, 6, 7]);
    expect([...longestIncreasing([9, 8, 7, 1, 2])].sort()).toEqual([3, 4]);
  });
});

describe('pairing the actions of two versions', () => {
  it('by fiche number first, even renamed, when the new title is nowhere in the old version', () => {
    const p = pairActions(table([block('T', [act(1, 'Alpha', '1'), act(2, 'Beta', '2')])]), table([block('T', [act(1, 'Alpha bis', '1'), act(2, 'Beta', '2')])]));
    expect(brief(p)).toEqual(['0→0 fiche', '1→1 fiche']);
    expect(p.reordered.size).toBe(0);
  });

  it('not by fiche when the two titles each exist in the other version: a renumbering; they pair by title and the swap is a move', () => {
    const p = pairActions(table([block('T', [act(1, 'Alpha', '1'), act(2, 'Beta', '2')])]), table([block('T', [act(1, 'Beta', '1'), act(2, 'Alpha', '2')])]));
    expect(brief(p)).toEqual(['1→0 titleInTheme', '0→1 titleInTheme']);
    expect([...p.reordered]).toEqual([0]);
    expect([...p.pairOfOld]).toEqual([1, 0]);
    expect([...p.pairOfNew]).toEqual([0, 1]);
  });

  it('not by fiche when either title is found in the other version; by fiche when a side has no title', () => {
    // Either title found in the other version is enough to doubt the fiche: « Beta » kept its title
    // and took fiche 1, « Alpha » went, « Gamma » came (not « Alpha » renamed « Beta »).
    const renumbered = pairActions(table([block('T', [act(1, 'Alpha', '1'), act(2, 'Beta', '3')])]), table([block('T', [act(1, 'Beta', '1'), act(2, 'Gamma', '3')])]));
    expect(brief(renumbered)).toEqual(['0→-', '1→0 titleInTheme', '-→1']);
    // The old title still in the new version: the fiche went to another action, inserted above.
    const inserted = pairActions(table([block('T', [act(1, 'Alpha', '1')])]), table([block('T', [act(1, 'Alpha bis', '1'), act(2, 'Alpha', '2')])]));
    expect(brief(inserted)).toEqual(['-→0', '0→1 titleInTheme']);
    const untitled = pairActions(table([block('T', [act(1, '', '7', { titleKey: '' })])]), table([block('U', [act(4, 'Delta', '7')])]));
    expect(brief(untitled)).toEqual(['0→0 fiche']);
    // The new row has no title: its fiche decides, though « Alpha » is found further down.
    const blank = pairActions(table([block('T', [act(1, 'Alpha', '7')])]), table([block('T', [act(1, '', '7', { titleKey: '' }), act(2, 'Alpha', '8')])]));
    expect(brief(blank)).toEqual(['0→0 fiche', '-→1']);
    // The old row has no title: its fiche decides, though « Delta » is found in the old version too.
    const unnamed = pairActions(table([block('T', [act(1, '', '7', { titleKey: '' }), act(2, 'Delta')])]), table([block('T', [act(1, 'Delta', '7')])]));
    expect(brief(unnamed)).toEqual(['0→0 fiche', '1→-']);
  });

  it('by title within the theme before a title elsewhere; the same title twice pairs in order', () => {
    const old = table([block('T', [act(1, 'Alpha'), act(2, 'Alpha')]), block('U', [act(3, 'Alpha')])]);
    const neu = table([block('U', [act(1, 'Alpha')]), block('T', [act(2, 'Alpha'), act(3, 'Alpha')])]);
    expect(brief(pairActions(old, neu))).toEqual(['2→0 titleInTheme', '0→1 titleInTheme', '1→2 titleInTheme']);
  });

  it('by title alone for an action moved to another theme, never a template row', () => {
    const old = table([block('T', [act(1, 'Alpha'), act(2, 'Intitulé n°1', null, { placeholder: true, amounts: acf(0, 0) })])]);
    const neu = table([block('U', [act(1, 'Alpha'), act(2, 'Intitulé n°1', null, { placeholder: true, amounts: acf(0, 0) })])]);
    expect(brief(pairActions(old, neu))).toEqual(['0→0 title', '1→-', '-→1']);
  });

  it('by position in a pair of blocks: the row standing in the same gap; a row inserted in another gap stays added', () => {
    const old = table([block('T', [act(1, 'Alpha'), act(2, 'Beta'), act(3, 'Gamma')], 'X')]);
    const neu = table([block('T', [act(1, 'Alpha'), act(2, 'Beta renamed'), act(3, 'Gamma'), act(4, 'Delta')], 'X')]);
    expect(brief(pairActions(old, neu))).toEqual(['0→0 titleInTheme', '1→1 position', '2→2 titleInTheme', '-→3']);
    // Two unpaired rows at the top of the block: in order.
    const top = pairActions(table([block('T', [act(1, 'A1'), act(2, 'A2'), act(3, 'Z')])]), table([block('T', [act(1, 'B1'), act(2, 'B2'), act(3, 'B3'), act(4, 'Z')])]));
    expect(brief(top)).toEqual(['0→0 position', '1→1 position', '-→2', '2→3 titleInTheme']);
    // Blocks of another theme or code are not a pair: no pairing by position.
    expect(brief(pairActions(table([block('T', [act(1, 'A1')], 'X')]), table([block('T', [act(1, 'B1')], 'Y')])))).toEqual(['0→-', '-→0']);
  });

  it('more rows with a title in the new version than in the old: the first pairs, the others are added', () => {
    const p = pairActions(table([block('T', [act(1, 'Alpha', '1')])]), table([block('T', [act(1, 'Alpha', '1'), act(2, 'Alpha', '1'), act(3, 'Alpha')])]));
    expect(brief(p)).toEqual(['0→0 fiche', '-→1', '-→2']);
    const titled = pairActions(table([block('T', [act(1, 'Alpha')])]), table([block('U', [act(1, 'Alpha'), act(2, 'Alpha')])]));
    expect(brief(titled)).toEqual(['0→0 title', '-→1']);
  });

  it('rows with no title and no fiche: nothing to match them on but their place; in blocks that are no pair they stay apart', () => {
    const untitled = (theme: string, row: number) => table([block(theme, [act(row, '', null, { titleKey: '' })], 'X')]);
    expect(brief(pairActions(untitled('T', 1), untitled('T', 2)))).toEqual(['0→0 position']);
    expect(brief(pairActions(untitled('T', 1), untitled('U', 1)))).toEqual(['0→-', '-→0']);
  });

  it('the order: only pairs count, a removed row never decides which of two swapped rows moved', () => {
    // Old A, B, R; new B, A (R removed, after B's new place). The run kept is A's: B moved.
    const p = pairActions(table([block('T', [act(1, 'Alpha'), act(2, 'Beta'), act(3, 'Rho')])]), table([block('T', [act(1, 'Beta'), act(2, 'Alpha')])]));
    expect(p.pairs).toEqual([
      { old: 1, new: 0, by: 'titleInTheme' },
      { old: 2, new: null, by: null },
      { old: 0, new: 1, by: 'titleInTheme' },
    ]);
    expect([...p.reordered]).toEqual([0]);
    const added = pairActions(table([block('T', [])]), table([block('T', [act(1, 'Beta')])]));
    expect(added.pairs).toEqual([{ old: null, new: 0, by: null }]);
  });
});
