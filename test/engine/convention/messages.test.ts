/**
 * The convention's words, in process: every finding, every « non lu » reason and every place
 * rendered as a whole sentence, French and English, from hand-built data. Expected sentences are
 * typed by hand: no-break space (U+00A0) before « : » and inside « », narrow no-break space
 * (U+202F) between thousands and before « ? » and « ; », `1 362 035,00 €` in French, `€1,362,035.00`
 * in English. Data is built inside each test (Stryker counts only what runs in a test).
 */
import {
  ConventionFinding,
  FigureSource,
  SourceRef,
  Unread,
  conventionFindingMessage,
  findingSourceLines,
  matchMethodName,
  notConventionMessage,
  placeOf,
  sourceLine,
  sourcePlace,
  unreadMessage,
} from '../../../src/domain/convention';

const lines = (first: number, last: number, quote = 'q'): SourceRef => ({ unit: 'line', first, last, quote });
const doc = (first: number, last: number, quote = 'q'): FigureSource => ({ kind: 'document', ref: lines(first, last, quote) });
const both = (f: ConventionFinding) => [conventionFindingMessage(f, 'fr'), conventionFindingMessage(f, 'en')];
const unread = (u: Unread) => [unreadMessage(u, 'fr'), unreadMessage(u, 'en')];

describe('places in the convention', () => {
  it('pages: one, several', () => {
    expect(placeOf({ unit: 'page', first: 9, last: 9 }, 'fr')).toBe('page 9');
    expect(placeOf({ unit: 'page', first: 9, last: 9 }, 'en')).toBe('page 9');
    expect(placeOf({ unit: 'page', first: 9, last: 10 }, 'fr')).toBe('pages 9 à 10');
    expect(placeOf({ unit: 'page', first: 9, last: 10 }, 'en')).toBe('pages 9–10');
  });

  it('paragraphs: one, several', () => {
    expect(placeOf({ unit: 'paragraph', first: 120, last: 120 }, 'fr')).toBe('paragraphe 120');
    expect(placeOf({ unit: 'paragraph', first: 120, last: 122 }, 'fr')).toBe('paragraphes 120 à 122');
    expect(placeOf({ unit: 'paragraph', first: 120, last: 120 }, 'en')).toBe('paragraph 120');
    expect(placeOf({ unit: 'paragraph', first: 120, last: 122 }, 'en')).toBe('paragraphs 120–122');
  });

  it('lines: one, several', () => {
    expect(placeOf({ unit: 'line', first: 358, last: 358 }, 'fr')).toBe('ligne 358');
    expect(placeOf({ unit: 'line', first: 417, last: 421 }, 'fr')).toBe('lignes 417 à 421');
    expect(placeOf({ unit: 'line', first: 358, last: 358 }, 'en')).toBe('line 358');
    expect(placeOf({ unit: 'line', first: 417, last: 421 }, 'en')).toBe('lines 417–421');
  });

  it('a figure typed by hand is « saisi à la main », one read is where it was read', () => {
    expect(sourcePlace({ kind: 'typed' }, 'fr')).toBe('saisi à la main');
    expect(sourcePlace({ kind: 'typed' }, 'en')).toBe('typed by hand');
    expect(sourcePlace(doc(417, 421), 'fr')).toBe('lignes 417 à 421');
    expect(sourcePlace(doc(417, 421), 'en')).toBe('lines 417–421');
  });

  it('a source line quotes the document; a typed amount says so, and what it replaces', () => {
    const quote = 'La subvention d’un montant de 110 000 euros';
    expect(sourceLine(doc(417, 421, quote), 'fr')).toBe('lignes 417 à 421\u00a0: «\u00a0La subvention d’un montant de 110 000 euros\u00a0»');
    expect(sourceLine(doc(417, 421, quote), 'en')).toBe('lines 417–421: "La subvention d’un montant de 110 000 euros"');
    expect(sourceLine({ kind: 'typed' }, 'fr')).toBe('montant saisi à la main (--notified)');
    expect(sourceLine({ kind: 'typed' }, 'en')).toBe('amount typed by hand (--notified)');
    expect(sourceLine({ kind: 'typed', replaces: lines(417, 421, quote) }, 'fr')).toBe(
      'montant saisi à la main (--notified), au lieu de lignes 417 à 421\u00a0: «\u00a0La subvention d’un montant de 110 000 euros\u00a0»',
    );
    expect(sourceLine({ kind: 'typed', replaces: lines(358, 358, quote) }, 'en')).toBe(
      'amount typed by hand (--notified), instead of line 358: "La subvention d’un montant de 110 000 euros"',
    );
  });

  it('a quote holding guillemets is not wrapped in a second pair: “ ” inside French text, alone when already quoted', () => {
    const nested = 'au titre de l’axe «\u00a0Insertion\u00a0» : 110 000 euros';
    expect(sourceLine(doc(12, 12, nested), 'fr')).toBe('ligne 12\u00a0: “au titre de l’axe «\u00a0Insertion\u00a0» : 110 000 euros”');
    expect(sourceLine(doc(12, 12, nested), 'en')).toBe('line 12: "au titre de l’axe «\u00a0Insertion\u00a0» : 110 000 euros"');
    const whole = '«\u00a0Premières heures\u00a0»';
    expect(sourceLine(doc(12, 12, whole), 'fr')).toBe('ligne 12\u00a0: «\u00a0Premières heures\u00a0»');
    expect(sourceLine(doc(12, 12, '"First hours"'), 'en')).toBe('line 12: "First hours"');
  });

  it('how a fiche was matched with its row', () => {
    expect(matchMethodName('number', 'fr')).toBe('par numéro de fiche');
    expect(matchMethodName('number', 'en')).toBe('by fiche number');
    expect(matchMethodName('title', 'fr')).toBe('par intitulé');
    expect(matchMethodName('title', 'en')).toBe('by title');
    expect(matchMethodName('similarTitle', 'fr')).toBe('par intitulé approché');
    expect(matchMethodName('similarTitle', 'en')).toBe('by similar title');
    expect(matchMethodName(null, 'fr')).toBe('non appariée');
    expect(matchMethodName(null, 'en')).toBe('not matched');
  });
});

