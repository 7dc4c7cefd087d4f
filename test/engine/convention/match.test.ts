/**
 * Which annex row is which fiche, on small hand-typed fiche lists and annex rows: by number, by
 * the same title (case, accents, punctuation, plurals and small words set aside), by a close title
 * (Dice ≥ 0.5 and the shorter title ≥ 0.75 in the longer), acronyms spelt out, ties left
 * unmatched. Every pairing is asserted whole. Data is built inside each test (Stryker counts only
 * what runs in a test).
 */
import { AnnexActionRow, FicheFigure, FicheMatch, ficheNumberOf, matchFiches, titleSimilarity } from '../../../src/domain/convention';

const fiche = (number: number | null, title: string, aliases: string[] = []): FicheFigure => ({ number, title, aliases, total: null, stateShare: null, source: null });
const row = (title: string, ficheCell: string | null = null): AnnexActionRow => ({ row: 12, title, fiche: ficheCell, code: null, A: null, F: null, hasMoney: false });
const unmatched = (i: number, ambiguousWith: number[] = []): FicheMatch => ({ fiche: i, row: null, method: null, score: 0, ambiguousWith });
const paired = (i: number, j: number, method: FicheMatch['method'], score: number): FicheMatch => ({ fiche: i, row: j, method, score, ambiguousWith: [] });

describe('title similarity', () => {
  it('titles with no letter or digit share nothing, not even with each other', () => {
    expect(titleSimilarity('—', '« … »')).toEqual({ dice: 0, containment: 0 });
    expect(titleSimilarity('—', 'Accès aux droits')).toEqual({ dice: 0, containment: 0 });
  });

  it('case, accents, punctuation, apostrophes, small words and a final s or x set aside', () => {
    expect(titleSimilarity('Sports', 'sport')).toEqual({ dice: 1, containment: 1 });
    expect(titleSimilarity('L’accès aux DROITS', 'Accès droit')).toEqual({ dice: 1, containment: 1 });
    expect(titleSimilarity('Difficultés (psychologiques)', 'difficulte psychologique')).toEqual({ dice: 1, containment: 1 });
    expect(titleSimilarity('Travaux', 'travau')).toEqual({ dice: 1, containment: 1 });
  });

  it('only the last letter, only an s or an x, only on words of four letters or more', () => {
    // « parc » and « part » differ by their last letter, which is not a plural's.
    expect(titleSimilarity('Parc', 'Part')).toEqual({ dice: 0, containment: 0 });
    // « ans » is three letters: kept whole, so not « an ».
    expect(titleSimilarity('16 ans', '16 an')).toEqual({ dice: 0.5, containment: 0.5 });
  });

  it('Dice of the content words, and how much of the shorter title is in the longer', () => {
    expect(titleSimilarity('Insertion', 'Insertion des jeunes en milieu rural')).toEqual({ dice: 0.4, containment: 1 });
    expect(titleSimilarity('Accompagnement social global renforcé', 'Accompagnement social global des familles')).toEqual({ dice: 0.75, containment: 0.75 });
  });

  it('a title of small words only shares nothing, on either side', () => {
    expect(titleSimilarity('de la', 'Insertion')).toEqual({ dice: 0, containment: 0 });
    expect(titleSimilarity('Insertion', 'de la')).toEqual({ dice: 0, containment: 0 });
    expect(titleSimilarity('et', '')).toEqual({ dice: 0, containment: 0 });
  });

  it('an acronym spelt out by the other title counts as its words', () => {
    expect(titleSimilarity('GEIQ', 'Groupements employeurs insertion qualification')).toEqual({ dice: 1, containment: 1 });
    expect(titleSimilarity('Groupements d’employeurs pour l’insertion et la qualification', 'GEIQ')).toEqual({ dice: 1, containment: 1 });
  });

  it('an acronym the other title does not spell out stays a word', () => {
    expect(titleSimilarity('Aide RSA', 'Aide')).toEqual({ dice: 2 / 3, containment: 1 });
  });

  it('only a word of 2 to 6 capitals is an acronym; the other words of its title are not spelt out', () => {
    // « ACCUEIL » is a word in capitals, though its letters begin the other title's words.
    expect(titleSimilarity('ACCUEIL', 'Aide, conseil, coordination des usagers, emploi, insertion, logement')).toEqual({ dice: 0, containment: 0 });
    // RSA is spelt out (revenu, solidarité, active); « Aide » stays « aide ».
    expect(titleSimilarity('Aide RSA', 'Accompagnement insertion dispositif emploi, revenu de solidarité active')).toEqual({ dice: 6 / 11, containment: 0.75 });
  });

  it('a small word in capitals is not an acronym: « ET » is not « emploi, territoire »', () => {
    expect(titleSimilarity('INSERTION ET EMPLOI', 'Insertion, emploi et territoire')).toEqual({ dice: 0.8, containment: 1 });
    expect(matchFiches([fiche(null, 'Insertion, emploi et territoire')], [row('INSERTION ET EMPLOI')])).toEqual([paired(0, 0, 'similarTitle', 0.8)]);
  });
});

