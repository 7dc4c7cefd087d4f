/**
 * The summary of a checked annex: by measure, by initiative, by Chorus code, totals recomputed
 * from the action rows and reconciled with the totals printed in the annex, and optionally the
 * State's notified amounts per code. Pure: no clock (the generation time is a parameter).
 */
import { SheetReport, TableReport } from '../analyze';
import { Finding, cellName } from '../findings';
import { columnLetters } from '../grid';
import { Lang } from '../words/types';
import { RULES, ruleTitle } from '../rules/registry';
import { AnnexRow } from '../rows';
import { AmountColumn, AnnexTemplate, CALPAE_TEMPLATE, parseChorusCode } from '../template';
import { addUp, sumRows, tableSums } from '../sums';
import { moneyOfDecimal } from '../money';
import { Amount, AnnexRef, AnnexSummary, CodeLine, MeasureLine, NotifiedAmount, ReconciliationLevel, ReconciliationLine, RuleCount, SUMMARY_COLUMNS, SummaryLine, SummaryNames, SummaryOptions, TableSummary } from './model';
import { Amounts, derivedColumns, known, levelName, readingsOf, summaryLevels, withDerivedOf } from './figures';
import { codeDescription } from './notified';

function summarizeTable(report: SheetReport, table: TableReport, template: AnnexTemplate, lang: Lang, notified: NotifiedAmount[] | null): TableSummary {
  const fr = lang === 'fr';
  const { classified, layout } = table;
  const origin = report.origin;
  const derived = derivedColumns(template);
  const withDerived = (amounts: Partial<Record<AmountColumn, Amount>>) => withDerivedOf(amounts, derived);
  // The summary's two levels: the template's first section (the socle, one line per measure) and
  // the sections after it (the initiatives, one line per action).
  const socleId = template.sections[0].id;
  const levelOf = (section: string): 'socle' | 'initiative' => (section === socleId ? 'socle' : 'initiative');
  const columns = SUMMARY_COLUMNS.filter((k) => layout.columns[k] !== undefined);
  // Stryker disable next-line MethodExpression,ConditionalExpression: the layout leaves a column the annex lacks out (never undefined): the filter only narrows the type
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
  const refOfRow = (index: number, col?: number): AnnexRef | null => refOfRange(index, index, col);

  const findingsAt = new Map<number, number>();
  for (const f of table.findings) findingsAt.set(f.at.row - origin.row, (findingsAt.get(f.at.row - origin.row) ?? 0) + 1);

  // The code a row is paid on: its own, else the one the fill plan would write (certain only).
  const filledCode = new Map<number, string>();
  for (const f of table.findings) {
    if (f.rule === 'MISSING_IMPUTATION' && f.args.code) {
      const code = parseChorusCode(template, f.args.code);
      if (code) filledCode.set(f.at.row - origin.row, code);
    }
  }
  // A template row has no money: its block's code is good enough to list the code with zero.
  const codeOf = (row: AnnexRow): string | null =>
    row.imputation.code ?? filledCode.get(row.index) ?? (row.kind === 'placeholder' && row.block !== null ? classified.blocks[row.block].code : null);
  // Each row's code, worked out once.
  const codeAt = new Map<AnnexRow, string | null>();
  for (const r of classified.rows) codeAt.set(r, codeOf(r));
  const codeOfRow = (r: AnnexRow): string | null => codeAt.get(r) ?? null;

  // Each row is added up once, in its "atom" (the rows of one measure, block and code); every
  // line's sums are then sums of atoms: a 100 000-row annex is not re-added for each line it is in.
  // Rows with no certain code share the key '' (a template row among them adds nothing: it has no money).
  const atomKey = (row: AnnexRow): string => codeOfRow(row) ?? '';
  const codeParts = new Map<string, Amounts[]>();
  const addCodePart = (key: string, sum: Amounts) => {
    const parts = codeParts.get(key);
    if (parts) parts.push(sum);
    else codeParts.set(key, [sum]);
  };
  const blockSums = tableSums(classified, columns);
  const atomsOf = (rows: AnnexRow[]): Amounts => {
    const byKey = new Map<string, AnnexRow[]>();
    for (const r of rows) {
      const key = atomKey(r);
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
    const sums: Amounts[] = [];
    for (const [key, list] of byKey) {
      // One code over a whole block (the usual case): the block's sums, added up once for the checks.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; sumRows adds the same rows to the same cents
      const sum = byKey.size === 1 ? blockSums.ofRows(list) : sumRows(list, columns);
      sums.push(sum);
      addCodePart(key, sum);
    }
    return addUp(sums, columns);
  };

  // One pass over the rows: the grand total's line covers every row of a 100 000-row annex.
  const line = (label: string, rows: AnnexRow[], extraRows: number[], amounts: Amounts): SummaryLine => {
    const codes = new Set<string>();
    let actions = 0;
    let findings = 0;
    let lo = Infinity;
    let hi = -Infinity;
    const see = (index: number) => {
      findings += findingsAt.get(index) ?? 0;
      lo = Math.min(lo, index);
      hi = Math.max(hi, index);
    };
    for (const r of rows) {
      const code = codeOfRow(r);
      if (code !== null) codes.add(code);
      if (r.kind === 'action') actions++;
      see(r.index);
    }
    for (const i of extraRows) see(i);
    return { label, codes: [...codes], actions, figures: withDerived(amounts), findings, ref: refOfRange(lo, hi) };
  };
  const themeLabel = (blockId: number | null, rows: AnnexRow[]): string => {
    const theme = blockId !== null ? classified.blocks[blockId].theme : null;
    if (theme) return theme;
    const first = rows.length ? sheetRow(rows[0].index) : 0;
    return fr ? `Mesure sans thème (ligne ${first})` : `Measure with no theme (row ${first})`;
  };
  const measureOf = (rows: AnnexRow[], subtotal: AnnexRow | null): MeasureLine => {
    const blockIds = [...new Set(rows.map((r) => r.block))];
    const own = blockIds.map((id) => rows.filter((r) => r.block === id));
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
    if (isAction && row.section === socleId) pending.push(row);
    else if (row.kind === 'subtotal' && row.section === socleId && pending.length) {
      measures.push(measureOf(pending, row));
      pending = [];
    } else if (!isAction && row.kind !== 'themeHeader' && row.kind !== 'subtotal') flushByBlock();
    else if (isAction && pending.length) flushByBlock();
  }
  flushByBlock();

  const actionRows = classified.rows.filter((r) => r.kind === 'action' || r.kind === 'placeholder');
  const initiativeRows = actionRows.filter((r) => r.section !== socleId);
  const socleRows = actionRows.filter((r) => r.section === socleId);
  // One line per initiative, so each row's own figures; but a block of initiatives under one code
  // counts in that code's line, and in the section's total, by its block sums.
  const initiativeSums = new Map<AnnexRow, Amounts>();
  for (let i = 0; i < initiativeRows.length; ) {
    let j = i + 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: runs cut otherwise fall back on atomsOf below: the same rows in the same codes, the same cents
    while (j < initiativeRows.length && initiativeRows[j].block === initiativeRows[i].block) j++;
    const run = initiativeRows.slice(i, j);
    const key = atomKey(run[0]);
    // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator: a fast path; atomsOf row by row adds up the same cents under the same codes
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
      ref: refOfRow(r.index, layout.columns.title),
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
      findings += findingsAt.get(r.index) ?? 0;
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
    const given = notified?.find((n) => n.code === code)?.amount;
    const cents = given ? moneyOfDecimal(given, 2) : null;
    const a = base.figures.amounts.A;
    return { ...base, ref: null, code, notified: cents, gapNotified: known(cents) && known(a) ? a - cents : null };
  });

  // A section's other rows (its totals), in one pass: they count in its findings and its range.
  const sectionTotals: Record<'socle' | 'initiative', number[]> = { socle: [], initiative: [] };
  for (const r of classified.rows) {
    if (r.kind !== 'action' && r.kind !== 'placeholder' && r.kind !== 'grandTotal' && r.kind !== 'control') sectionTotals[levelOf(r.section)].push(r.index);
  }
  const socleSum = addUp(measures.map((m) => m.figures.amounts), columns);
  const initiativeSum = blockSums.ofRows(initiativeRows);
  const levels = summaryLevels(template);
  const socle = line(levelName(levels.socle, (x) => x.total[lang]), socleRows, sectionTotals.socle, socleSum);
  const initiative = line(levelName(levels.initiative, (x) => x.total[lang]), initiativeRows, sectionTotals.initiative, initiativeSum);
  const grandLabel = template.grandTotal.summary.total[lang];
  const grandSum = addUp([socleSum, initiativeSum], columns);
  // When the socle's action rows all come before the initiatives' (a template may let a theme open
  // the socle again), the grand total's line is the two sections' lines put together, without
  // walking every row again.
  const lastSocle = socleRows.length ? socleRows[socleRows.length - 1].index : -1;
  const firstInitiative = initiativeRows.length ? initiativeRows[0].index : Infinity;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: in order, the walk below gives the same line, and two rows never share an index (the out-of-order case, where true and >= differ, is pinned in test/engine/summary/build.test.ts)
  const sectionsInOrder = lastSocle < firstInitiative;
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
  // The printed total of each level: the first total closing each of its sections (the
  // initiatives' level may hold several sections after the socle: their totals added up).
  const closing = (section: string) => classified.rows.find((r) => r.kind === 'sectionTotal' && (r.closes ?? r.section) === section);
  const printedRows: Record<ReconciliationLevel, AnnexRow[]> = {
    socle: levels.socle.map((x) => closing(x.id)).filter((r): r is AnnexRow => r !== undefined),
    initiative: levels.initiative.map((x) => closing(x.id)).filter((r): r is AnnexRow => r !== undefined),
    // A table ends at its grand total (rows.ts): it has one at most.
    grand: classified.rows.filter((r) => r.kind === 'grandTotal'),
  };
  const rowsOf: Record<ReconciliationLevel, AnnexRow[]> = { socle: socleRows, initiative: initiativeRows, grand: actionRows };
  const reconciliation: ReconciliationLine[] = (['socle', 'initiative', 'grand'] as const)
    .filter((level) => printedRows[level].length || rowsOf[level].length)
    .map((level) => {
      const printedOf = printedRows[level];
      const row = printedOf[0];
      const printed = printedOf.length ? addUp(printedOf.map((r) => readingsOf(r, columns)), columns) : null;
      const recomputed = totals[level].figures;
      const gap = printed
        ? Object.fromEntries(
            columns.map((k) => {
              const p = printed[k];
              const r = recomputed.amounts[k];
              return [k, known(p) && known(r) ? p - r : null];
            }),
          )
        : null;
      const totalCol = layout.columns[template.total.column];
      return { level, printed, printedRef: row ? refOfRow(row.index, totalCol) : null, recomputed, gap };
    });

  return { headerCell: cellName(table.header), unit: table.unit, columns, measures, initiatives, codes, totals, reconciliation };
}