describe('CONVENTION_SPLIT: article 3.1 against article 2', () => {
  it('names each place of article 3.1 once, both totals and the gap', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_SPLIT',
      actual: { cents: 698658100, sources: [doc(417, 421, 'a'), doc(423, 427, 'b'), doc(417, 421, 'a')] },
      expected: { cents: 670705800, sources: [doc(358, 358)] },
      difference: 27952300,
    };
    expect(both(f)).toEqual([
      'La convention se contredit\u00a0: les montants par code activité de l’article 3.1 (lignes 417 à 421, lignes 423 à 427) totalisent 6\u202f986\u202f581,00\u00a0€, l’article 2 (ligne 358) annonce 6\u202f707\u202f058,00\u00a0€ de soutien de l’État — écart +279\u202f523,00\u00a0€.',
      'The convention contradicts itself: the amounts per activity code of article 3.1 (lines 417–421, lines 423–427) add up to €6,986,581.00, article 2 (line 358) states €6,707,058.00 of State support — gap +€279,523.00.',
    ]);
  });

  it('a negative gap keeps its minus sign; an amount not known is a question mark', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_SPLIT',
      actual: { cents: 5000000, sources: [doc(417, 421)] },
      expected: { cents: 10000000, sources: [doc(358, 358)] },
      difference: -5000000,
    };
    expect(both(f)).toEqual([
      'La convention se contredit\u00a0: les montants par code activité de l’article 3.1 (lignes 417 à 421) totalisent 50\u202f000,00\u00a0€, l’article 2 (ligne 358) annonce 100\u202f000,00\u00a0€ de soutien de l’État — écart -50\u202f000,00\u00a0€.',
      'The convention contradicts itself: the amounts per activity code of article 3.1 (lines 417–421) add up to €50,000.00, article 2 (line 358) states €100,000.00 of State support — gap -€50,000.00.',
    ]);
    const unknown: ConventionFinding = { ...f, expected: { cents: null, sources: [doc(358, 358)] }, difference: null };
    expect(conventionFindingMessage(unknown, 'fr')).toBe(
      'La convention se contredit\u00a0: les montants par code activité de l’article 3.1 (lignes 417 à 421) totalisent 50\u202f000,00\u00a0€, l’article 2 (ligne 358) annonce ? de soutien de l’État.',
    );
  });
});

