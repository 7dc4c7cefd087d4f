/**
 * The comparison's only dependence on the engine: an analysed table (TableReport) in, a plain
 * ComparableTable out. When the engine's internals change (row kinds, blocks, total groups), this
 * file changes and nothing else under compare/ does. Also here: the engine's text normalisation,
 * used for the matching keys and for the execution markers of the template.
 */
import { AmountReading } from '../amounts';
import { SheetReport, TableReport } from '../analyze';
import { SheetGrid } from '../grid';
import { AnnexRow } from '../rows';
import { cellName } from '../findings';
import { findingText } from '../words/render';
import { Lang } from '../words/types';
import { AnnexTemplate, CALPAE_TEMPLATE, parseChorusCode } from '../template';
import { normalizeLabel } from '../text';
import { BoundedCache } from './boundedCache';
import {
  AMOUNT_KEYS,
  AmountKey,
  CentsRow,
  ComparableAction,
  ComparableBlock,
  ComparableFinding,
  ComparableMeasure,
  ComparableTable,
  ComparableTotal,
  FindingTarget,
  Section,
  TotalLevel,
} from './comparable';

/** Rows above the header read for a title (« Exécution 2023 », « Prévisionnel Année 2023 »). */
const TITLE_ROWS = 12;
/** Longer texts are not titles (a note pasted above the table). */
const MAX_LABEL = 300;

/** Cents of a reading: the engine reads every amount in whole cents of a euro (a table in k€ too). */
function cents(reading: AmountReading | undefined): number | null {
  // An empty cell's reading holds 0 (amounts.ts).
  if (!reading) return 0;
  if (reading.kind === 'unreadable') return null;
  return reading.value;
}

/** `5.1`, `5,1`, `Fiche 5.1`, `n° 5.1` → `5.1`; other text normalised; '' for none. */
export function ficheKey(fiche: string | null): string {
  if (!fiche) return '';
  const digits = /\d+(?:\s*[.,]\s*\d+)*/.exec(fiche);
  if (digits) return digits[0].replace(/\s/g, '').replace(/,/g, '.');
  return normalizeLabel(fiche);
}

// Two versions share most of their titles: each is normalised once for both.
const keyCache = new BoundedCache<string>(50_000);

/** A label's matching key: the engine's normalisation (case, accents, punctuation, years). */
export function labelKey(text: string | null): string {
  return text ? keyCache.get(text, normalizeLabel) : '';
}

/**
 * The adapter. `grid` is the sheet the report was made from (for the sheet rows and the title
 * rows above the header); `file` names the workbook in the comparison's output.
 */
