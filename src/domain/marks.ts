/**
 * How findings are shown on the sheet: each rule's colour (its record's mark style, rules/), on
 * the finding's cell, and a light tint on the rest of its row. Adapters (Office.js, .xlsx) apply
 * this plan; the pane shows the legend. Notes on cells are rendered in the language of the moment.
 */
import { CellRef, Finding, RuleCode } from './findings';
import { SheetReport } from './analyze';
import { RULES, ruleMark, ruleTitle } from './rules/registry';
import { MarkStyle } from './rules/types';
import { AnnexTemplate, CALPAE_TEMPLATE } from './template';
import { findingText } from './words/render';
import { Lang } from './words/types';

export type RuleStyle = MarkStyle;

/** Each rule's style, by code (from the registry). */
export const RULE_STYLES: Record<RuleCode, RuleStyle> = Object.fromEntries(RULES.map((r) => [r, ruleMark(r)])) as Record<RuleCode, RuleStyle>;

/** Light tint on the other cells of a row with a finding. */
export const ROW_TINT = '#FFF3DC';
/** Fill of a Chorus code cell the add-in filled. */
export const FILLED_CODE = '#D9F2E6';

export interface CellMark {
  /** Grid coordinates of the cell (the report's origin makes them sheet cells). */
  gridRow: number;
  gridCol: number;
  fill: string;
  /** The rules reported at this cell, most important first (several rules may share a cell). */
  rules: RuleCode[];
  /** The findings at this cell, for its note. */
  findings: Finding[];
}

export interface RowTint {
  gridRow: number;
  /** Grid columns of the table to tint (cells with a mark of their own are left out). */
  gridCols: number[];
}

export interface MarkPlan {
  cells: CellMark[];
  rows: RowTint[];
}

/**
 * Where a finding's mark goes (sheet coordinates): its cell, but for a missing code the cell the
 * code goes into (an empty merged code cell's top left) or, when the code cell is covered by a merge
 * from its left, that merge's top left: a covered cell's own colour never shows.
 */
export function markCell(f: Finding): CellRef {
  return f.rule === 'MISSING_IMPUTATION' ? f.args.shownAt ?? f.args.target : f.at;
}

/** The marks to put on a sheet for a report. */
export function planMarks(report: SheetReport): MarkPlan {
  const { origin } = report;
  const byCell = new Map<string, { at: CellRef; findings: Finding[] }>();
  for (const f of report.findings) {
    const at = markCell(f);
    const key = `${at.row - origin.row}:${at.col - origin.col}`;
    const here = byCell.get(key);
    if (here) here.findings.push(f);
    else byCell.set(key, { at, findings: [f] });
  }
  const cells: CellMark[] = [];
  for (const { at, findings } of byCell.values()) {
    // The most important rule gives the colour.
    const rules = [...new Set(findings.map((f) => f.rule))].sort((a, b) => RULES.indexOf(a) - RULES.indexOf(b));
    cells.push({ gridRow: at.row - origin.row, gridCol: at.col - origin.col, fill: ruleMark(rules[0]).fill, rules, findings });
  }
  const marked = new Set(cells.map((c) => `${c.gridRow}:${c.gridCol}`));
  const rows: RowTint[] = [];
  for (const table of report.tables) {
    const tableCols = Object.values(table.layout.columns).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
    const findingRows = [...new Set(table.findings.map((f) => f.at.row - origin.row))].sort((a, b) => a - b);
    for (const r of findingRows) rows.push({ gridRow: r, gridCols: tableCols.filter((c) => !marked.has(`${r}:${c}`)) });
  }
  return { cells, rows };
}

/** The note of a marked cell: each finding's rule and message (the note is on the cell: not named again). */
export function markNote(mark: CellMark, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): string {
  return mark.findings.map((f) => `[${f.rule}] ${findingText(f, lang, template, { cell: f.at })}`).join('\n');
}

export function legend(lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): Array<{ rule: RuleCode; title: string } & RuleStyle> {
  return RULES.map((rule) => ({ rule, title: ruleTitle(rule, lang, template), ...ruleMark(rule) }));
}