describe('CONVENTION_TOTAL: column A against article 2', () => {
  it('the printed TOTAUX FINANCIERS cell', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_TOTAL',
      actual: { cents: 670705800, annex: { sheet: 'Annexe 9', cell: 'F51', cells: ['F51'], row: null, title: null, printed: true } },
      expected: { cents: 675705800, sources: [doc(358, 358)] },
      difference: -5000000,
    };
    expect(both(f)).toEqual([
      'Total de la colonne A de l’annexe (TOTAUX FINANCIERS, F51) 6\u202f707\u202f058,00\u00a0€, soutien financier de l’État selon l’article 2 de la convention (ligne 358) 6\u202f757\u202f058,00\u00a0€ — écart -50\u202f000,00\u00a0€.',
      'Column A total of the annex (TOTAUX FINANCIERS, F51) €6,707,058.00, State support in article 2 of the convention (line 358) €6,757,058.00 — gap -€50,000.00.',
    ]);
  });

  it('the action rows added up, against a total typed by hand', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_TOTAL',
      actual: { cents: 100000, annex: { sheet: 'Annexe 9', cell: null, cells: [], row: null, title: null, printed: false } },
      expected: { cents: 99999, sources: [{ kind: 'typed' }] },
      difference: 1,
    };
    expect(both(f)).toEqual([
      'Total de la colonne A de l’annexe (somme des lignes d’action) 1\u202f000,00\u00a0€, soutien financier de l’État selon l’article 2 de la convention (saisi à la main) 999,99\u00a0€ — écart +0,01\u00a0€.',
      'Column A total of the annex (sum of the action rows) €1,000.00, State support in article 2 of the convention (typed by hand) €999.99 — gap +€0.01.',
    ]);
    // No annex place at all: the action rows, too.
    expect(conventionFindingMessage({ ...f, actual: { cents: 100000 } }, 'en')).toBe(
      'Column A total of the annex (sum of the action rows) €1,000.00, State support in article 2 of the convention (typed by hand) €999.99 — gap +€0.01.',
    );
  });
});

