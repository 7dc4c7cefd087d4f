/**
 * How each row's kind is decided (src/domain/rows.ts), on small hand-typed tables: the add-in
 * writes a code only on an action row, so every way a row becomes (or does not become) one is
 * pinned here with the whole classification. Amounts are in cents (10 € → 1000).
 */
import { analyzeSheet } from '../../../src/domain';
import { cellName } from '../../../src/domain/findings';
import { Cell, MergedArea, SheetGrid } from '../../../src/domain/grid';
import { locateTables } from '../../../src/domain/layout';
import { planMarks } from '../../../src/domain/marks';
import { MergeIndex } from '../../../src/domain/merges';
import { ClassifiedTable, ClassifyOptions, classifyRows } from '../../../src/domain/rows';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { ruleOf } from '../../../src/domain/rules/registry';
import { findingCardText, noticeText } from '../../../src/domain/words/render';
import { at, sheet as handSheet, reference } from '../../support/hand-table';
import { messages, tableOf } from '../../support/rule-table';

type Raw = string | number | null | Cell;

function sheet(raw: Raw[][], merges: MergedArea[] = []): SheetGrid {
  return { name: 'Annexe', origin: { row: 0, col: 0 }, rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))), merges };
}

/** Theme 0, code 1, title 2, A 3, C 4, F 5. */
const HEADER: Raw[] = ['Thème', 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];

function classify(header: Raw[], data: Raw[][], merges: MergedArea[] = [], options?: ClassifyOptions): ClassifiedTable {
  const g = sheet([header, ...data], merges);
  const [layout] = locateTables(g, CALPAE_TEMPLATE);
  return classifyRows(g, layout, CALPAE_TEMPLATE, new MergeIndex(g), options);
}

const cents = (value: number) => ({ kind: 'amount' as const, value, fromText: false });
const empty = { kind: 'empty' as const, value: 0 };
const noCode = { state: 'missing' as const, text: null, code: null };
const missingAt = (row: number, col = 1) => ({ state: 'missing' as const, text: null, code: null, target: { row, col } });
const M05 = '0304 50 19 19 05';
const M06 = '0304 50 19 19 06';

describe('a block, its subtotal and the grand total', () => {
  it('carries the theme and the merged code down the block, ends the table at the words under the grand total', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes mixtes', M05, 'Maraude A', 10, 10, 20],
        [null, null, 'Maraude B', 5, 5, 10],
        [null, null, 'Sous total', 15, 15, 30],
        [null, null, 'TOTAUX FINANCIERS', 15, 15, 30],
        ['Le Préfet', null, null, null, null, null],
      ],
      [
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 2, right: 1 },
      ],
    );
    expect(t).toEqual({
      rows: [
        { index: 1, kind: 'action', section: 'socle', label: 'Maraude A', fiche: null, block: 0, imputation: { state: 'written', text: M05, code: M05 }, amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
        { index: 2, kind: 'action', section: 'socle', label: 'Maraude B', fiche: null, block: 0, imputation: { state: 'merged', text: M05, code: M05 }, amounts: { A: cents(500), C: cents(500), F: cents(1000) } },
        { index: 3, kind: 'subtotal', section: 'socle', label: 'Sous total', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1500), C: cents(1500), F: cents(3000) } },
        { index: 4, kind: 'grandTotal', section: 'socle', label: 'TOTAUX FINANCIERS', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1500), C: cents(1500), F: cents(3000) } },
      ],
      blocks: [{ id: 0, theme: 'Maraudes mixtes', themeNormalized: 'maraudes mixtes', section: 'socle', rows: [1, 2], codeText: M05, code: M05 }],
      groups: [
        { total: 3, kind: 'subtotal', parts: [1, 2], actionRows: [1, 2] },
        { total: 4, kind: 'grandTotal', parts: [3], actionRows: [1, 2] },
      ],
      end: 5,
      lastTotal: 4,
      hasGrandTotal: true,
      readings: [],
    });
  });

  it('keeps a control total and blank rows under the grand total, and ends at amounts under it', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'TOTAUX FINANCIERS', 10, 10, 20],
      [null, null, null, null, null, null],
      [null, null, 'Total de contrôle', 10, 10, 20],
      [null, null, null, 1, null, null],
    ]);
    expect(t).toEqual({
      rows: [
        { index: 1, kind: 'action', section: 'socle', label: 'Maraude', fiche: null, block: 0, imputation: missingAt(1), amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
        { index: 2, kind: 'grandTotal', section: 'socle', label: 'TOTAUX FINANCIERS', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
        { index: 4, kind: 'control', section: 'socle', label: 'Total de contrôle', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
      ],
      blocks: [{ id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1], codeText: null, code: null }],
      groups: [{ total: 2, kind: 'grandTotal', parts: [1], actionRows: [1] }],
      end: 5,
      lastTotal: 4,
      hasGrandTotal: true,
      readings: [],
    });
  });
});

