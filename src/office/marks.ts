/**
 * Marks as conditional formats. Each finding cell gets one custom conditional format per rule,
 * in the rule's colour (RULE_STYLES), whose formula is true while the figure is still wrong:
 * for a row total at L51, `ROUND($L$51,2)<>ROUND(SUM($F$51,$G$51,$H$51,$J$51,$K$51),2)`,
 * the same comparison to the cent the engine makes. So the user's own formats are never touched,
 * a mark can be removed alone (Home > Conditional Formatting > Manage Rules), and it goes away by
 * itself when the figure is corrected. The rest of the row gets a light tint (ROW_TINT) under
 * the same condition, except cells that have, or may have, a fill of their own (the check reads
 * which rows and columns have none; a tint would hide the user's colours).
 *
 * Every formula starts with AND(ISTEXT("annexe9:…"), …): always true, it tags the rule as ours,
 * so "Effacer les marques" finds our rules wherever they went (rows inserted, cells copied).
 * A filled code's rule also carries the fill's id and references the cell and its row's anchor
 * (the action's title): Excel rewrites those references when rows or columns move, so the rule
 * tells where the cell the add-in wrote is now (see codeFormula).
 *
 * Row tints go to the lowest priority, under the user's own rules (which keep showing); the
 * marks of the findings stay on top.
 *
 * Amounts typed as text (`1 362 035,00 €`) are read by the engine but ignored by SUM: when one is
 * involved, the mark holds while the figures are those the check saw, and otherwise falls back to
 * the live comparison.
 */
import { Money, moneyDecimal } from '../domain/money';
import { AmountUnit, decimalsOf } from '../domain/units';
import { AmountReading } from '../domain/amounts';
import { SheetReport, TableReport } from '../domain/analyze';
import { Finding, RuleCode } from '../domain/findings';
import { RULES, liveCheck } from '../domain/rules/registry';
import { FILLED_CODE, ROW_TINT, RULE_STYLES, markCell, planMarks } from '../domain/marks';
import { AnnexRow } from '../domain/rows';
import { AmountColumn } from '../domain/template';
import { Rect, cellA1, parseAddress, rectA1 } from '../domain/a1';

export type MarkKind = 'finding' | 'tint' | 'code';

export const MARK_TAG = 'annexe9:marque';
export const CODE_TAG = 'annexe9:code';
/** The tag's tail on a row tint; a finding's mark carries its cell instead. */
const TINT = 'ligne';

/** Excel's limit is 8 192 characters; stay clear of it. */
const MAX_FORMULA = 8000;
const MAX_SUM_ARGS = 255;

export interface CfSpec {
  rect: Rect;
  /** Local A1 range. */
  range: string;
  kind: MarkKind;
  rules: RuleCode[];
  /** Formula with `=`, tagged. */
  formula: string;
  fill: string;
}

interface Pos {
  row: number;
  col: number;
}

interface Involved extends Pos {
  reading: AmountReading | undefined;
  unit: AmountUnit;
}

const ref = (p: Pos) => cellA1(p.row, p.col, true);

export function tagged(tag: string, condition: string): string {
  return `=AND(ISTEXT("${tag}"),${condition})`;
}

/** True when a conditional format's formula carries our tag (whatever case or spacing Excel gives back). */
export function isTagged(formula: string | null | undefined, tag: string): boolean {
  if (!formula) return false;
  const f = formula.slice(0, 9000).toUpperCase().replace(/\s+/g, '');
  const t = `ISTEXT("${tag.toUpperCase()}`;
  for (let i = f.indexOf(t); i >= 0; i = f.indexOf(t, i + 1)) {
    const next = f[i + t.length];
    if (next === '"' || next === ':') return true;
  }
  return false;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Words Excel's TRIM leaves as they are: no line break, no-break space, tab, double space or quote. */
const PLAIN_WORDS = /^[^\s"]+(?: [^\s"]+)*$/;

const absolute = (cell: string) => {
  const p = parseAddress(cell);
  return cellA1(p.row, p.col, true);
};

/**
 * The rule of a filled code cell: true while the cell still holds what the add-in wrote. It
 * carries the fill's id and references the cell and the anchor of its row, so that Excel moves
 * them with the cells: `=AND(ISTEXT("annexe9:code:<id>"),ISREF($E$24),$C$24="0304 …")`.
 */
