/**
 * How findings are shown on the sheet: a colour per rule (Okabe–Ito hues, light enough to read
 * black text on, told apart by colour-blind readers), on the finding's cell, and a light tint on
 * the rest of its row. Adapters (Office.js, .xlsx) apply this plan; the pane shows the legend.
 */
import { Finding, RULES, RuleCode } from './findings';
import { SheetReport } from './analyze';
import { Lang, RULE_TITLES } from './messages';

export interface RuleStyle {
  /** Fill of the cell at fault, `#RRGGBB`. */
  fill: string;
  /** A short symbol, so that colour is never the only carrier of meaning (legend, notes). */
  symbol: string;
}

export const RULE_STYLES: Record<RuleCode, RuleStyle> = {
  UNREADABLE_AMOUNT: { fill: '#C8C8C8', symbol: '?' },
  STALE_FORMULA: { fill: '#D4C8EC', symbol: '↻' },
  SUBTOTAL: { fill: '#F5B69A', symbol: 'Σ' },
  SECTION_TOTAL: { fill: '#E9B3D3', symbol: 'Σ²' },
  GRAND_TOTAL: { fill: '#D79BC0', symbol: 'ΣΣ' },
  ROW_TOTAL: { fill: '#F9D48C', symbol: 'F' },
  A_NEQ_C: { fill: '#A9D8F5', symbol: '½' },
  VALORISATION_EXCEEDS_C: { fill: '#F3EC8E', symbol: 'V' },
  MISSING_IMPUTATION: { fill: '#9FDCC8', symbol: '#' },
};

/** Light tint on the other cells of a row with a finding. */
export const ROW_TINT = '#FFF3DC';
/** Fill of a Chorus code cell the add-in filled. */
export const FILLED_CODE = '#D9F2E6';

export interface CellMark {
  gridRow: number;
  gridCol: number;
  cell: string;
  fill: string;
  /** The rules reported at this cell (several rules may share a cell). */
  rules: RuleCode[];
  /** Plain text for a note on the cell: the messages of its findings. */
  note: string;
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

/** The marks to put on a sheet for a report. */
export function planMarks(report: SheetReport): MarkPlan {
  const byCell = new Map<string, { finding: Finding[] }>();
  for (const f of report.findings) {
    const key = `${f.gridRow}:${f.gridCol}`;
    const entry = byCell.get(key) ?? { finding: [] };
    entry.finding.push(f);
    byCell.set(key, entry);
  }
  const cells: CellMark[] = [];
  for (const { finding } of byCell.values()) {
    const first = finding[0];
    // The most important rule gives the colour (findings come sorted by rule priority).
    const rules = [...new Set(finding.map((f) => f.rule))].sort((a, b) => RULES.indexOf(a) - RULES.indexOf(b));
    cells.push({
      gridRow: first.gridRow,
      gridCol: first.gridCol,
      cell: first.cell,
      fill: RULE_STYLES[rules[0]].fill,
      rules,
      note: finding.map((f) => `[${f.rule}] ${f.message}`).join('\n'),
    });
  }
  const marked = new Set(cells.map((c) => `${c.gridRow}:${c.gridCol}`));
  const rows: RowTint[] = [];
  for (const table of report.tables) {
    const tableCols = Object.values(table.layout.columns).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
    const findingRows = [...new Set(table.findings.map((f) => f.gridRow))].sort((a, b) => a - b);
    for (const r of findingRows) {
      rows.push({ gridRow: r, gridCols: tableCols.filter((c) => !marked.has(`${r}:${c}`)) });
    }
  }
  return { cells, rows };
}

export function legend(lang: Lang): Array<{ rule: RuleCode; title: string } & RuleStyle> {
  return RULES.map((rule) => ({ rule, title: RULE_TITLES[rule][lang], ...RULE_STYLES[rule] }));
}