describe('totals read from their amounts', () => {
  it('money with no words is a subtotal when it equals the rows since the last total, a grand total when it equals them all', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Veille', 5, 5, 10],
      [null, null, null, 15, 15, 30],
      [null, null, null, 15, 15, 30],
      [null, null, null, 1, 1, 2],
    ]);
    expect(t).toEqual({
      rows: [
        { index: 1, kind: 'action', section: 'socle', label: 'Maraude', fiche: null, block: 0, imputation: missingAt(1), amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
        { index: 2, kind: 'action', section: 'socle', label: 'Veille', fiche: null, block: 0, imputation: missingAt(2), amounts: { A: cents(500), C: cents(500), F: cents(1000) } },
        { index: 3, kind: 'subtotal', section: 'socle', label: '', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1500), C: cents(1500), F: cents(3000) } },
        { index: 4, kind: 'grandTotal', section: 'socle', label: '', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1500), C: cents(1500), F: cents(3000) } },
      ],
      blocks: [{ id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1, 2], codeText: null, code: null }],
      groups: [
        { total: 3, kind: 'subtotal', parts: [1, 2], actionRows: [1, 2] },
        { total: 4, kind: 'grandTotal', parts: [3], actionRows: [1, 2] },
      ],
      end: 5,
      lastTotal: 4,
      hasGrandTotal: true,
      readings: [
        { row: 3, label: '', as: 'subtotal', sumOf: [1, 2] },
        { row: 4, label: '', as: 'grandTotal', sumOf: [1, 2] },
      ],
    });
  });

  it('a second subtotal read from amounts adds only the rows since the first one', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      ['Prévention spécialisée', null, 'Éducateurs', 3, 3, 6],
      [null, null, null, 3, 3, 6],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind, x.block])).toEqual([
      [1, 'action', 0],
      [2, 'subtotal', null],
      [3, 'action', 1],
      [4, 'subtotal', null],
    ]);
    expect(t.readings).toEqual([{ row: 4, label: '', as: 'subtotal', sumOf: [3] }]);
    expect(t.groups).toEqual([
      { total: 2, kind: 'subtotal', parts: [1], actionRows: [1] },
      { total: 4, kind: 'subtotal', parts: [3], actionRows: [3] },
    ]);
  });

  it('money with no words that adds up nothing is an action with no label (proposed, never filled: no title)', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, null, 7, 7, 14],
    ]);
    expect(t.rows[1]).toEqual({ index: 2, kind: 'action', section: 'socle', label: '', fiche: null, block: 0, imputation: missingAt(2), amounts: { A: cents(700), C: cents(700), F: cents(1400) } });
    expect(t.readings).toEqual([]);
    expect(t.blocks).toEqual([{ id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1, 2], codeText: null, code: null }]);
  });

  it('zeros only, one column off, or an unreadable cell: no total read from amounts', () => {
    const kinds = (last: Raw[]) => {
      const t = classify(HEADER, [['Maraudes', null, 'Maraude', 10, 10, 20], [null, null, 'Veille', 0, 0, 0], last]);
      return { kinds: t.rows.map((x) => x.kind), readings: t.readings };
    };
    // Equal in every column but one.
    expect(kinds([null, null, null, 10, 10, 21])).toEqual({ kinds: ['action', 'action', 'action'], readings: [] });
    expect(kinds([null, null, null, 11, 10, 20])).toEqual({ kinds: ['action', 'action', 'action'], readings: [] });
    // A cell that is not an amount.
    expect(kinds([null, null, null, 10, 'dix', 20])).toEqual({ kinds: ['action', 'action', 'action'], readings: [] });
    // The same, equal in every column: a subtotal.
    expect(kinds([null, null, null, 10, 10, 20])).toEqual({ kinds: ['action', 'action', 'subtotal'], readings: [{ row: 3, label: '', as: 'subtotal', sumOf: [1, 2] }] });
  });

  it('a total of zeros over rows of zeros is not read as a total (no money to match)', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 0, 0, 0],
      [null, null, 'Total hors taxes', 0, 0, 0],
    ]);
    expect(t.rows[1]).toEqual({ index: 2, kind: 'unclassified', section: 'socle', label: 'Total hors taxes', fiche: null, block: null, imputation: noCode, amounts: { A: cents(0), C: cents(0), F: cents(0) } });
    expect(t.readings).toEqual([{ row: 2, label: 'Total hors taxes', as: 'unclassified', sumOf: [] }]);
  });

  it('a rows whose sum column cannot be read makes no total', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 'vingt'],
      [null, null, 'Total hors taxes', 10, 10, 20],
    ]);
    expect(t.rows.map((x) => x.kind)).toEqual(['action', 'unclassified']);
  });
});

describe('total labels that do not say which total', () => {
  it('an uncertain label whose amounts add up nothing stays unclassified, and the next row opens a block of its own', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Total hors taxes', 1, 1, 2],
      [null, null, 'Veille', 5, 5, 10],
    ]);
    expect(t).toEqual({
      rows: [
        { index: 1, kind: 'action', section: 'socle', label: 'Maraude', fiche: null, block: 0, imputation: missingAt(1), amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } },
        { index: 2, kind: 'unclassified', section: 'socle', label: 'Total hors taxes', fiche: null, block: null, imputation: noCode, amounts: { A: cents(100), C: cents(100), F: cents(200) } },
        { index: 3, kind: 'action', section: 'socle', label: 'Veille', fiche: null, block: 1, imputation: missingAt(3), amounts: { A: cents(500), C: cents(500), F: cents(1000) } },
      ],
      blocks: [
        { id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1], codeText: null, code: null },
        { id: 1, theme: null, themeNormalized: '', section: 'socle', rows: [3], codeText: null, code: null },
      ],
      groups: [],
      end: 4,
      lastTotal: null,
      hasGrandTotal: false,
      readings: [{ row: 2, label: 'Total hors taxes', as: 'unclassified', sumOf: [] }],
    });
  });

  it('an uncertain label whose amounts equal the rows above is a subtotal, said in the readings', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Total hors taxes', 10, 10, 20],
    ]);
    expect(t.rows[1]).toEqual({ index: 2, kind: 'subtotal', section: 'socle', label: 'Total hors taxes', fiche: null, block: null, imputation: noCode, amounts: { A: cents(1000), C: cents(1000), F: cents(2000) } });
    expect(t.readings).toEqual([{ row: 2, label: 'Total hors taxes', as: 'subtotal', sumOf: [1] }]);
    expect(t.lastTotal).toBe(2);
  });

  it('« TOTAL » and the name of a theme above, or of a theme the template knows, is a subtotal; another name is not', () => {
    const kindOf = (label: string) => classify(HEADER, [['Maraudes mixtes', null, 'Maraude', 10, 10, 20], [null, null, label, 1, 1, 2]]).rows[1].kind;
    expect(kindOf('TOTAL Maraudes mixtes')).toBe('subtotal');
    expect(kindOf('TOTAL Maraudes')).toBe('subtotal');
    expect(kindOf('Total prévention spécialisée')).toBe('subtotal');
    expect(kindOf('TOTAL Voirie')).toBe('unclassified');
  });

  it('« TOTAL » and a theme named before the last total is no subtotal of the blocks since', () => {
    const t = classify(HEADER, [
      ['Voirie', null, 'Trottoirs', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      ['Éclairage', null, 'Lampadaires', 3, 3, 6],
      [null, null, 'TOTAL Voirie', 4, 4, 8],
      [null, null, 'TOTAL Éclairage', 3, 3, 6],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind])).toEqual([
      [1, 'action'],
      [2, 'subtotal'],
      [3, 'action'],
      [4, 'unclassified'],
      [5, 'subtotal'],
    ]);
  });

  it('of several labels on one row, the most specific wins, and its text is the label', () => {
    // The grand total (rank 1) beats the subtotal (rank 4), whichever column it is in.
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      ['Sous total', null, 'Total général', 10, 10, 20],
    ]);
    expect(t.rows[1]).toMatchObject({ kind: 'grandTotal', label: 'Total général' });
    const u = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      ['Total général', null, 'Sous total', 10, 10, 20],
    ]);
    expect(u.rows[1]).toMatchObject({ kind: 'grandTotal', label: 'Total général' });
    // Same rank on both: the leftmost column's label, even when the title column comes first in the template.
    const v = classify(["Intitulé de l'action", 'Thème', 'Participation État', 'Crédits CD affectés', 'Budget global'], [
      ['Maraude', 'Maraudes', 10, 10, 20],
      ['Sous total maraudes', 'Sous total', 10, 10, 20],
    ]);
    expect(v.rows[1]).toMatchObject({ kind: 'subtotal', label: 'Sous total maraudes' });
  });
});

