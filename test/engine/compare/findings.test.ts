/**
 * Findings between two versions, by hand: the same finding is the same rule and column on the same
 * paired row (action, measure subtotal, total), wherever that row is; each old finding answers for
 * one new finding only.
 */
import { ComparableFinding } from '../../../src/domain/compare/comparable';
import { compareTables } from '../../../src/domain/compare/compare';
import { compareFindings } from '../../../src/domain/compare/findings';
import { pairActions } from '../../../src/domain/compare/pair';
import { ACCUEIL, INSERTION } from './scenes';
import { HandBlock, acf, handTable } from './tables';

const finding = (row: number, cell: string, target: ComparableFinding['target'], rule = 'SUBTOTAL', column = 'A'): ComparableFinding => ({
  rule,
  column,
  row,
  cell,
  message: `message ${cell}`,
  target,
});

/** What the comparison says of the findings, one string each: `status rule column cell`. */
function changes(oldBlocks: HandBlock[], oldFindings: ComparableFinding[], newBlocks: HandBlock[], newFindings: ComparableFinding[]): string[] {
  const old = handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: oldBlocks, findings: oldFindings });
  const neu = handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: newBlocks, findings: newFindings });
  return compareFindings(old, neu, pairActions(old, neu)).map((f) => `${f.status} ${f.rule} ${f.column} ${f.cell} ${f.message}`);
}

describe('findings of two versions, paired', () => {
  it('two measures of one theme told apart by their code: a subtotal finding that moves from one to the other is gone and new', () => {
    // Theme « Accueil » paid on two codes: two measures, the same theme key, two subtotals.
    const blocks = (): HandBlock[] => [
      { theme: 'Accueil', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }], subtotal: { row: 6, printed: acf(1, 1) } },
      { theme: 'Accueil', code: INSERTION, actions: [{ row: 7, title: 'Beta', amounts: acf(2, 2) }], subtotal: { row: 8, printed: acf(2, 2) } },
    ];
    expect(changes(blocks(), [finding(6, 'C6', { kind: 'subtotal', measure: 0 })], blocks(), [finding(8, 'C8', { kind: 'subtotal', measure: 1 })])).toEqual([
      'disappeared SUBTOTAL A C6 message C6',
      'appeared SUBTOTAL A C8 message C8',
    ]);
    // On the same measure, pushed down by a row inserted above: the same finding.
    const pushed: HandBlock[] = [
      { theme: 'Accueil', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }, { row: 6, title: 'Gamma', amounts: acf(0, 0) }], subtotal: { row: 7, printed: acf(1, 1) } },
      { theme: 'Accueil', code: INSERTION, actions: [{ row: 8, title: 'Beta', amounts: acf(2, 2) }], subtotal: { row: 9, printed: acf(2, 2) } },
    ];
    expect(changes(blocks(), [finding(8, 'C8', { kind: 'subtotal', measure: 1 })], pushed, [finding(9, 'C9', { kind: 'subtotal', measure: 1 })])).toEqual([]);
    // The two measures swapped: the accueil code's subtotal is now the second one, its finding the same.
    const swapped = blocks().reverse();
    expect(changes(blocks(), [finding(6, 'C6', { kind: 'subtotal', measure: 0 })], swapped, [finding(8, 'C8', { kind: 'subtotal', measure: 1 })])).toEqual([]);
  });

  it('a finding on another action, another total: gone and new; on the same action moved down a row: the same', () => {
    const blocks = (): HandBlock[] => [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 5, title: 'Alpha', amounts: acf(1, 1) },
          { row: 6, title: 'Beta', amounts: acf(2, 2) },
        ],
      },
    ];
    const onAlpha = finding(5, 'D5', { kind: 'action', action: 0 }, 'A_NEQ_C', 'C');
    const onBeta = finding(6, 'D6', { kind: 'action', action: 1 }, 'A_NEQ_C', 'C');
    expect(changes(blocks(), [onAlpha], blocks(), [onBeta])).toEqual(['disappeared A_NEQ_C C D5 message D5', 'appeared A_NEQ_C C D6 message D6']);
    const swapped: HandBlock[] = [
      {
        theme: 'Accueil',
        code: ACCUEIL,
        actions: [
          { row: 5, title: 'Beta', amounts: acf(2, 2) },
          { row: 6, title: 'Alpha', amounts: acf(1, 1) },
        ],
      },
    ];
    // Alpha is now the second action of the new table, on row 6.
    expect(changes(blocks(), [onAlpha], swapped, [finding(6, 'D6', { kind: 'action', action: 1 }, 'A_NEQ_C', 'C')])).toEqual([]);

    const grand = finding(9, 'H9', { kind: 'total', level: 'grand' }, 'GRAND_TOTAL', 'F');
    const socle = finding(8, 'H8', { kind: 'total', level: 'socle' }, 'GRAND_TOTAL', 'F');
    expect(changes(blocks(), [grand], blocks(), [socle])).toEqual(['disappeared GRAND_TOTAL F H9 message H9', 'appeared GRAND_TOTAL F H8 message H8']);
    expect(changes(blocks(), [grand], blocks(), [{ ...grand, row: 10, cell: 'H10' }])).toEqual([]);
  });

  it('the same finding twice on one side: one of them is the old one, the other is new (or gone)', () => {
    const blocks = (): HandBlock[] => [{ theme: 'Accueil', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 1) }] }];
    const once = finding(5, 'D5', { kind: 'action', action: 0 }, 'A_NEQ_C', 'C');
    const again = { ...once, cell: 'E5', message: 'encore' };
    expect(changes(blocks(), [once], blocks(), [once, again])).toEqual(['appeared A_NEQ_C C E5 encore']);
    expect(changes(blocks(), [once, again], blocks(), [once])).toEqual(['disappeared A_NEQ_C C E5 encore']);
    expect(changes(blocks(), [once, again], blocks(), [again, once])).toEqual([]);
  });

  it('the comparison counts them: no difference when only the rows moved', () => {
    const old = handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: 'T', code: ACCUEIL, actions: [{ row: 5, title: 'Alpha', amounts: acf(1, 2) }] }], findings: [finding(5, 'D5', { kind: 'action', action: 0 }, 'A_NEQ_C', 'C')] });
    const neu = handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks: [{ theme: 'T', code: ACCUEIL, actions: [{ row: 6, title: 'Alpha', amounts: acf(1, 2) }] }], findings: [finding(6, 'D6', { kind: 'action', action: 0 }, 'A_NEQ_C', 'C')] });
    expect(compareTables(old, neu).findings).toEqual([]);
  });
});