export function codeFormula(cell: string, written: string, id: string, anchorCell?: string): string {
  const r = absolute(cell);
  const anchor = anchorCell ? `ISREF(${absolute(anchorCell)}),` : '';
  return `=AND(ISTEXT("${CODE_TAG}:${id}"),${anchor}${written.length <= 250 ? `${r}=${quote(written)}` : `LEN(${r})>0`})`;
}

/** What a code cell's rule says: the fill id, where the cell is now, where its anchor is (null when deleted). */
export interface CodeIdentity {
  id: string;
  cell: string | null;
  anchor: string | null;
  hasAnchor: boolean;
}

const REF = '(\\$?[A-Za-z]{1,3}\\$?\\d{1,7}|#REF!)';
const IDENTITY = new RegExp(`ISTEXT\\("annexe9:code:([A-Za-z0-9-]{1,40})"\\),(?:ISREF\\(${REF}\\),)?(?:LEN\\()?${REF}`, 'i');

/** Read back codeFormula (rules are workbook content: bounded, no backtracking). */
export function parseCodeIdentity(formula: string | null | undefined): CodeIdentity | null {
  if (!formula || formula.length > 9000) return null;
  const m = IDENTITY.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  const local = (ref: string | undefined) => (ref && ref.toUpperCase() !== '#REF!' ? ref.replace(/\$/g, '').toUpperCase() : null);
  return { id: m[1], anchor: local(m[2]), hasAnchor: m[2] !== undefined, cell: local(m[3]) };
}

/** SUM(...) over cells, consecutive rows of a column as ranges, 255 arguments at most per SUM. */
export function sumOf(cells: Pos[]): string {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const args: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row === sorted[j].row + 1) j++;
    args.push(j > i ? `${ref(sorted[i])}:${ref(sorted[j])}` : ref(sorted[i]));
    i = j + 1;
  }
  if (!args.length) return '0';
  const groups: string[] = [];
  for (let i = 0; i < args.length; i += MAX_SUM_ARGS) groups.push(`SUM(${args.slice(i, i + MAX_SUM_ARGS).join(',')})`);
  return groups.join('+');
}

/** A stored amount as the cell holds it, to two decimals as ROUND(…,2) compares it. */
const cents = (m: Money, unit: AmountUnit) => moneyDecimal(m, decimalsOf(unit)).toDecimalPlaces(2).toFixed();

/** The cell still shows what the check read. */
function unchanged(i: Involved): string {
  const r = ref(i);
  const a = i.reading;
  if (!a || a.kind === 'empty') return `LEN(TRIM(${r}))=0`;
  if (a.kind === 'amount') return a.fromText ? `ISTEXT(${r})` : `ROUND(${r},2)=${cents(a.value, i.unit)}`;
  return unreadableCondition(r, a);
}

function unreadableCondition(r: string, a: Extract<AmountReading, { kind: 'unreadable' }>): string {
  switch (a.reason) {
    case 'error':
      return `ISERROR(${r})`;
    case 'boolean':
      return `ISLOGICAL(${r})`;
    case 'date':
      return /^-?\d+(\.\d+)?$/.test(a.shown) ? `AND(ISNUMBER(${r}),ROUND(${r},6)=ROUND(${a.shown},6))` : `ISNUMBER(${r})`;
    case 'formulaWithoutValue':
      return `LEN(${r})=0`;
    case 'tooLarge':
      return `ISNUMBER(${r})`;
    default:
      return `ISTEXT(${r})`;
  }
}

/** Live condition plus the cells it involves, for arithmetic rules. */
function arithmetic(live: string, finding: Involved, involved: Involved[]): string {
  const typedAsText = involved.some((i) => i.reading?.kind === 'amount' && i.reading.fromText);
  if (!typedAsText && live.length < MAX_FORMULA - 40) return live;
  const all = `AND(${involved.map(unchanged).join(',')})`;
  const guarded = `IFERROR(${live},FALSE)`;
  if (all.length + guarded.length < MAX_FORMULA - 60) return `OR(${all},${guarded})`;
  if (guarded.length < MAX_FORMULA - 200) return `OR(${unchanged(finding)},${guarded})`;
  return unchanged(finding);
}

/**
 * The live condition of a finding (its rule's LiveCheck, in the template's columns) as an Excel
 * formula over the table's cells.
 */
class Conditions {
  private readonly rowByIndex: Map<number, AnnexRow>;
  constructor(
    private readonly table: TableReport,
    private readonly origin: Pos,
  ) {
    this.rowByIndex = new Map(table.classified.rows.map((r) => [r.index, r]));
  }

