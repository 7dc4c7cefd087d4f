/**
 * The reviewed copy of a workbook file: findings marked in colour with a note that says what is
 * wrong, the rest of their row lightly tinted, missing Chorus codes written into empty cells.
 * Applied to an ExcelJS workbook in memory; the caller writes it elsewhere, never over the input.
 */
import * as ExcelJS from 'exceljs';
import { SheetReport } from '../domain/analyze';
import { FILLED_CODE, ROW_TINT, markNote, planMarks } from '../domain/marks';
import { FillSource } from '../domain/findings';
import { Lang } from '../domain/words/types';

export interface ReviewResult {
  marked: number;
  filled: number;
  /** Fills skipped because the cell was no longer empty. */
  skipped: string[];
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** The note of a code the check filled, and where the code came from. */
const FILLED_NOTE: Record<Lang, (source: FillSource) => string> = {
  fr: (source) => `Imputation complétée par le contrôle de l’annexe 9 (${{ block: 'reprise du bloc', theme: 'déduite du thème', section: 'section des initiatives' }[source]}).`,
  en: (source) => `Chorus code filled by the annex 9 check (${{ block: 'carried from its block', theme: 'inferred from the theme', section: 'initiatives section' }[source]}).`,
};

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

function hasOwnFill(cell: ExcelJS.Cell): boolean {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return !!fill && fill.type === 'pattern' && fill.pattern !== 'none';
}

function isEmpty(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  // `== null`: null or undefined (ExcelJS gives null for an empty cell; its type allows undefined too).
  return v == null || (typeof v === 'string' && v.trim() === '');
}

/** Apply the report of one sheet to its worksheet. */
export function applyReview(ws: ExcelJS.Worksheet, report: SheetReport, lang: Lang = 'fr'): ReviewResult {
  const at = (gridRow: number, gridCol: number) => ws.getCell(report.origin.row + gridRow + 1, report.origin.col + gridCol + 1);
  const plan = planMarks(report);
  for (const mark of plan.cells) {
    const cell = at(mark.gridRow, mark.gridCol);
    // A fresh style object: ExcelJS may share style objects between cells.
    cell.style = { ...cell.style, fill: solid(mark.fill) };
    cell.note = markNote(mark, lang, report.template);
  }
  for (const tint of plan.rows) {
    for (const c of tint.gridCols) {
      const cell = at(tint.gridRow, c);
      if (cell.isMerged && cell.master !== cell) continue;
      if (hasOwnFill(cell)) continue; // the user's own colours stay
      cell.style = { ...cell.style, fill: solid(ROW_TINT) };
    }
  }
  let filled = 0;
  const skipped: string[] = [];
  for (const fill of report.fills) {
    const cell = at(fill.gridRow, fill.gridCol);
    if (!isEmpty(cell)) {
      skipped.push(fill.cell);
      continue;
    }
    cell.value = fill.code; // a string value: ExcelJS never turns it into a formula
    cell.style = { ...cell.style, fill: solid(FILLED_CODE) };
    cell.note = FILLED_NOTE[lang](fill.source);
    filled++;
  }
  return { marked: plan.cells.length, filled, skipped };
}
