/**
 * Conventions as they come: pasted text with line breaks in the middle of amounts, hyphenation,
 * narrow and non-breaking spaces, « euros » and « € », running page headers in the middle of a
 * sentence, other phrasings; and what must not be read (a cut amount, a text that is no convention).
 */
import { conventionTextFromString, extractConvention, notConventionMessage, unreadMessage } from '../../src/domain/convention';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const extract = (text: string) => extractConvention(conventionTextFromString(text));
const byCode = (x: ReturnType<typeof extract>) => x.codes.map((c) => [c.code.slice(-2), c.cents / 100]);

describe('article 2 and article 3.1 in pasted text', () => {
  it('reads amounts and codes cut by line breaks, with « € » or « euros », any kind of space', () => {
    const text = [
      'ARTICLE 2 – ENGAGEMENTS',
      `Au titre de l'année 2024, le soutien financier de l'État s'élève à un montant de 1${NNBSP}234`,
      `567,50${NBSP}€.`,
      '3.1. Imputation',
      "La subvention d'un montant de 110",
      '000 euros est impu-',
      'tée sur les crédits du programme n° 304 (code activité : 0304501919',
      '03), du budget de la mission.',
      `Les subventions d'un montant de 1${NBSP}124${NBSP}567,50 € sont imputées sur les crédits (code activité : 0304 50 19 19 07).`,
    ].join('\n');
    const x = extract(text);
    expect(x.stateTotal?.cents).toBe(123456750);
    expect(x.stateTotal?.source).toEqual({
      unit: 'line',
      first: 2,
      last: 3,
      quote: "Au titre de l'année 2024, le soutien financier de l'État s'élève à un montant de 1 234 567,50 €.",
    });
    expect(x.year).toBe(2024);
    expect(byCode(x)).toEqual([
      ['03', 110000],
      ['07', 1124567.5],
    ]);
    // The quote reads whole: hyphenation undone, the code joined.
    expect(x.codes[0].source).toMatchObject({ first: 5, last: 8 });
    expect(x.codes[0].source.quote).toBe("La subvention d'un montant de 110 000 euros est imputée sur les crédits du programme n° 304 (code activité : 0304501919 03), du budget de la mission.");
    expect(x.unread).toEqual([]);
  });

  it('reads « EUR », amounts in words between parentheses, and other article 2 phrasings', () => {
    const x = extract(
      "La participation financière de l'État est fixée à 500 000 EUR pour l'année 2023. Une subvention d'un montant de 300 000 (trois cent mille) euros est imputée sur l'activité : 030450191903.",
    );
    expect(x.stateTotal?.cents).toBe(50000000);
    expect(byCode(x)).toEqual([['03', 300000]]);
  });

  it('does not read an amount cut in the middle of a digit group: it is listed, not guessed', () => {
    const x = extract(
      ["le soutien financier de l'État s'élève à 6 70", "7 058 €.", "La subvention d'un montant de 1 10", '000 euros est imputée (code activité : 030450191903).'].join('\n'),
    );
    expect(x.stateTotal).toBeNull();
    expect(x.codes).toEqual([]);
    expect(x.unread.map((u) => [u.subject, u.reason, u.seen])).toEqual([
      ['stateTotal', 'amountUnreadable', ['6 70 7 058 €']],
      ['code', 'amountUnreadable', ['1 10 000 euros']],
    ]);
    expect(unreadMessage(x.unread[1], 'fr')).toBe(
      'Imputation 0304 50 19 19 03 (lignes 3 à 4)\u00a0: montant illisible «\u00a01 10 000 euros\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
    );
  });

  it('pairs codes and amounts only when the sentence says which goes with which', () => {
    const x = extract(
      [
        "Sont imputés 110 000 € (code activité : 030450191903) et 80 000 € (code activité : 030450191904).",
        "La subvention de 50 000 € ou de 60 000 € est imputée sur le code activité : 030450191905.",
        'Le code activité : 030450191906 est imputé.',
      ].join(' '),
    );
    expect(byCode(x)).toEqual([
      ['03', 110000],
      ['04', 80000],
    ]);
    expect(x.unread.map((u) => [u.code?.slice(-2), u.reason])).toEqual([
      [undefined, 'noStateTotal'],
      ['05', 'severalAmounts'],
      ['06', 'amountMissing'],
    ]);
  });

  it('keeps the codes of the annex table out (no « code activité », no imputation)', () => {
    const x = extract('0304 50 19 19 07 - Garantie d’activité et insertion des BRSA 300 000,00 € 300 000,00 € 600 000,00 €');
    expect(x.codes).toEqual([]);
  });

  it('flags a code the annex template does not know, without refusing it', () => {
    const x = extract("La subvention d'un montant de 10 000 € est imputée sur les crédits (code activité : 030450191908).");
    expect(x.codes.map((c) => [c.code, c.known])).toEqual([['0304 50 19 19 08', false]]);
  });

  it('takes no total when article 2 style sentences disagree', () => {
    const x = extract("Le soutien financier de l'État s'élève à 100 000 €. Plus loin, le soutien financier de l'État s'élève à 120 000 €.");
    expect(x.stateTotal).toBeNull();
    expect(x.unread.map((u) => u.reason)).toEqual(['conflictingTotals']);
  });
});