describe('sections', () => {
  it('a section total closes its section and opens the next; a theme naming a section opens it', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous-total mesures socle', 10, 10, 20],
      ['Autre', null, 'Veille', 1, 1, 2],
      [null, null, 'Sous total initiatives', 1, 1, 2],
      [null, null, 'TOTAUX FINANCIERS', 11, 11, 22],
    ]);
    expect(t.rows.map((x) => ({ index: x.index, kind: x.kind, section: x.section, closes: x.closes }))).toEqual([
      { index: 1, kind: 'action', section: 'socle', closes: undefined },
      { index: 2, kind: 'sectionTotal', section: 'socle', closes: 'socle' },
      { index: 3, kind: 'action', section: 'initiative', closes: undefined },
      { index: 4, kind: 'sectionTotal', section: 'initiative', closes: 'initiative' },
      { index: 5, kind: 'grandTotal', section: 'initiative', closes: undefined },
    ]);
    expect(Object.keys(t.rows[0])).not.toContain('closes');
    expect(t.blocks.map((b) => [b.theme, b.section])).toEqual([
      ['Maraudes', 'socle'],
      ['Autre', 'initiative'],
    ]);
    expect(t.groups).toEqual([
      { total: 2, kind: 'sectionTotal', section: 'socle', parts: [1], actionRows: [1] },
      { total: 4, kind: 'sectionTotal', section: 'initiative', parts: [3], actionRows: [3] },
      { total: 5, kind: 'grandTotal', parts: [2, 4], actionRows: [1, 3] },
    ]);
  });

  it('a subtotal closes no section: the rows under it stay in the initiatives', () => {
    const t = classify(HEADER, [
      ['Initiatives locales', null, 'Veille', 1, 1, 2],
      [null, null, 'Sous total', 1, 1, 2],
      ['Autre', null, 'Jardin', 3, 3, 6],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind, x.section])).toEqual([
      [1, 'action', 'initiative'],
      [2, 'subtotal', 'initiative'],
      [3, 'action', 'initiative'],
    ]);
  });

  it('a theme that names the initiatives opens their section with no socle total above', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      ['Initiatives locales', null, 'Veille', 1, 1, 2],
    ]);
    expect(t.blocks.map((b) => [b.id, b.theme, b.section, b.rows])).toEqual([
      [0, 'Maraudes', 'socle', [1]],
      [1, 'Initiatives locales', 'initiative', [2]],
    ]);
    expect(t.rows.map((x) => x.section)).toEqual(['socle', 'initiative']);
  });
});

describe('theme blocks', () => {
  it('a theme written again with other case starts no new block; another theme does; a row with only a theme is its header', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, null, null, null, null],
      [null, null, 'Maraude', 10, 10, 20],
      ['MARAUDES', null, 'Veille', 1, 1, 2],
      ['Prévention', null, 'Éducateurs', 2, 2, 4],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind, x.block, x.label])).toEqual([
      [1, 'themeHeader', 0, ''],
      [2, 'action', 0, 'Maraude'],
      [3, 'action', 0, 'Veille'],
      [4, 'action', 1, 'Éducateurs'],
    ]);
    expect(t.blocks.map((b) => [b.theme, b.themeNormalized, b.rows])).toEqual([
      ['Maraudes', 'maraudes', [1, 2, 3]],
      ['Prévention', 'prevention', [4]],
    ]);
  });

  it('a blank row inside a merged theme belongs to the block; a blank row elsewhere is skipped', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude', 10, 10, 20],
        [null, null, null, null, null, null],
        [null, null, 'Veille', 1, 1, 2],
        [null, null, null, null, null, null],
        ['Prévention', null, 'Éducateurs', 2, 2, 4],
      ],
      [{ top: 1, left: 0, bottom: 3, right: 0 }],
    );
    expect(t.rows.map((x) => [x.index, x.kind, x.block])).toEqual([
      [1, 'action', 0],
      [2, 'themeHeader', 0],
      [3, 'action', 0],
      [5, 'action', 1],
    ]);
  });

  it('after a total inside a merged theme, the rows below keep the theme the merge shows', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude', 10, 10, 20],
        [null, null, 'Sous total', 10, 10, 20],
        [null, null, 'Veille', 1, 1, 2],
      ],
      [{ top: 1, left: 0, bottom: 3, right: 0 }],
    );
    expect(t.blocks).toEqual([
      { id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1], codeText: null, code: null },
      { id: 1, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [3], codeText: null, code: null },
    ]);
  });

  it('an empty merged theme cell gives its block no theme', () => {
    const t = classify(
      HEADER,
      [
        [null, null, 'Maraude', 10, 10, 20],
        [null, null, 'Veille', 1, 1, 2],
      ],
      [{ top: 1, left: 0, bottom: 2, right: 0 }],
    );
    expect(t.blocks).toEqual([{ id: 0, theme: null, themeNormalized: '', section: 'socle', rows: [1, 2], codeText: null, code: null }]);
  });

  it('a blank row after a total inside no merge is skipped, and a row with no theme after a total opens a block without one', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      [null, null, null, null, null, null],
      [null, null, 'Veille', 1, 1, 2],
    ]);
    expect(t.blocks[1]).toEqual({ id: 1, theme: null, themeNormalized: '', section: 'socle', rows: [4], codeText: null, code: null });
    expect(t.rows.map((x) => x.index)).toEqual([1, 2, 4]);
  });
});

