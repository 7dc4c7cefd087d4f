/** Reading the seed's own text: article 2, article 3.1 and the 23 fiches, each with its source line. */
import { conventionTextFromString, extractConvention, unreadMessage } from '../../src/domain/convention';
import { normalizeTitle } from '../../src/domain/convention/fiches';
import { ARTICLE_3_1, cents, fichesBudgets, seedText } from './seed';

// Read before each test, not at load: Stryker counts coverage only inside a test (docs/mutation.md).
let extraction!: ReturnType<typeof extractConvention>;
beforeEach(() => {
  extraction = extractConvention(conventionTextFromString(seedText()));
});

describe('the seed, as text', () => {
  it('reads article 2: 6 707 058 € on line 358, with the sentence quoted', () => {
    expect(extraction.isConvention).toBe(true);
    expect(extraction.year).toBe(2023);
    expect(extraction.stateTotal).toEqual({
      cents: cents(6707058),
      source: { unit: 'line', first: 358, last: 358, quote: "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €." },
    });
    // The report to the commission says it again (« s'élève à un total de »): a mention, not a rival.
    expect(extraction.stateTotalMentions.map((m) => [m.cents, m.source.first])).toEqual([
      [cents(6707058), 358],
      [cents(6707058), 10479],
    ]);
  });

  it('reads the five amounts of article 3.1 with their codes and lines', () => {
    expect(extraction.codes.map((c) => [c.code, c.cents / 100, c.source.first, c.source.last])).toEqual(ARTICLE_3_1);
    expect(extraction.codes.every((c) => c.known)).toBe(true);
    expect(extraction.codes[0].shown).toBe('030450191903');
    expect(extraction.codes[0].source.quote).toMatch(/^La subvention d'un montant de 110 000 euros est imputée .* \(code activité : 030450191903\), .*\(groupe de marchandises 10\.02\.01\)\.$/);
    expect(extraction.codes[3].source.quote).toMatch(/^Les subventions d'un montant de 6 067 058 euros sont imputées/);
  });

  it("reads the 23 fiches' budgets and State shares as samples/fiches-budgets.json records them", () => {
    const expected = fichesBudgets();
    expect(expected).toHaveLength(23);
    expect(extraction.fiches.map((f) => f.number)).toEqual(expected.map((f) => f.number));
    for (const [i, f] of extraction.fiches.entries()) {
      const e = expected[i];
      expect([f.number, f.total, f.stateShare]).toEqual([e.number, cents(e.total2023), cents(e.stateShare)]);
      // From the budget's line to the State share's (fiche 14 goes on: « dont 207 000 € de / participation Etat. »).
      expect([f.number, f.source?.first]).toEqual([e.number, e.budgetLine]);
      expect([f.number, f.source!.last >= e.stateShareLine && f.source!.last <= e.stateShareLine + 2]).toEqual([e.number, true]);
      // The statement as the box says it, spaces aside.
      expect([f.number, f.source?.quote.replace(/\s+/g, ' ').replace(/\.$/, '')]).toEqual([e.number, e.statement.replace(/\s+/g, ' ').replace(/\.$/, '')]);
      expect([f.number, normalizeTitle(f.title)]).toEqual([e.number, normalizeTitle(e.title)]);
    }
  });

  it('keeps the titles the list of fiches gives as aliases', () => {
    const f12 = extraction.fiches.find((f) => f.number === 12)!;
    expect(f12.title).toBe("Pacte Ambition pour l'Insertion par l'Activité Économique");
    expect(f12.aliases).toEqual(["Pacte d'ambition IAE"]);
    expect(extraction.fiches.find((f) => f.number === 15)!.aliases).toEqual(['Volet accompagnement psychologique']);
  });

  it('lists what it could not read, and guesses nothing: the non-financial fiche before Action 1', () => {
    expect(extraction.unread).toHaveLength(1);
    const [u] = extraction.unread;
    expect([u.subject, u.reason, u.source?.first]).toEqual(['fiche', 'boxOutsideFiche', 1778]);
    expect(unreadMessage(u, 'fr')).toContain('«\u00a0BUDGET ESTIME (50 % Etat - 50 % Département) Fiche non financière sur l\'avenant');
    // Its « 2021-2023 : 1 130 000€ » is a period, and this box no fiche's: it is nowhere in the fiches.
    expect(extraction.fiches.some((f) => f.total === cents(1130000))).toBe(false);
  });
});
