/**
 * The fiches action read from small hand-typed texts, one line each as pasted: the heading
 * « Action 5 : … », its boxes, the « BUDGET ESTIME » box and its « 2023 : … dont participation
 * État de … » statement. Expectations are typed by hand (cents, titles, line numbers, quotes).
 */
import { buildStream, conventionTextFromString } from '../../../src/domain/convention/document';
import { normalizeTitle, readFiches } from '../../../src/domain/convention/fiches';

const read = (lines: string[], year: number | null = 2023) => readFiches(buildStream(conventionTextFromString(lines.join('\n'))), year);
const ref = (first: number, last: number, quote: string) => ({ unit: 'line', first, last, quote });

describe('one fiche as the seed writes it', () => {
  it('reads number, title, budget and State share; the title stops at the first box label', () => {
    const x = read([
      'Action 5 : Accompagnement socio-professionnel des allocataires du RSA',
      'FINALITE',
      'Accompagner le bénéficiaire du RSA dans son parcours.',
      'CALENDRIER',
      '2023',
      'BUDGET ESTIME',
      '(50 % Etat - 50 % Département)',
      '2023 : 2 724 070 € dont',
      'participation État de 1 362 035 €',
    ]);
    expect(x).toEqual({
      fiches: [
        {
          number: 5,
          title: 'Accompagnement socio-professionnel des allocataires du RSA',
          aliases: [],
          heading: ref(1, 1, 'Action 5 : Accompagnement socio-professionnel des allocataires du RSA'),
          total: 272407000,
          stateShare: 136203500,
          source: ref(8, 9, '2023 : 2 724 070 € dont participation État de 1 362 035 €'),
        },
      ],
      unread: [],
      yearsSeen: [2023],
    });
  });

  it('drops the colon and dash that end a title, not the words', () => {
    const x = read([
      'Action 1 : Dynamisation des parcours – :',
      'FINALITE',
      'Dynamiser.',
      'BUDGET ESTIME',
      '2023 : 800 000 € dont participation État de 400 000 €',
    ]);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.stateShare])).toEqual([[1, 'Dynamisation des parcours', 80000000, 40000000]]);
    expect(x.fiches[0].heading).toEqual(ref(1, 1, 'Action 1 : Dynamisation des parcours – :'));
  });
});

