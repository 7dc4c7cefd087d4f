/**
 * The engine's French words (src/domain/words/fr.ts), each function called on hand-typed data and
 * its whole sentence typed by hand: U+00A0 before « : » and inside « », U+202F before « ; » and
 * « ? », ’ for the apostrophe, amounts grouped by U+202F.
 */
import { CellRef, Finding, FormulaNote, Notice, PartRef } from '../../../src/domain/findings';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../../../src/domain/template';
import { fr } from '../../../src/domain/words/fr';

const T = CALPAE_TEMPLATE;
/** 0-based cell from an A1-like pair: cell('L', 30) is L30. */
const cell = (letter: string, row: number): CellRef => ({ row: row - 1, col: letter.charCodeAt(0) - 65 });
const part = (letter: string, row: number, label = '', hidden = false): PartRef => ({ at: cell(letter, row), label, hidden });

/** A finding with only what the words read; the rest as a subtotal's. */
function finding(over: Partial<Finding>): Finding {
  return {
    rule: 'SUBTOTAL',
    sheet: 'Annexe 9',
    at: cell('L', 38),
    column: 'F',
    expected: 128_000_000,
    actual: 96_000_000,
    difference: -32_000_000,
    unit: '€',
    hidden: false,
    rowKind: 'subtotal',
    rowLabel: 'Sous total',
    args: { parts: [], offParts: [], equalsActionRows: false, of: { kind: 'rows' } },
    ...over,
  } as Finding;
}

function note(over: Partial<FormulaNote>): FormulaNote {
  return { text: '=SUM(L22:L37)', evaluated: true, axis: 'rows', missing: [], extra: [], textParts: [], range: { first: 21, last: 36 }, ...over };
}

describe('and, lines: lists said in French', () => {
  it('and: nothing, one, two, three items', () => {
    expect(fr.and([])).toBe('');
    expect(fr.and(['A'])).toBe('A');
    expect(fr.and(['A', 'C'])).toBe('A et C');
    expect(fr.and(['A', 'B', 'C'])).toBe('A, B et C');
  });

  it('lines: none, one, a run (in any order), a short list (repeats said once), a long scattered list by its ends', () => {
    expect(fr.lines([])).toBe('');
    expect(fr.lines([46])).toBe('la ligne 46');
    expect(fr.lines([49, 46, 48, 47])).toBe('les lignes 46 à 49');
    expect(fr.lines([28, 12, 20, 12])).toBe('les lignes 12, 20 et 28');
    expect(fr.lines([30, 2, 10, 4, 20, 6])).toBe('les lignes 2, 4, 6, 10, 20 et 30');
    expect(fr.lines([30, 2, 10, 4, 20, 6, 40])).toBe('les lignes 2 à 40');
  });

  it('row: one row', () => {
    expect(fr.row(12)).toBe('ligne 12');
  });
});

describe('quote: guillemets, never doubled', () => {
  it('plain text in « » with no-break spaces', () => {
    expect(fr.quote('Maraudes mixtes')).toBe('«\u00a0Maraudes mixtes\u00a0»');
  });

  it('a title already in its guillemets is kept as it is, even with spaces around', () => {
    expect(fr.quote('«\u00a0Premières Heures\u00a0»')).toBe('«\u00a0Premières Heures\u00a0»');
    expect(fr.quote('  «\u00a0Premières Heures\u00a0» ')).toBe('  «\u00a0Premières Heures\u00a0» ');
  });

  it('guillemets inside a title, at its start or its end only: the whole in “ ”', () => {
    expect(fr.quote('«\u00a0Solutions logement\u00a0» pour les jeunes')).toBe('“«\u00a0Solutions logement\u00a0» pour les jeunes”');
    expect(fr.quote('Les «\u00a0Premières Heures\u00a0»')).toBe('“Les «\u00a0Premières Heures\u00a0»”');
  });
});

