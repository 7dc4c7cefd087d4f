/**
 * The engine's entry points (src/domain/analyze.ts) on small hand-typed sheets: two tables one
 * under the other, off A1, each with its own unit and its own notices; workbooks and the problems
 * said when nothing can be checked. Whole objects, typed by hand.
 */
import { analyzeSheet, analyzeWorkbook } from '../../../src/domain';
import { SheetGrid } from '../../../src/domain/grid';
import { SUMMARY_MARKER_COLUMN, SUMMARY_MARKER_TOKEN } from '../../../src/domain/summaryMarker';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { HEADER, MARAUDES, action, sheet, total } from '../../support/hand-table';

/**
 * Grid (0,0) is sheet C4. Sheet row 4: « Montants en k€ »; row 5: the first table's header; row 6
 * an action whose F (M6) is a formula with no stored value; row 7 its grand total; row 8 empty;
 * row 9 the second table's header, rows 10–11 the same. Hand-table columns shift by two (A in G).
 */
function twoTables(): SheetGrid {
  const g = sheet([
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de jour', [100, 0, 100, 0, 0, 0, { value: null, formula: '=G6+H6+I6+K6+L6' }]),
    total('TOTAUX FINANCIERS', [100, 0, 100, 0, 0, 0, 200]),
    [],
    HEADER,
    action('Maraudes mixtes', MARAUDES, '1.1', 'Maraude de nuit', [300, 0, 300, 0, 0, 0, { value: null, formula: '=G10+H10+I10+K10+L10' }]),
    total('TOTAUX FINANCIERS', [300, 0, 300, 0, 0, 0, 600]),
  ]);
  g.rows.unshift([{ value: 'Montants en k€' }]);
  return { ...g, origin: { row: 3, col: 2 } };
}

describe('analyzeSheet', () => {
  it('two tables: each its header cell, its unit (the title above the first is not the second’s), its body rows, its computed formulas', () => {
    const report = analyzeSheet(twoTables());
    expect(report.origin).toEqual({ row: 3, col: 2 });
    expect(report.isAnnex).toBe(true);
    expect(
      report.tables.map((t) => ({ header: t.header, unit: t.unit, unitSaid: t.unitSaid, stats: t.stats, bodyRows: t.bodyRows, kinds: t.classified.rows.map((r) => r.kind) })),
    ).toEqual([
      {
        header: { row: 4, col: 2 },
        unit: 'k€',
        unitSaid: { unit: 'k€', said: 'Montants en k€', row: 4 },
        stats: { actions: 1, placeholders: 0, subtotals: 0 },
        bodyRows: { first: 6, last: 7 },
        kinds: ['action', 'grandTotal'],
      },
      {
        header: { row: 8, col: 2 },
        unit: '€',
        unitSaid: { unit: '€', said: null, row: null },
        stats: { actions: 1, placeholders: 0, subtotals: 0 },
        bodyRows: { first: 10, last: 11 },
        kinds: ['action', 'grandTotal'],
      },
    ]);
    expect(report.notices).toEqual([
      { code: 'SEVERAL_TABLES', sheet: 'Annexe 9', count: 2 },
      { code: 'THOUSANDS', table: { row: 4, col: 2 }, said: 'Montants en k€', row: 3 },
      { code: 'FORMULAS_COMPUTED', table: { row: 4, col: 2 }, cells: [{ row: 5, col: 12 }] },
      { code: 'FORMULAS_COMPUTED', table: { row: 8, col: 2 }, cells: [{ row: 9, col: 12 }] },
    ]);
    expect([report.findings, report.fills, report.proposals]).toEqual([[], [], []]);
  });

  it('a table of a header and nothing else: no body rows', () => {
    const g = sheet([]);
    const report = analyzeSheet(g);
    expect(report.tables.map((t) => [t.bodyRows, t.stats])).toEqual([[null, { actions: 0, placeholders: 0, subtotals: 0 }]]);
  });

  it('a sheet with no annex: the whole report, empty, and why', () => {
    const g: SheetGrid = { name: 'Feuil1', origin: { row: 2, col: 1 }, rows: [[{ value: 'Rien' }]], merges: [] };
    expect(analyzeSheet(g)).toEqual({
      sheet: 'Feuil1',
      origin: { row: 2, col: 1 },
      template: CALPAE_TEMPLATE,
      isAnnex: false,
      tables: [],
      findings: [],
      fills: [],
      proposals: [],
      notices: [],
      problem: { kind: 'notAnnex', sheet: 'Feuil1' },
    });
  });

  it('our own summary sheet (its marker in row 1) is not an annex, though it repeats the column labels', () => {
    const g = sheet([]);
    g.rows[0]![SUMMARY_MARKER_COLUMN] = { value: SUMMARY_MARKER_TOKEN };
    expect(analyzeSheet(g)).toEqual({
      sheet: 'Annexe 9',
      origin: { row: 0, col: 0 },
      template: CALPAE_TEMPLATE,
      isAnnex: false,
      tables: [],
      findings: [],
      fills: [],
      proposals: [],
      notices: [],
      problem: { kind: 'summarySheet', sheet: 'Annexe 9' },
    });
    expect(analyzeWorkbook({ sheets: [g] }, { sheet: 'Annexe 9' })).toEqual({ sheets: [], template: CALPAE_TEMPLATE, problem: { kind: 'summarySheet', sheet: 'Annexe 9' } });
    expect(analyzeWorkbook({ sheets: [g] })).toEqual({ sheets: [], template: CALPAE_TEMPLATE, problem: { kind: 'noAnnexInWorkbook', sheets: ['Annexe 9'] } });
  });
});

describe('analyzeWorkbook', () => {
  it('the sheet named, whatever its case and spaces; else every annex sheet; else why not', () => {
    const notes: SheetGrid = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Rien' }]], merges: [] };
    const annex = { ...sheet([]), name: ' Annexe 9 ' };
    const book = { sheets: [notes, annex] };
    expect(analyzeWorkbook(book, { sheet: 'ANNEXE 9  ' }).sheets.map((s) => s.sheet)).toEqual([' Annexe 9 ']);
    expect(analyzeWorkbook(book).sheets.map((s) => s.sheet)).toEqual([' Annexe 9 ']);
    expect(analyzeWorkbook(book, { sheet: 'Annexe 10' })).toEqual({ sheets: [], template: CALPAE_TEMPLATE, problem: { kind: 'noSuchSheet', sheet: 'Annexe 10', sheets: ['Notes', ' Annexe 9 '] } });
    expect(analyzeWorkbook(book, { sheet: 'notes' })).toEqual({ sheets: [], template: CALPAE_TEMPLATE, problem: { kind: 'notAnnex', sheet: 'Notes' } });
    expect(analyzeWorkbook({ sheets: [notes] })).toEqual({ sheets: [], template: CALPAE_TEMPLATE, problem: { kind: 'noAnnexInWorkbook', sheets: ['Notes'] } });
    expect(analyzeWorkbook({ sheets: [notes, annex, { ...annex, name: 'Copie' }] }).sheets.map((s) => s.sheet)).toEqual([' Annexe 9 ', 'Copie']);
  });
});