describe('the fiche number in the annex’s « Fiche action N° » cell', () => {
  it.each([
    ['5', 5],
    [' 12 ', 12],
    ['Fiche action 5', 5],
    ['FICHE-ACTION N°5', 5],
    ['Fiche - action n° 5', 5],
    ['Ficheaction 6', 6],
    ['Fiche 9', 9],
    ['FA 7', 7],
    ['Action N 3', 3],
    ['N ° 5', 5],
    ['n.4', 4],
    ['no 8', 8],
    ['Nº 10', 10],
  ])('%j is fiche %d', (cell, n) => {
    expect(ficheNumberOf(cell)).toBe(n);
  });

  it.each([[null], [''], ['2.1'], ['1234'], ['Fiche 5 bis'], ['Action'], ['x 5']])('%j is no fiche number', (cell) => {
    expect(ficheNumberOf(cell)).toBeNull();
  });
});

describe('pairing fiches with action rows', () => {
  it('by number first, whatever the titles; the score is the titles’ similarity', () => {
    const fiches = [fiche(1, 'Insertion'), fiche(2, 'Logement')];
    const rows = [row('Logements', '2'), row('Mobilité', 'Fiche action 1')];
    expect(matchFiches(fiches, rows)).toEqual([paired(0, 1, 'number', 0), paired(1, 0, 'number', 1)]);
  });

  it('a fiche without a number is not the row without one', () => {
    expect(matchFiches([fiche(null, 'Insertion')], [row('Logement', '1'), row('Mobilité')])).toEqual([unmatched(0)]);
  });

  it('two rows with the fiche’s number: by title then', () => {
    expect(matchFiches([fiche(5, 'Logement')], [row('Mobilité', '5'), row('Logement', '5')])).toEqual([paired(0, 1, 'title', 1)]);
  });

  it('a fiche paired by number keeps its row, even when another row has its title', () => {
    const rows = [row('Soutien aux familles', '5'), row('Accompagnement psychologique')];
    expect(matchFiches([fiche(5, 'Accompagnement psychologique')], rows)).toEqual([paired(0, 0, 'number', 0)]);
  });

  it('a row paired by number is no other fiche’s by title', () => {
    expect(matchFiches([fiche(5, 'Insertion'), fiche(null, 'Insertion')], [row('Insertion', '5')])).toEqual([paired(0, 0, 'number', 1), unmatched(1)]);
  });

  it('a row paired by number is no rival: the fiche with the same title takes the other row', () => {
    expect(matchFiches([fiche(5, 'Logement'), fiche(null, 'Logement')], [row('Logement', '5'), row('Logements')])).toEqual([paired(0, 0, 'number', 1), paired(1, 1, 'title', 1)]);
  });

  it('the same title: case, accents and plurals aside', () => {
    const rows = [row('Mobilité'), row('ACCOMPAGNEMENT DES DIFFICULTES PSYCHOLOGIQUES')];
    expect(matchFiches([fiche(null, 'Accompagnement des difficultés psychologiques')], rows)).toEqual([paired(0, 1, 'title', 1)]);
  });

  it('close titles: Dice 0.5 and containment 0.75 are enough, just', () => {
    expect(matchFiches([fiche(null, 'Insertion')], [row('Insertion des jeunes ruraux')])).toEqual([paired(0, 0, 'similarTitle', 0.5)]);
    const social = [row('Accompagnement social global des familles')];
    expect(matchFiches([fiche(null, 'Accompagnement social global renforcé')], social)).toEqual([paired(0, 0, 'similarTitle', 0.75)]);
  });

  it('not close: Dice under 0.5, or the shorter title under 0.75 in the longer', () => {
    expect(matchFiches([fiche(null, 'Insertion')], [row('Insertion des jeunes en milieu rural')])).toEqual([unmatched(0)]);
    expect(matchFiches([fiche(null, 'Insertion sociale')], [row('Insertion professionnelle')])).toEqual([unmatched(0)]);
  });

  it('the closest of the fiche’s titles counts: an alias', () => {
    const fiches = [fiche(null, 'Soutien aux aidants', ['Accompagnement psychologique'])];
    expect(matchFiches(fiches, [row('Accompagnement psychologique')])).toEqual([paired(0, 0, 'title', 1)]);
    // Both titles wholly in the row: the one sharing more words (Dice 1 against 0.5).
    expect(matchFiches([fiche(null, 'Insertion', ['Insertion de jeunes ruraux'])], [row('Insertion des jeunes ruraux')])).toEqual([paired(0, 0, 'title', 1)]);
  });

  it('titles as close by Dice: the one more wholly in the row counts', () => {
    // The title shares 2 of its 5 words (Dice 0.5, containment 2/3: not close); the alias is all in the row (Dice 0.5, containment 1).
    const fiches = [fiche(null, 'Insertion des jeunes, logement, santé, mobilité', ['Insertion'])];
    expect(matchFiches(fiches, [row('Insertion des jeunes ruraux')])).toEqual([paired(0, 0, 'similarTitle', 0.5)]);
  });

  it('the same title wins over a close one, whatever the order of the fiches', () => {
    const fiches = [fiche(null, 'Insertion des jeunes'), fiche(null, 'Insertion des jeunes ruraux')];
    expect(matchFiches(fiches, [row('Insertion des jeunes ruraux')])).toEqual([unmatched(0), paired(1, 0, 'title', 1)]);
  });

  it('the closer row wins, whatever the order of the rows', () => {
    const rows = [row('Insertion des jeunes ruraux isolés'), row('Insertion des jeunes ruraux')];
    expect(matchFiches([fiche(null, 'Insertion des jeunes')], rows)).toEqual([paired(0, 1, 'similarTitle', 0.8)]);
  });

  it('as close by Dice to one row: the fiche more wholly in it wins, the other is not ambiguous', () => {
    // Row of 4 words; fiche 0 shares 3 of its 5 (Dice 2/3, containment 0.75), fiche 1 both of its 2 (Dice 2/3, containment 1).
    const fiches = [fiche(null, 'Insertion, emploi, logement, mobilité, culture'), fiche(null, 'Emploi et santé')];
    expect(matchFiches(fiches, [row('Insertion, emploi, logement, santé')])).toEqual([unmatched(0), paired(1, 0, 'similarTitle', 2 / 3)]);
  });

  it('a fiche paired by title is not paired again with a close row', () => {
    const rows = [row('Insertion des jeunes'), row('Insertion des jeunes ruraux')];
    expect(matchFiches([fiche(null, 'Insertion des jeunes')], rows)).toEqual([paired(0, 0, 'title', 1)]);
  });

  it('two rows as close to a fiche: none is chosen, both are named', () => {
    const rows = [row('Accompagnement psychologique'), row('Logement'), row('Accompagnements psychologiques')];
    expect(matchFiches([fiche(null, 'Accompagnement psychologique')], rows)).toEqual([unmatched(0, [0, 2])]);
  });

  it('two fiches as close to a row: neither gets it', () => {
    expect(matchFiches([fiche(null, 'Logement'), fiche(null, 'Logements')], [row('Logement')])).toEqual([unmatched(0, [0]), unmatched(1, [0])]);
  });

  it('a tie for one fiche does not stop the others', () => {
    const fiches = [fiche(null, 'Logement'), fiche(null, 'Mobilité')];
    const rows = [row('Logement'), row('Mobilite'), row('LOGEMENTS')];
    expect(matchFiches(fiches, rows)).toEqual([unmatched(0, [0, 2]), paired(1, 1, 'title', 1)]);
  });

  it('nothing to pair', () => {
    expect(matchFiches([], [row('Logement')])).toEqual([]);
    expect(matchFiches([fiche(3, 'Logement')], [])).toEqual([unmatched(0)]);
  });
});