describe('which heading opens a fiche', () => {
  it('a number only listed is no fiche; the listed title becomes an alias of the fiche; fiches come in number order', () => {
    const x = read([
      'Les fiches action :',
      'Fiche-action 2 : Déploiement d’un outil',
      'Fiche-action 1 : DYNAMISATION des parcours',
      'Fiche-action 3 : Accompagner autrement',
      'Action 2 : Déploiement d’un outil sur l’offre d’insertion',
      'FINALITE',
      'Un outil.',
      'BUDGET ESTIME',
      '2023 : 100 000 € dont participation État de 50 000 €',
      'Action 1 : Dynamisation des parcours',
      'PUBLICS VISES',
      'Tous.',
      'BUDGET ESTIME',
      '2023 : 300 000 € dont participation État de 150 000 €',
    ]);
    expect(x.fiches).toEqual([
      {
        number: 1,
        title: 'Dynamisation des parcours',
        aliases: [],
        heading: ref(10, 10, 'Action 1 : Dynamisation des parcours'),
        total: 30000000,
        stateShare: 15000000,
        source: ref(14, 14, '2023 : 300 000 € dont participation État de 150 000 €'),
      },
      {
        number: 2,
        title: "Déploiement d'un outil sur l'offre d'insertion",
        aliases: ["Déploiement d'un outil"],
        heading: ref(5, 5, "Action 2 : Déploiement d'un outil sur l'offre d'insertion"), // apostrophes made straight by the stream
        total: 10000000,
        stateShare: 5000000,
        source: ref(9, 9, '2023 : 100 000 € dont participation État de 50 000 €'),
      },
    ]);
    expect(x.unread).toEqual([]);
  });

  it('a later line naming a fiche with a box label but no box does not take the fiche from its page', () => {
    const x = read([
      'Action 1 : Dynamisation des parcours',
      'FINALITE',
      'Dynamiser.',
      'BUDGET ESTIME',
      '2023 : 300 000 € dont participation État de 150 000 €',
      'Action 2 : Premières heures',
      'FINALITE',
      'Travailler.',
      'BUDGET ESTIME',
      '2023 : 100 000 € dont participation État de 50 000 €',
      'Bilan : Action 1 : Dynamisation des parcours OBJECTIFS atteints',
    ]);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.heading.first])).toEqual([
      [1, 'Dynamisation des parcours', 30000000, 1],
      [2, 'Premières heures', 10000000, 6],
    ]);
    expect(x.unread).toEqual([]);
  });

  it('the last line of the list running into a fiche without a number does not take its box', () => {
    const x = read([
      'Fiche-action 2 : Premières heures',
      'Fiche-action 1 : Dynamisation des parcours',
      'FINALITE',
      'Le service public de l’insertion.',
      'BUDGET ESTIME',
      '2023 : 900 000 €',
      'Action 1 : Dynamisation des parcours',
      'FINALITE',
      'Dynamiser.',
      'BUDGET ESTIME',
      '2023 : 300 000 € dont participation État de 150 000 €',
    ]);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.stateShare, f.heading.first])).toEqual([[1, 'Dynamisation des parcours', 30000000, 15000000, 7]]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'boxOutsideFiche', source: ref(5, 11, 'BUDGET ESTIME 2023 : 900 000 € Action 1 : Dynamisation des parcours FINALITE Dynamiser. BUDGET ESTIME 2023 : 300 000 € dont participation État de 150 000 €') }]);
  });

  it('a fiche with box labels but no budget box is named as such', () => {
    const x = read(['Action 4 : Formation des référents', 'FINALITE', 'Former.', 'CALENDRIER', '2023']);
    expect(x).toEqual({
      fiches: [{ number: 4, title: 'Formation des référents', aliases: [], heading: ref(1, 1, 'Action 4 : Formation des référents'), total: null, stateShare: null, source: null }],
      unread: [{ subject: 'fiche', reason: 'noBox', source: ref(1, 1, 'Action 4 : Formation des référents'), fiche: 4 }],
      yearsSeen: [],
    });
  });

  it('a fiche whose boxes run long still owns its budget box, however far', () => {
    const long = 'Accompagner les allocataires vers l’emploi durable et la formation, '.repeat(50);
    const x = read(['Action 6 : Préparer à tous les métiers', 'FINALITE', long, 'BUDGET ESTIME', '2023 : 400 000 € dont participation État de 200 000 €']);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.stateShare])).toEqual([[6, 'Préparer à tous les métiers', 40000000, 20000000]]);
    expect(x.unread).toEqual([]);
  });
  it('a mention of a fiche with no title adds no alias', () => {
    const x = read(['Action 1 : Dynamisation des parcours', 'FINALITE', 'Agir.', 'BUDGET ESTIME', '2023 : 300 000 € dont participation État de 150 000 €', 'Pour le bilan, voir Action 1 :']);
    expect(x.fiches.map((f) => [f.number, f.title, f.aliases, f.total])).toEqual([[1, 'Dynamisation des parcours', [], 30000000]]);
  });

  it('a box outside any fiche is quoted from its first 240 characters, cut to 200 on a word, and located where they end', () => {
    const words = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `w${String(from + i).padStart(3, '0')}`).join(' ');
    // Stream: « BUDGET ESTIME 2023 : 900 000 € » (31 characters with its space), then 5 per word.
    const long = read(['BUDGET ESTIME', '2023 : 900 000 €', words(1, 40), words(41, 60), 'Fin du document.']);
    // 240 characters end inside line 4 (« w041 w042 »); cut to 200, w034 ends there and goes with its space.
    expect(long.unread).toEqual([{ subject: 'fiche', reason: 'boxOutsideFiche', source: ref(1, 4, `BUDGET ESTIME 2023 : 900 000 € ${words(1, 33)}…`) }]);
    // Exactly 200 characters: quoted whole.
    const exact = read(['BUDGET ESTIME', '2023 : 900 000 €', words(1, 34)]);
    expect(exact.unread).toEqual([{ subject: 'fiche', reason: 'boxOutsideFiche', source: ref(1, 3, `BUDGET ESTIME 2023 : 900 000 € ${words(1, 34)}`) }]);
    expect(`BUDGET ESTIME 2023 : 900 000 € ${words(1, 34)}`).toHaveLength(200);
  });

  it('a heading whose title is the budget box itself opens no fiche', () => {
    const x = read(['Action 5 : BUDGET ESTIME', '2023 : 100 000 €']);
    expect(x.fiches).toEqual([]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'boxOutsideFiche', source: ref(1, 2, 'BUDGET ESTIME 2023 : 100 000 €') }]);
  });
});

