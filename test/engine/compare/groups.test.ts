/**
 * The groups both comparisons report on (codes, sections, the whole table), amount changes, empty
 * groups, the State share of a line, and findings found again in another version: on hand-typed tables.
 */
import { compareTables } from '../../../src/domain/compare/compare';
import { plannedSpent } from '../../../src/domain/compare/execution';
import { compareFindings } from '../../../src/domain/compare/findings';
import { codeGroups, measureGroups, totalGroups } from '../../../src/domain/compare/groups';
import { pairActions } from '../../../src/domain/compare/pair';
import { GroupChange, amountChanges, isEmptyGroup } from '../../../src/domain/compare/versions';
import { ACCUEIL, INSERTION, MOBILITE } from './scenes';
import { HandBlock, acf, handTable } from './tables';

const COLS = ['A', 'C', 'F'] as const;

/** Emploi (07) with its subtotal, Accueil (03), a block with no theme nor code (one template row), an initiative. */
function groupsTable() {
  return handTable({
    sheet: 'S',
    columns: [...COLS],
    blocks: [
      { theme: 'Emploi', code: INSERTION, actions: [{ row: 10, title: 'E1', amounts: acf(1, 1) }], subtotal: { row: 11, printed: acf(1, 1) } },
      { theme: 'Accueil', code: ACCUEIL, actions: [{ row: 12, title: 'A1', amounts: acf(2, 2) }] },
      {
        theme: null,
        code: null,
        actions: [
          { row: 13, title: 'Sans code', amounts: acf(3, 3) },
          { row: 14, title: 'Intitulé de l’action n°1', placeholder: true, amounts: acf(0, 0) },
        ],
      },
      { theme: 'Projet CD', code: null, section: 'initiative', actions: [{ row: 16, title: 'P1', code: MOBILITE, amounts: acf(4, 0) }] },
    ],
    totals: [
      { level: 'initiative', row: 17, label: 'SOUS-TOTAL', printed: acf(4, 0) },
      { level: 'grand', row: 18, label: 'TOTAUX FINANCIERS', printed: acf(10, 6) },
    ],
  });
}

describe('groups of a table', () => {
  it('codes in code order, rows with no code last, a template row with no code left out', () => {
    const base = { kind: 'code', theme: null, level: null, printed: null, totalRow: null, actionCount: 1 };
    expect(codeGroups(groupsTable(), COLS)).toEqual([
      { ...base, key: ACCUEIL, code: ACCUEIL, actions: [1], firstRow: 12, amounts: acf(2, 2) },
      { ...base, key: INSERTION, code: INSERTION, actions: [0], firstRow: 10, amounts: acf(1, 1) },
      { ...base, key: MOBILITE, code: MOBILITE, actions: [4], firstRow: 16, amounts: acf(4, 0) },
      { ...base, key: '', code: null, actions: [2], firstRow: 13, amounts: acf(3, 3) },
    ]);
  });

  it('the socle, the initiatives with their printed sub-total, the whole table; template rows not counted as actions', () => {
    expect(totalGroups(groupsTable(), COLS)).toEqual([
      { kind: 'section', key: 'socle', theme: null, code: null, level: 'socle', actions: [0, 1, 2, 3], printed: null, totalRow: null, actionCount: 3, firstRow: 10, amounts: acf(6, 6) },
      { kind: 'section', key: 'initiative', theme: null, code: null, level: 'initiative', actions: [4], printed: acf(4, 0), totalRow: 17, actionCount: 1, firstRow: 16, amounts: acf(4, 0) },
      { kind: 'grand', key: 'grand', theme: null, code: null, level: 'grand', actions: [0, 1, 2, 3, 4], printed: acf(10, 6), totalRow: 18, actionCount: 4, firstRow: 10, amounts: acf(10, 6) },
    ]);
    // A section with a printed total and no row is still there; one with neither is not.
    const printedOnly = handTable({
      sheet: 'S',
      columns: [...COLS],
      blocks: [],
      totals: [{ level: 'initiative', row: 3, label: 'SOUS-TOTAL', printed: acf(0, 0) }],
    });
    expect(totalGroups(printedOnly, COLS)).toEqual([
      { kind: 'section', key: 'initiative', theme: null, code: null, level: 'initiative', actions: [], printed: acf(0, 0), totalRow: 3, actionCount: 0, firstRow: null, amounts: acf(0, 0) },
      { kind: 'grand', key: 'grand', theme: null, code: null, level: 'grand', actions: [], printed: null, totalRow: null, actionCount: 0, firstRow: null, amounts: acf(0, 0) },
    ]);
  });

  it('measures keyed by section, theme and code; an unreadable cell makes its column unreadable, the others still add up', () => {
    const t = handTable({
      sheet: 'S',
      columns: [...COLS],
      blocks: [
        {
          theme: 'Emploi',
          code: INSERTION,
          actions: [
            { row: 4, title: 'E1', amounts: { A: null, C: 100, F: 100 } },
            { row: 5, title: 'E2', amounts: acf(1, 1) },
          ],
          subtotal: { row: 6, printed: acf(1, 2) },
        },
        { theme: null, code: null, section: 'initiative', actions: [{ row: 8, title: 'P', amounts: acf(1, 1) }] },
      ],
    });
    expect(measureGroups(t, COLS)).toEqual([
      {
        kind: 'measure',
        key: 'socle\u0001emploi\u00010304 50 19 19 07',
        theme: 'Emploi',
        code: INSERTION,
        level: null,
        actions: [0, 1],
        printed: acf(1, 2),
        totalRow: 6,
        actionCount: 2,
        firstRow: 4,
        amounts: { A: null, C: 200, F: 300 },
      },
      { kind: 'measure', key: 'initiative\u0001\u0001', theme: null, code: null, level: null, actions: [2], printed: null, totalRow: null, actionCount: 1, firstRow: 8, amounts: acf(1, 1) },
    ]);
  });
});