  private col(key: AmountColumn): number {
    const c = this.table.layout.columns[key];
    if (c === undefined) throw new Error(`column ${key} missing from the table layout`);
    return this.origin.col + c;
  }
  private at(sheetRow: number, key: AmountColumn): Involved {
    return { row: sheetRow, col: this.col(key), reading: this.rowByIndex.get(sheetRow - this.origin.row)?.amounts[key], unit: this.table.unit };
  }

  /** True while the finding still holds (no tag). */
  of(f: Finding): string {
    const here = markCell(f);
    const row = f.at.row;
    const live = liveCheck(f);
    const own = () => ({ ...here, reading: this.at(row, f.column as AmountColumn).reading, unit: this.table.unit });
    switch (live.kind) {
      case 'rowSum': {
        const total = this.at(row, live.total);
        const parts = live.parts.map((k) => this.at(row, k));
        return arithmetic(`ROUND(${ref(total)},2)<>ROUND(${sumOf(parts)},2)`, own(), [total, ...parts]);
      }
      case 'columnSum': {
        const total = this.at(row, live.column);
        const parts = live.partRows.map((r) => this.at(r, live.column));
        return arithmetic(`ROUND(${ref(total)},2)<>ROUND(${sumOf(parts)},2)`, total, [total, ...parts]);
      }
      case 'share': {
        const a = this.at(row, live.state);
        const c = this.at(row, live.partner);
        const { state, partner } = live.shares;
        // 50/50: A = C; otherwise C = A × partner / state, to the cent.
        const expected = state === partner ? `ROUND(${ref(a)},2)` : `ROUND(${ref(a)}*${partner}/${state},2)`;
        return arithmetic(`${expected}<>ROUND(${ref(c)},2)`, own(), [a, c]);
      }
      case 'atMost': {
        const x = this.at(row, live.column);
        const max = this.at(row, live.max);
        return arithmetic(`ROUND(${ref(x)},2)>ROUND(${ref(max)},2)`, x, [x, max]);
      }
      case 'blank':
        return `LEN(TRIM(${ref(here)}))=0`;
      case 'shows': {
        // The cell's words as a quoted literal (as a filled code's rule), as Excel's TRIM gives them back
        // (plain spaces collapsed), only when that is all TRIM does: one line, no other space, no quote,
        // words (not a number Excel would write its own way), well under the 255 characters of a text
        // constant (A29). Otherwise the mark stays while the cell is not empty.
        const words = live.text.replace(/ +/g, ' ').replace(/^ | $/g, '');
        const exact = PLAIN_WORDS.test(words) && /\p{L}/u.test(words) && words.length <= 200;
        return exact ? `TRIM(${ref(here)})=${quote(words)}` : `LEN(TRIM(${ref(here)}))>0`;
      }
      case 'stored':
        // True while the cell still shows the value the file stored (recalculating clears it).
        return live.value !== null ? `ROUND(${ref(here)},2)=${cents(live.value, f.unit)}` : `LEN(${ref(here)})=0`;
      case 'unreadable': {
        const reading = this.rowByIndex.get(f.at.row - this.origin.row)?.amounts[f.column as AmountColumn];
        if (reading?.kind === 'unreadable') return unreadableCondition(ref(here), reading);
        return `NOT(ISNUMBER(${ref(here)}))`;
      }
    }
  }
}