describe('a heading without box labels (a title ended by a sentence)', () => {
  it('ends the title at the full stop and takes a box close after it', () => {
    const x = read(['Action 3 : Accompagner autrement. Le projet FINALITE est de', 'BUDGET ESTIME', '2023 : 500 000 € dont participation État de 250 000 €']);
    expect(x.fiches).toEqual([
      {
        number: 3,
        title: 'Accompagner autrement',
        aliases: [],
        heading: ref(1, 1, 'Action 3 : Accompagner autrement'),
        total: 50000000,
        stateShare: 25000000,
        source: ref(3, 3, '2023 : 500 000 € dont participation État de 250 000 €'),
      },
    ]);
  });

  it('takes the box at 3000 characters from its heading, not one further', () => {
    const head = 'Action 3 : Accompagner autrement. ';
    const near = read([head + 'x'.repeat(3000 - head.length - 1), 'BUDGET ESTIME', '2023 : 500 000 €']);
    expect(near.fiches.map((f) => [f.number, f.total])).toEqual([[3, 50000000]]);
    const far = read([head + 'x'.repeat(3000 - head.length), 'BUDGET ESTIME', '2023 : 500 000 €']);
    expect(far.fiches).toEqual([]);
    expect(far.unread.map((u) => u.reason)).toEqual(['boxOutsideFiche']);
  });

  it('measures that distance from its own heading, wherever it is in the text', () => {
    const x = read(['Préambule. ' + 'y'.repeat(2000), 'Action 3 : Accompagner autrement. Le projet.', 'BUDGET ESTIME', '2023 : 500 000 €']);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.heading.first])).toEqual([[3, 'Accompagner autrement', 50000000, 2]]);
  });

  it('of two headings of one number each followed by a box, the last is the fiche', () => {
    const x = read(['Action 3 : Premier essai. Texte.', 'BUDGET ESTIME', '2023 : 100 €', 'Action 3 : Accompagner autrement. Texte.', 'BUDGET ESTIME', '2023 : 500 000 €']);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.aliases])).toEqual([[3, 'Accompagner autrement', 50000000, ['Premier essai']]]);
    expect(x.unread.map((u) => [u.reason, u.source?.first])).toEqual([
      ['stateShareMissing', 6],
      ['boxOutsideFiche', 2],
    ]);
  });
});

describe('the budget box', () => {
  const fiche = (n: number, title: string, box: string[]) => [`Action ${n} : ${title}`, 'FINALITE', 'Agir.', 'BUDGET ESTIME', ...box];

  it('reads « 2023: » and « 2023 :2 724 070 € » as the year, and takes the convention’s year among others', () => {
    const x = read([
      ...fiche(1, 'Dynamisation des parcours', ['2023: 800 000 € dont participation État de 400 000 €']),
      ...fiche(2, 'Premières heures', ['2023 :2 724 070 € dont participation État de 1 362 035 €']),
      ...fiche(3, 'Accompagner autrement', ['2022 : 100 000 €', '2023 : 600 000 € dont participation État de 300 000 €']),
    ]);
    expect(x.fiches.map((f) => [f.number, f.total, f.stateShare, f.source?.quote])).toEqual([
      [1, 80000000, 40000000, '2023: 800 000 € dont participation État de 400 000 €'],
      [2, 272407000, 136203500, '2023 :2 724 070 € dont participation État de 1 362 035 €'],
      [3, 60000000, 30000000, '2023 : 600 000 € dont participation État de 300 000 €'],
    ]);
    expect(x.unread).toEqual([]);
    expect(x.yearsSeen).toEqual([2023, 2022]);
  });

  it('without the convention’s year, takes the year most boxes state', () => {
    const x = read(
      [
        ...fiche(1, 'Dynamisation des parcours', ['2022 : 100 000 €', '2023 : 800 000 € dont participation État de 400 000 €']),
        ...fiche(2, 'Premières heures', ['2023 : 200 000 € dont participation État de 100 000 €']),
      ],
      null,
    );
    expect(x.fiches.map((f) => [f.number, f.total, f.stateShare])).toEqual([
      [1, 80000000, 40000000],
      [2, 20000000, 10000000],
    ]);
    expect(x.yearsSeen).toEqual([2023, 2022]);
  });

  it('of years stated as often, the later first', () => {
    const ab = read([...fiche(1, 'Dynamisation des parcours', ['2022 : 100 000 €', '2023 : 800 000 €'])], null);
    expect(ab.yearsSeen).toEqual([2023, 2022]);
    const ba = read([...fiche(1, 'Dynamisation des parcours', ['2023 : 800 000 €', '2022 : 100 000 €'])], null);
    expect(ba.yearsSeen).toEqual([2023, 2022]);
  });

  it('a given year is read even when most boxes state another', () => {
    const x = read(
      [
        ...fiche(1, 'Dynamisation des parcours', ['2023 : 800 000 €', '2024 : 900 000 € dont participation État de 450 000 €']),
        ...fiche(2, 'Premières heures', ['2023 : 200 000 €']),
      ],
      2024,
    );
    expect(x.fiches.map((f) => [f.number, f.total, f.stateShare])).toEqual([
      [1, 90000000, 45000000],
      [2, null, null],
    ]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'noBudgetForYear', source: ref(10, 11, 'BUDGET ESTIME 2023 : 200 000 €'), fiche: 2, seen: ['2023 : 200 000 €'] }]);
  });

  it('a box with no year: its amounts are named; a year in the next box or after the next label is not its budget', () => {
    const x = read([
      ...fiche(1, 'Dynamisation des parcours', ['Non chiffré (2 100 € par accompagnement)', 'PRESENTATION DU PROJET', 'En 2023 : 100 000 € de travaux']),
      ...fiche(2, 'Premières heures', ['2023 : 200 000 € dont participation État de 100 000 €']),
    ]);
    expect(x.fiches.map((f) => [f.number, f.total, f.stateShare])).toEqual([
      [1, null, null],
      [2, 20000000, 10000000],
    ]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'noBudget', source: ref(4, 5, 'BUDGET ESTIME Non chiffré (2 100 € par accompagnement)'), fiche: 1, seen: ['2 100 €'] }]);
  });

  it('a box that says nothing, before the next fiche, does not borrow its budget', () => {
    const x = read([...fiche(1, 'Dynamisation des parcours', ['Non chiffré']), ...fiche(2, 'Premières heures', ['2023 : 200 000 € dont participation État de 100 000 €'])]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'noBudget', source: ref(4, 5, 'BUDGET ESTIME Non chiffré'), fiche: 1, seen: [] }]);
  });

  it('an amount that cannot be read with certainty is named, not guessed', () => {
    const x = read(fiche(1, 'Dynamisation des parcours', ['2023 : 2 72 4070 € dont participation État de 1 362 035 €']));
    expect(x.fiches.map((f) => [f.total, f.stateShare])).toEqual([[null, 136203500]]);
    expect(x.unread).toEqual([
      { subject: 'fiche', reason: 'amountUnreadable', source: ref(5, 5, '2023 : 2 72 4070 € dont participation État de 1 362 035 €'), fiche: 1, seen: ['2 72 4070 €'] },
    ]);
  });
});