describe('CONVENTION_CODE: column A against article 3.1, code by code', () => {
  const annexAt = (cells: string[]) => ({ sheet: 'Annexe 9', cell: cells[0] ?? null, cells, row: null, title: null });

  it('a code read twice in the convention: both places; up to four cells are all named', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_CODE',
      code: '0304 50 19 19 03',
      actual: { cents: 30000000, annex: annexAt(['F13', 'F14', 'F15', 'F17']) },
      expected: { cents: 11000000, sources: [doc(417, 421), doc(430, 430)] },
      difference: 19000000,
    };
    expect(both(f)).toEqual([
      'Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ (F13, F14, F15, F17), article 3.1 de la convention 110\u202f000,00\u00a0€ (lignes 417 à 421, ligne 430) — écart +190\u202f000,00\u00a0€.',
      'Code 0304 50 19 19 03: annex column A €300,000.00 (F13, F14, F15, F17), article 3.1 of the convention €110,000.00 (lines 417–421, line 430) — gap +€190,000.00.',
    ]);
  });

  it('five cells or more: the first, the last and how many', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_CODE',
      code: '0304 50 19 19 07',
      actual: { cents: 567753500, annex: annexAt(['E22', 'E24', 'E30', 'E31', 'E38']) },
      expected: { cents: 606705800, sources: [doc(429, 433)] },
      difference: -38952300,
    };
    expect(both(f)).toEqual([
      'Imputation 0304 50 19 19 07\u00a0: colonne A de l’annexe 5\u202f677\u202f535,00\u00a0€ (E22 … E38, 5 cellules), article 3.1 de la convention 6\u202f067\u202f058,00\u00a0€ (lignes 429 à 433) — écart -389\u202f523,00\u00a0€.',
      'Code 0304 50 19 19 07: annex column A €5,677,535.00 (E22 … E38, 5 cells), article 3.1 of the convention €6,067,058.00 (lines 429–433) — gap -€389,523.00.',
    ]);
  });

  it('a code the annex does not use', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_CODE',
      code: '0304 50 19 19 04',
      actual: { cents: 0, annex: annexAt([]) },
      expected: { cents: 8000000, sources: [doc(423, 427)] },
      difference: -8000000,
    };
    expect(both(f)).toEqual([
      'Imputation 0304 50 19 19 04\u00a0: aucune ligne de l’annexe sur ce code (0,00\u00a0€), article 3.1 de la convention 80\u202f000,00\u00a0€ (lignes 423 à 427) — écart -80\u202f000,00\u00a0€.',
      'Code 0304 50 19 19 04: no annex row on this code (€0.00), article 3.1 of the convention €80,000.00 (lines 423–427) — gap -€80,000.00.',
    ]);
    // A finding with no annex place at all reads the same.
    expect(conventionFindingMessage({ ...f, actual: { cents: 0 } }, 'fr')).toBe(
      'Imputation 0304 50 19 19 04\u00a0: aucune ligne de l’annexe sur ce code (0,00\u00a0€), article 3.1 de la convention 80\u202f000,00\u00a0€ (lignes 423 à 427) — écart -80\u202f000,00\u00a0€.',
    );
  });

  it('a code article 3.1 does not name', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_CODE',
      code: '0304 50 19 19 10',
      actual: { cents: 64000000, annex: annexAt(['F47']) },
      expected: { cents: null, sources: [] },
      difference: 64000000,
    };
    expect(both(f)).toEqual([
      'Imputation 0304 50 19 19 10\u00a0: colonne A de l’annexe 640\u202f000,00\u00a0€ (F47), absent de l’article 3.1 de la convention — écart +640\u202f000,00\u00a0€.',
      'Code 0304 50 19 19 10: annex column A €640,000.00 (F47), not in article 3.1 of the convention — gap +€640,000.00.',
    ]);
  });

  it('an amount typed by hand (--notified) is the notified amount, even beside a statement of the document', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_CODE',
      code: '0304 50 19 19 03',
      actual: { cents: 30000000, annex: annexAt(['F13', 'F14']) },
      expected: { cents: 11000000, sources: [doc(417, 421), { kind: 'typed' }] },
      difference: 19000000,
    };
    expect(both(f)).toEqual([
      'Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ (F13, F14), montant notifié saisi 110\u202f000,00\u00a0€ — écart +190\u202f000,00\u00a0€.',
      'Code 0304 50 19 19 03: annex column A €300,000.00 (F13, F14), notified amount typed €110,000.00 — gap +€190,000.00.',
    ]);
  });
});

