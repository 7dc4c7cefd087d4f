/**
 * The view of a table the rules check (src/domain/rules/context.ts): the columns it has, the parts
 * of a row's total and their sum, hidden parts. Hand-typed tables (test/support/hand-table.ts).
 */
import { analyzeSheet, buildSummary } from '../../../src/domain';
import { ruleTitle } from '../../../src/domain/rules/registry';
import { cellName } from '../../../src/domain/findings';
import { SheetGrid } from '../../../src/domain/grid';
import { locateTables } from '../../../src/domain/layout';
import { MergeIndex } from '../../../src/domain/merges';
import { checkTableOf } from '../../../src/domain/rules/context';
import { CheckTable } from '../../../src/domain/rules/types';
import { classifyRows } from '../../../src/domain/rows';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../../../src/domain/template';
import { put, reference, sheet } from '../../support/hand-table';
import { messages } from '../../support/rule-table';

function checkTable(read: SheetGrid, template: AnnexTemplate = CALPAE_TEMPLATE, hidden?: Set<number>): CheckTable {
  const merges = new MergeIndex(read);
  const [layout] = locateTables(read, template, merges);
  const table = classifyRows(read, layout, template, merges);
  return checkTableOf({ sheet: read.name, grid: read, layout, template, table, merges, unit: '€', hidden });
}

/** The reference sheet without one of its columns (0-based, as in hand-table.ts: 9 is E, 10 is F). */
function without(col: number): SheetGrid {
  const read = sheet(reference());
  return { ...read, rows: read.rows.map((r) => r!.filter((_, i) => i !== col)) };
}