/** One contiguous run per group of adjacent columns. */
function runs(cols: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

/**
 * The conditional formats to add, in the order to add them: Excel puts each new one on top, so
 * tints come first (lowest), then for each cell its rules from least to most important.
 * `hasOwnFill(row, col)` (sheet coordinates) says which cells keep their colours (no tint).
 */
export function planConditionalMarks(report: SheetReport, hasOwnFill: (row: number, col: number) => boolean): { specs: CfSpec[]; marked: number } {
  if (!report.findings.length) return { specs: [], marked: 0 };
  const origin = report.origin;
  const plan = planMarks(report);
  const condition = new Map<Finding, string>();
  for (const table of report.tables) {
    const conditions = new Conditions(table, origin);
    for (const f of table.findings) condition.set(f, conditions.of(f));
  }
  const specs: CfSpec[] = [];
  // A cell's mark names its cell in its tag (`annexe9:marque:L50`), so that clearing can count
  // cells as marking did (« 2 cellules marquées », then « Marques retirées (2) »), not rules.
  const spec = (rect: Rect, kind: MarkKind, rules: RuleCode[], cond: string, fill: string) =>
    specs.push({ rect, range: rectA1(rect), kind, rules, formula: tagged(`${MARK_TAG}:${kind === 'finding' ? rectA1(rect) : TINT}`, cond), fill });
  const anyOf = (fs: Finding[]) => (fs.length === 1 ? condition.get(fs[0])! : `OR(${fs.map((f) => `IFERROR(${condition.get(f)!},FALSE)`).join(',')})`);

  for (const tint of plan.rows) {
    const row = origin.row + tint.gridRow;
    const onRow = report.findings.filter((f) => f.at.row - origin.row === tint.gridRow);
    if (!onRow.length) continue;
    let cond = anyOf(onRow);
    if (cond.length > MAX_FORMULA - 40) cond = anyOf(onRow.slice(0, 1));
    const cols = tint.gridCols.map((c) => origin.col + c).filter((c) => !hasOwnFill(row, c));
    for (const [a, b] of runs(cols)) spec({ top: row, bottom: row, left: a, right: b }, 'tint', [...new Set(onRow.map((f) => f.rule))], cond, ROW_TINT);
  }
  for (const mark of plan.cells) {
    const here = mark.findings;
    const pos = { row: origin.row + mark.gridRow, col: origin.col + mark.gridCol };
    const rect = { top: pos.row, bottom: pos.row, left: pos.col, right: pos.col };
    const rules = [...mark.rules].sort((a, b) => RULES.indexOf(b) - RULES.indexOf(a));
    for (const rule of rules) spec(rect, 'finding', [rule], anyOf(here.filter((f) => f.rule === rule)), RULE_STYLES[rule].fill);
  }
  return { specs, marked: plan.cells.length };
}

/** "Priorities greater than the bounds will get and set to the maximum": the bottom of the list. */
const LOWEST_PRIORITY = 1_000_000;

/**
 * Queue the conditional format of a spec on `sheet`. Its object is used only right after `add`,
 * before anything else moves (ConditionalFormat ids and objects are positions), and tints are
 * moved to the lowest priority last.
 */
export function queueConditionalFormat(sheet: Excel.Worksheet, spec: Pick<CfSpec, 'range' | 'formula' | 'fill' | 'kind'>): void {
  const cf = sheet.getRange(spec.range).conditionalFormats.add('Custom');
  cf.custom.rule.formula = spec.formula;
  cf.custom.format.fill.color = spec.fill;
  if (spec.kind === 'tint') cf.priority = LOWEST_PRIORITY;
}

export const CODE_FILL = FILLED_CODE;

const MARK_KIND = /ISTEXT\("annexe9:marque(?::([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?|ligne))?"\)/i;

/**
 * How many cells our marks are on, from the scanned rules' formulas: the cells named in finding
 * marks' tags (`annexe9:marque:L50`), counted once each (a cell under two rules carries two); row
 * tints (`annexe9:marque:ligne`) are not cells marked; a rule of an older version, without
 * either, counts one.
 */
export function markedCells(formulas: Array<string | null>): number {
  const cells = new Set<string>();
  let older = 0;
  for (const f of formulas) {
    if (!isTagged(f, MARK_TAG)) continue;
    const m = MARK_KIND.exec((f ?? '').slice(0, 9000).replace(/\s+/g, ''));
    if (!m || m[1] === undefined) older++;
    else if (m[1].toLowerCase() !== TINT) cells.add(m[1].toUpperCase());
  }
  return cells.size + older;
}

/** What to load to find our conditional formats on a sheet (deleted in the same batch, never by id). */
export const CF_SCAN = 'items/type,items/customOrNullObject/rule/formula';

/**
 * Queue the deletion of scanned formats, from the last position up: a format deleted never moves
 * one still to delete (ids and objects are positions in the collection).
 */
export function queueDeletions(scan: Excel.ConditionalFormatCollection, pick: (formula: string | null) => boolean): number {
  let n = 0;
  const items = scan.items;
  for (let i = items.length - 1; i >= 0; i--) {
    if (!pick(scannedFormula(items[i]))) continue;
    items[i].delete();
    n++;
  }
  return n;
}

/** The formula of a scanned conditional format (null for other types). */
export function scannedFormula(cf: Excel.ConditionalFormat): string | null {
  if (cf.type !== 'Custom') return null;
  return cf.customOrNullObject.rule.formula ?? null;
}