describe('amount changes and empty groups', () => {
  it('new − old; the whole amount for a line on one side; null where a side cannot be read; never −0', () => {
    expect(amountChanges({ A: 500, C: null, F: 0 }, { A: 200, C: 100, F: 0 }, COLS)).toEqual([
      { column: 'A', old: 500, new: 200, change: -300 },
      { column: 'C', old: null, new: 100, change: null },
      { column: 'F', old: 0, new: 0, change: 0 },
    ]);
    const removed = amountChanges({ A: 0, C: null, F: 7 }, null, COLS);
    expect(removed).toEqual([
      { column: 'A', old: 0, new: null, change: 0 },
      { column: 'C', old: null, new: null, change: null },
      { column: 'F', old: 7, new: null, change: -7 },
    ]);
    expect(Object.is(removed[0].change, 0)).toBe(true);
    expect(amountChanges(null, { A: 3, C: null }, ['A', 'C'])).toEqual([
      { column: 'A', old: null, new: 3, change: 3 },
      { column: 'C', old: null, new: null, change: null },
    ]);
  });

  it('a group added or removed with no action and no money is empty; changed, with an action, money or a printed figure it is not', () => {
    const zero = (column: 'A' | 'F') => ({ column, old: null, new: 0, change: 0 });
    const g = (over: Partial<GroupChange>): GroupChange => ({
      kind: 'measure',
      key: 'k',
      status: 'added',
      theme: 'Vide',
      code: null,
      level: null,
      old: null,
      new: { firstRow: 5, totalRow: null, actions: 0 },
      amounts: [zero('A'), zero('F')],
      printed: null,
      ...over,
    });
    expect(isEmptyGroup(g({}))).toBe(true);
    expect(isEmptyGroup(g({ status: 'removed', old: { firstRow: 5, totalRow: 6, actions: 0 }, new: null, printed: [zero('A')] }))).toBe(true);
    expect(isEmptyGroup(g({ status: 'changed', old: { firstRow: 5, totalRow: null, actions: 0 } }))).toBe(false);
    expect(isEmptyGroup(g({ status: 'unchanged' }))).toBe(false);
    expect(isEmptyGroup(g({ new: { firstRow: 5, totalRow: null, actions: 1 } }))).toBe(false);
    expect(isEmptyGroup(g({ amounts: [zero('A'), { column: 'F', old: null, new: 1, change: 1 }] }))).toBe(false);
    expect(isEmptyGroup(g({ printed: [{ column: 'F', old: null, new: 100, change: 100 }] }))).toBe(false);
  });

  it('an empty measure of template rows added is no difference; one with a printed figure is', () => {
    const vide = (printed: ReturnType<typeof acf>): HandBlock => ({ theme: 'Vide', code: null, actions: [{ row: 9, title: 'Intitulé n°1', placeholder: true, amounts: acf(0, 0) }], subtotal: { row: 10, printed } });
    const base = (): HandBlock => ({ theme: 'Emploi', code: INSERTION, actions: [{ row: 5, title: 'E1', amounts: acf(1, 1) }] });
    const t = (blocks: HandBlock[]) => handTable({ sheet: 'S', columns: [...COLS], blocks });
    const quiet = compareTables(t([base()]), t([base(), vide(acf(0, 0))]));
    expect([quiet.identical, quiet.versions!.counts.templateRowsAdded, quiet.versions!.counts.measuresChanged]).toEqual([true, 1, 0]);
    const printed = compareTables(t([base()]), t([base(), vide(acf(1, 0))]));
    expect([printed.identical, printed.versions!.counts.measuresChanged]).toEqual([false, 1]);
  });
});

