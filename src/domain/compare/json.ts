/**
 * `annex9 compare --json`: a stable interface (documented in docs/compare.md). Amounts are decimal
 * strings of euros as in `check --json` (`"1280000"`, `"12.5"`), null where a cell cannot be read
 * or a line does not exist on that side. Bump `format` when a field changes meaning.
 */
import { AmountKey, CentsRow } from './comparable';
import { CompareResult, TableRef } from './compare';
import { ExecutionGroupLine, PlannedSpent } from './execution';
import { centsString } from './cents';
import { Lang } from './format';
import { executionFormula, noticeText } from './render';
import { Recognition } from './recognise';
import { ActionSide, AmountChange, GroupChange, GroupSide, isEmptyGroup } from './versions';

export const COMPARE_JSON_FORMAT = 'annex9-compare/1';

type Amounts = Partial<Record<AmountKey, string | null>>;

function amounts(row: CentsRow): Amounts {
  const out: Amounts = {};
  for (const k of Object.keys(row) as AmountKey[]) out[k] = centsString(row[k] ?? null);
  return out;
}

function change(c: AmountChange) {
  return { column: c.column, old: centsString(c.old), new: centsString(c.new), change: centsString(c.change) };
}

function table(t: TableRef, r: Recognition) {
  return {
    file: t.file,
    sheet: t.sheet,
    table: t.headerCell,
    firstRow: t.firstRow,
    lastRow: t.lastRow,
    actions: t.actions,
    execution: r.execution,
    evidence: r.evidence,
  };
}

function actionSide(a: ActionSide | null) {
  return a && { row: a.row, fiche: a.fiche, title: a.title, theme: a.theme, code: a.code, section: a.section };
}

function groupSide(g: GroupSide | null) {
  return g && { firstRow: g.firstRow, totalRow: g.totalRow, actions: g.actions };
}

function group(g: GroupChange) {
  return {
    kind: g.kind,
    status: g.status,
    theme: g.theme,
    code: g.code,
    level: g.level,
    old: groupSide(g.old),
    new: groupSide(g.new),
    amounts: g.amounts.map(change),
    printed: g.printed ? g.printed.map(change) : null,
  };
}

function plannedSpent(p: PlannedSpent) {
  return {
    planned: amounts(p.planned),
    spent: amounts(p.spent),
    rate: p.rate,
    coFinancedSpent: centsString(p.coFinancedSpent),
    // The plan's rate is A / (A + C) in euros; the convention's ½ is the plain numbers 1 and 2 (docs/compare.md), not cents.
    stateRate:
      p.stateRate.source === 'plan'
        ? { numerator: centsString(p.stateRate.num), denominator: centsString(p.stateRate.den), source: p.stateRate.source }
        : { numerator: String(p.stateRate.num), denominator: String(p.stateRate.den), source: p.stateRate.source },
    stateShareSpent: centsString(p.stateShareSpent),
  };
}

function executionGroup(g: ExecutionGroupLine) {
  return { kind: g.kind, theme: g.theme, code: g.code, level: g.level, plan: groupSide(g.plan), execution: groupSide(g.execution), differs: g.differs, ...plannedSpent(g) };
}

export function comparisonJson(result: CompareResult, options: { lang?: Lang; showUnchanged?: boolean } = {}) {
  const lang = options.lang ?? 'fr';
  const all = !!options.showUnchanged;
  const v = result.versions;
  const x = result.execution;
  return {
    format: COMPARE_JSON_FORMAT,
    mode: result.mode,
    modeSource: result.modeSource,
    identical: result.identical,
    old: table(result.old, result.recognition.old),
    new: table(result.new, result.recognition.new),
    columns: result.columns.compared,
    notices: result.notices.map((n) => ({ code: n.code, message: noticeText(n, lang) })),
    findings: result.findings.map((f) => ({ status: f.status, rule: f.rule, column: f.column, row: f.row, cell: f.cell, message: f.message })),
    versions: v && {
      counts: v.counts,
      actions: v.actions
        .filter((a) => all || (a.status !== 'unchanged' && !(a.template && a.status !== 'changed')))
        .map((a) => ({
          status: a.status,
          pairedBy: a.pairedBy,
          changes: a.changes,
          template: a.template,
          reordered: a.reordered,
          old: actionSide(a.old),
          new: actionSide(a.new),
          amounts: a.amounts.map(change),
        })),
      measures: v.measures.filter((g) => (all || g.status !== 'unchanged') && !isEmptyGroup(g)).map(group),
      codes: v.codes.filter((g) => all || g.status !== 'unchanged').map(group),
      totals: v.totals.filter((g) => all || g.status !== 'unchanged').map(group),
    },
    execution: x && {
      formula: executionFormula(lang),
      counts: x.counts,
      notified: x.notified.map((n) => ({ code: n.code, amount: centsString(n.amount) })),
      total: {
        ...executionGroup(x.total),
        paid: centsString(x.total.paid),
        balance: centsString(x.total.balance),
        reversement: centsString(x.total.reversement),
        reversementByCode: centsString(x.total.reversementByCode),
      },
      codes: x.codes.map((c) => ({
        ...executionGroup(c),
        name: c.code ? result.codeNames[c.code] ?? null : null,
        paid: centsString(c.paid),
        paidSource: c.paidSource,
        balance: centsString(c.balance),
        reversement: centsString(c.reversement),
      })),
      sections: x.sections.map(executionGroup),
      measures: x.measures.filter((g) => all || g.differs).map(executionGroup),
      actions: x.actions
        .filter((a) => all || ((a.differs || a.status !== 'paired') && !(a.template && !a.differs)))
        .map((a) => ({ status: a.status, pairedBy: a.pairedBy, differs: a.differs, plan: actionSide(a.plan), execution: actionSide(a.execution), ...plannedSpent(a) })),
    },
  };
}

export type ComparisonJson = ReturnType<typeof comparisonJson>;