/** The summary of one checked annex sheet. */
export function buildSummary(report: SheetReport, options: SummaryOptions): AnnexSummary {
  const lang = options.lang ?? 'fr';
  const template = options.template ?? CALPAE_TEMPLATE;
  const notified = options.notified?.length ? options.notified : null;
  const findingsByRule: RuleCount[] = RULES.map((rule) => {
    const of = report.findings.filter((f) => f.rule === rule).sort(bySheetOrder);
    return { rule, title: ruleTitle(rule, lang, template, of), count: of.length, cells: [...new Set(of.map((f) => cellName(f.at)))] };
  }).filter((r) => r.count > 0);
  const levels = summaryLevels(template);
  const { gap, share } = derivedColumns(template);
  const names: SummaryNames = {
    title: { socle: levelName(levels.socle, (x) => x.title[lang]), initiative: levelName(levels.initiative, (x) => x.title[lang]) },
    printed: {
      socle: levelName(levels.socle, (x) => x.printed[lang]),
      initiative: levelName(levels.initiative, (x) => x.printed[lang]),
      grand: template.grandTotal.summary.printed[lang],
    },
    gap: gap?.label[lang] ?? '',
    share: share?.label[lang] ?? '',
  };
  return {
    lang,
    names,
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
  return a.at.row - b.at.row || a.at.col - b.at.col;
}