describe('the State share of one line', () => {
  it('r from the plan’s A / (A + C); ½ when the plan has no A, an unreadable A or C, or A + C = 0; P null when S cannot be read', () => {
    expect(plannedSpent({ A: 10000, C: 30000, F: 40000 }, { A: 5000, C: 5000, F: 10000 }, COLS)).toEqual({
      planned: { A: 10000, C: 30000, F: 40000 },
      spent: { A: 5000, C: 5000, F: 10000 },
      rate: '0.2500',
      coFinancedSpent: 10000,
      stateRate: { num: 10000, den: 40000, source: 'plan' },
      stateShareSpent: 2500,
    });
    const half = { num: 1, den: 2, source: 'convention' };
    expect(plannedSpent(null, null, COLS)).toEqual({ planned: acf(0, 0), spent: acf(0, 0), rate: null, coFinancedSpent: 0, stateRate: half, stateShareSpent: 0 });
    expect(plannedSpent({ A: null, C: 500, F: 500 }, { A: 200, C: 201, F: 401 }, COLS)).toMatchObject({ rate: '0.8020', stateRate: half, coFinancedSpent: 401, stateShareSpent: 201 });
    expect(plannedSpent({ A: 500, C: null, F: 500 }, { A: 1, C: 0, F: 1 }, COLS)).toMatchObject({ stateRate: half, stateShareSpent: 1 });
    expect(plannedSpent({ A: 0, C: 0, F: 0 }, { A: 3, C: 0, F: 3 }, COLS)).toMatchObject({ rate: null, stateRate: half, stateShareSpent: 2 });
    expect(plannedSpent({ A: 300, C: 100, F: null }, { A: 100, C: null, F: 100 }, COLS)).toMatchObject({ rate: null, stateRate: { num: 300, den: 400, source: 'plan' }, coFinancedSpent: null, stateShareSpent: null });
    expect(plannedSpent({ C: 500, F: 500 }, { C: 100, F: 100 }, ['C', 'F'])).toMatchObject({ rate: '0.2000', stateRate: half, coFinancedSpent: null, stateShareSpent: null });
  });

  it('a notified code that has rows is not listed twice; codes with rows and no code last', () => {
    const plan = handTable({
      sheet: 'P',
      columns: [...COLS],
      blocks: [
        { theme: null, code: null, actions: [{ row: 3, title: 'Sans code', amounts: acf(1, 1) }] },
        { theme: 'Emploi', code: INSERTION, actions: [{ row: 4, title: 'E1', amounts: acf(1, 1) }] },
      ],
    });
    const r = compareTables(plan, plan, { mode: 'execution', notified: [{ code: INSERTION, amount: 300 }, { code: ACCUEIL, amount: 0 }] });
    expect(r.execution!.codes.map((c) => [c.code, c.paid, c.paidSource, c.reversement])).toEqual([
      [ACCUEIL, 0, 'notified', 0],
      [INSERTION, 300, 'notified', 200],
      [null, 100, 'planned', 0],
    ]);
    expect(r.execution!.counts).toEqual({ actionsDiffering: 0, plannedOnly: 0, spentOnly: 0, codesWithReversement: 1 });
    expect(r.identical).toBe(false);
  });
});

describe('findings found again in another version', () => {
  it('on the same measure’s subtotal, the same total, the same labelled row; one of two alike gone', () => {
    const finding = (rule: string, row: number, target: import('../../../src/domain/compare/comparable').FindingTarget) => ({ rule, column: 'F', row, cell: `H${row}`, message: `${rule} ${row}`, target });
    const blocks = (extra: boolean): HandBlock[] => [
      ...(extra ? [{ theme: 'Nouveau', code: MOBILITE, actions: [{ row: 3, title: 'N', amounts: acf(1, 1) }], subtotal: { row: 4, printed: acf(1, 1) } }] : []),
      { theme: 'Emploi', code: INSERTION, actions: [{ row: 5, title: 'E1', amounts: acf(1, 1) }], subtotal: { row: 6, printed: acf(1, 1) } },
    ];
    const old = handTable({
      sheet: 'S',
      columns: [...COLS],
      blocks: blocks(false),
      findings: [
        finding('SUBTOTAL', 6, { kind: 'subtotal', measure: 0 }),
        finding('GRAND_TOTAL', 9, { kind: 'total', level: 'control' }),
        finding('ROW', 10, { kind: 'row', label: 'note' }),
        finding('ROW', 11, { kind: 'row', label: 'note' }),
      ],
    });
    const neu = handTable({
      sheet: 'S',
      columns: [...COLS],
      blocks: blocks(true),
      findings: [
        finding('SUBTOTAL', 6, { kind: 'subtotal', measure: 1 }),
        finding('SUBTOTAL', 4, { kind: 'subtotal', measure: 0 }),
        finding('GRAND_TOTAL', 12, { kind: 'total', level: 'control' }),
        finding('ROW', 13, { kind: 'row', label: 'note' }),
        finding('ROW', 14, { kind: 'row', label: 'autre' }),
      ],
    });
    expect(compareFindings(old, neu, pairActions(old, neu))).toEqual([
      { status: 'disappeared', rule: 'ROW', column: 'F', row: 11, cell: 'H11', message: 'ROW 11' },
      { status: 'appeared', rule: 'SUBTOTAL', column: 'F', row: 4, cell: 'H4', message: 'SUBTOTAL 4' },
      { status: 'appeared', rule: 'ROW', column: 'F', row: 14, cell: 'H14', message: 'ROW 14' },
    ]);
  });
});