describe('fiches against their rows', () => {
  it('FICHE_BUDGET: the fiche, its budget, column F of its row and how they were matched', () => {
    const f: ConventionFinding = {
      rule: 'FICHE_BUDGET',
      fiche: { number: 7, title: 'Premières heures' },
      match: { method: 'title', score: 1, ambiguousRows: [] },
      actual: { cents: 24000000, annex: { sheet: 'Annexe 9', cell: 'L28', cells: ['L28'], row: 28, title: 'Premières Heures' } },
      expected: { cents: 20000000, sources: [doc(4190, 4192)] },
      difference: 4000000,
    };
    expect(both(f)).toEqual([
      'Fiche action 7 «\u00a0Premières heures\u00a0»\u00a0: budget estimé 200\u202f000,00\u00a0€ (lignes 4190 à 4192), F de la ligne 28 «\u00a0Premières Heures\u00a0» 240\u202f000,00\u00a0€ (L28, appariée par intitulé) — écart +40\u202f000,00\u00a0€.',
      'Fiche action 7 "Premières heures": estimated budget €200,000.00 (lines 4190–4192), F of row 28 "Premières Heures" €240,000.00 (L28, matched by title) — gap +€40,000.00.',
    ]);
  });

  it('FICHE_STATE_SHARE: a fiche with no number, a row with no title, matched by a similar title', () => {
    const f: ConventionFinding = {
      rule: 'FICHE_STATE_SHARE',
      fiche: { number: null, title: 'Premières heures' },
      match: { method: 'similarTitle', score: 0.8, ambiguousRows: [] },
      actual: { cents: 12000000, annex: { sheet: 'Annexe 9', cell: 'F28', cells: ['F28'], row: 28, title: null } },
      expected: { cents: 10000000, sources: [doc(4190, 4192)] },
      difference: 2000000,
    };
    expect(both(f)).toEqual([
      'Fiche action «\u00a0Premières heures\u00a0»\u00a0: part État 100\u202f000,00\u00a0€ (lignes 4190 à 4192), A de la ligne 28 120\u202f000,00\u00a0€ (F28, appariée par intitulé approché) — écart +20\u202f000,00\u00a0€.',
      'Fiche action "Premières heures": State share €100,000.00 (lines 4190–4192), A of row 28 €120,000.00 (F28, matched by similar title) — gap +€20,000.00.',
    ]);
  });

  it('FICHE_UNMATCHED: with its budget, no row like it', () => {
    const f: ConventionFinding = {
      rule: 'FICHE_UNMATCHED',
      fiche: { number: 11, title: 'Projets innovants' },
      actual: { cents: null },
      expected: { cents: 45500000, sources: [doc(5410, 5412)] },
      difference: null,
    };
    expect(both(f)).toEqual([
      'Fiche action 11 «\u00a0Projets innovants\u00a0» (budget 455\u202f000,00\u00a0€, lignes 5410 à 5412)\u00a0: aucune ligne de l’annexe ne lui correspond, ni par numéro ni par intitulé.',
      'Fiche action 11 "Projets innovants" (budget €455,000.00, lines 5410–5412): no annex row matches it, by number or by title.',
    ]);
  });

  it('FICHE_UNMATCHED: no budget read, several rows as close', () => {
    const f: ConventionFinding = {
      rule: 'FICHE_UNMATCHED',
      fiche: { number: 11, title: 'Projets innovants' },
      match: { method: null, score: 0, ambiguousRows: [31, 32] },
      actual: { cents: null },
      expected: { cents: null, sources: [] },
      difference: null,
    };
    expect(both(f)).toEqual([
      'Fiche action 11 «\u00a0Projets innovants\u00a0»\u00a0: plusieurs lignes lui ressemblent autant (lignes 31, 32)\u00a0: aucune n’est choisie.',
      'Fiche action 11 "Projets innovants": several rows are as close (rows 31, 32): none is chosen.',
    ]);
  });

  it('ROW_WITHOUT_FICHE: the row, its title and its column A', () => {
    const f: ConventionFinding = {
      rule: 'ROW_WITHOUT_FICHE',
      actual: { cents: 22750000, annex: { sheet: 'Annexe 9', cell: 'F32', cells: ['F32'], row: 32, title: 'chantiers éducatifs' } },
      expected: { cents: null },
      difference: null,
    };
    expect(both(f)).toEqual([
      'Ligne 32 «\u00a0chantiers éducatifs\u00a0» (A 227\u202f500,00\u00a0€)\u00a0: aucune fiche action de la convention ne lui correspond, ni par numéro ni par intitulé.',
      'Row 32 "chantiers éducatifs" (A €227,500.00): no fiche action of the convention matches it, by number or by title.',
    ]);
  });

  it('ROW_WITHOUT_FICHE: no title, no amount in A', () => {
    const f: ConventionFinding = {
      rule: 'ROW_WITHOUT_FICHE',
      actual: { cents: null, annex: { sheet: 'Annexe 9', cell: null, cells: [], row: 32, title: null } },
      expected: { cents: null },
      difference: null,
    };
    expect(both(f)).toEqual([
      'Ligne 32\u00a0: aucune fiche action de la convention ne lui correspond, ni par numéro ni par intitulé.',
      'Row 32: no fiche action of the convention matches it, by number or by title.',
    ]);
  });

  it('the quotes behind a finding: the reference first, each once', () => {
    const f: ConventionFinding = {
      rule: 'CONVENTION_SPLIT',
      actual: { cents: 300, sources: [doc(417, 421, 'a'), doc(417, 421, 'a'), { kind: 'typed' }] },
      expected: { cents: 200, sources: [doc(358, 358, 't')] },
      difference: 100,
    };
    expect(findingSourceLines(f, 'fr')).toEqual(['ligne 358\u00a0: «\u00a0t\u00a0»', 'lignes 417 à 421\u00a0: «\u00a0a\u00a0»', 'montant saisi à la main (--notified)']);
    expect(findingSourceLines({ ...f, expected: { cents: 200 }, actual: { cents: 300 } }, 'en')).toEqual([]);
  });
});

