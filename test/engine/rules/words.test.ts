/** Pieces of the rules' sentences (src/domain/rules/words.ts): lists said with « ou », a finding's amounts. */
import { amountsOf, either, ownCell, sameCell, span } from '../../../src/domain/rules/words';
import { WORDS } from '../../../src/domain/words';
import { at, put, reference } from '../../support/hand-table';
import { findingsOf } from '../../support/rule-table';

describe('either: a list said as the sentence needs it', () => {
  it('nothing, one item, two, three', () => {
    expect(either([], 'ou')).toBe('');
    expect(either(['socle'], 'ou')).toBe('socle');
    expect(either(['socle', 'initiatives'], 'ou')).toBe('socle ou initiatives');
    expect(either(['a', 'b', 'c'], 'or')).toBe('a, b or c');
  });
});

describe('ownCell: a message names its cell unless it is shown beside that very cell', () => {
  it('beside the cell: not named; beside another cell of its row or column, or nowhere: named', () => {
    // Row and col are 0-based: { row: 4, col: 11 } is L5.
    expect(ownCell({ row: 4, col: 11 }, { row: 4, col: 11 })).toBeNull();
    expect(ownCell({ row: 4, col: 11 }, { row: 4, col: 10 })).toBe('L5');
    expect(ownCell({ row: 4, col: 11 }, { row: 5, col: 11 })).toBe('L5');
    expect(ownCell({ row: 4, col: 11 }, null)).toBe('L5');
    expect(sameCell({ row: 2, col: 3 }, { row: 2, col: 4 })).toBe(false);
    expect(sameCell({ row: 2, col: 3 }, { row: 3, col: 3 })).toBe(false);
  });
});

describe('span: a run of columns by its ends', () => {
  it('nothing, one, two, five', () => {
    expect(span([], 'à')).toBe('');
    expect(span(['A'], 'à')).toBe('A');
    expect(span(['A', 'C'], 'à')).toBe('A à C');
    expect(span(['A', 'B', 'C', 'D', 'E'], 'to')).toBe('A to E');
  });
});

describe('amountsOf: a finding’s amounts as its message writes them', () => {
  it('amounts in the language’s form, the gap signed', () => {
    const body = reference();
    put(body, 3, 'C', 360);
    const [f] = findingsOf('A_NEQ_C', body);
    expect(amountsOf(f, WORDS.fr)).toEqual({ expected: '300,00\u00a0€', actual: '360,00\u00a0€', gap: '+60,00\u00a0€' });
    expect(amountsOf(f, WORDS.en)).toEqual({ expected: '€300.00', actual: '€360.00', gap: '+€60.00' });
  });

  it('a finding with no amounts (a missing code): nothing written', () => {
    const body = reference();
    at(body, 3)[1] = null;
    const [f] = findingsOf('MISSING_IMPUTATION', body);
    expect(amountsOf(f, WORDS.fr)).toEqual({ expected: '', actual: '', gap: '' });
  });
});