describe('the columns the rules check are those the table has', () => {
  it('all of them on the reference table', () => {
    const t = checkTable(sheet(reference()));
    expect(t.amountColumns).toEqual(['A', 'B', 'C', 'valorisation', 'D', 'E', 'F']);
    expect(t.totalColumn).toBe('F');
    expect(t.totalParts).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('without « autres financeurs » (E): the row total adds A to D, and says so', () => {
    const t = checkTable(without(9));
    expect(t.amountColumns).toEqual(['A', 'B', 'C', 'valorisation', 'D', 'F']);
    expect(t.totalParts).toEqual(['A', 'B', 'C', 'D']);
    const read = without(9);
    read.rows[1]![9] = { value: 210 }; // row 2's F (column J once E is gone): A+…+D = 200
    const found = analyzeSheet(read).findings.filter((f) => f.rule === 'ROW_TOTAL');
    expect(found.map((f) => cellName(f.at))).toEqual(['J2']);
    expect(found[0].args).toEqual({ total: 'F', parts: ['A', 'B', 'C', 'D'] });
    // The formula it states is the table's (A+B+C+D), not the template's A+B+C+D+E.
    expect(messages(found[0]).fr).toBe('«\u00a0Maraude de jour\u00a0» (ligne 2)\u00a0: F affiché 210,00\u00a0€, A+B+C+D = 200,00\u00a0€ — écart +10,00\u00a0€. Corrigez F en 200,00\u00a0€ ou vérifiez les montants A à D de cette ligne.');
    expect(messages(found[0]).en).toBe('"Maraude de jour" (row 2): F shows €210.00, A+B+C+D = €200.00 — gap +€10.00. Correct F to €200.00 or check amounts A to D of this row.');
    expect(Object.values(messages(found[0])).join(' ')).not.toContain('+E');
    // So does the title of their group (pane, report, summary), not the template's A+B+C+D+E.
    expect(ruleTitle('ROW_TOTAL', 'fr', CALPAE_TEMPLATE, found)).toBe('Budget global F ≠ A+B+C+D');
    expect(ruleTitle('ROW_TOTAL', 'en', CALPAE_TEMPLATE, found)).toBe('Row total F ≠ A+B+C+D');
    expect(buildSummary(analyzeSheet(read), { workbook: 'x.xlsx', generatedAt: new Date(2026, 10, 30) }).findingsByRule.map((r) => r.title)).toEqual(['Sous-totaux faux', 'Budget global F ≠ A+B+C+D']);
  });

  it('a group whose findings add up different parts (two tables) is titled with the template’s', () => {
    const read = without(9);
    read.rows[1]![9] = { value: 210 };
    const rowTotals = (g: SheetGrid) => analyzeSheet(g).findings.filter((f) => f.rule === 'ROW_TOTAL');
    const [withoutE] = rowTotals(read);
    const body = reference();
    put(body, 2, 'F', 210);
    const [withE] = rowTotals(sheet(body));
    expect([withoutE.args, withE.args].map((a) => (a as { parts: string[] }).parts.join('+'))).toEqual(['A+B+C+D', 'A+B+C+D+E']);
    expect(ruleTitle('ROW_TOTAL', 'fr', CALPAE_TEMPLATE, [withoutE, withE])).toBe('Budget global F ≠ A+B+C+D+E');
    expect(ruleTitle('ROW_TOTAL', 'fr', CALPAE_TEMPLATE, [withE, withoutE])).toBe('Budget global F ≠ A+B+C+D+E');
    // Without findings (a legend, a consolidation's column): the template's.
    expect(ruleTitle('ROW_TOTAL', 'en', CALPAE_TEMPLATE)).toBe('Row total F ≠ A+B+C+D+E');
    // Another rule's findings given by mistake do not change it.
    expect(ruleTitle('A_NEQ_C', 'fr', CALPAE_TEMPLATE, [withoutE])).toBe(ruleTitle('A_NEQ_C', 'fr', CALPAE_TEMPLATE));
  });

  it('without the total column (F): no total column, and no row total checked', () => {
    const t = checkTable(without(10));
    expect(t.totalColumn).toBeNull();
    expect(t.totalParts).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(analyzeSheet(without(10)).findings).toEqual([]);
  });
});

describe('a part on a hidden row', () => {
  it('is marked hidden; a visible one carries no mark', () => {
    const read = sheet(reference());
    const t = checkTable(read, CALPAE_TEMPLATE, new Set([2]));
    expect(t.part(t.rowAt(2)!, 'A')).toEqual({ at: { row: 2, col: 4 }, label: 'Maraude de nuit', hidden: true });
    expect(t.part(t.rowAt(1)!, 'A')).toEqual({ at: { row: 1, col: 4 }, label: 'Maraude de jour' });
  });

  it('is named in the total’s advice', () => {
    const body = reference();
    put(body, 4, 'A', 410);
    const found = analyzeSheet({ ...sheet(body), hiddenRows: [2] }).findings.filter((f) => cellName(f.at) === 'E4');
    expect(messages(found[0])).toEqual({
      fr: 'Sous-total (ligne 4)\u00a0: A affiché 410,00\u00a0€, somme des lignes 400,00\u00a0€ — écart +10,00\u00a0€. Corrigez A en 400,00\u00a0€ ou vérifiez les lignes 2 à 3 (dont la ligne 3, masquée).',
      en: 'Subtotal (row 4): A shows €410.00, sum of the rows €400.00 — gap +€10.00. Correct A to €400.00 or check rows 2 to 3 (including row 3, hidden).',
    });
  });
});

describe('the sum of a row’s total parts stays exact or is not given', () => {
  // A template (as `annex9 --template` accepts) whose total counts A nine times and B once: a row
  // can then add up past 2^53 cents. T is the largest amount a cell may hold (1e15 cents); nine T
  // plus R is 2^53 − 1 cents exactly.
  const T = 10_000_000_000_000;
  const R = 71_992_547_409.91;
  const template: AnnexTemplate = { ...CALPAE_TEMPLATE, total: { column: 'F', parts: ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'B'] } };

  it.each([
    ['up to 2^53 − 1 cents', T, R, 9_007_199_254_740_991],
    ['down to −(2^53 − 1) cents', -T, -R, -9_007_199_254_740_991],
    ['past it', T, T, null],
    ['past it below zero', -T, -T, null],
  ])('%s', (_, a, b, sum) => {
    const body = reference();
    put(body, 2, 'A', a);
    put(body, 2, 'B', b);
    const t = checkTable(sheet(body), template);
    expect(t.rowSum(t.rowAt(1)!)).toBe(sum);
  });
});