describe('the Chorus code of each row', () => {
  it('written codes are read; the block keeps the first one shown', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, `${M05} - Maraudes`, 'Veille', 1, 1, 2],
      [null, '030450191906', 'Nuit', 1, 1, 2],
      [null, 'à voir', 'Jour', 1, 1, 2],
    ]);
    expect(t.rows.map((x) => x.imputation)).toEqual([
      missingAt(1),
      { state: 'written', text: `${M05} - Maraudes`, code: M05 },
      { state: 'written', text: '030450191906', code: M06 },
      { state: 'written', text: 'à voir', code: null },
    ]);
    expect(t.blocks[0]).toMatchObject({ codeText: `${M05} - Maraudes`, code: M05 });
  });

  it('two merged codes one under the other: each block its own; an empty merge is missing at its top-left', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', M05, 'Maraude', 10, 10, 20],
        [null, null, 'Veille', 1, 1, 2],
        ['Prévention', M06, 'Éducateurs', 2, 2, 4],
        [null, null, 'Rue', 2, 2, 4],
        ['Accueil', null, 'Guichet', 3, 3, 6],
        [null, null, 'Téléphone', 3, 3, 6],
      ],
      [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 5, left: 1, bottom: 6, right: 1 },
      ],
    );
    expect(t.rows.map((x) => x.imputation)).toEqual([
      { state: 'written', text: M05, code: M05 },
      { state: 'merged', text: M05, code: M05 },
      { state: 'written', text: M06, code: M06 },
      { state: 'merged', text: M06, code: M06 },
      missingAt(5),
      missingAt(5),
    ]);
    expect(t.blocks.map((b) => [b.codeText, b.code])).toEqual([
      [M05, M05],
      [M06, M06],
      [null, null],
    ]);
  });

  it('a code cell merged across, over one row, is written when it shows a code, missing at its left cell when empty', () => {
    const header: Raw[] = ['Thème', 'Imputation chorus', null, "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const t = classify(
      header,
      [
        ['Maraudes', M05, null, 'Maraude', 10, 10, 20],
        [null, null, null, 'Veille', 1, 1, 2],
      ],
      [
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 2, left: 1, bottom: 2, right: 2 },
      ],
    );
    expect(t.rows.map((x) => x.imputation)).toEqual([{ state: 'written', text: M05, code: M05 }, missingAt(2)]);
  });

  it('a code shown in a cell merged across from the left of the code column is the row’s code, never a cell to fill', () => {
    // The header names the code in column 2; the code is typed in column 1, merged over 1–2.
    const header: Raw[] = ['Thème', null, 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const g = sheet(
      [header, ['Maraudes', M05, null, 'Maraude', 10, 10, 20], [null, null, null, 'TOTAUX FINANCIERS', 10, 10, 20]],
      [{ top: 1, left: 1, bottom: 1, right: 2 }],
    );
    const t = classify(header, g.rows.slice(1).map((r) => (r ?? []).map((c) => (c ? c.value as Raw : null))), g.merges);
    expect(t.rows[0].imputation).toEqual({ state: 'merged', text: M05, code: M05 });
    expect(t.blocks[0]).toMatchObject({ codeText: M05, code: M05 });
    expect(analyzeSheet(g).fills).toEqual([]);
  });

  it('a table with no code column: every row says so', () => {
    const t = classify(["Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'], [
      ['Maraude', 10, 10, 20],
      ['Sous total', 10, 10, 20],
    ]);
    expect(t.rows.map((x) => x.imputation)).toEqual([
      { state: 'noColumn', text: null, code: null },
      { state: 'noColumn', text: null, code: null },
    ]);
    expect(t.blocks).toEqual([{ id: 0, theme: null, themeNormalized: '', section: 'socle', rows: [1], codeText: null, code: null }]);
  });
});

