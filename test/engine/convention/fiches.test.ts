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
