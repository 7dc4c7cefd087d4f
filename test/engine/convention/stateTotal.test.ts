/**
 * The State's total support read from small hand-typed conventions (article 2: « le soutien
 * financier de l'État s'élève à … € »): the subject, the verb, the figure, the sentence they must
 * share, the article 2 phrasing preferred to the others, totals that disagree, and the year.
 * Every expectation (cents, lines, quotes) is typed by hand.
 */
import { buildStream, conventionTextFromString } from '../../../src/domain/convention/document';
import { readStateTotal } from '../../../src/domain/convention/stateTotal';

const read = (...lines: string[]) => readStateTotal(buildStream(conventionTextFromString(lines.join('\n'))));
const ref = (first: number, last: number, quote: string) => ({ unit: 'line', first, last, quote });
const noStateTotal = { subject: 'stateTotal', reason: 'noStateTotal', source: null };

describe('the sentence that states the total', () => {
  it('reads article 2 as the seed writes it, with its year', () => {
    const q = "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.";
    const total = { cents: 670705800, source: ref(1, 1, q) };
    expect(read(q)).toEqual({ chosen: total, mentions: [total], unread: [], year: 2023 });
  });

  it('reads the amount followed by its value in words (« 6 707 058 (six millions …) euros »)', () => {
    const q = "Au titre de l'année 2023, le soutien financier de l'État s'élève à 6 707 058 (six millions sept cent sept mille cinquante-huit) euros.";
    const total = { cents: 670705800, source: ref(1, 1, q) };
    expect(read(q)).toEqual({ chosen: total, mentions: [total], unread: [], year: 2023 });
  });

  it('a sentence counts once, with the amount of its first subject, when it names the State twice', () => {
    const q = "Le soutien financier de l'État s'élève à 5 000 € et la participation de l'État au fonds est fixée à 3 000 €.";
    const total = { cents: 500000, source: ref(1, 1, q) };
    expect(read(q)).toEqual({ chosen: total, mentions: [total], unread: [], year: null });
  });

  it('the verb is looked for after the subject, not before it', () => {
    const q = "Le total est de 2 000 € et le soutien financier de l'État s'élève à 5 000 €.";
    const total = { cents: 500000, source: ref(1, 1, q) };
    expect(read(q)).toEqual({ chosen: total, mentions: [total], unread: [], year: null });
  });

  it('the verb is in the subject’s sentence: not in the next one', () => {
    expect(read("Le soutien financier de l'État est reconduit. Il est de 5 000 €.")).toEqual({ chosen: null, mentions: [], unread: [noStateTotal], year: null });
  });

  it('the verb is in the subject’s sentence: not after a heading that names the subject', () => {
    expect(read("SOUTIEN FINANCIER DE L'ÉTAT", 'est de 5 000 €.')).toEqual({ chosen: null, mentions: [], unread: [noStateTotal], year: null });
  });

  it('the verb starts within 200 characters after the subject, as a word (not the end of « Grand-Est »)', () => {
    const near = `Le soutien financier de l'État ${'x'.repeat(197)} est de 5 000 €.`;
    expect(read(near).chosen).toEqual({ cents: 500000, source: ref(1, 1, near) });
    expect(read(`Le soutien financier de l'État ${'x'.repeat(198)} est de 5 000 €.`)).toEqual({ chosen: null, mentions: [], unread: [noStateTotal], year: null });
    expect(read("La dotation de l'État pour le Grand-Est de 5 000 € est inscrite au budget.")).toEqual({
      chosen: null,
      mentions: [],
      unread: [noStateTotal],
      year: null,
    });
  });

  it('an unreadable figure is said as such, not as a missing total', () => {
    const q = "Le soutien financier de l'État s'élève à 6 70 7 058 €.";
    expect(read(q)).toEqual({
      chosen: null,
      mentions: [],
      unread: [{ subject: 'stateTotal', reason: 'amountUnreadable', source: ref(1, 1, q), seen: ['6 70 7 058 €'] }],
      year: null,
    });
  });

  it('no sentence states it', () => {
    expect(read('La présente convention est conclue pour un an.')).toEqual({ chosen: null, mentions: [], unread: [noStateTotal], year: null });
  });
});

describe('several sentences', () => {
  it('the article 2 phrasing wins over another one that disagrees, and comes first among the mentions', () => {
    const other = "La participation financière de l'État est fixée à 7 000 €.";
    const article2 = "Au titre de l'année 2023, le soutien financier de l'État s'élève à 5 000 €.";
    const total = { cents: 500000, source: ref(2, 2, article2) };
    expect(read(other, article2)).toEqual({ chosen: total, mentions: [total, { cents: 700000, source: ref(1, 1, other) }], unread: [], year: 2023 });
  });

  it('two article 2 sentences that agree: the first is taken', () => {
    const first = "Le soutien financier de l'État s'élève à 5 000 €.";
    const second = "Pour 2024, le soutien financier de l'État est porté à 5 000 €.";
    const mentions = [
      { cents: 500000, source: ref(1, 1, first) },
      { cents: 500000, source: ref(2, 2, second) },
    ];
    expect(read(first, second)).toEqual({ chosen: mentions[0], mentions, unread: [], year: null });
  });

  it('two article 2 sentences that disagree: no total, both quoted', () => {
    const first = "Le soutien financier de l'État s'élève à 5 000 €.";
    const second = "Le soutien financier de l'État est porté à 6 000 €.";
    expect(read(first, second)).toEqual({
      chosen: null,
      mentions: [
        { cents: 500000, source: ref(1, 1, first) },
        { cents: 600000, source: ref(2, 2, second) },
      ],
      unread: [{ subject: 'stateTotal', reason: 'conflictingTotals', source: ref(1, 1, first), seen: [first, second] }],
      year: null,
    });
  });
});

describe('the year of the chosen sentence', () => {
  it('« année », « exercice », « titre de », else « en » or « pour » before the year; none: null', () => {
    const yearOf = (opening: string) => read(`${opening}, le soutien financier de l'État s'élève à 5 000 €.`).year;
    expect(yearOf("Au titre de l'année 2023")).toBe(2023);
    expect(yearOf("Pour l'exercice 2024")).toBe(2024);
    expect(yearOf('Au titre de 2025')).toBe(2025);
    expect(yearOf('En 2026')).toBe(2026);
    expect(yearOf('Pour 1999')).toBe(1999);
    expect(yearOf('Pour 2100')).toBeNull();
    expect(yearOf('Comme convenu')).toBeNull();
  });
});
