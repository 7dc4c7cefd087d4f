/**
 * The summary sheet, as data: by measure, by initiative, by Chorus code, totals recomputed from
 * the action rows and reconciled with the totals printed in the annex, and optionally the State's
 * notified amounts per code. Then its layout for writing (a "sheet plan"), so that the .xlsx
 * writer and the Office.js writer stay thin and write the same sheet.
 * Pure: no clock (the generation time is a parameter), no ExcelJS, no Office; money is decimal.
 */
import Decimal from 'decimal.js';
import { ZERO, formatEuro, parseAmountText } from './amounts';
import { SheetReport, TableReport } from './analyze';
import { Finding, RULES, RuleCode } from './findings';
import { SheetGrid, columnLetters, getCell, parseAddress } from './grid';
import { Lang, RULE_TITLES } from './messages';
import { AnnexRow } from './rows';
import { AmountColumn, AnnexTemplate, CALPAE_TEMPLATE, parseChorusCode } from './template';
import { ColumnSums, addUp, sumRows, tableSums } from './sums';
import { decimalsEqual } from './numberDecimal';
import { SUMMARY_MARKER_COLUMN, SUMMARY_MARKER_TOKEN, SummaryMarker } from './summaryMarker';

// ---- data -------------------------------------------------------------------------------------

/** A column total: null when a cell it adds up cannot be read as an amount (rule 8). */
export type Money = Decimal | null;