describe('who, name: a finding’s row', () => {
  it('an action by its title, an untitled action or a template row by « action sans intitulé »', () => {
    expect(fr.who(finding({ rowKind: 'action', rowLabel: 'Premières Heures', at: cell('C', 30) }), T)).toBe('«\u00a0Premières Heures\u00a0» (ligne 30)');
    expect(fr.name(finding({ rowKind: 'placeholder', rowLabel: '' }), T)).toBe('«\u00a0action sans intitulé\u00a0»');
    expect(fr.name(finding({ rowKind: 'action', rowLabel: '' }), T)).toBe('«\u00a0action sans intitulé\u00a0»');
  });

  it('a total by the template’s name, on a hidden row; a theme row by its kind', () => {
    expect(fr.who(finding({ hidden: true, at: cell('L', 21) }), T)).toBe('Sous-total (ligne 21, ligne masquée)');
    expect(fr.name(finding({ rowKind: 'themeHeader', rowLabel: 'Maraudes' }), T)).toBe('Thème');
  });
});

describe('cells and columns', () => {
  it('theCell, inCell: a cell, a merged cell, or the cell the card shows', () => {
    expect(fr.theCell('C23')).toBe('C23');
    expect(fr.theCell('C20', true)).toBe('la cellule fusionnée C20');
    expect(fr.theCell(null)).toBe('la cellule');
    expect(fr.inCell('C23')).toBe('en C23');
    expect(fr.inCell('C20', true)).toBe('dans la cellule fusionnée C20');
    expect(fr.inCell(null)).toBe('dans la cellule');
  });

  it('column: a letter, or a header in « »', () => {
    expect(fr.column('F')).toBe('F');
    expect(fr.column('valorisation')).toBe('«\u00a0Dont valorisation CD\u00a0»');
    expect(fr.column('imputation')).toBe('«\u00a0Imputation Chorus\u00a0»');
  });

  it('adviceColumn: the template’s letter, « la valorisation », the code column by its header', () => {
    expect(fr.adviceColumn(finding({ column: 'F' }), T)).toBe('F');
    expect(fr.adviceColumn(finding({ column: 'valorisation' }), T)).toBe('la valorisation');
    expect(fr.adviceColumn(finding({ column: 'imputation' }), T)).toBe('«\u00a0Imputation Chorus\u00a0»');
    // A template whose total column is printed under another letter: the advice names that letter.
    const lettered: AnnexTemplate = { ...T, columnLetter: { ...T.columnLetter, F: 'G' } };
    expect(fr.adviceColumn(finding({ column: 'F' }), lettered)).toBe('G');
  });

  it('shownVersus: shown, expected and gap; nothing written for an amount that is missing', () => {
    expect(fr.shownVersus(finding({}), 'somme des lignes')).toBe('F affiché 960\u202f000,00\u00a0€, somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart -320\u202f000,00\u00a0€');
    expect(fr.shownVersus(finding({ actual: null, difference: null }), 'somme des lignes')).toBe('F affiché , somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart ');
  });

  it('amount, gap: in euros and in thousands', () => {
    expect(fr.amount(136_203_500, '€')).toBe('1\u202f362\u202f035,00\u00a0€');
    expect(fr.gap(100, '€')).toBe('+1,00\u00a0€');
    expect(fr.amount(567_753_500, 'k€')).toBe('5\u202f677,535\u00a0k€');
  });
});

describe('hiddenAmong, typedInEuros', () => {
  it('hiddenAmong: no hidden part, one, two', () => {
    expect(fr.hiddenAmong([part('L', 47)])).toBe('');
    expect(fr.hiddenAmong([part('L', 47), part('L', 48, '', true)])).toBe(' (dont la ligne 48, masquée)');
    expect(fr.hiddenAmong([part('L', 48, '', true), part('L', 47, '', true)])).toBe(' (dont les lignes 47 à 48, masquées)');
  });

  it('typedInEuros: a figure 1 000 times the expected one in a table in k€', () => {
    const k = finding({ unit: 'k€' });
    // 5 677 535 k€ typed where 5 677,535 k€ was meant (money in hundred-thousandths of k€, cents of euros).
    expect(fr.typedInEuros(k, 567_753_500_000, 567_753_500, 'C')).toBe(' Le montant de C semble saisi en euros\u00a0: en milliers d’euros, ce serait 5\u202f677,535\u00a0k€.');
    expect(fr.typedInEuros(k, 567_753_500_000, 567_500_000, 'C')).toBe(' Le montant de C semble saisi en euros\u00a0: en milliers d’euros, ce serait 5\u202f677,535\u00a0k€.');
  });

  it('typedInEuros: nothing in euros, without both figures, or far from a factor 1 000', () => {
    expect(fr.typedInEuros(finding({ unit: '€' }), 567_753_500_000, 567_753_500, 'C')).toBe('');
    const k = finding({ unit: 'k€' });
    expect(fr.typedInEuros(k, null, 567_753_500, 'C')).toBe('');
    expect(fr.typedInEuros(k, 567_753_500_000, null, 'C')).toBe('');
    expect(fr.typedInEuros(k, 567_753_500_000, 0, 'C')).toBe('');
    // Nothing expected and nothing typed: no ratio to speak of (0 / 0), nothing said.
    expect(fr.typedInEuros(k, 0, 0, 'C')).toBe('');
    expect(fr.typedInEuros(k, 567_753_500_000, 570_000_000, 'C')).toBe('');
    expect(fr.typedInEuros(k, 567_753_500, 567_753_500, 'C')).toBe('');
  });
});