describe('the State share', () => {
  const one = (statement: string) => read(['Action 1 : Dynamisation des parcours', 'FINALITE', 'Agir.', 'BUDGET ESTIME', statement]);

  it('« dont 400 000 € de participation Etat »', () => {
    const x = one('2023 : 800 000 € dont 400 000 € de participation Etat');
    expect(x.fiches.map((f) => [f.total, f.stateShare, f.source?.quote])).toEqual([[80000000, 40000000, '2023 : 800 000 € dont 400 000 € de participation Etat']]);
    expect(x.unread).toEqual([]);
  });

  it('the State named with no amount after it: unreadable share, quoted up to there', () => {
    const x = one('2023 : 800 000 € dont participation État de montant à préciser');
    expect(x.fiches.map((f) => [f.total, f.stateShare])).toEqual([[80000000, null]]);
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'stateShareUnreadable', source: ref(5, 5, '2023 : 800 000 € dont participation État de'), fiche: 1 }]);
  });

  it('« dont 400 000 € » the State named otherwise: unreadable share', () => {
    const x = one("2023 : 800 000 € dont 400 000 € à la charge de l'État");
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'stateShareUnreadable', source: ref(5, 5, '2023 : 800 000 € dont'), fiche: 1 }]);
  });

  it('« dont 400 000 € » for something else, the State far after: the share is missing', () => {
    const x = one('2023 : 800 000 € dont 400 000 € pour les actions menées dans les territoires du département, le reste par l’État');
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'stateShareMissing', source: ref(5, 5, '2023 : 800 000 € dont'), fiche: 1 }]);
  });

  it('no « dont »: the share is missing', () => {
    const x = one('2023 : 800 000 €');
    expect(x.unread).toEqual([{ subject: 'fiche', reason: 'stateShareMissing', source: ref(5, 5, '2023 : 800 000 €'), fiche: 1 }]);
  });
});

describe('titles', () => {
  it('a title with no end is cut at 220 characters, the heading quoted without the cut space', () => {
    const words = 'mot '.repeat(60);
    const x = read([`Action 2 : ${words}`, 'BUDGET ESTIME', '2023 : 100 €']);
    const title = 'mot '.repeat(54) + 'mot';
    expect(x.fiches.map((f) => [f.number, f.title, f.heading.quote, f.total])).toEqual([[2, title, `Action 2 : ${title}`, 10000]]);
  });

  it('are compared without case, accents or punctuation', () => {
    expect(normalizeTitle(' Développement des Groupements Employeurs Insertion (GEI) – Été ')).toBe('developpement des groupements employeurs insertion gei ete');
  });
});