describe('actions, placeholders, titles and fiche numbers', () => {
  it('a template title is a placeholder while it has no money, an action once it has some', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, "Intitulé de l'action n°1", null, null, null],
      [null, null, "intitulé de l'action n°2", 0, 0, 0],
      [null, null, "Intitulé de l'action n°3", 5, 5, 10],
      [null, null, 'À compléter', null, null, null],
      [null, null, 'Le cas échéant : autre', null, null, null],
      [null, null, '…', null, null, null],
      [null, null, 'Action numéro 4', null, null, null],
      [null, null, 'Actions de rue', null, null, null],
    ]);
    expect(t.rows.map((x) => [x.kind, x.label])).toEqual([
      ['placeholder', "Intitulé de l'action n°1"],
      ['placeholder', "intitulé de l'action n°2"],
      ['action', "Intitulé de l'action n°3"],
      ['placeholder', 'À compléter'],
      ['placeholder', 'Le cas échéant : autre'],
      ['placeholder', '…'],
      ['action', 'Action numéro 4'],
      ['action', 'Actions de rue'],
    ]);
    expect(t.rows[1].amounts).toEqual({ A: cents(0), C: cents(0), F: cents(0) });
    expect(t.rows[0].amounts).toEqual({ A: empty, C: empty, F: empty });
  });

  it('a fiche number alone names the row; a number typed as a title is its label; white space is tidied', () => {
    const header: Raw[] = ['Thème', 'Imputation chorus', 'Fiche action N°', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const t = classify(header, [
      ['Maraudes', null, 3, null, 10, 10, 20],
      [null, null, null, 2023, 1, 1, 2],
      [null, null, ' 4 ', 'Maraude\nde  nuit ', 1, 1, 2],
      [null, null, 5, null, null, null, null],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.fiche])).toEqual([
      [1, 'action', '3', '3'],
      [2, 'action', '2023', null],
      [3, 'action', 'Maraude de nuit', '4'],
      // A fiche number and nothing else: the template's blank title, a placeholder.
      [4, 'placeholder', '5', '5'],
    ]);
    expect(t.rows[0].imputation).toEqual(missingAt(1));
  });

  it('a title merged down over two rows names both; the fiche of a covered cell is not the row’s', () => {
    const header: Raw[] = ['Thème', 'Imputation chorus', 'Fiche action N°', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const t = classify(
      header,
      [
        ['Maraudes', null, '7', 'Maraude de nuit', 10, 10, 20],
        [null, null, null, null, 1, 1, 2],
        [null, null, null, 'Veille', 1, 1, 2],
      ],
      [
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ],
    );
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.fiche])).toEqual([
      [1, 'action', 'Maraude de nuit', '7'],
      [2, 'action', 'Maraude de nuit', null],
      [3, 'action', 'Veille', null],
    ]);
  });

  it('words of its own, or a title merged from above, keep a row an action even when its amounts equal the rows above', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude de nuit', 10, 10, 20],
        [null, null, null, 10, 10, 20],
        [null, M05, null, 20, 20, 40],
        [null, null, null, null, null, null],
      ],
      [{ top: 1, left: 2, bottom: 2, right: 2 }],
    );
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.imputation.state])).toEqual([
      [1, 'action', 'Maraude de nuit', 'missing'],
      [2, 'action', 'Maraude de nuit', 'missing'],
      [3, 'action', '', 'written'],
    ]);
    expect(t.readings).toEqual([]);
  });

  it('a row with only a code, or only zeros, is a row of the block; under a merged title with no amounts, an action still', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude de nuit', 10, 10, 20],
        [null, null, null, null, null, null],
        [null, M05, null, null, null, null],
        [null, null, null, 0, 0, 0],
      ],
      [{ top: 1, left: 2, bottom: 2, right: 2 }],
    );
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.block])).toEqual([
      [1, 'action', 'Maraude de nuit', 0],
      [2, 'action', 'Maraude de nuit', 0],
      [3, 'themeHeader', '', 0],
      [4, 'placeholder', '', 0],
    ]);
    expect(t.blocks[0]).toMatchObject({ rows: [1, 2, 3, 4], codeText: M05, code: M05 });
  });

  it('a total label merged down does not make the row below a total; its amounts under a merge read as blank', () => {
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude', 10, 10, 20],
        [null, null, 'Sous total', 10, 10, 20],
        [null, null, null, null, null, null],
      ],
      [
        { top: 2, left: 2, bottom: 3, right: 2 },
        { top: 2, left: 3, bottom: 3, right: 3 },
      ],
    );
    // Row 3: the title merge shows « Sous total », but only as a title; its A is covered (blank).
    expect(t.rows.map((x) => [x.index, x.kind, x.label])).toEqual([
      [1, 'action', 'Maraude'],
      [2, 'subtotal', 'Sous total'],
    ]);
  });

  it('an amount merged down counts once: the covered cell reads blank even when the grid repeats the value', () => {
    // A file reader may give each covered cell the merge's value.
    const t = classify(
      HEADER,
      [
        ['Maraudes', null, 'Maraude', 10, 10, 20],
        [null, null, 'Veille', 10, 1, 2],
      ],
      [{ top: 1, left: 3, bottom: 2, right: 3 }],
    );
    expect(t.rows.map((x) => x.amounts)).toEqual([
      { A: cents(1000), C: cents(1000), F: cents(2000) },
      { A: empty, C: cents(100), F: cents(200) },
    ]);
  });

  it('amounts in thousands are read in their minor unit', () => {
    const t = classify(HEADER, [['Maraudes', null, 'Maraude', 10, '1,5', 11.5]], [], { decimals: 5 });
    expect(t.rows[0].amounts).toEqual({ A: cents(1000000), C: { kind: 'amount', value: 150000, fromText: true }, F: cents(1150000) });
  });
});

describe('a table with no grand total', () => {
  it('ends at its last total: words below it are not the table, amounts below it are', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      [null, null, 'Le Préfet', null, null, null],
      [null, null, 'Veille', 1, 1, 2],
      [null, null, 'Signé', null, null, null],
    ]);
    expect(t.rows.map((x) => x.index)).toEqual([1, 2, 4]);
    expect(t.blocks).toEqual([
      { id: 0, theme: 'Maraudes', themeNormalized: 'maraudes', section: 'socle', rows: [1], codeText: null, code: null },
      { id: 1, theme: null, themeNormalized: '', section: 'socle', rows: [4], codeText: null, code: null },
    ]);
    expect([t.end, t.lastTotal, t.hasGrandTotal]).toEqual([5, 2, false]);
  });

  it('words only under the last total: the table ends right after it, even a total with blank amounts', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', null, null, null],
      [null, null, 'Le Préfet', null, null, null],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind])).toEqual([
      [1, 'action'],
      [2, 'subtotal'],
    ]);
    expect(t.blocks.map((b) => b.rows)).toEqual([[1], []]);
    expect([t.end, t.lastTotal]).toEqual([3, 2]);
  });

  it('with no total at all, every row is kept and the table runs to the end of the sheet', () => {
    const t = classify(HEADER, [
      ['Maraudes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Le Préfet', null, null, null],
    ]);
    expect(t.rows.map((x) => [x.index, x.kind])).toEqual([
      [1, 'action'],
      [2, 'action'],
    ]);
    expect([t.end, t.lastTotal, t.hasGrandTotal]).toEqual([3, null, false]);
  });
});

