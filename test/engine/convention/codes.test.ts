/**
 * The amounts imputed on Chorus activity codes, read from small hand-typed sentences of article
 * 3.1 (« La subvention d'un montant de 110 000 euros est imputée … (code activité : 0304…) »):
 * which codes are read, which amount goes with which code, and what is left unread rather than
 * guessed. Every expectation (codes, cents, lines, quotes) is typed by hand.
 */
import { buildStream, conventionTextFromString } from '../../../src/domain/convention/document';
import { readCodeAmounts } from '../../../src/domain/convention/codes';

const read = (lines: string[], known: string[] = []) => readCodeAmounts(buildStream(conventionTextFromString(lines.join('\n'))), known);
const ref = (first: number, last: number, quote: string) => ({ unit: 'line', first, last, quote });
const nothing = { codes: [], unread: [] };

describe('one code in its sentence', () => {
  it('one amount, before the code or after it; the code compact, dotted, or spaced and cut by a line break', () => {
    const seed = "La subvention d'un montant de 110 000 euros est imputée sur les crédits du programme n° 304 (code activité : 030450191903).";
    expect(read([seed], ['0304 50 19 19 03'])).toEqual({
      codes: [{ code: '0304 50 19 19 03', shown: '030450191903', known: true, cents: 11000000, source: ref(1, 1, seed) }],
      unread: [],
    });
    const after = 'Code activité 0304.50.19.19.04 : 20 000 € par an.';
    expect(read([after], ['0304 50 19 19 03'])).toEqual({
      codes: [{ code: '0304 50 19 19 04', shown: '0304.50.19.19.04', known: false, cents: 2000000, source: ref(1, 1, after) }],
      unread: [],
    });
    expect(read(['La subvention de 5 000 € est imputée (code activité : 0304\u00A050 19', '19 05).'])).toEqual({
      codes: [
        {
          code: '0304 50 19 19 05',
          shown: '0304 50 19 19 05',
          known: false,
          cents: 500000,
          source: ref(1, 2, 'La subvention de 5 000 € est imputée (code activité : 0304 50 19 19 05).'),
        },
      ],
      unread: [],
    });
  });

  it('several amounts: the one introduced by « montant de » is taken, even at the very start of the text', () => {
    const q = "La subvention, d'un montant de 110 000 €, soit 55 000 € par semestre, est imputée sur le code activité 030450191903.";
    expect(read([q])).toEqual({ codes: [{ code: '0304 50 19 19 03', shown: '030450191903', known: false, cents: 11000000, source: ref(1, 1, q) }], unread: [] });
    const first = 'Un montant de 110 000 €, soit 55 000 € par semestre, est imputé sur le code activité 030450191903.';
    expect(read([first])).toEqual({ codes: [{ code: '0304 50 19 19 03', shown: '030450191903', known: false, cents: 11000000, source: ref(1, 1, first) }], unread: [] });
  });

  it('several amounts, none or two introduced by « montant de »: not read, the amounts seen are said', () => {
    const none = 'La subvention de 110 000 €, soit 55 000 € par semestre, est imputée sur le code activité 030450191903.';
    expect(read([none])).toEqual({
      codes: [],
      unread: [{ subject: 'code', reason: 'severalAmounts', source: ref(1, 1, none), code: '0304 50 19 19 03', seen: ['110 000 €', '55 000 €'] }],
    });
    const two = 'Un montant de 5 000 € et un montant de 6 000 € sont imputés sur le code activité 030450191903.';
    expect(read([two])).toEqual({
      codes: [],
      unread: [{ subject: 'code', reason: 'severalAmounts', source: ref(1, 1, two), code: '0304 50 19 19 03', seen: ['5 000 €', '6 000 €'] }],
    });
  });

  it('no amount, or an amount that cannot be read with certainty', () => {
    const missing = 'Le code activité 030450191903 est celui du programme 304.';
    expect(read([missing])).toEqual({ codes: [], unread: [{ subject: 'code', reason: 'amountMissing', source: ref(1, 1, missing), code: '0304 50 19 19 03', seen: [] }] });
    const cut = 'La subvention de 110 0000 € est imputée (code activité : 030450191903).';
    expect(read([cut])).toEqual({
      codes: [],
      unread: [{ subject: 'code', reason: 'amountUnreadable', source: ref(1, 1, cut), code: '0304 50 19 19 03', seen: ['110 0000 €'] }],
    });
  });
});