describe('what could not be read in the convention', () => {
  it('an unreadable amount: the State total, a code, a fiche', () => {
    expect(unread({ subject: 'stateTotal', reason: 'amountUnreadable', source: lines(358, 358), seen: ['6 707 05 8 €'] })).toEqual([
      'Soutien de l’État (article 2, ligne 358)\u00a0: montant illisible «\u00a06 707 05 8 €\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
      'State support (article 2, line 358): unreadable amount "6 707 05 8 €" (digits badly grouped, cut by a line break?); not used.',
    ]);
    expect(unread({ subject: 'code', reason: 'amountUnreadable', source: lines(429, 433), code: '0304 50 19 19 07', seen: ['6 06', '7 058 €'] })).toEqual([
      'Imputation 0304 50 19 19 07 (lignes 429 à 433)\u00a0: montant illisible «\u00a06 06\u00a0», «\u00a07 058 €\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
      'Code 0304 50 19 19 07 (lines 429–433): unreadable amount "6 06", "7 058 €" (digits badly grouped, cut by a line break?); not used.',
    ]);
    expect(unread({ subject: 'fiche', reason: 'amountUnreadable', source: lines(40, 40), fiche: 5, seen: ['1 36 2 €'] })).toEqual([
      'Fiche action 5 (ligne 40)\u00a0: montant illisible «\u00a01 36 2 €\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
      'Fiche action 5 (line 40): unreadable amount "1 36 2 €" (digits badly grouped, cut by a line break?); not used.',
    ]);
  });

  it('a code with no amount, or several', () => {
    expect(unread({ subject: 'code', reason: 'amountMissing', source: lines(417, 421), code: '0304 50 19 19 03' })).toEqual([
      'Imputation 0304 50 19 19 03 (lignes 417 à 421)\u00a0: aucun montant lisible dans sa phrase.',
      'Code 0304 50 19 19 03 (lines 417–421): no readable amount in its sentence.',
    ]);
    expect(unread({ subject: 'code', reason: 'amountMissing', source: null, code: '0304 50 19 19 03' })).toEqual([
      'Imputation 0304 50 19 19 03\u00a0: aucun montant lisible dans sa phrase.',
      'Code 0304 50 19 19 03: no readable amount in its sentence.',
    ]);
    expect(unread({ subject: 'code', reason: 'severalAmounts', source: lines(417, 417), code: '0304 50 19 19 03', seen: ['1 000 €', '2 000 €'] })).toEqual([
      'Imputation 0304 50 19 19 03 (ligne 417)\u00a0: plusieurs montants dans sa phrase («\u00a01 000 €\u00a0», «\u00a02 000 €\u00a0»), aucun n’est désigné\u202f; aucun n’est repris.',
      'Code 0304 50 19 19 03 (line 417): several amounts in its sentence ("1 000 €", "2 000 €"), none designated; none used.',
    ]);
  });

  it('the State total: stated differently, or not found', () => {
    expect(unread({ subject: 'stateTotal', reason: 'conflictingTotals', source: lines(358, 360), seen: ['6 707 058 €', '6 700 000 €'] })).toEqual([
      'Soutien de l’État (lignes 358 à 360)\u00a0: plusieurs phrases donnent des totaux différents («\u00a06 707 058 €\u00a0», «\u00a06 700 000 €\u00a0»)\u202f; aucun n’est retenu.',
      'State support (lines 358–360): several sentences state different totals ("6 707 058 €", "6 700 000 €"); none is used.',
    ]);
    expect(unread({ subject: 'stateTotal', reason: 'noStateTotal', source: null })).toEqual([
      'Soutien de l’État\u00a0: aucune phrase du type «\u00a0le soutien financier de l’État s’élève à … €\u00a0» (article 2) n’a été trouvée.',
      'State support: no sentence such as "le soutien financier de l\'État s\'élève à … €" (article 2) was found.',
    ]);
  });

  it('a fiche’s « BUDGET ESTIME » box: other years only, no amount (with or without figures seen)', () => {
    expect(unread({ subject: 'fiche', reason: 'noBudgetForYear', source: lines(40, 42), fiche: 5, seen: ['2022 : 10 000 €', '2024 : 12 000 €'] })).toEqual([
      'Fiche action 5 (lignes 40 à 42)\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne de montant que pour d’autres années («\u00a02022 : 10 000 €\u00a0», «\u00a02024 : 12 000 €\u00a0»).',
      'Fiche action 5 (lines 40–42): the "BUDGET ESTIME" box gives amounts for other years only ("2022 : 10 000 €", "2024 : 12 000 €").',
    ]);
    expect(unread({ subject: 'fiche', reason: 'noBudget', source: lines(40, 42), fiche: 5, seen: ['10 000 €'] })).toEqual([
      'Fiche action 5 (lignes 40 à 42)\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne aucun montant pour l’année (on y lit «\u00a010 000 €\u00a0»).',
      'Fiche action 5 (lines 40–42): the "BUDGET ESTIME" box gives no amount for the year (it reads "10 000 €").',
    ]);
    expect(unread({ subject: 'fiche', reason: 'noBudget', source: lines(40, 42), fiche: 5 })).toEqual([
      'Fiche action 5 (lignes 40 à 42)\u00a0: l’encadré «\u00a0BUDGET ESTIME\u00a0» ne donne aucun montant pour l’année.',
      'Fiche action 5 (lines 40–42): the "BUDGET ESTIME" box gives no amount for the year.',
    ]);
  });

  it('a fiche’s State share: missing, unreadable; a fiche with no box', () => {
    expect(unread({ subject: 'fiche', reason: 'stateShareMissing', source: lines(41, 41), fiche: 5 })).toEqual([
      'Fiche action 5 (ligne 41)\u00a0: budget lu, mais la part de l’État n’y est pas indiquée.',
      "Fiche action 5 (line 41): budget read, but the State's share is not stated.",
    ]);
    expect(unread({ subject: 'fiche', reason: 'stateShareUnreadable', source: lines(41, 42), fiche: 5 })).toEqual([
      'Fiche action 5 (lignes 41 à 42)\u00a0: la part de l’État est mentionnée mais n’a pas pu être lue.',
      "Fiche action 5 (lines 41–42): the State's share is mentioned but could not be read.",
    ]);
    expect(unread({ subject: 'fiche', reason: 'noBox', source: lines(30, 30), fiche: 6 })).toEqual([
      'Fiche action 6 (ligne 30)\u00a0: pas d’encadré «\u00a0BUDGET ESTIME\u00a0» trouvé.',
      'Fiche action 6 (line 30): no "BUDGET ESTIME" box found.',
    ]);
  });

  it('a box outside any numbered fiche, quoted', () => {
    expect(unread({ subject: 'fiche', reason: 'boxOutsideFiche', source: lines(7, 8, 'BUDGET ESTIME 2023 : 10 000 €') })).toEqual([
      'Encadré «\u00a0BUDGET ESTIME\u00a0» hors d’une fiche action numérotée (lignes 7 à 8)\u00a0: «\u00a0BUDGET ESTIME 2023 : 10 000 €\u00a0»\u202f; il n’est pas repris.',
      '"BUDGET ESTIME" box outside a numbered fiche action (lines 7–8): "BUDGET ESTIME 2023 : 10 000 €"; not used.',
    ]);
  });
});

