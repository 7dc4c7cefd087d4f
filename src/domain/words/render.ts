/**
 * Findings, notices, proposals and problems as text, in the language asked for now: the one
 * place the engine's data becomes words (the command line, the pane, review notes and the summary
 * sheet all call here). A finding's view is what the command line's JSON gives for it.
 */
import { CheckProblem, Finding, Notice, Proposal, cellName, sheetRow } from '../findings';
import { ruleMessage } from '../rules/registry';
import { AnnexTemplate, CALPAE_TEMPLATE } from '../template';
import { amountString } from '../units';
import { WORDS } from './index';
import { Lang } from './types';

export function findingText(f: Finding, lang: Lang, template: AnnexTemplate = CALPAE_TEMPLATE): string {
  return ruleMessage(f, WORDS[lang], template);
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
