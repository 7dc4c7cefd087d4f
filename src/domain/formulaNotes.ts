/**
 * When a total that does not add up is a formula, say what it adds up next to what it should:
 * « la formule =SOMME(L22:L37) s'arrête à la ligne 37 : la ligne 38 n'est pas comptée », « compte
 * aussi la colonne I », « ignore L6, saisi en texte »; and the formula that would be right.
 */
import { AmountReading } from './amounts';
import { SheetGrid, columnLetters } from './grid';
import { Finding, FormulaNote, PartRef } from './findings';
import { AnnexRow } from './rows';
import { AmountColumn } from './template';
import { a1, coveredCells, parseSimpleFormula } from './formulas';
import { CheckTable } from './rules/types';

const MAX_SUGGESTED_TERMS = 12;

function hasMoney(reading: AmountReading | undefined): boolean {
  if (!reading || reading.kind === 'empty') return false;
  return reading.kind === 'unreadable' || reading.value !== 0;
}

/** The findings, each total whose cell holds a formula given a FormulaNote (new findings; none changed in place). */
export function explainFormulas(findings: readonly Finding[], t: CheckTable): Finding[] {
  const { grid, layout, template, table } = t;
  const rowAt: AnnexRow[] = [];
  for (const r of table.rows) rowAt[r.index] = r;
  const keyAt = new Map<number, AmountColumn>();
  for (const k of template.amountColumns) if (layout.columns[k] !== undefined) keyAt.set(layout.columns[k]!, k);
  const { row: dr, col: dc } = grid.origin;
  // The grid's cells and the row below it: a formula's cells elsewhere hold nothing to say.
  const widest = grid.rows.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  const within = { top: dr, left: dc, bottom: dr + grid.rows.length, right: dc + widest - 1 };

  const ref = (sheetRow: number, sheetCol: number, label: string): PartRef => ({
    at: { row: sheetRow, col: sheetCol },
    label,
    ...(rowAt[sheetRow - dr] && t.isHidden(rowAt[sheetRow - dr]) ? { hidden: true } : {}),
  });
  const readingAt = (sheetRow: number, sheetCol: number): AmountReading | undefined => rowAt[sheetRow - dr]?.amounts[keyAt.get(sheetCol - dc)!];

  return findings.map((f) => {
    const text = grid.rows[f.at.row - dr]?.[f.at.col - dc]?.formula;
    if (!text) return f;
    const rowsAxis = f.rule === 'SUBTOTAL' || f.rule === 'SECTION_TOTAL' || f.rule === 'GRAND_TOTAL';
    const columnsAxis = f.rule === 'ROW_TOTAL' && !f.args.relocatedFrom;
    if (!rowsAxis && !columnsAxis) return f;
    const note: FormulaNote = { text: text.trim(), evaluated: false, axis: rowsAxis ? 'rows' : 'columns', missing: [], extra: [], textParts: [] };
    const parsed = parseSimpleFormula(text, grid.name);
    if (!parsed) return { ...f, formula: note };
    note.evaluated = true;
    const hereRow = f.at.row;
    const hereCol = f.at.col;
    const covered = coveredCells(parsed, within);
    const isCovered = new Set(covered.map((c) => `${c.row}:${c.col}`));
    const inSum = new Set<string>();
    for (const r of parsed.refs) if (r.inSum) for (const c of coveredCells({ ...parsed, refs: [r] }, within)) inSum.add(`${c.row}:${c.col}`);

    // The parts the total should add up, as sheet cells.
    const parts: Array<{ row: number; col: number; label: string }> =
      f.rule === 'ROW_TOTAL'
        ? f.args.parts.map((k) => ({ row: hereRow, col: dc + layout.columns[k]!, label: k }))
        : rowsAxis
          ? (f.args as { parts: PartRef[] }).parts.map((p) => ({ row: p.at.row, col: hereCol, label: p.label }))
          : [];
    const isPart = new Set(parts.map((p) => `${p.row}:${p.col}`));
    for (const p of parts) {
      const key = `${p.row}:${p.col}`;
      const reading = readingAt(p.row, p.col);
      if (!isCovered.has(key) && hasMoney(reading)) note.missing.push(ref(p.row, p.col, p.label));
      if (inSum.has(key) && reading?.kind === 'amount' && reading.fromText) note.textParts.push(ref(p.row, p.col, p.label));
    }
    for (const c of covered) {
      if (isPart.has(`${c.row}:${c.col}`) || (c.row === hereRow && c.col === hereCol)) continue;
      const reading = readingAt(c.row, c.col);
      if (reading ? !hasMoney(reading) : !numberAt(grid, c.row - dr, c.col - dc)) continue;
      const label = rowsAxis ? rowAt[c.row - dr]?.label ?? '' : keyAt.get(c.col - dc) ?? columnLetters(c.col);
      note.extra.push(ref(c.row, c.col, label));
    }
    // Read on the references (to the row below the grid, any column), not on the cells kept above.
    const reached = parsed.refs.filter((r) => r.top <= within.bottom);
    if (rowsAxis && reached.length && reached.every((r) => hereCol < r.left || hereCol > r.right)) note.otherColumn = reached[0].left;
    const only = parsed.refs[0];
    if (rowsAxis && parsed.singleRange && only.left === hereCol && only.right === hereCol) note.range = { first: only.top, last: only.bottom };
    note.suggestion = suggestion(parts, rowsAxis);
    return { ...f, formula: note };
  });
}
/** True when a cell outside the table's amounts holds a number other than zero. */
function numberAt(grid: SheetGrid, r: number, c: number): boolean {
  const v = grid.rows[r]?.[c]?.value;
  return typeof v === 'number' && v !== 0;
}

/** The formula that adds up the parts: one range when they are one run of rows, else a `+` chain. */
function suggestion(parts: Array<{ row: number; col: number }>, rowsAxis: boolean): string | undefined {
  if (!parts.length) return undefined;
  const sorted = [...parts].sort((a, b) => a.row - b.row || a.col - b.col);
  if (rowsAxis) {
    const first = sorted[0].row;
    const last = sorted[sorted.length - 1].row;
    if (last - first + 1 === sorted.length && sorted.length > 1) return `=SUM(${a1(first, sorted[0].col)}:${a1(last, sorted[0].col)})`;
  }
  if (sorted.length > MAX_SUGGESTED_TERMS) return undefined;
  return `=${sorted.map((p) => a1(p.row, p.col)).join('+')}`;
}