describe('what could not be read, with parts missing (the types allow them)', () => {
  it('a fiche with no number is still « Fiche action », not an empty subject', () => {
    expect(unread({ subject: 'fiche', reason: 'stateShareMissing', source: lines(41, 41) })).toEqual([
      'Fiche action (ligne 41)\u00a0: budget lu, mais la part de l’État n’y est pas indiquée.',
      "Fiche action (line 41): budget read, but the State's share is not stated.",
    ]);
  });

  it('the State total unreadable with no place: the article alone, in one bracket; a code with no place: no bracket', () => {
    expect(unread({ subject: 'stateTotal', reason: 'amountUnreadable', source: null, seen: ['6 707 05 8 €'] })).toEqual([
      'Soutien de l’État (article 2)\u00a0: montant illisible «\u00a06 707 05 8 €\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
      'State support (article 2): unreadable amount "6 707 05 8 €" (digits badly grouped, cut by a line break?); not used.',
    ]);
    expect(unread({ subject: 'code', reason: 'amountUnreadable', source: null, code: '0304 50 19 19 07', seen: ['6 06'] })).toEqual([
      'Imputation 0304 50 19 19 07\u00a0: montant illisible «\u00a06 06\u00a0» (chiffres mal groupés, coupés par un saut de ligne\u202f?)\u202f; il n’est pas repris.',
      'Code 0304 50 19 19 07: unreadable amount "6 06" (digits badly grouped, cut by a line break?); not used.',
    ]);
  });

  it('a box outside any fiche with no place: no empty quote', () => {
    expect(unread({ subject: 'fiche', reason: 'boxOutsideFiche', source: null })).toEqual([
      'Encadré «\u00a0BUDGET ESTIME\u00a0» hors d’une fiche action numérotée\u202f; il n’est pas repris.',
      '"BUDGET ESTIME" box outside a numbered fiche action; not used.',
    ]);
  });
});