describe('text in the code cell that is no Chorus code: the code is missing, the cell is not empty', () => {
  const MARAUDES = '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)';
  const ASE = "Accompagnement des jeunes sortants de l'ASE";
  /** Theme 0, title 1, code 2, A 3, C 4, F 5: the title sits left of the code column. */
  const TITLE_FIRST: Raw[] = ['Thème', "Intitulé de l'action", 'Imputation chorus', 'Participation État', 'Crédits CD affectés', 'Budget global'];
  const imputationFindings = (g: SheetGrid) => analyzeSheet(g).findings.filter((f) => f.rule === 'MISSING_IMPUTATION');

  it('a title merged across into the code column is no code: missing, proposed in the code column, never filled; the block keeps no code', () => {
    const body: Raw[][] = [
      ['Maraudes mixtes', ASE, null, 10, 10, 20],
      [null, 'Maraude de nuit', null, 5, 5, 10],
      [null, 'TOTAUX FINANCIERS', null, 15, 15, 30],
    ];
    const merges = [{ top: 1, left: 1, bottom: 1, right: 2 }];
    const t = classify(TITLE_FIRST, body, merges);
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.imputation])).toEqual([
      [1, 'action', ASE, { state: 'merged', text: ASE, code: null }],
      [2, 'action', 'Maraude de nuit', missingAt(2, 2)],
      [3, 'grandTotal', 'TOTAUX FINANCIERS', noCode],
    ]);
    // The title is no code: the block has none, so the row below takes the theme's, not the title.
    expect(t.blocks).toEqual([{ id: 0, theme: 'Maraudes mixtes', themeNormalized: 'maraudes mixtes', section: 'socle', rows: [1, 2], codeText: null, code: null }]);

    const g = sheet([TITLE_FIRST, ...body], merges);
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([{ cell: 'C3', gridRow: 2, gridCol: 2, row: 3, code: MARAUDES, source: 'theme' }]);
    expect(report.proposals).toEqual([{ cell: 'C2', gridRow: 1, gridCol: 2, row: 2, candidates: [MARAUDES], reason: 'mergedAcross' }]);
    const [merged] = imputationFindings(g);
    // The code would go into C2 once unmerged; Excel shows the merge (its text, its colour) at B2: the mark goes there.
    expect(merged.args).toEqual({ code: null, source: null, candidates: [MARAUDES], doubt: 'mergedAcross', mergedWith: 'title', shown: ASE, target: { row: 1, col: 2 }, shownAt: { row: 1, col: 1 } });
    expect(planMarks(report).cells.map((c) => [c.gridRow, c.gridCol, c.rules])).toEqual([
      [1, 1, ['MISSING_IMPUTATION']],
      [2, 2, ['MISSING_IMPUTATION']],
    ]);
    expect(messages(merged)).toEqual({
      fr: `«\u00a0${ASE}\u00a0» (ligne 2)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation est fusionnée avec la colonne «\u00a0Intitulé de l’action\u00a0»). Défusionnez C2 avant d’y saisir le code.`,
      en: `"${ASE}" (row 2): Chorus code missing, "${MARAUDES}" likely, not written (the code cell is merged with the column "Action title"). Unmerge C2 before typing the code in it.`,
    });
    expect(ruleOf('MISSING_IMPUTATION').live(merged)).toEqual({ kind: 'shows', text: ASE });
    expect(ruleOf('MISSING_IMPUTATION').live(imputationFindings(g)[1])).toEqual({ kind: 'blank' });
    expect(findingCardText(merged, 'fr')).toBe(
      `Imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation est fusionnée avec la colonne «\u00a0Intitulé de l’action\u00a0»). Défusionnez la cellule avant d’y saisir le code.`,
    );
  });

  it('a title typed in the code cell and merged across over the title column: missing, proposed, never filled', () => {
    // Theme 0, code 1, fiche 2, title 3: B2:D2 merged, the title typed in B2.
    const body = reference();
    at(body, 2)[1] = 'Maraude de jour';
    at(body, 2)[3] = null;
    const g = handSheet(body);
    g.merges = [{ top: 1, left: 1, bottom: 1, right: 3 }];
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([{ cell: 'B2', gridRow: 1, gridCol: 1, row: 2, candidates: [MARAUDES], reason: 'mergedAcross' }]);
    const [f, ...more] = imputationFindings(g);
    expect(more).toEqual([]);
    expect(f.args).toEqual({ code: null, source: null, candidates: [MARAUDES], doubt: 'mergedAcross', mergedWith: 'title', shown: 'Maraude de jour', target: { row: 1, col: 1 } });
    expect(messages(f).fr).toBe(
      `«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation est fusionnée avec la colonne «\u00a0Intitulé de l’action\u00a0»). Défusionnez B2 avant d’y saisir le code.`,
    );
  });

  it('a theme merged across the code and fiche columns: the message names the leftmost, the theme', () => {
    // A2:C2 merged, the theme typed in A2: the code cell B2 shows it.
    const body = reference();
    at(body, 2)[1] = null;
    at(body, 2)[2] = null;
    const g = handSheet(body);
    g.merges = [{ top: 1, left: 0, bottom: 1, right: 2 }];
    const [f, ...more] = imputationFindings(g);
    expect(more).toEqual([]);
    // Marked at A2, the merge's top left: the only cell of it whose colour shows.
    expect(f.args).toEqual({ code: null, source: null, candidates: [MARAUDES], doubt: 'mergedAcross', mergedWith: 'theme', shown: 'Maraudes mixtes', target: { row: 1, col: 1 }, shownAt: { row: 1, col: 0 } });
    expect(messages(f).fr).toBe(
      `«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation est fusionnée avec la colonne «\u00a0Thème de la contractualisation\u00a0»). Défusionnez B2 avant d’y saisir le code.`,
    );
  });

  it('a code merged across from the column on the left is still the row’s code (no finding)', () => {
    const header: Raw[] = ['Thème', null, 'Imputation chorus', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const g = sheet([header, ['Maraudes', M05, null, 'Maraude', 10, 10, 20], [null, null, null, 'TOTAUX FINANCIERS', 10, 10, 20]], [{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(imputationFindings(g)).toEqual([]);
    expect(analyzeSheet(g).proposals).toEqual([]);
  });

  it('words typed in the code cell (« à compléter », « A compléter », « à renseigner », « néant », « - »): missing, shown, never overwritten', () => {
    for (const typed of ['à compléter', 'A compléter', 'à renseigner', 'néant', '-']) {
      const body = reference();
      at(body, 3)[1] = typed;
      const t = tableOf(body).table;
      expect([typed, t.rows[1].imputation]).toEqual([typed, { state: 'written', text: typed, code: null }]);
      // The block's code is the first row's, not the words.
      expect([typed, t.blocks[0].codeText]).toEqual([typed, MARAUDES]);
      const report = analyzeSheet(handSheet(body));
      expect([typed, report.fills]).toEqual([typed, []]);
      expect([typed, report.proposals]).toEqual([typed, [{ cell: 'B3', gridRow: 2, gridCol: 1, row: 3, candidates: [MARAUDES], reason: 'notACode' }]]);
      const found = report.findings.filter((f) => f.rule === 'MISSING_IMPUTATION');
      expect([typed, found.map((f) => f.args)]).toEqual([typed, [{ code: null, source: null, candidates: [MARAUDES], doubt: 'notACode', shown: typed, target: { row: 2, col: 1 } }]]);
    }
  });

  it('« à compléter » in the code cell: the message says what the cell holds and to replace it', () => {
    const body = reference();
    at(body, 3)[1] = 'à compléter';
    const [f] = analyzeSheet(handSheet(body)).findings.filter((x) => x.rule === 'MISSING_IMPUTATION');
    expect(messages(f)).toEqual({
      fr: `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation contient «\u00a0à compléter\u00a0», qui n’est pas un code Chorus). Remplacez ce texte en B3 par le code.`,
      en: `"Maraude de nuit" (row 3): Chorus code missing, "${MARAUDES}" likely, not written (the code cell holds "à compléter", which is not a Chorus code). Replace this text in B3 with the code.`,
    });
    expect(findingCardText(f, 'en')).toBe(
      `Chorus code missing, "${MARAUDES}" likely, not written (the code cell holds "à compléter", which is not a Chorus code). Replace this text in the cell with the code.`,
    );
    // Its mark stays while the cell shows these words.
    expect(ruleOf('MISSING_IMPUTATION').live(f)).toEqual({ kind: 'shows', text: 'à compléter' });
  });

  it('a long note in the code cell is quoted short, on one line', () => {
    const body = reference();
    at(body, 3)[1] = 'Code en attente de la DDETS :\nvoir le courriel du 12 juin, puis la convention signée';
    const [f] = analyzeSheet(handSheet(body)).findings.filter((x) => x.rule === 'MISSING_IMPUTATION');
    expect(messages(f).fr).toBe(
      `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, «\u00a0${MARAUDES}\u00a0» probable, non écrit (la cellule d’imputation contient «\u00a0Code en attente de la DDETS : voir le courriel du 12 juin…\u00a0», qui n’est pas un code Chorus). Remplacez ce texte en B3 par le code.`,
    );
  });

  it('words in the first code cell of a block are not the block’s code: the blank row below takes the theme’s', () => {
    const body = reference();
    at(body, 2)[1] = 'à compléter';
    at(body, 3)[1] = null;
    const report = analyzeSheet(handSheet(body));
    expect(report.fills).toEqual([{ cell: 'B3', gridRow: 2, gridCol: 1, row: 3, code: MARAUDES, source: 'theme' }]);
    expect(report.proposals).toEqual([{ cell: 'B2', gridRow: 1, gridCol: 1, row: 2, candidates: [MARAUDES], reason: 'notACode' }]);
  });

  it('words in a code cell merged down a block whose theme fits two codes: both proposed once, each row names the merged cell', () => {
    const PREVENTION = '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée';
    const body = reference();
    for (const n of [2, 3]) at(body, n)[0] = 'Maraudes mixtes et prévention spécialisée';
    at(body, 2)[1] = 'à compléter';
    at(body, 3)[1] = null;
    const g = handSheet(body);
    g.merges = [{ top: 1, left: 1, bottom: 2, right: 1 }];
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([]);
    expect(report.proposals).toEqual([{ cell: 'B2', gridRow: 1, gridCol: 1, row: 2, candidates: [MARAUDES, PREVENTION], reason: 'notACode' }]);
    const found = imputationFindings(g);
    const args = { code: null, source: null, candidates: [MARAUDES, PREVENTION], doubt: 'notACode', shown: 'à compléter', target: { row: 1, col: 1 } };
    expect(found.map((f) => f.args)).toEqual([args, args]);
    expect(messages(found[1])).toEqual({
      fr: `«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: imputation Chorus manquante, le thème ne permet pas de choisir\u00a0: «\u00a0${MARAUDES}\u00a0» ou «\u00a0${PREVENTION}\u00a0» (la cellule d’imputation contient «\u00a0à compléter\u00a0», qui n’est pas un code Chorus). Remplacez ce texte dans la cellule fusionnée B2 par le code.`,
      en: `"Maraude de nuit" (row 3): Chorus code missing, the theme does not settle it: "${MARAUDES}" or "${PREVENTION}" (the code cell holds "à compléter", which is not a Chorus code). Replace this text in the merged cell B2 with the code.`,
    });
  });

  it('« A compléter » on a first row with no amounts is data, no letter A of the header; the block below takes the theme’s code', () => {
    const g = sheet([HEADER, ['Maraudes mixtes', 'A compléter', null, null, null, null], [null, null, 'Maraude', 10, 10, 20], [null, null, 'TOTAUX FINANCIERS', 10, 10, 20]]);
    const [layout] = locateTables(g, CALPAE_TEMPLATE);
    expect([layout.headerTop, layout.headerBottom, layout.dataStart, layout.letters, layout.columns]).toEqual([0, 0, 1, 'none', { theme: 0, imputation: 1, title: 2, A: 3, C: 4, F: 5 }]);
    const t = classifyRows(g, layout, CALPAE_TEMPLATE, new MergeIndex(g));
    expect(t.rows.map((x) => [x.index, x.kind, x.imputation])).toEqual([
      [1, 'themeHeader', { state: 'written', text: 'A compléter', code: null }],
      [2, 'action', missingAt(2)],
      [3, 'grandTotal', noCode],
    ]);
    const report = analyzeSheet(g);
    expect(report.fills).toEqual([{ cell: 'B3', gridRow: 2, gridCol: 1, row: 3, code: MARAUDES, source: 'theme' }]);
    expect(report.proposals).toEqual([]);
    // The same for other words that start with a letter of the template.
    for (const words of ['à renseigner', 'C : en attente', 'B']) {
      const other = sheet([HEADER, ['Maraudes mixtes', words, null, null, null, null], [null, null, 'Maraude', 10, 10, 20]]);
      expect([words, locateTables(other, CALPAE_TEMPLATE)[0].dataStart]).toEqual([words, 1]);
    }
  });

  it('words with no theme to give a code: a code to type in place of the words', () => {
    const body = reference();
    at(body, 5)[0] = 'Thème inconnu';
    at(body, 5)[1] = 'néant';
    const [f] = analyzeSheet(handSheet(body)).findings.filter((x) => x.rule === 'MISSING_IMPUTATION');
    expect(f.args).toEqual({ code: null, source: null, candidates: [], doubt: 'notACode', shown: 'néant', target: { row: 4, col: 1 } });
    expect(messages(f)).toEqual({
      fr: '«\u00a0Éducateurs de rue\u00a0» (ligne 5)\u00a0: imputation Chorus manquante, à saisir (la cellule d’imputation contient «\u00a0néant\u00a0», qui n’est pas un code Chorus). Remplacez ce texte en B5 par le code.',
      en: '"Éducateurs de rue" (row 5): Chorus code missing, to be typed (the code cell holds "néant", which is not a Chorus code). Replace this text in B5 with the code.',
    });
  });
});

describe('a blank row under a « Sous total » label merged down over it', () => {
  it('is no action: no row, no block, no finding, no fill', () => {
    const body: Raw[][] = [
      ['Maraudes mixtes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      [null, null, null, null, null, null],
      ['Prévention spécialisée', null, 'Éducateurs', 3, 4, 7],
      [null, null, 'Sous total', 3, 4, 7],
      [null, null, 'TOTAUX FINANCIERS', 13, 14, 27],
    ];
    const merges = [{ top: 2, left: 2, bottom: 3, right: 2 }];
    const t = classify(HEADER, body, merges);
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.block])).toEqual([
      [1, 'action', 'Maraude', 0],
      [2, 'subtotal', 'Sous total', null],
      [4, 'action', 'Éducateurs', 1],
      [5, 'subtotal', 'Sous total', null],
      [6, 'grandTotal', 'TOTAUX FINANCIERS', null],
    ]);
    expect(t.blocks.map((b) => [b.theme, b.rows])).toEqual([
      ['Maraudes mixtes', [1]],
      ['Prévention spécialisée', [4]],
    ]);
    const report = analyzeSheet(sheet([HEADER, ...body], merges));
    // The two actions get their theme's code, A ≠ C on row 5; nothing on row 4 (the table has no B, D, E nor valorisation).
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['MISSING_IMPUTATION@B2', 'MISSING_IMPUTATION@B5', 'A_NEQ_C@E5']);
    expect(report.fills.map((f) => f.cell)).toEqual(['B2', 'B5']);
    expect(report.proposals).toEqual([]);
    expect(report.notices.filter((n) => n.code !== 'MISSING_COLUMN')).toEqual([]);
  });

  it('the label merged down over the label columns too: the row below is still no action', () => {
    const body: Raw[][] = [
      ['Maraudes mixtes', M05, 'Maraude', 10, 10, 20],
      ['Sous total', null, null, 10, 10, 20],
      [null, null, null, null, null, null],
      [null, null, 'TOTAUX FINANCIERS', 10, 10, 20],
    ];
    const merges = [{ top: 2, left: 0, bottom: 3, right: 2 }];
    const t = classify(HEADER, body, merges);
    expect(t.rows.map((x) => [x.index, x.kind])).toEqual([
      [1, 'action'],
      [2, 'subtotal'],
      [4, 'grandTotal'],
    ]);
    const report = analyzeSheet(sheet([HEADER, ...body], merges));
    expect([report.findings, report.fills, report.proposals, report.notices.filter((n) => n.code !== 'MISSING_COLUMN')]).toEqual([[], [], [], []]);
  });
});

