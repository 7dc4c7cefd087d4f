/**
 * Findings, notices, proposals and problems as text, in the language asked for now: the one
 * place the engine's data becomes words (the command line, the pane, review notes and the summary
 * sheet all call here). A finding's view is what the command line's JSON gives for it.
 */
import { CellRef, CheckProblem, Finding, Notice, Proposal, cellName, sheetRow } from '../findings';
import { ruleMessage } from '../rules/registry';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../template';
import { amountString } from '../units';
import { WORDS } from './index';
import { Lang } from './types';

/** What a finding's surroundings show beside its message: the message does not say it again. */
export interface FindingShown {
  /** The cell shown beside the message (the command line's first column, a note on the cell, the card's head). */
  cell?: CellRef;
  /** The row and its label are shown (the pane's card): the message does not start by naming them. */
  row?: boolean;
}

/** A finding's message: whom it is about, what is wrong, what to do — naming only what `shown` does not. */
export function findingText(f: Finding, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE, shown: FindingShown = {}): string {
  const w = WORDS[lang];
  const { about, says } = ruleMessage(f, w, template, shown.cell ?? null);
  if (!shown.row) return w.about(about, says);
  // The row shown by its label: a name other than the label (the kind of total, « action sans intitulé ») stays.
  const name = w.name(f, template);
  if (name !== f.rowLabel && name !== w.quote(f.rowLabel)) return w.about(name, says);
  return says.charAt(0).toLocaleUpperCase(lang) + says.slice(1);
}

/** The cell a finding is acted on: a missing code's is the cell the code goes into (a merged cell's top left). */
export function findingCell(f: Finding): CellRef {
  return f.rule === 'MISSING_IMPUTATION' ? f.args.target : f.at;
}

/** A finding's message on the pane's card, which shows its cell, its row and its label: none said again. */
export function findingCardText(f: Finding, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): string {
  return findingText(f, lang, template, { cell: findingCell(f), row: true });
}

export function noticeText(n: Notice, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): string {
  return WORDS[lang].notice(n, template);
}

/** Why a code is proposed and not written (« ligne 61 : hors du tableau de l'annexe ? »). */
export function proposalWhy(p: Proposal, lang: Lang): string {
  return WORDS[lang].proposalWhy(p.reason, p.row);
}

export function problemText(p: CheckProblem, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): string {
  return WORDS[lang].problem(p, template);
}

/** The colon between a subject and what is said of it, spaced as the language wants (« : » in French). */
export function colon(lang: Lang): string {
  return WORDS[lang].colon;
}

/** A message written as a sentence, continued after a colon (« annexe.xlsx : aucune annexe 9… »): lower case first. */
export function afterColon(text: string, lang: Lang): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase(lang) + text.slice(1) : text;
}

/** What to say when asked to check a summary sheet as if it were an annex. */
export function summaryIsNotAnnexMessage(sheet: string, lang: Lang): string {
  return problemText({ kind: 'summarySheet', sheet }, lang);
}

/** A finding as other tools read it (`annex9 check --json`): amounts as decimal strings of its unit. */
export interface FindingView {
  rule: string;
  /** 1-based sheet row. */
  row: number;
  column: string;
  cell: string;
  expected: string | null;
  actual: string | null;
  /** actual − expected. */
  difference: string | null;
  unit: string;
  hidden: boolean;
  message: string;
}

export function findingView(f: Finding, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): FindingView {
  const money = (m: number | null) => (m === null ? null : amountString(m, f.unit));
  return {
    rule: f.rule,
    row: sheetRow(f.at),
    column: f.column,
    cell: cellName(f.at),
    expected: money(f.expected),
    actual: money(f.actual),
    difference: money(f.difference),
    unit: f.unit,
    hidden: f.hidden,
    message: findingText(f, lang, template),
  };
}
