/** displayText: a scan for clean text, and the regular expressions otherwise; the same result as the plain definition. */
import fc from 'fast-check';
import { cellText, containsWords, displayText, leadingCharacter, normalizeLabel, startsWithWords } from '../../src/domain/text';
import { runs } from '../support/runs';

/** The definition: white space runs become one space when doubled or special, then the ends are trimmed. */
function reference(text: string): string {
  return /\s\s|[\t\n\r\f\v\u00A0\u202F]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

describe('displayText', () => {
  test.each(['', 'Sous total', '  Sous  total ', 'Sous\ntotal', 'Sous\u00A0total', 'a\u3000b', '\u3000a', 'a\u2009', 'é', ' '])('%j', (t) => {
    expect(displayText(t)).toBe(reference(t));
  });

  test('every character of the basic plane, inside a text and at its start', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`a${ch}b`, `${ch}a`, `a${ch}`]) if (displayText(t) !== reference(t)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test('any text, spaces of every kind', () => {
    const chars = fc.constantFrom(' ', 'a', 'B', '\n', '\t', '\u00A0', '\u202F', '\u2009', '\u3000', 'é', '-', '\r', '\v', '\f', '\u2028', '\ufeff', '\u1680');
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join('')), (t) => displayText(t) === reference(t)), runs(20230612, 20000));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (t) => displayText(t) === reference(t)), runs(20230612, 20000));
  });
});

describe('leadingCharacter', () => {
  test('the first character normalizeLabel keeps', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '(', '«', '-', 'É', 'é', 'S', 's', '1', '2', '’', 'x', '\u00A0', 'Œ'), maxLength: 8 }), (t) => {
        const norm = normalizeLabel(t);
        const lead = leadingCharacter(t);
        // A year becomes "yyyy": the lead is then a digit, which is all the caller needs to know.
        if (/^\d/.test(lead)) expect(/^[0-9y]/.test(norm)).toBe(true);
        else expect(lead).toBe(norm[0] ?? '');
      }),
      runs(20230612, 5000),
    );
  });
});

describe('labels compared by hand', () => {
  it('normalizeLabel: lower case, no accents, punctuation and apostrophes as one space, years of this century and the last as yyyy', () => {
    expect(
      [
        'Crédits État 2022 reportés sur 2023',
        "L’action d'État",
        'l\u02BCaide\u00B4ou`non',
        '  Sous-total :\n(A+B)  ',
        '1999 2100 1899 12023 2023a',
        'ÉPICERIE',
      ].map(normalizeLabel),
    ).toEqual(['credits etat yyyy reportes sur yyyy', 'l action d etat', 'l aide ou non', 'sous total a b', 'yyyy 2100 1899 12023 2023a', 'epicerie']);
  });

  it('cellText: only text is a label', () => {
    expect(['Sous total', '', 5, null, true, new Date(0), { error: '#REF!' }].map(cellText)).toEqual(['Sous total', '', '', '', '', '', '']);
  });

  it('containsWords and startsWithWords: whole words only', () => {
    expect([
      containsWords('', ''),
      containsWords('sous total', ''),
      containsWords('sous total', 'sous total'),
      containsWords('le sous total a', 'sous total'),
      containsWords('sous totaux', 'sous total'),
      containsWords('un sous total', 'sous total'),
      containsWords('assous total', 'sous total'),
    ]).toEqual([true, false, true, true, false, true, false]);
    expect([
      startsWithWords('sous total', 'sous total'),
      startsWithWords('sous total a', 'sous total'),
      startsWithWords('sous totaux', 'sous total'),
      startsWithWords('a sous total', 'sous total'),
    ]).toEqual([true, true, false, false]);
  });

  it('leadingCharacter: the ends of each range, what is skipped, letters with accents', () => {
    expect(['a', 'z', 'A', 'Z', '0', '9', '`{@[/:a', ' (É', 'ê', '«\u00a0x', '', '---', 'Œ', '²'].map(leadingCharacter)).toEqual([
      'a',
      'z',
      'a',
      'z',
      '0',
      '9',
      'a',
      'e',
      'e',
      'x',
      '',
      '',
      '',
      '',
    ]);
  });
});