describe('a row with amounts under a « Sous total » label merged down over it', () => {
  it('is no action even inside a merged theme: never a code to fill, unclassified and said', () => {
    const body: Raw[][] = [
      ['Maraudes mixtes', null, 'Maraude', 10, 10, 20],
      [null, null, 'Sous total', 10, 10, 20],
      [null, null, null, 1, 2, 3],
      [null, null, 'TOTAUX FINANCIERS', 11, 12, 23],
    ];
    // The theme is merged down the block and its subtotal: a row there would take its code.
    const merges = [
      { top: 1, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ];
    const t = classify(HEADER, body, merges);
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.block])).toEqual([
      [1, 'action', 'Maraude', 0],
      [2, 'subtotal', 'Sous total', null],
      [3, 'unclassified', 'Sous total', null],
      [4, 'grandTotal', 'TOTAUX FINANCIERS', null],
    ]);
    // Its label is row 3's, merged down: said, so that the advice is to unmerge, not to write « Sous total ».
    expect(t.readings).toEqual([{ row: 3, label: 'Sous total', as: 'unclassified', sumOf: [], labelFrom: 2 }]);
    const report = analyzeSheet(sheet([HEADER, ...body], merges));
    expect(report.findings.map((f) => `${f.rule}@${cellName(f.at)}`)).toEqual(['MISSING_IMPUTATION@B2']);
    expect(report.fills.map((f) => f.cell)).toEqual(['B2']);
    const [notice, ...others] = report.notices.filter((n) => n.code === 'UNCLASSIFIED_ROW');
    expect(others).toEqual([]);
    expect(notice).toEqual({ code: 'UNCLASSIFIED_ROW', row: 3, label: 'Sous total', totals: [4], labelRow: 2 });
    expect(noticeText(notice, 'fr')).toBe(
      'Ligne 4 («\u00a0Sous total\u00a0»)\u00a0: ligne de total que le contrôle ne reconnaît pas\u202f; elle n’est pas contrôlée, ni le total qui l’englobe (la ligne 5), et aucune imputation n’y est écrite. Son libellé est celui de la ligne 3, fusionné jusqu’à elle\u00a0: défusionnez-le et donnez à cette ligne le sien (l’intitulé de son action, ou «\u00a0Sous total\u00a0» si c’en est un).',
    );
    expect(noticeText(notice, 'en')).toBe(
      'Row 4 ("Sous total"): a total row the check does not recognise; it is not checked, nor the total around it (row 5), and no code is written there. Its label is row 3\'s, merged down over it: unmerge it and give this row its own (its action\'s title, or "Sous total" if it is one).',
    );
  });

  it('with words of its own (a fiche number) it stays a row of the table as typed: an action', () => {
    const header: Raw[] = ['Thème', 'Imputation chorus', 'Fiche action N°', "Intitulé de l'action", 'Participation État', 'Crédits CD affectés', 'Budget global'];
    const t = classify(
      header,
      [
        ['Maraudes mixtes', null, null, 'Maraude', 10, 10, 20],
        [null, null, null, 'Sous total', 10, 10, 20],
        [null, null, '2.1', null, 1, 1, 2],
      ],
      [{ top: 2, left: 3, bottom: 3, right: 3 }],
    );
    expect(t.rows.map((x) => [x.index, x.kind, x.label, x.fiche])).toEqual([
      [1, 'action', 'Maraude', null],
      [2, 'subtotal', 'Sous total', null],
      [3, 'action', 'Sous total', '2.1'],
    ]);
  });
});
