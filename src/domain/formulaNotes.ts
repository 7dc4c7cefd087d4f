/**
 * When a total that does not add up is a formula, say what it adds up next to what it should:
 * « la formule =SOMME(L22:L37) s'arrête à la ligne 37 : la ligne 38 n'est pas comptée », « compte
 * aussi la colonne I », « ignore L6, saisi en texte »; and the formula that would be right.
 */
import { AmountReading } from './amounts';
import { SheetGrid, columnLetters } from './grid';
import { FormulaNote, PartRef } from './findings';
import { RawFinding } from './checks';
import { TableLayout } from './layout';
import { AnnexRow, ClassifiedTable } from './rows';
import { AmountColumn, AnnexTemplate } from './template';
import { a1, coveredCells, parseSimpleFormula } from './formulas';

export interface FormulaNoteInput {
  /** The sheet as read (formulas) and as checked (recomputed values). */
  grid: SheetGrid;
  layout: TableLayout;
  template: AnnexTemplate;
  table: ClassifiedTable;
  hidden?: ReadonlySet<number>;
}

const MAX_SUGGESTED_TERMS = 12;

function hasMoney(reading: AmountReading | undefined): boolean {
  if (!reading || reading.kind === 'empty') return false;
  return reading.kind === 'unreadable' || reading.value !== 0;
}

/** Attach a FormulaNote to each total finding whose cell holds a formula. */
export function explainFormulas(findings: RawFinding[], input: FormulaNoteInput): void {
  const { grid, layout, template, table, hidden } = input;
  const rowAt: AnnexRow[] = [];
  for (const r of table.rows) rowAt[r.index] = r;
  const keyAt = new Map<number, AmountColumn>();
  for (const k of template.amountColumns) if (layout.columns[k] !== undefined) keyAt.set(layout.columns[k]!, k);
  const { row: dr, col: dc } = grid.origin;
  const maxRow = dr + grid.rows.length;

  const ref = (sheetRow: number, sheetCol: number, label: string): PartRef => ({
    row: sheetRow + 1,
    cell: a1(sheetRow, sheetCol),
    label,
    ...(hidden?.has(sheetRow - dr) ? { hidden: true } : {}),
  });
  const readingAt = (sheetRow: number, sheetCol: number): AmountReading | undefined => rowAt[sheetRow - dr]?.amounts[keyAt.get(sheetCol - dc)!];

  for (const f of findings) {
    const text = grid.rows[f.gridRow]?.[f.gridCol]?.formula;
    if (!text) continue;
    const ctx = f.context;
    const rowsAxis = ctx.type === 'sum';
    const columnsAxis = ctx.type === 'rowTotal' && !ctx.relocatedFrom;
    if (!rowsAxis && !columnsAxis) continue;
    const note: FormulaNote = { text: text.trim(), evaluated: false, axis: rowsAxis ? 'rows' : 'columns', missing: [], extra: [], textParts: [] };
    f.formula = note;
    const parsed = parseSimpleFormula(text, grid.name);
    if (!parsed) continue;
    note.evaluated = true;
    const hereRow = dr + f.gridRow;
    const hereCol = dc + f.gridCol;
    const covered = coveredCells(parsed, maxRow);
    const isCovered = new Set(covered.map((c) => `${c.row}:${c.col}`));
    const inSum = new Set<string>();
    for (const r of parsed.refs) if (r.inSum) for (const c of coveredCells({ ...parsed, refs: [r] }, maxRow)) inSum.add(`${c.row}:${c.col}`);

    // The parts the total should add up, as sheet cells.
    let parts: Array<{ row: number; col: number; label: string }>;
    if (ctx.type === 'sum') {
      parts = ctx.parts.map((p) => ({ row: p.row - 1, col: hereCol, label: p.label }));
    } else {
      const keys = (ctx as { parts: AmountColumn[] }).parts;
      parts = keys.map((k) => ({ row: hereRow, col: dc + layout.columns[k]!, label: k }));
    }
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
    if (rowsAxis && covered.length && covered.every((c) => c.col !== hereCol)) note.otherColumn = columnLetters(covered[0].col);
    const only = parsed.refs[0];
    if (rowsAxis && parsed.singleRange && only.left === hereCol && only.right === hereCol) note.range = { first: only.top + 1, last: only.bottom + 1 };
    note.suggestion = suggestion(parts, rowsAxis);
  }
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