export function comparableFromReport(
  grid: SheetGrid,
  report: SheetReport,
  table: TableReport,
  options: { file?: string | null; template?: AnnexTemplate; lang?: Lang } = {},
): ComparableTable {
  const template = options.template ?? CALPAE_TEMPLATE;
  const { classified, layout } = table;
  const sheetRow = (index: number) => grid.origin.row + index + 1;
  // The comparison knows two levels: the template's first section (the socle) and the others.
  // A template has at least one section (template/schema.ts).
  const sectionLevel = (id: string): Section => (id === template.sections[0].id ? 'socle' : 'initiative');
  const columns = AMOUNT_KEYS.filter((k) => layout.columns[k] !== undefined);
  const amountsOf = (row: AnnexRow): CentsRow => {
    const out: CentsRow = {};
    for (const k of columns) out[k] = cents(row.amounts[k]);
    return out;
  };

  // The code the fill plan would write on a row whose code is missing (certain fills only).
  const filledCode = new Map<number, string>();
  for (const f of table.findings) {
    if (f.rule === 'MISSING_IMPUTATION' && f.args.code) {
      const code = parseChorusCode(template, f.args.code);
      if (code) filledCode.set(f.at.row - report.origin.row, code);
    }
  }

  const blocks: ComparableBlock[] = [];
  const blockOf = new Map<number | null, number>(); // engine block id → ours
  const actions: ComparableAction[] = [];
  const actionAt = new Map<number, number>(); // grid row → action id
  const measures: ComparableMeasure[] = [];
  const measureAt = new Map<number, number>(); // grid row of a subtotal → measure id
  const totals: ComparableTotal[] = [];
  let pending: ComparableAction[] = [];

  const ourBlock = (row: AnnexRow): number => {
    let id = blockOf.get(row.block);
    if (id === undefined) {
      const b = row.block !== null ? classified.blocks[row.block] : undefined;
      id = blocks.length;
      // Stryker disable next-line StringLiteral: an action row always belongs to an engine block (rows.ts opens one before it), so the '' of no block is never used
      blocks.push({ id, theme: b?.theme ?? null, code: b?.code ?? null, section: sectionLevel(b?.section ?? row.section), themeKey: b?.themeNormalized ?? '', actions: [] });
      blockOf.set(row.block, id);
    }
    return id;
  };
  const closeMeasure = (list: ComparableAction[], subtotal: AnnexRow | null) => {
    if (!list.length) return;
    const id = measures.length;
    const blockIds = [...new Set(list.map((a) => a.block))];
    const first = blocks[blockIds[0]];
    for (const a of list) a.measure = id;
    measures.push({
      id,
      theme: first.theme,
      themeKey: first.themeKey,
      code: first.code ?? list.find((a) => a.code)?.code ?? null,
      section: list[0].section,
      blocks: blockIds,
      actions: list.map((a) => a.id),
      firstRow: list[0].row,
      subtotalRow: subtotal ? sheetRow(subtotal.index) : null,
      printed: subtotal ? amountsOf(subtotal) : null,
    });
    if (subtotal) measureAt.set(subtotal.index, id);
  };
  // Rows no subtotal closes make one measure per block, as in the summary sheet.
  const flushByBlock = () => {
    const byBlock = new Map<number, ComparableAction[]>();
    for (const a of pending) {
      const list = byBlock.get(a.block);
      if (list) list.push(a);
      else byBlock.set(a.block, [a]);
    }
    for (const list of byBlock.values()) closeMeasure(list, null);
    pending = [];
  };

  for (const row of classified.rows) {
    if (row.kind === 'action' || row.kind === 'placeholder') {
      const block = ourBlock(row);
      const b = blocks[block];
      const code = row.imputation.code ?? filledCode.get(row.index) ?? (row.kind === 'placeholder' ? b.code : null);
      const action: ComparableAction = {
        id: actions.length,
        row: sheetRow(row.index),
        fiche: row.fiche,
        title: row.label,
        theme: b.theme,
        code,
        section: sectionLevel(row.section),
        placeholder: row.kind === 'placeholder',
        amounts: amountsOf(row),
        block,
        // Stryker disable next-line UnaryOperator: a placeholder; every action is put in a measure before the table is returned (flushByBlock at the end)
        measure: -1,
        // A row with no title shows its fiche number as its label: that is no title to match on.
        keys: { fiche: ficheKey(row.fiche), title: row.label === row.fiche ? '' : labelKey(row.label), theme: b.themeKey },
      };
      actions.push(action);
      actionAt.set(row.index, action.id);
      b.actions.push(action.id);
      pending.push(action);
    } else if (row.kind === 'subtotal') {
      closeMeasure(pending, row);
      pending = [];
    } else if (row.kind !== 'themeHeader') {
      flushByBlock();
      const level: TotalLevel | null =
        row.kind === 'sectionTotal' ? sectionLevel(row.closes ?? row.section) : row.kind === 'grandTotal' ? 'grand' : null;
      if (level) totals.push({ level, row: sheetRow(row.index), label: row.label, printed: amountsOf(row) });
    }
  }
  flushByBlock();

  const kindAt = new Map<number, AnnexRow>();
  for (const r of classified.rows) kindAt.set(r.index, r);
  const findings: ComparableFinding[] = table.findings.map((f) => {
    const gridRow = f.at.row - report.origin.row;
    const row = kindAt.get(gridRow);
    let target: FindingTarget;
    const action = actionAt.get(gridRow);
    const measure = measureAt.get(gridRow);
    if (action !== undefined) target = { kind: 'action', action };
    else if (measure !== undefined) target = { kind: 'subtotal', measure };
    else if (row?.kind === 'sectionTotal') target = { kind: 'total', level: sectionLevel(row.closes ?? row.section) };
    else if (row?.kind === 'grandTotal') target = { kind: 'total', level: 'grand' };
    else if (row?.kind === 'control') target = { kind: 'total', level: 'control' };
    else target = { kind: 'row', label: labelKey(f.rowLabel) };
    // The comparison shows the engine's message in the language it is made in.
    return { rule: f.rule, column: f.column, row: f.at.row + 1, cell: cellName(f.at), message: findingText(f, options.lang ?? 'fr', template), target };
  });

  // What the table says it is: its sheet's name, the title rows above it, its header labels.
  const labels: ComparableTable['labels'] = [{ where: 'sheet', text: report.sheet, key: labelKey(report.sheet) }];
  const textsOfRow = (r: number, where: 'title' | 'header') => {
    for (const cell of grid.rows[r] ?? []) {
      const v = cell?.value;
      if (typeof v === 'string' && v.trim() && v.length <= MAX_LABEL) labels.push({ where, text: v.replace(/\s+/g, ' ').trim(), key: labelKey(v) });
    }
  };
  for (let r = Math.max(0, layout.headerTop - TITLE_ROWS); r < layout.headerTop; r++) textsOfRow(r, 'title');
  for (let r = layout.headerTop; r <= layout.headerBottom; r++) textsOfRow(r, 'header');

  // Code descriptions: as shown in the table, the template's wording first.
  const codeNames: Record<string, string> = {};
  const describe = (code: string | null, text: string | null) => {
    if (!code || !text || codeNames[code]) return;
    const dash = text.indexOf(' - ');
    const name = (dash >= 0 ? text.slice(dash + 3) : '').replace(/\s+/g, ' ').trim();
    if (name) codeNames[code] = name;
  };
  for (const c of template.codes) describe(c.code, c.label);
  for (const r of classified.rows) describe(r.imputation.code, r.imputation.text);

  const first = actions.length ? actions[0].row : null;
  return {
    source: {
      file: options.file ?? null,
      sheet: report.sheet,
      headerCell: cellName(table.header),
      firstRow: table.bodyRows?.first ?? first,
      lastRow: table.bodyRows?.last ?? null,
    },
    columns,
    actions,
    blocks,
    measures,
    totals,
    findings,
    codeNames,
    labels,
  };
}

export type { AmountKey };