describe('a text that is no convention', () => {
  it('names the file, in French and English', () => {
    expect(notConventionMessage('scan.pdf', 'fr')).toBe(
      '«\u00a0scan.pdf\u00a0» ne ressemble pas à une convention d’appui à la lutte contre la pauvreté\u00a0: aucune phrase n’y donne le soutien financier de l’État (article 2\u00a0: «\u00a0le soutien financier de l’État s’élève à … €\u00a0»), aucun montant par code activité (article 3.1\u00a0: «\u00a0… (code activité\u00a0: 0304501919NN)\u00a0»), aucun encadré «\u00a0BUDGET ESTIME\u00a0» de fiche action. Vérifiez le fichier\u202f; un PDF scanné (une image) n’a pas de texte\u00a0: demandez la version enregistrée depuis le traitement de texte, ou collez le texte.',
    );
    expect(notConventionMessage('scan.pdf', 'en')).toBe(
      '"scan.pdf" does not look like a convention: no sentence gives the State\'s support (article 2: "le soutien financier de l\'État s\'élève à … €"), no amount per activity code (article 3.1: "… (code activité : 0304501919NN)"), no "BUDGET ESTIME" box of a fiche action. Check the file; a scanned PDF (an image) has no text: ask for the version saved from the word processor, or paste the text.',
    );
  });

  it('pasted text has no name', () => {
    expect(notConventionMessage(null, 'fr')).toMatch(/^Ce texte ne ressemble pas à une convention d’appui à la lutte contre la pauvreté\u00a0: aucune phrase/);
    expect(notConventionMessage(null, 'en')).toMatch(/^This text does not look like a convention: no sentence/);
  });
});