describe('several codes in one sentence', () => {
  it('as many amounts as codes, each amount before its code and after the previous code, even glued to it', () => {
    const q = 'Les subventions de 110 000 € (code activité 030450191903) et de 20 000 € (code activité 030450191904) sont imputées.';
    expect(read([q])).toEqual({
      codes: [
        { code: '0304 50 19 19 03', shown: '030450191903', known: false, cents: 11000000, source: ref(1, 1, q) },
        { code: '0304 50 19 19 04', shown: '030450191904', known: false, cents: 2000000, source: ref(1, 1, q) },
      ],
      unread: [],
    });
    const glued = 'Sont imputés 5 €030450191903 et 6 €030450191904.';
    expect(read([glued])).toEqual({
      codes: [
        { code: '0304 50 19 19 03', shown: '030450191903', known: false, cents: 500, source: ref(1, 1, glued) },
        { code: '0304 50 19 19 04', shown: '030450191904', known: false, cents: 600, source: ref(1, 1, glued) },
      ],
      unread: [],
    });
  });

  it('amounts after their codes, all amounts before the codes (« respectivement »), or one amount too many: not paired', () => {
    const unreadBoth = (q: string, seen: string[]) => ({
      codes: [],
      unread: [
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, q), code: '0304 50 19 19 03', seen },
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, q), code: '0304 50 19 19 04', seen },
      ],
    });
    const after = 'Code activité 030450191903 : 110 000 € et code activité 030450191904 : 20 000 €, imputés au programme 304.';
    expect(read([after])).toEqual(unreadBoth(after, ['110 000 €', '20 000 €']));
    const before = 'Sont imputés 110 000 € et 20 000 € sur 0304 50 19 19 03 et 0304 50 19 19 04.';
    expect(read([before])).toEqual(unreadBoth(before, ['110 000 €', '20 000 €']));
    const three = '5 € (code activité 030450191903) et 6 € (code activité 030450191904) sont imputés, plus 7 € de frais.';
    expect(read([three])).toEqual(unreadBoth(three, ['5 €', '6 €', '7 €']));
  });

  it('one amount out of place among several codes is enough not to pair any', () => {
    const lastAfter = 'Sont imputés 5 € sur 030450191903 et, sur 030450191904, 6 €.';
    expect(read([lastAfter])).toEqual({
      codes: [],
      unread: [
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, lastAfter), code: '0304 50 19 19 03', seen: ['5 €', '6 €'] },
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, lastAfter), code: '0304 50 19 19 04', seen: ['5 €', '6 €'] },
      ],
    });
    const twoBeforeSecond = 'Sont imputés 5 € sur 030450191903, 6 € et 7 € sur 030450191904 et 030450191905.';
    const seen = ['5 €', '6 €', '7 €'];
    expect(read([twoBeforeSecond])).toEqual({
      codes: [],
      unread: [
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, twoBeforeSecond), code: '0304 50 19 19 03', seen },
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, twoBeforeSecond), code: '0304 50 19 19 04', seen },
        { subject: 'code', reason: 'severalAmounts', source: ref(1, 1, twoBeforeSecond), code: '0304 50 19 19 05', seen },
      ],
    });
  });
});

describe('which codes are read', () => {
  it('a code neither labelled as an activity code nor in a sentence that imputes is not read, whatever the other sentences say', () => {
    expect(read(['La subvention est imputée sur le programme 304. Référence 030450191903 : 5 000 €.'])).toEqual(nothing);
  });

  it('a code under a heading that names it (a table of the annex) is not read: its label must be in its sentence', () => {
    expect(read(['Tableau 1 : répartition des crédits.', 'CODE ACTIVITÉ :', '030450191903 (110 000 €).'])).toEqual(nothing);
  });
});