describe('PDF damage: running page headers in the middle of sentences', () => {
  it('leaves out the lines repeated at the top and bottom of the pages, and points at both pages', () => {
    const header = (n: number) => `Convention CALPAE 2023 — Pas-de-Calais        page ${n}/4`;
    const footer = 'Document de travail';
    const pages = [
      [header(1), 'ARTICLE 2', "Au titre de l'année 2023, le soutien financier de l'État s'élève", footer],
      [header(2), 'à un montant de 6 707 058 €. Le Département s’engage.', "La subvention d'un montant de 640 000 euros est imputée sur les crédits", footer],
      [header(3), 'du programme n° 304 (code activité : 030450191910).', 'Action 1 : Premières heures', 'FINALITE', 'Remettre au travail.', footer],
      [header(4), 'BUDGET ESTIME', '(50 % Etat - 50 % Département)', '2023 : 200 000 € au total dont', footer],
    ];
    // …and the last statement ends on a fifth page without the header.
    const text = `${pages.map((p) => p.join('\n')).join('\f')}\fparticipation État de 100 000 €`;
    const x = extract(text);
    expect(x.unit).toBe('page');
    expect(x.removedLines).toBe(8);
    expect(x.stateTotal?.source).toEqual({
      unit: 'page',
      first: 1,
      last: 2,
      quote: "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.",
    });
    expect(x.codes.map((c) => [c.code, c.cents, c.source.first, c.source.last])).toEqual([['0304 50 19 19 10', 64000000, 2, 3]]);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.stateShare, f.source?.first, f.source?.last, f.source?.quote])).toEqual([
      [1, 'Premières heures', 20000000, 10000000, 4, 5, '2023 : 200 000 € au total dont participation État de 100 000 €'],
    ]);
  });
});

describe('the fiches’ boxes, as phrased in the seed and elsewhere', () => {
  const fiche = (n: number, title: string, box: string[]) => [`CALPAE 2023 – MESURE SOCLE`, `Action ${n} : ${title}`, 'FINALITE', 'Agir.', 'BUDGET ESTIME', '(50 % Etat ‐ 50 % Département)', ...box, 'PRESENTATION DU PROJET', 'Texte.'];
  const doc = [
    "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 1 000 000 €.",
    ...fiche(1, 'Santé Employabilité', ['2023 :  414 000 € dont 207 000 € de', 'participation Etat.']),
    ...fiche(2, 'Coup de Pouce Compétences', ['2023 : 200 000€ dont participation', 'État de 100 000 €']),
    ...fiche(3, 'ASTRE', ['2 100 € par accompagnement', '20 accompagnements', '2022 : 50 000 €', '2023 : 84 000 € dont participation', 'État de 42 000 €']),
    ...fiche(4, 'Sans part', ['2023 : 90 000 €']),
    ...fiche(5, 'Autre année', ['2022 : 90 000 € dont participation État de 45 000 €']),
    ...fiche(6, 'Non financière', ['Fiche non financière sur l’avenant']),
    ...fiche(7, 'Part illisible', ['2023 : 90 000 € dont participation État de 4 5 000 €']),
  ].join('\n');
  const x = extract(doc);

  it('reads each phrasing of the budget and the State share', () => {
    expect(x.fiches.map((f) => [f.number, f.total === null ? null : f.total / 100, f.stateShare === null ? null : f.stateShare / 100])).toEqual([
      [1, 414000, 207000],
      [2, 200000, 100000],
      [3, 84000, 42000],
      [4, 90000, null],
      [5, null, null],
      [6, null, null],
      [7, 90000, null],
    ]);
    expect(x.fiches[0].source?.quote).toBe('2023 : 414 000 € dont 207 000 € de participation Etat');
  });

  it('lists what is missing instead of guessing it (no half of the budget, no other year)', () => {
    expect(x.unread.map((u) => [u.fiche, u.reason, u.seen ?? []])).toEqual([
      [4, 'stateShareMissing', []],
      [5, 'noBudgetForYear', ['2022 : 90 000 €']],
      [6, 'noBudget', []],
      [7, 'amountUnreadable', ['4 5 000 €']],
    ]);
    expect(unreadMessage(x.unread[1], 'fr')).toBe(
      "Fiche action 5 (lignes 48 à 50)\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne de montant que pour d’autres années («\u00a02022 : 90 000 €\u00a0»).",
    );
  });
});

describe('a text that is not a convention', () => {
  it('finds nothing, invents nothing, and says so in French', () => {
    const x = extract(
      'Compte rendu de la réunion du 3 mars. Le budget de la fête est de 1 200 €. Action 1 : installer les tables. Le code 030450191903 a été évoqué.',
    );
    expect(x.isConvention).toBe(false);
    expect([x.stateTotal, x.codes, x.unread]).toEqual([null, [], []]);
    expect(notConventionMessage('compte-rendu.pdf', 'fr')).toMatch(/^«\u00a0compte-rendu\.pdf\u00a0» ne ressemble pas à une convention d’appui à la lutte contre la pauvreté\u00a0: aucune phrase/);
    expect(notConventionMessage(null, 'en')).toMatch(/^This text does not look like a convention/);
  });

  it('an empty text, or one made of control characters, is no convention either', () => {
    expect(extract('').isConvention).toBe(false);
    const x = extract('\u001b[31mle soutien financier de l\u2019État s\u2019élève à 10 000 €\u001b[0m');
    // Escape sequences from a document never reach a quote.
    expect(x.stateTotal?.source.quote).toBe("[31mle soutien financier de l'État s'élève à 10 000 € [0m");
  });
});