export const SUMMARY_COLUMNS: AmountColumn[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

export interface Figures {
  /** Column totals; a column the annex lacks is left out. */
  amounts: Partial<Record<AmountColumn, Money>>;
  /** A − C (the 50/50 co-financing gap). */
  gapAC: Money;
  /** State share (A+B)/F as a ratio (0.5 for 50 %); null when F is zero or unknown. */
  stateShare: Decimal | null;
}

/** Where a line comes from in the annex, for a link: a range of the annex sheet. */
export interface AnnexRef {
  sheet: string;
  /** `B22:L38` or `L50`. */
  range: string;
  /** 1-based sheet rows, first and last. */
  firstRow: number;
  lastRow: number;
}

export interface SummaryLine {
  label: string;
  /** Canonical Chorus codes of its rows (`0304 50 19 19 07`), in order of appearance. */
  codes: string[];
  /** Action rows, placeholders with no amount not counted. */
  actions: number;
  figures: Figures;
  /** Findings on its rows (for a measure: its action rows and its subtotal). */
  findings: number;
  ref: AnnexRef | null;
}

/**
 * A measure: the action rows closed by one theme subtotal. One subtotal may close several theme
 * blocks (in the seed "Garantie d'activité" and "Développer la mobilité des demandeurs d'emploi"
 * share one subtotal of 5 677 535 € over 17 actions): the measure is named after its first block,
 * and its blocks are kept as detail lines so that none disappears from the summary.
 */
export interface MeasureLine extends SummaryLine {
  /** The theme blocks it holds, when more than one. */
  blocks: SummaryLine[];
  /** 1-based sheet row of the subtotal that closes it; null when no subtotal does. */
  subtotalRow: number | null;
}

export interface CodeLine extends SummaryLine {
  /** null: rows whose code is missing and cannot be inferred with certainty. */
  code: string | null;
  /** Amount the State notified for the code (convention article 3.1), when given. */
  notified: Decimal | null;
  /** A − notified, when both are known. */
  gapNotified: Money;
}

export type ReconciliationLevel = 'socle' | 'initiative' | 'grand';

export interface ReconciliationLine {
  level: ReconciliationLevel;
  /** The total printed in the annex; null when the annex has no such row. */
  printed: Partial<Record<AmountColumn, Money>> | null;
  printedRef: AnnexRef | null;
  /** The same total recomputed from the action rows. */
  recomputed: Figures;
  /** printed − recomputed per column (the engine's sign: shown − expected). */
  gap: Partial<Record<AmountColumn, Money>> | null;
}

export interface RuleCount {
  rule: RuleCode;
  title: string;
  count: number;
  /** Cells where it was found, in sheet order; the first one is linked. */
  cells: string[];
}

export interface TableSummary {
  headerCell: string;
  /** Amount columns the table has. */
  columns: AmountColumn[];
  measures: MeasureLine[];
  initiatives: SummaryLine[];
  codes: CodeLine[];
  /** Recomputed from the action rows; findings counted on the section's rows and its totals. */
  totals: Record<ReconciliationLevel, SummaryLine>;
  reconciliation: ReconciliationLine[];
}

export interface NotifiedAmount {
  /** Canonical code, `0304 50 19 19 07`. */
  code: string;
  amount: Decimal;
  /** Where it was read, as shown (« convention.pdf, page 9 »); absent when typed by hand. */
  source?: string;
}

/** The State's total support for the year (convention article 2), with where it was read. */
export interface NotifiedTotal {
  amount: Decimal;
  /** As shown: « convention.pdf, page 8 », or « saisi à la main ». */
  source: string;
}

export interface AnnexSummary {
  lang: Lang;
  source: { workbook: string; sheet: string };
  generatedAt: Date;
  findingsTotal: number;
  findingsByRule: RuleCount[];
  tables: TableSummary[];
  /** The notified amounts given, or null when none were. */
  notified: NotifiedAmount[] | null;
  /** Article 2's total, when known. */
  notifiedTotal: NotifiedTotal | null;
}

export interface SummaryOptions {
  lang?: Lang;
  /** Name of the workbook (file name) the annex comes from. */
  workbook: string;
  /** When the summary is made: passed in, the engine never reads the clock. */
  generatedAt: Date;
  notified?: NotifiedAmount[];
  /** Article 2's total: a line of its own under the codes. */
  notifiedTotal?: NotifiedTotal;
  template?: AnnexTemplate;
}

// ---- building ---------------------------------------------------------------------------------

/** Grid → sheet coordinates: the report keeps the header's address, not the grid's origin. */
function originOf(table: TableReport): { row: number; col: number } {
  const at = parseAddress(table.headerCell);
  const left = Math.min(...Object.values(table.layout.columns).map((c) => c ?? 0));
  return { row: at.row - table.layout.headerTop, col: at.col - left };
}

type Amounts = ColumnSums;

function withDerived(amounts: Partial<Record<AmountColumn, Money>>): Figures {
  const a = amounts.A;
  const c = amounts.C;
  const b = 'B' in amounts ? amounts.B : ZERO; // an annex without carry-overs has none
  const f = amounts.F;
  // Equal shares (the 50/50 rule kept) and no carry-over are the usual case: no arithmetic for them.
  const gapAC = a && c ? (decimalsEqual(a, c) ? ZERO : a.minus(c)) : null;
  const stateShare = a && b && f && !f.isZero() ? (b.isZero() ? a : a.plus(b)).dividedBy(f) : null;
  return { amounts, gapAC, stateShare };
}

function readingsOf(row: AnnexRow, columns: AmountColumn[]): Partial<Record<AmountColumn, Money>> {
  const out: Partial<Record<AmountColumn, Money>> = {};
  for (const k of columns) {
    const r = row.amounts[k];
    out[k] = !r || r.kind === 'empty' ? ZERO : r.kind === 'unreadable' ? null : r.value;
  }
  return out;
}

/** Canonical code of a notified amount: `03`, `3`, `030450191903`, `0304 50 19 19 03 - …`. */
export function canonicalCode(text: string, template: AnnexTemplate = CALPAE_TEMPLATE): string | null {
  const compact = text.replace(/[\s\u00A0\u202F]/g, '');
  if (/^\d{1,2}$/.test(compact)) return `0304 50 19 19 ${compact.padStart(2, '0')}`;
  return parseChorusCode(template, text);
}

export type NotifiedParse = { ok: true; value: NotifiedAmount } | { ok: false; error: string };

/** Read `03=110000` or `"0304 50 19 19 07=6 067 058,00 €"` (the command line's --notified). */
export function parseNotified(arg: string, lang: Lang = 'fr', template: AnnexTemplate = CALPAE_TEMPLATE): NotifiedParse {
  const fr = lang === 'fr';
  const eq = arg.lastIndexOf('=');
  if (eq <= 0 || eq === arg.length - 1) {
    return { ok: false, error: fr ? `« ${arg} » : écrivez CODE=MONTANT, par exemple 03=110000.` : `"${arg}": write CODE=AMOUNT, e.g. 03=110000.` };
  }
  const code = canonicalCode(arg.slice(0, eq), template);
  if (!code) {
    return {
      ok: false,
      error: fr
        ? `« ${arg.slice(0, eq)} » n'est pas un code Chorus : donnez les deux derniers chiffres (03) ou le code complet (0304 50 19 19 03).`
        : `"${arg.slice(0, eq)}" is not a Chorus code: give its last two digits (03) or the full code (0304 50 19 19 03).`,
    };
  }
  const amount = parseAmountText(arg.slice(eq + 1));
  if (!amount) {
    return { ok: false, error: fr ? `« ${arg.slice(eq + 1)} » n'est pas un montant.` : `"${arg.slice(eq + 1)}" is not an amount.` };
  }
  // A code typed by hand must be one of the annex's: a typo would add a code no row is paid on.
  if (!template.codes.some((c) => c.code === code)) {
    const valid = template.codes.map((c) => `${c.code.slice(-2)} (${codeDescription(template, c.code, null, lang)})`).join(', ');
    return {
      ok: false,
      error: fr
        ? `« ${arg.slice(0, eq)} » : le code ${code} n'est pas un code Chorus de l'annexe. Codes valides : ${valid}.`
        : `"${arg.slice(0, eq)}": code ${code} is not a Chorus code of the annex. Valid codes: ${valid}.`,
    };
  }
  return { ok: true, value: { code, amount } };
}

function codeDescription(template: AnnexTemplate, code: string | null, shown: string | null, lang: Lang): string {
  if (code === null) return lang === 'fr' ? 'Sans imputation Chorus' : 'No Chorus code';
  const known = template.codes.find((c) => c.code === code);
  const text = known?.label ?? shown ?? code;
  // "0304 50 19 19 07 - Garantie d'activité…": the code has its own column.
  const dash = text.indexOf(' - ');
  return dash >= 0 && text.slice(0, dash).replace(/\s/g, '').endsWith(code.slice(-2)) ? text.slice(dash + 3).trim() : text;
}

function summarizeTable(report: SheetReport, table: TableReport, template: AnnexTemplate, lang: Lang, notified: NotifiedAmount[] | null): TableSummary {
  const fr = lang === 'fr';
  const { classified, layout } = table;
  const origin = originOf(table);
  const columns = SUMMARY_COLUMNS.filter((k) => layout.columns[k] !== undefined);
  const usedCols = Object.values(layout.columns).filter((c): c is number => c !== undefined);
  const left = Math.min(...usedCols);
  const right = Math.max(...usedCols);
  const sheetRow = (index: number) => origin.row + index + 1;
  const refOfRange = (lo: number, hi: number, col?: number): AnnexRef | null => {
    if (lo > hi) return null;
    const first = sheetRow(lo);
    const last = sheetRow(hi);
    const range =
      col !== undefined
        ? `${columnLetters(origin.col + col)}${first}`
        : `${columnLetters(origin.col + left)}${first}:${columnLetters(origin.col + right)}${last}`;
    return { sheet: report.sheet, range, firstRow: first, lastRow: last };
  };
  const refOf = (indexes: number[], col?: number): AnnexRef | null => {
    // A loop, not Math.min(...): a sheet may hold 100 000 rows.
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of indexes) {
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    return refOfRange(lo, hi, col);
  };

  const findingsAt = new Map<number, number>();
  for (const f of table.findings) findingsAt.set(f.gridRow, (findingsAt.get(f.gridRow) ?? 0) + 1);

  // The code a row is paid on: its own, else the one the fill plan would write (certain only).
  const filledCode = new Map<number, string>();
  for (const f of table.findings) {
    if (f.rule === 'MISSING_IMPUTATION' && f.context.type === 'imputation' && f.context.code) {
      const code = parseChorusCode(template, f.context.code);
      if (code) filledCode.set(f.gridRow, code);
    }
  }
  // A template row has no money: its block's code is good enough to list the code with zero.
  const codeOf = (row: AnnexRow): string | null =>
    row.imputation.code ?? filledCode.get(row.index) ?? (row.kind === 'placeholder' && row.block !== null ? classified.blocks[row.block]?.code ?? null : null);
  // Grid row → its code, worked out once per row.
  const codeAt: Array<string | null> = new Array(classified.end).fill(null);
  for (const r of classified.rows) if (r.kind === 'action' || r.kind === 'placeholder') codeAt[r.index] = codeOf(r);
  const codeOfRow = (r: AnnexRow): string | null => codeAt[r.index];

  // Each row is added up once, in its "atom" (the rows of one measure, block and code); every
  // line's sums are then sums of atoms: a 100 000-row annex is not re-added for each line it is in.
  const atomKey = (row: AnnexRow): string | null => {
    const code = codeOfRow(row);
    return code ?? (row.kind === 'placeholder' ? null : '');
  };
  const codeParts = new Map<string, Amounts[]>();
  const addCodePart = (key: string | null, sum: Amounts) => {
    // A placeholder with no certain code is left out of the codes, as below.
    if (key === null) return;
    const parts = codeParts.get(key);
    if (parts) parts.push(sum);
    else codeParts.set(key, [sum]);
  };
  const blockSums = tableSums(classified, columns);
  const atomsOf = (rows: AnnexRow[]): Amounts => {
    const byKey = new Map<string | null, AnnexRow[]>();
    for (const r of rows) {
      const key = atomKey(r);
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
    const sums: Amounts[] = [];
    for (const [key, list] of byKey) {
      // One code over a whole block (the usual case): the block's sums, added up once for the checks.
      const sum = byKey.size === 1 ? blockSums.ofRows(list) : sumRows(list, columns);
      sums.push(sum);
      addCodePart(key, sum);
    }
    return addUp(sums, columns);
  };

  // One pass over the rows: the grand total's line covers every row of a 100 000-row annex.
  const line = (label: string, rows: AnnexRow[], extraRows: number[], amounts: Amounts): SummaryLine => {
    const codes = new Set<string>();
    let lastCode: string | null = null;
    let actions = 0;
    let findings = 0;
    let lo = Infinity;
    let hi = -Infinity;
    const see = (index: number) => {
      if (findingsAt.size) findings += findingsAt.get(index) ?? 0;
      if (index < lo) lo = index;
      if (index > hi) hi = index;
    };
    for (const r of rows) {
      const code = codeOfRow(r);
      if (code !== null && code !== lastCode) codes.add((lastCode = code));
      if (r.kind === 'action') actions++;
      see(r.index);
    }
    for (const i of extraRows) see(i);
    return { label, codes: [...codes], actions, figures: withDerived(amounts), findings, ref: refOfRange(lo, hi) };
  };
  const themeLabel = (blockId: number | null, rows: AnnexRow[]): string => {
    const theme = blockId !== null ? classified.blocks[blockId]?.theme : null;
    if (theme) return theme;
    const first = rows.length ? sheetRow(rows[0].index) : 0;
    return fr ? `Mesure sans thème (ligne ${first})` : `Measure with no theme (row ${first})`;
  };
  const measureOf = (rows: AnnexRow[], subtotal: AnnexRow | null): MeasureLine => {
    const blockIds = [...new Set(rows.map((r) => r.block))];
    const own = blockIds.map((id) => (blockIds.length > 1 ? rows.filter((r) => r.block === id) : rows));
    const sums = own.map(atomsOf);
    const base = line(themeLabel(blockIds[0] ?? null, rows), rows, subtotal ? [subtotal.index] : [], addUp(sums, columns));
    const blocks = blockIds.length > 1 ? blockIds.map((id, i) => line(themeLabel(id, own[i]), own[i], [], sums[i])) : [];
    return { ...base, blocks, subtotalRow: subtotal ? sheetRow(subtotal.index) : null };
  };

  // Measures: socle action rows, closed by theme subtotals; rows no subtotal closes, one per block.
  const measures: MeasureLine[] = [];
  let pending: AnnexRow[] = [];
  const flushByBlock = () => {
    const ids = [...new Set(pending.map((r) => r.block))];
    for (const id of ids) measures.push(measureOf(pending.filter((r) => r.block === id), null));
    pending = [];
  };
  for (const row of classified.rows) {
    const isAction = row.kind === 'action' || row.kind === 'placeholder';
    if (isAction && row.section === 'socle') pending.push(row);
    else if (row.kind === 'subtotal' && row.section === 'socle' && pending.length) {
      measures.push(measureOf(pending, row));
      pending = [];
    } else if (!isAction && row.kind !== 'themeHeader' && row.kind !== 'subtotal') flushByBlock();
    else if (isAction && pending.length) flushByBlock();
  }
  flushByBlock();

  const actionRows = classified.rows.filter((r) => r.kind === 'action' || r.kind === 'placeholder');
  const initiativeRows = actionRows.filter((r) => r.section === 'initiative');
  const socleRows = actionRows.filter((r) => r.section === 'socle');
  // One line per initiative, so each row's own figures; but a block of initiatives under one code
  // counts in that code's line, and in the section's total, by its block sums.
  const initiativeSums = new Map<AnnexRow, Amounts>();
  for (let i = 0; i < initiativeRows.length; ) {
    let j = i + 1;
    while (j < initiativeRows.length && initiativeRows[j].block === initiativeRows[i].block) j++;
    const run = initiativeRows.slice(i, j);
    const key = atomKey(run[0]);
    const block = run.every((r) => atomKey(r) === key) ? blockSums.wholeBlock(run) : null;
    if (block !== null) {
      addCodePart(key, blockSums.ofBlock(block));
      for (const r of run) initiativeSums.set(r, sumRows([r], columns));
    } else {
      for (const r of run) initiativeSums.set(r, atomsOf([r]));
    }
    i = j;
  }
  const initiatives = initiativeRows
    .filter((r) => r.kind === 'action')
    .map((r) => ({
      ...line(r.label || (fr ? 'Action sans intitulé' : 'Untitled action'), [r], [], initiativeSums.get(r)!),
      ref: refOf([r.index], layout.columns.title),
    }));

  // Per Chorus code, in code order; rows with no certain code last.
  const byCode = new Map<string | null, AnnexRow[]>();
  for (const r of actionRows) {
    const code = codeOf(r);
    if (code === null && r.kind === 'placeholder') continue;
    const list = byCode.get(code);
    if (list) list.push(r);
    else byCode.set(code, [r]);
  }
  for (const n of notified ?? []) if (!byCode.has(n.code)) byCode.set(n.code, []);
  const codeKeys = [...byCode.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const codes: CodeLine[] = codeKeys.map((code) => {
    const rows = byCode.get(code)!;
    let shown: string | null = null;
    let actions = 0;
    let findings = 0;
    for (const r of rows) {
      shown ??= r.imputation.text;
      if (r.kind === 'action') actions++;
      if (findingsAt.size) findings += findingsAt.get(r.index) ?? 0;
    }
    // Its rows all have this code: the line needs no walk of its own (and no range, see below).
    const base: SummaryLine = {
      label: codeDescription(template, code, shown, lang),
      codes: code === null ? [] : [code],
      actions,
      figures: withDerived(addUp(codeParts.get(code ?? '') ?? [], columns)),
      findings,
      ref: null,
    };
    const given = notified?.find((n) => n.code === code)?.amount ?? null;
    const a = base.figures.amounts.A;
    return { ...base, ref: null, code, notified: given, gapNotified: given && a ? a.minus(given) : null };
  });

  // A section's other rows (its totals), in one pass: they count in its findings and its range.
  const sectionTotals: Record<'socle' | 'initiative', number[]> = { socle: [], initiative: [] };
  for (const r of classified.rows) {
    if (r.kind !== 'action' && r.kind !== 'placeholder' && r.kind !== 'grandTotal' && r.kind !== 'control') sectionTotals[r.section].push(r.index);
  }
  const socleSum = addUp(measures.map((m) => m.figures.amounts), columns);
  const initiativeSum = blockSums.ofRows(initiativeRows);
  const socle = line(fr ? 'Total mesures socles (recalculé)' : 'Core measures total (recomputed)', socleRows, sectionTotals.socle, socleSum);
  const initiative = line(fr ? 'Total initiatives (recalculé)' : 'Initiatives total (recomputed)', initiativeRows, sectionTotals.initiative, initiativeSum);
  const grandLabel = fr ? 'Total général (recalculé)' : 'Grand total (recomputed)';
  const grandSum = addUp([socleSum, initiativeSum], columns);
  // The socle's action rows all come before the initiatives' (a section never goes back), so the
  // grand total's line is the two sections' lines put together, without walking every row again.
  const sectionsInOrder = !socleRows.length || !initiativeRows.length || socleRows[socleRows.length - 1].index < initiativeRows[0].index;
  const grand: SummaryLine = sectionsInOrder
    ? {
        label: grandLabel,
        codes: [...new Set([...socle.codes, ...initiative.codes])],
        actions: socle.actions + initiative.actions,
        figures: withDerived(grandSum),
        findings: table.findings.length,
        ref: actionRows.length ? refOfRange(actionRows[0].index, actionRows[actionRows.length - 1].index) : null,
      }
    : { ...line(grandLabel, actionRows, [], grandSum), findings: table.findings.length };
  const totals: Record<ReconciliationLevel, SummaryLine> = { socle, initiative, grand };
  const printedRow: Record<ReconciliationLevel, AnnexRow | undefined> = {
    socle: classified.rows.find((r) => r.kind === 'socleSubtotal'),
    initiative: classified.rows.find((r) => r.kind === 'initiativeSubtotal'),
    grand: classified.rows.find((r) => r.kind === 'grandTotal'),
  };
  const rowsOf: Record<ReconciliationLevel, AnnexRow[]> = { socle: socleRows, initiative: initiativeRows, grand: actionRows };
  const reconciliation: ReconciliationLine[] = (['socle', 'initiative', 'grand'] as const)
    .filter((level) => printedRow[level] || rowsOf[level].length)
    .map((level) => {
      const row = printedRow[level];
      const printed = row ? readingsOf(row, columns) : null;
      const recomputed = totals[level].figures;
      const gap = printed
        ? Object.fromEntries(
            columns.map((k) => {
              const p = printed[k];
              const r = recomputed.amounts[k];
              return [k, p && r ? p.minus(r) : null];
            }),
          )
        : null;
      const totalCol = layout.columns[template.total.column];
      return { level, printed, printedRef: row ? refOf([row.index], totalCol) : null, recomputed, gap };
    });

  return { headerCell: table.headerCell, columns, measures, initiatives, codes, totals, reconciliation };
}

/** The summary of one checked annex sheet. */
export function buildSummary(report: SheetReport, options: SummaryOptions): AnnexSummary {
  const lang = options.lang ?? 'fr';
  const template = options.template ?? CALPAE_TEMPLATE;
  const notified = options.notified?.length ? options.notified : null;
  const findingsByRule: RuleCount[] = RULES.map((rule) => {
    const of = report.findings.filter((f) => f.rule === rule).sort(bySheetOrder);
    return { rule, title: RULE_TITLES[rule][lang], count: of.length, cells: [...new Set(of.map((f) => f.cell))] };
  }).filter((r) => r.count > 0);
  return {
    lang,
    source: { workbook: options.workbook, sheet: report.sheet },
    generatedAt: options.generatedAt,
    findingsTotal: report.findings.length,
    findingsByRule,
    tables: report.tables.map((t) => summarizeTable(report, t, template, lang, notified)),
    notified,
    notifiedTotal: options.notifiedTotal ?? null,
  };
}

function bySheetOrder(a: Finding, b: Finding): number {
  return a.gridRow - b.gridRow || a.gridCol - b.gridCol;
}

// ---- the sheet plan -----------------------------------------------------------------------------

/** Number formats, in Excel's invariant (English) form, which both writers use as is. */
export const SUMMARY_FORMATS = {
  amount: '#,##0.00 "€"',
  ratio: '0.0 %',
  count: '0',
  text: '@',
} as const;

export type PlanCell =
  | { kind: 'text'; text: string }
  | { kind: 'amount'; value: Decimal }
  | { kind: 'ratio'; value: Decimal }
  | { kind: 'count'; value: number }
  /** A link to a range of the annex sheet; the text is ours (an address, "lignes 22 à 38"). */
  | { kind: 'link'; text: string; sheet: string; range: string };

export interface PlanCellSlot {
  cell: PlanCell;
  /** Fill `#RRGGBB` that draws the eye to a gap. */
  fill?: string;
}

export type RowStyle = 'title' | 'info' | 'header' | 'section' | 'line' | 'detail' | 'total' | 'gap' | 'note';

export interface PlanRow {
  style: RowStyle;
  /** Cells by 0-based column; missing or null = empty. */
  cells: Array<PlanCellSlot | null>;
  bold: boolean;
  italic: boolean;
  /** Row fill `#RRGGBB` over the plan's columns. */
  fill?: string;
  wrap?: boolean;
  /** Font size in points (title). */
  size?: number;
  /** Indent level of the first cell (detail lines). */
  indent?: number;
}

export interface SheetPlan {
  /** The name to give a new summary sheet (another one when a sheet of the user's has it). */
  name: string;
  rows: PlanRow[];
  /** Column widths in characters, one per plan column. */
  widths: number[];
  /** Rows frozen at the top (title and column headers). */
  frozenRows: number;
  print: {
    orientation: 'landscape';
    /** Fit to one page wide, as many tall as needed. */
    fitToWidth: 1;
    fitToHeight: 0;
    /** 1-based rows repeated on each printed page, inclusive. */
    titleRows: { first: number; last: number };
    /** `A1:P40`: the marker column stays out. */
    area: string;
  };
  marker: SummaryMarker;
  /**
   * The lines « Par imputation Chorus » of the first table (0-based plan rows, contiguous) and the
   * plan columns of their label, A, C and F: what a chart of A, C and F by measure draws.
   */
  byCode?: { firstRow: number; rows: number; label: number; A: number; C: number; F: number };
}

export { SUMMARY_MARKER_COLUMN, SUMMARY_MARKER_TOKEN, isSummaryGrid, summaryIsNotAnnexMessage, summaryMarkerStatus } from './summaryMarker';
export type { SummaryMarker } from './summaryMarker';

export function summarySheetBaseName(lang: Lang): string {
  return lang === 'fr' ? 'Synthèse annexe 9' : 'Annex 9 summary';
}

/** First free name: the base, then "base (2)", "base (3)"… (sheet names compare without case). */
export function freeSummaryName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Excel column width in characters → Office.js columnWidth in points (Calibri 11: 7 px a character, 5 px padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** `HYPERLINK("#'Annexe 9'!L50","L50")` (no `=`): a link both writers can write, without ExcelJS's internal-link bugs. */
export function hyperlinkFormula(cell: { text: string; sheet: string; range: string }): string {
  const quote = (s: string) => s.replace(/"/g, '""');
  const target = `#'${cell.sheet.replace(/'/g, "''")}'!${cell.range}`;
  return `HYPERLINK("${quote(target)}","${quote(cell.text)}")`;
}

const FILL = {
  header: '#D9D9D9',
  section: '#DDEBF7',
  total: '#F2F2F2',
  gap: '#F8CBAD',
} as const;

const COLUMN_HEADERS: Record<Lang, string[]> = {
  fr: [
    'Mesure / action',
    'Imputation Chorus',
    "Dans l'annexe",
    "Nombre d'actions",
    'A – Participation État',
    'B – Crédits État reportés',
    'C – Crédits CD affectés',
    'Dont valorisation CD',
    'D – Crédits CD reportés',
    'E – Autres financeurs',
    "F – Budget global de l'action",
    'Écart A − C',
    'Part État (A+B)/F',
    'Anomalies',
    "Notifié par l'État (art. 3.1)",
    'Écart A − notifié',
  ],
  en: [
    'Measure / action',
    'Chorus code',
    'In the annex',
    'Actions',
    'A – State share',
    'B – State carry-over',
    'C – département credits',
    'Valued share (CD)',
    'D – département carry-over',
    'E – other funders',
    'F – total budget',
    'Gap A − C',
    'State share (A+B)/F',
    'Findings',
    'Notified by the State (art. 3.1)',
    'Gap A − notified',
  ],
};
const WIDTHS = [58, 18, 15, 10, 16, 16, 16, 16, 16, 16, 17, 15, 11, 11, 17, 16];
const COL = { label: 0, code: 1, link: 2, actions: 3, amounts: 4, gapAC: 11, share: 12, findings: 13, notified: 14, gapNotified: 15 } as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `26/11/2026 à 17:30` (local time of the Date given), `2026-11-26 17:30` in English. */
export function formatGeneratedAt(d: Date, lang: Lang): string {
  const date = lang === 'fr' ? `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}` : `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  return lang === 'fr' ? `${date} à ${time}` : `${date} ${time}`;
}

function rowsLabel(ref: AnnexRef, lang: Lang): string {
  if (ref.firstRow === ref.lastRow) return lang === 'fr' ? `ligne ${ref.firstRow}` : `row ${ref.firstRow}`;
  return lang === 'fr' ? `lignes ${ref.firstRow} à ${ref.lastRow}` : `rows ${ref.firstRow}–${ref.lastRow}`;
}

/** The layout of the summary sheet: what both writers write, cell by cell. */
export function planSummarySheet(summary: AnnexSummary, options: { name?: string } = {}): SheetPlan {
  const lang = summary.lang;
  const fr = lang === 'fr';
  const withNotified = summary.notified !== null || summary.notifiedTotal !== null;
  const width = withNotified ? 16 : 14;
  const rows: PlanRow[] = [];
  const text = (t: string): PlanCellSlot => ({ cell: { kind: 'text', text: t } });
  const amount = (m: Money | undefined, present = true): PlanCellSlot | null => {
    if (!present || m === undefined) return null;
    return m === null ? text(fr ? 'illisible' : 'unreadable') : { cell: { kind: 'amount', value: m } };
  };
  const gapSlot = (m: Money | undefined): PlanCellSlot | null => {
    const slot = amount(m);
    if (slot && m && !m.isZero()) slot.fill = FILL.gap;
    return slot;
  };
  const count = (n: number): PlanCellSlot => ({ cell: { kind: 'count', value: n } });
  const link = (ref: AnnexRef | null, label?: string): PlanCellSlot | null =>
    ref ? { cell: { kind: 'link', text: label ?? rowsLabel(ref, lang), sheet: ref.sheet, range: ref.range } } : null;
  const push = (style: RowStyle, cells: Array<PlanCellSlot | null>, extra: Partial<PlanRow> = {}) => {
    const bold = style === 'title' || style === 'header' || style === 'section' || style === 'total' || style === 'gap';
    const italic = style === 'detail' || style === 'note';
    const fill = style === 'header' ? FILL.header : style === 'section' ? FILL.section : style === 'total' ? FILL.total : undefined;
    rows.push({ style, cells, bold, italic, ...(fill ? { fill } : {}), ...extra });
  };
  const blank = () => push('line', []);
  const figureCells = (columns: AmountColumn[], figures: Figures): Array<PlanCellSlot | null> =>
    SUMMARY_COLUMNS.map((k) => amount(figures.amounts[k], columns.includes(k)));
  const lineCells = (columns: AmountColumn[], l: SummaryLine, label: string, style: RowStyle = 'line'): Array<PlanCellSlot | null> => {
    const cells: Array<PlanCellSlot | null> = [
      text(label),
      l.codes.length ? text(l.codes.join(', ')) : null,
      link(l.ref),
      count(l.actions),
      ...figureCells(columns, l.figures),
      style === 'detail' ? amount(l.figures.gapAC) : gapSlot(l.figures.gapAC),
      l.figures.stateShare ? { cell: { kind: 'ratio', value: l.figures.stateShare } } : null,
      count(l.findings),
    ];
    return cells;
  };

  // Header: title, source, time; column headers; frozen and repeated on each printed page.
  push('title', [text(fr ? `Synthèse de l'annexe 9 — feuille « ${summary.source.sheet} »` : `Annex 9 summary — sheet "${summary.source.sheet}"`)], { size: 14 });
  push('info', [
    text(
      fr
        ? `Classeur : ${summary.source.workbook} — générée le ${formatGeneratedAt(summary.generatedAt, lang)}`
        : `Workbook: ${summary.source.workbook} — generated on ${formatGeneratedAt(summary.generatedAt, lang)}`,
    ),
  ]);
  push('header', COLUMN_HEADERS[lang].slice(0, width).map(text), { wrap: true });
  const frozenRows = rows.length;

  // Findings by rule, each linked to its first cell.
  blank();
  push('section', [text(fr ? `Anomalies relevées : ${summary.findingsTotal}` : `Findings: ${summary.findingsTotal}`)]);
  if (summary.findingsByRule.length === 0) push('line', [text(fr ? 'Aucune anomalie.' : 'No finding.')]);
  else {
    // Its own headers (not the table's), and the rules' titles: finance officers read no codes.
    push('header', [text(fr ? 'Règle' : 'Rule'), text(fr ? 'Anomalies' : 'Findings'), text(fr ? 'Première cellule' : 'First cell'), text(fr ? 'Cellules' : 'Cells')], { wrap: true });
  }
  for (const r of summary.findingsByRule) {
    const shown = r.cells.length > 20 ? `${r.cells.slice(0, 20).join(', ')}…` : r.cells.join(', ');
    push('line', [text(r.title), count(r.count), link({ sheet: summary.source.sheet, range: r.cells[0], firstRow: 0, lastRow: 0 }, r.cells[0]), text(shown)]);
  }

  let byCode: SheetPlan['byCode'];
  const several = summary.tables.length > 1;
  for (const table of summary.tables) {
    const cols = table.columns;
    if (several) {
      blank();
      push('section', [text(fr ? `Tableau en ${table.headerCell}` : `Table at ${table.headerCell}`)]);
    }

    blank();
    push('section', [text(fr ? 'Mesures socles' : 'Core measures')]);
    for (const m of table.measures) {
      push('line', lineCells(cols, m, m.label), { wrap: true });
      for (const b of m.blocks) push('detail', lineCells(cols, b, fr ? `dont ${b.label}` : `of which ${b.label}`, 'detail'), { indent: 1, wrap: true });
    }
    push('total', totalCells(cols, table.totals.socle));

    blank();
    push('section', [text(fr ? 'Initiatives du département' : "Département's initiatives")]);
    if (table.initiatives.length === 0) push('line', [text(fr ? 'Aucune action.' : 'No action.')]);
    for (const i of table.initiatives) push('line', lineCells(cols, i, i.label), { wrap: true });
    push('total', totalCells(cols, table.totals.initiative));
    blank();
    push('total', totalCells(cols, table.totals.grand));

    blank();
    push('section', [text(fr ? 'Par imputation Chorus' : 'By Chorus code')]);
    const amountCol = (k: AmountColumn) => COL.amounts + SUMMARY_COLUMNS.indexOf(k);
    if (!byCode && table.codes.length) byCode = { firstRow: rows.length, rows: table.codes.length, label: COL.label, A: amountCol('A'), C: amountCol('C'), F: amountCol('F') };
    for (const c of table.codes) {
      const cells = lineCells(cols, c, c.label);
      cells[COL.code] = c.code ? text(c.code) : null;
      if (withNotified) {
        cells[COL.notified] = c.notified ? { cell: { kind: 'amount', value: c.notified } } : null;
        cells[COL.gapNotified] = c.notified ? gapSlot(c.gapNotified) : null;
      }
      push('line', cells, { wrap: true });
    }
    const codeTotal = totalCells(cols, {
      ...table.totals.grand,
      label: fr ? 'Total par imputation' : 'Total by code',
      findings: table.codes.reduce((n, c) => n + c.findings, 0),
    });
    const notifiedSum = table.codes.reduce((s, c) => (c.notified ? s.plus(c.notified) : s), ZERO);
    const grandA = table.totals.grand.figures.amounts.A;
    if (summary.notified) {
      codeTotal[COL.notified] = { cell: { kind: 'amount', value: notifiedSum } };
      codeTotal[COL.gapNotified] = gapSlot(grandA ? grandA.minus(notifiedSum) : null);
    }
    push('total', codeTotal);
    // Findings on total rows belong to no code: said, so the two totals' counts are not a puzzle.
    const offCodes = table.totals.grand.findings - table.codes.reduce((n, c) => n + c.findings, 0);
    if (offCodes > 0) {
      push('note', [
        text(
          fr
            ? `${offCodes} anomalie${offCodes > 1 ? 's' : ''} des lignes de total ne relève${offCodes > 1 ? 'nt' : ''} d’aucune imputation : comptée${offCodes > 1 ? 's' : ''} dans le total général, pas dans le total par imputation.`
            : `${offCodes} finding${offCodes > 1 ? 's' : ''} on total rows belong${offCodes > 1 ? '' : 's'} to no code: counted in the grand total, not in the total by code.`,
        ),
      ]);
    }
    const total = summary.notifiedTotal;
    if (total) {
      // Article 2 against the same total A: the convention's own figure, apart from its split per code.
      const cells: Array<PlanCellSlot | null> = [text(fr ? `Soutien financier de l'État — article 2 de la convention (${total.source})` : `State support — article 2 of the convention (${total.source})`)];
      cells[COL.amounts] = amount(grandA);
      cells[COL.notified] = { cell: { kind: 'amount', value: total.amount } };
      cells[COL.gapNotified] = gapSlot(grandA ? grandA.minus(total.amount) : null);
      push('total', cells, { wrap: true });
      if (summary.notified && !notifiedSum.equals(total.amount)) {
        // All read in the document: the convention contradicts itself; some typed: the sums differ.
        const read = summary.notified.every((n) => n.source);
        const sumText = formatEuro(notifiedSum, lang);
        const gapText = formatEuro(notifiedSum.minus(total.amount), lang);
        push('note', [
          text(
            fr
              ? `${read ? 'La convention se contredit : ses montants par imputation (article 3.1)' : 'Les montants notifiés par imputation'} totalisent ${sumText}, son article 2 annonce ${formatEuro(total.amount, lang)} (écart ${gapText}).`
              : `${read ? 'The convention contradicts itself: its amounts per code (article 3.1)' : 'The notified amounts per code'} add up to ${sumText}, its article 2 states ${formatEuro(total.amount, lang)} (gap ${gapText}).`,
          ),
        ], { wrap: true });
      }
    }
    if (summary.notified?.some((n) => n.source)) {
      const read = summary.notified.filter((n) => n.source).map((n) => `${n.code.slice(-2)} (${n.source})`);
      const typed = summary.notified.filter((n) => !n.source).map((n) => n.code.slice(-2));
      push('note', [
        text(
          fr
            ? `Montants notifiés lus dans la convention : ${read.join(', ')}${typed.length ? ` ; saisis à la main : ${typed.join(', ')}` : ''}.`
            : `Notified amounts read in the convention: ${read.join(', ')}${typed.length ? `; typed by hand: ${typed.join(', ')}` : ''}.`,
        ),
      ], { wrap: true });
    }
    if (summary.notified) {
      const off = table.codes.filter((c) => c.notified && c.gapNotified && !c.gapNotified.isZero());
      const missing = table.codes.filter((c) => c.code && !c.notified && c.figures.amounts.A && !c.figures.amounts.A.isZero());
      const parts: string[] = [];
      for (const c of off) {
        parts.push(
          fr
            ? `${c.code} : A ${formatEuro(c.figures.amounts.A!, lang)} dans l'annexe, ${formatEuro(c.notified!, lang)} notifiés`
            : `${c.code}: A ${formatEuro(c.figures.amounts.A!, lang)} in the annex, ${formatEuro(c.notified!, lang)} notified`,
        );
      }
      for (const c of missing) parts.push(fr ? `${c.code} : aucun montant notifié` : `${c.code}: no notified amount`);
      push('note', [
        text(
          parts.length
            ? (fr ? `Désaccords avec les montants notifiés : ${parts.join(' ; ')}.` : `Disagreements with the notified amounts: ${parts.join('; ')}.`)
            : fr ? 'Les montants notifiés concordent avec la colonne A.' : 'The notified amounts agree with column A.',
        ),
      ]);
    }

    blank();
    push('section', [text(fr ? "Rapprochement avec les totaux imprimés dans l'annexe" : 'Reconciliation with the totals printed in the annex')]);
    for (const r of table.reconciliation) {
      const name = LEVEL_NAMES[r.level][lang];
      const printedLabel = fr ? `${name} — imprimé dans l'annexe` : `${name} — printed in the annex`;
      if (r.printed) {
        const cells: Array<PlanCellSlot | null> = [text(printedLabel), null, link(r.printedRef, r.printedRef?.range)];
        SUMMARY_COLUMNS.forEach((k, i) => (cells[COL.amounts + i] = amount(r.printed![k], cols.includes(k))));
        push('line', cells);
      } else {
        push('line', [text(fr ? `${name} — absent de l'annexe` : `${name} — not in the annex`)]);
      }
      const recomputed: Array<PlanCellSlot | null> = [text(fr ? `${name} — recalculé depuis les lignes d'action` : `${name} — recomputed from the action rows`)];
      SUMMARY_COLUMNS.forEach((k, i) => (recomputed[COL.amounts + i] = amount(r.recomputed.amounts[k], cols.includes(k))));
      push('line', recomputed);
      if (r.gap) {
        const gap: Array<PlanCellSlot | null> = [text(fr ? `${name} — écart (imprimé − recalculé)` : `${name} — gap (printed − recomputed)`)];
        SUMMARY_COLUMNS.forEach((k, i) => (gap[COL.amounts + i] = cols.includes(k) ? gapSlot(r.gap![k]) : null));
        push('gap', gap);
      }
    }
  }

  blank();
  push('note', [
    text(
      fr
        ? "Feuille produite par le contrôle de l'annexe 9 : elle est remplacée à chaque nouvelle génération, n'y saisissez rien. Les montants sont recalculés depuis les lignes d'action de l'annexe."
        : 'Sheet made by the annex 9 check: it is replaced each time it is generated again, do not type in it. Amounts are recomputed from the annex action rows.',
    ),
  ]);

  // Every row as wide as the plan: writers take the width from here.
  for (const row of rows) {
    while (row.cells.length < width) row.cells.push(null);
    row.cells.length = width;
  }
  return {
    name: options.name ?? summarySheetBaseName(lang),
    rows,
    widths: WIDTHS.slice(0, width),
    frozenRows,
    print: {
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: 1, last: frozenRows },
      area: `A1:${columnLetters(width - 1)}${rows.length}`,
    },
    marker: { col: SUMMARY_MARKER_COLUMN, token: SUMMARY_MARKER_TOKEN, source: summary.source.sheet },
    ...(byCode ? { byCode } : {}),
  };

  function totalCells(columns: AmountColumn[], total: SummaryLine): Array<PlanCellSlot | null> {
    const cells = lineCells(columns, total, total.label);
    cells[COL.code] = null;
    cells[COL.link] = null;
    return cells;
  }
}

const LEVEL_NAMES: Record<ReconciliationLevel, Record<Lang, string>> = {
  socle: { fr: 'Sous-total mesures socles', en: 'Core measures subtotal' },
  initiative: { fr: 'Sous-total initiatives', en: 'Initiatives subtotal' },
  grand: { fr: 'TOTAUX FINANCIERS', en: 'Grand total (TOTAUX FINANCIERS)' },
};

/** The summary and its plan in one call, as the writers need them. */
export function summarySheetPlan(report: SheetReport, options: SummaryOptions & { name?: string }): { summary: AnnexSummary; plan: SheetPlan } {
  const summary = buildSummary(report, options);
  return { summary, plan: planSummarySheet(summary, { name: options.name }) };
}
