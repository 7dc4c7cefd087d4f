/**
 * What makes a text a convention: an article 2 total, an amount on an activity code, a fiche whose
 * box states the year's budget, or an article 2 / 3.1 figure seen but unreadable. Each alone is
 * enough; a text with none of them is no convention and lists nothing as unread.
 * One-line texts typed by hand; whole extractions expected, typed by hand.
 */
import { conventionTextFromString } from '../../../src/domain/convention/document';
import { extractConvention } from '../../../src/domain/convention/extract';

const extract = (...lines: string[]) => extractConvention(conventionTextFromString(lines.join('\n')));
const ref = (first: number, last: number, quote: string) => ({ unit: 'line', first, last, quote });
const noStateTotal = { subject: 'stateTotal', reason: 'noStateTotal', source: null };
const nothing = { format: 'text', unit: 'line', year: null, stateTotal: null, stateTotalMentions: [], codes: [], fiches: [], unread: [], removedLines: 0 };

describe('what alone makes a convention', () => {
  it("article 2's total", () => {
    const sentence = "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.";
    const total = { cents: 670705800, source: ref(1, 1, sentence) };
    expect(extract(sentence)).toEqual({ ...nothing, parts: 1, year: 2023, stateTotal: total, stateTotalMentions: [total], isConvention: true });
  });

  it('an amount imputed on an activity code (the missing total is listed)', () => {
    const sentence = "La subvention d'un montant de 110 000 euros est imputée sur les crédits du programme n° 304 (code activité : 030450191903).";
    expect(extract(sentence)).toEqual({
      ...nothing,
      parts: 1,
      codes: [{ code: '0304 50 19 19 03', shown: '030450191903', known: true, cents: 11000000, source: ref(1, 1, sentence) }],
      unread: [noStateTotal],
      isConvention: true,
    });
  });

  it('an activity code whose sentence has no amount', () => {
    const sentence = 'Les crédits sont imputés sur le programme n° 304 (code activité : 030450191907).';
    expect(extract(sentence)).toEqual({
      ...nothing,
      parts: 1,
      unread: [noStateTotal, { subject: 'code', reason: 'amountMissing', source: ref(1, 1, sentence), code: '0304 50 19 19 07', seen: [] }],
      isConvention: true,
    });
  });

  it("a fiche whose box states the year's budget; the year is the box's", () => {
    const statement = '2023 : 800 000 € dont participation État de 400 000 €';
    expect(extract('Action 1 : Dynamisation des parcours', 'BUDGET ESTIME', statement)).toEqual({
      ...nothing,
      parts: 3,
      year: 2023,
      fiches: [
        {
          number: 1,
          title: 'Dynamisation des parcours',
          aliases: [],
          heading: ref(1, 1, 'Action 1 : Dynamisation des parcours'),
          total: 80000000,
          stateShare: 40000000,
          source: ref(3, 3, statement),
        },
      ],
      unread: [noStateTotal],
      isConvention: true,
    });
  });

  it("a fiche whose box states the year's budget in figures that cannot be read", () => {
    const statement = '2023 : 1 10 000 € dont participation État de 55 000 €';
    expect(extract('Action 3 : Insertion', 'BUDGET ESTIME', statement)).toEqual({
      ...nothing,
      parts: 3,
      year: 2023,
      fiches: [{ number: 3, title: 'Insertion', aliases: [], heading: ref(1, 1, 'Action 3 : Insertion'), total: null, stateShare: 5500000, source: ref(3, 3, statement) }],
      unread: [noStateTotal, { subject: 'fiche', reason: 'amountUnreadable', source: ref(3, 3, statement), fiche: 3, seen: ['1 10 000 €'] }],
      isConvention: true,
    });
  });
});

describe('what is no convention', () => {
  it('a fiche without a budget box: listed, but the text is no convention and nothing is unread', () => {
    expect(extract('Action 2 : Pilotage du pacte', 'FINALITE', 'Piloter le pacte.')).toEqual({
      ...nothing,
      parts: 3,
      fiches: [{ number: 2, title: 'Pilotage du pacte', aliases: [], heading: ref(1, 1, 'Action 2 : Pilotage du pacte'), total: null, stateShare: null, source: null }],
      isConvention: false,
    });
  });

  it('a letter with neither total, code nor fiche', () => {
    expect(extract('Madame, Monsieur,', 'Veuillez trouver ci-joint le compte rendu de la réunion.')).toEqual({ ...nothing, parts: 2, isConvention: false });
  });
});