describe('formulaClause: what a total’s formula adds up', () => {
  const f = finding({});

  it('no formula: nothing; a formula the check does not read: shown as stored', () => {
    expect(fr.formulaClause(f, undefined)).toBe('');
    expect(fr.formulaClause(f, note({ text: '=SUMPRODUCT(L22:L37,M22:M37)', evaluated: false }))).toBe('\u202f; la formule =SUMPRODUCT(L22:L37,M22:M37) n’est pas évaluée par le contrôle');
  });

  it('a formula that adds up the right parts: named in brackets', () => {
    expect(fr.formulaClause(f, note({}))).toBe(' (formule =SOMME(L22:L37))');
  });

  it('a formula adding another column', () => {
    expect(fr.formulaClause(f, note({ text: '=SUM(K22:K37)', otherColumn: 10 }))).toBe('\u202f; la formule =SOMME(K22:K37) additionne la colonne K, pas la colonne L');
  });

  it('parts after the range: it stops', () => {
    expect(fr.formulaClause(f, note({ missing: [part('L', 38, 'Premières Heures')] }))).toBe(
      '\u202f; la formule =SOMME(L22:L37) s’arrête à la ligne 37\u00a0: la ligne 38 (Premières Heures) n’est pas comptée',
    );
    expect(fr.formulaClause(f, note({ missing: [part('L', 38), part('L', 40)] }))).toBe(
      '\u202f; la formule =SOMME(L22:L37) s’arrête à la ligne 37\u00a0: les lignes 38 et 40 ne sont pas comptées',
    );
  });

  it('parts before the range: it starts late', () => {
    expect(fr.formulaClause(f, note({ missing: [part('L', 20), part('L', 21)] }))).toBe(
      '\u202f; la formule =SOMME(L22:L37) commence à la ligne 22\u00a0: les lignes 20 à 21 ne sont pas comptées',
    );
  });

  it('parts inside the range, on its ends, or on both sides: « ne compte pas »', () => {
    expect(fr.formulaClause(f, note({ missing: [part('L', 30)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ne compte pas la ligne 30');
    // On the range's own last and first rows (row 37 is range.last 36, 0-based): not outside it.
    expect(fr.formulaClause(f, note({ missing: [part('L', 37)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ne compte pas la ligne 37');
    expect(fr.formulaClause(f, note({ missing: [part('L', 22)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ne compte pas la ligne 22');
    expect(fr.formulaClause(f, note({ missing: [part('L', 30), part('L', 38)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ne compte pas les lignes 30 et 38');
    expect(fr.formulaClause(f, note({ missing: [part('L', 20), part('L', 30)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ne compte pas les lignes 20 et 30');
  });

  it('a row total’s formula: columns by letter, the valued share by its header', () => {
    const row = finding({ rule: 'ROW_TOTAL', at: cell('L', 30), rowKind: 'action' });
    const cols = (missing: PartRef[]) => note({ text: '=H30+I30', axis: 'columns', range: undefined, missing });
    expect(fr.formulaClause(row, cols([part('J', 30, 'C'), part('K', 30, 'E')]))).toBe('\u202f; la formule =H30+I30 ne compte pas les colonnes J et K');
    expect(fr.formulaClause(row, cols([part('J', 30, 'valorisation')]))).toBe('\u202f; la formule =H30+I30 ne compte pas la colonne J (Dont valorisation CD)');
  });

  it('parts counted too, parts typed as text, and all together (« elle » after the first)', () => {
    expect(fr.formulaClause(f, note({ extra: [part('L', 40)] }))).toBe('\u202f; la formule =SOMME(L22:L37) compte aussi la ligne 40');
    expect(fr.formulaClause(f, note({ textParts: [part('L', 30)] }))).toBe('\u202f; la formule =SOMME(L22:L37) ignore L30, saisi en texte');
    expect(fr.formulaClause(f, note({ missing: [part('L', 25)], extra: [part('L', 40), part('L', 41)], textParts: [part('L', 30), part('L', 31)] }))).toBe(
      '\u202f; la formule =SOMME(L22:L37) ne compte pas la ligne 25\u202f; elle compte aussi les lignes 40 à 41\u202f; elle ignore L30 et L31, saisis en texte',
    );
  });
});

describe('notice: something about the table as a whole', () => {
  const say = (n: Notice) => fr.notice(n, T);
  const B5 = cell('B', 5);

  it('several tables, a missing column, no code column, no grand total', () => {
    expect(say({ code: 'SEVERAL_TABLES', sheet: 'Annexe 9', count: 2 })).toBe('La feuille «\u00a0Annexe 9\u00a0» contient 2 tableaux d’annexe 9\u00a0: chacun est contrôlé séparément.');
    expect(say({ code: 'MISSING_COLUMN', table: B5, column: 'E' })).toBe(
      'Tableau en B5\u00a0: colonne E (Participation d’autres financeurs) introuvable\u202f; les contrôles qui en dépendent sont faits sans elle.',
    );
    expect(say({ code: 'MISSING_COLUMN', table: B5, column: 'valorisation' })).toBe(
      'Tableau en B5\u00a0: colonne Dont valorisation CD introuvable\u202f; les contrôles qui en dépendent sont faits sans elle.',
    );
    expect(say({ code: 'NO_IMPUTATION_COLUMN', table: B5 })).toBe('Tableau en B5\u00a0: pas de colonne «\u00a0Imputation chorus\u00a0»\u202f; les codes ne sont ni contrôlés ni complétés.');
    expect(say({ code: 'NO_GRAND_TOTAL', table: B5 })).toBe('Tableau en B5\u00a0: pas de ligne «\u00a0TOTAUX FINANCIERS\u00a0»\u202f; le total général n’est pas contrôlé.');
  });

  it('thousands: said by a cell on a row, by a header with no row, or by nothing', () => {
    expect(say({ code: 'THOUSANDS', table: B5, said: 'Montants en  k€', row: 2 })).toBe(
      'Tableau en B5\u00a0: montants en milliers d’euros (k€) d’après «\u00a0Montants en k€\u00a0» (ligne 3)\u202f; ils sont contrôlés et affichés dans cette unité, au dernier chiffre près.',
    );
    expect(say({ code: 'THOUSANDS', table: B5, said: 'en k€', row: null })).toBe(
      'Tableau en B5\u00a0: montants en milliers d’euros (k€) d’après «\u00a0en k€\u00a0»\u202f; ils sont contrôlés et affichés dans cette unité, au dernier chiffre près.',
    );
    expect(say({ code: 'THOUSANDS', table: B5, said: null, row: null })).toBe(
      'Tableau en B5\u00a0: montants en milliers d’euros (k€)\u202f; ils sont contrôlés et affichés dans cette unité, au dernier chiffre près.',
    );
  });

  it('the table ends: at a row or not, before a block with a label or without', () => {
    expect(say({ code: 'TABLE_ENDS', table: B5, lastRow: 44, blockRow: 47, label: 'Annexe 10 – bilan' })).toBe(
      'Tableau en B5\u00a0: le tableau s’arrête à la ligne 45\u202f; le bloc qui commence ligne 48 («\u00a0Annexe 10 – bilan\u00a0») n’est pas une annexe 9\u00a0: il n’est ni contrôlé ni complété.',
    );
    expect(say({ code: 'TABLE_ENDS', table: B5, lastRow: null, blockRow: 47, label: '' })).toBe(
      'Tableau en B5\u00a0: le tableau s’arrête\u202f; le bloc qui commence ligne 48 n’est pas une annexe 9\u00a0: il n’est ni contrôlé ni complété.',
    );
  });

  it('formulas computed: one, two, eight listed, nine cut after eight', () => {
    const cells = (n: number) => Array.from({ length: n }, (_, i) => cell('L', 22 + i));
    const tail = 'sur ce que donne la formule\u202f; le fichier n’a pas été recalculé\u00a0: ouvrez-le et enregistrez-le dans Excel.';
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(1) })).toBe(`Tableau en B5\u00a0: 1 formule sans valeur enregistrée (L22), contrôlée ${tail}`);
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(2) })).toBe(`Tableau en B5\u00a0: 2 formules sans valeur enregistrée (L22, L23), contrôlées ${tail}`);
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(8) })).toBe(
      `Tableau en B5\u00a0: 8 formules sans valeur enregistrée (L22, L23, L24, L25, L26, L27, L28, L29), contrôlées ${tail}`,
    );
    expect(say({ code: 'FORMULAS_COMPUTED', table: B5, cells: cells(9) })).toBe(
      `Tableau en B5\u00a0: 9 formules sans valeur enregistrée (L22, L23, L24, L25, L26, L27, L28, L29…), contrôlées ${tail}`,
    );
  });

  it('an unclassified total: with or without a label, under no total, one, two', () => {
    const end = 'et aucune imputation n’y est écrite. Donnez-lui un libellé «\u00a0Sous total\u00a0» si c’en est un.';
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: 'Total Maraudes', totals: [] })).toBe(
      `Ligne 30 («\u00a0Total Maraudes\u00a0»)\u00a0: ligne de total que le contrôle ne reconnaît pas\u202f; elle n’est pas contrôlée, ${end}`,
    );
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: '', totals: [40] })).toBe(
      `Ligne 30 (sans libellé)\u00a0: ligne de total que le contrôle ne reconnaît pas\u202f; elle n’est pas contrôlée, ni le total qui l’englobe (la ligne 41), ${end}`,
    );
    expect(say({ code: 'UNCLASSIFIED_ROW', row: 29, label: '', totals: [60, 40] })).toBe(
      `Ligne 30 (sans libellé)\u00a0: ligne de total que le contrôle ne reconnaît pas\u202f; elle n’est pas contrôlée, ni les totaux qui l’englobent (les lignes 41 et 61), ${end}`,
    );
  });

  it('a row read as a total: a subtotal of rows, the grand total of one row, without a label', () => {
    expect(say({ code: 'ROW_READ_AS_TOTAL', row: 29, label: 'Total  partiel\nMaraudes', as: 'subtotal', sumOf: [25, 26, 27, 28] })).toBe(
      'Ligne 30 («\u00a0Total partiel Maraudes\u00a0»)\u00a0: lue comme un sous-total, ses montants étant la somme des lignes 26 à 29.',
    );
    expect(say({ code: 'ROW_READ_AS_TOTAL', row: 49, label: '', as: 'grandTotal', sumOf: [44] })).toBe(
      'Ligne 50 (sans libellé)\u00a0: lue comme le total général, ses montants étant la somme de la ligne 45.',
    );
  });
});

describe('words tables: proposals, doubts, fill sources', () => {
  it('proposalWhy: the row and the doubt', () => {
    expect(fr.proposalWhy('outsideTable', 61)).toBe('ligne 61\u00a0: hors du tableau de l’annexe\u202f? (après son dernier total)');
    expect(fr.proposalWhy('noTitle', 12)).toBe('ligne 12\u00a0: ni intitulé ni numéro de fiche, est-ce bien une action\u202f?');
    expect(fr.proposalWhy('mergedAcross', 2)).toBe('ligne 2\u00a0: la cellule d’imputation est fusionnée avec une autre colonne');
    expect(fr.proposalWhy('notACode', 3)).toBe('ligne 3\u00a0: la cellule d’imputation contient un texte qui n’est pas un code Chorus');
  });
});
