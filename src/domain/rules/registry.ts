/**
 * Every rule, one line each (docs/annexe9.md lists them with their codes). The sheet's rules run
 * on each table (check.ts); the convention's come from comparing the annex with its convention.
 * The README's rule table is generated from here (scripts/rule-table.ts; a test keeps them equal).
 */
import { CellRef, Finding, FindingOf, RuleCode } from '../findings';
import { AnnexTemplate } from '../template';
import { Lang, Words } from '../words/types';
import { capped } from './cap';
import { coFinancing } from './coFinancing';
import { CONVENTION_RULE_ENTRIES } from './convention';
import { grandTotal } from './grandTotal';
import { missingImputation } from './imputation';
import { rowTotal } from './rowTotal';
import { sectionTotal } from './sectionTotals';
import { staleFormula } from './staleFormula';
import { subtotal } from './subtotals';
import { DocumentRule, FindingWords, LiveCheck, MarkStyle, Rule } from './types';
import { unreadableAmount } from './unreadable';

/** The sheet's rules, by code: the compiler checks that every code has its rule. */
export const RULE_BY_CODE: { [R in RuleCode]: Rule<R> } = {
  UNREADABLE_AMOUNT: unreadableAmount,
  STALE_FORMULA: staleFormula,
  SUBTOTAL: subtotal,
  SECTION_TOTAL: sectionTotal,
  GRAND_TOTAL: grandTotal,
  ROW_TOTAL: rowTotal,
  A_NEQ_C: coFinancing,
  VALORISATION_EXCEEDS_C: capped,
  MISSING_IMPUTATION: missingImputation,
};

/** The sheet's rules, most important first (the order of reports, legends and colours). */
export const SHEET_RULES: Rule[] = (Object.values(RULE_BY_CODE) as Rule[]).sort((a, b) => a.priority - b.priority);

/** Their codes in that order. */
export const RULES: RuleCode[] = SHEET_RULES.map((r) => r.code);

/** The convention's rules, in their order. */
export const DOCUMENT_RULES: DocumentRule[] = Object.values(CONVENTION_RULE_ENTRIES).sort((a, b) => a.priority - b.priority);

export function ruleOf<R extends RuleCode>(code: R): Rule<R> {
  return RULE_BY_CODE[code] as Rule<R>;
}

export function priorityOf(code: RuleCode): number {
  return RULE_BY_CODE[code].priority;
}

/** A rule's title; `findings`, those of the group it heads (other rules' are left out). */
export function ruleTitle(code: RuleCode, lang: Lang, template: AnnexTemplate, findings: readonly Finding[] = []): string {
  const title = RULE_BY_CODE[code].title[lang] as (t: AnnexTemplate, fs: readonly Finding[]) => string;
  return title(template, findings.filter((f) => f.rule === code));
}

export function ruleMark(code: RuleCode): MarkStyle {
  return RULE_BY_CODE[code].mark;
}

/** A finding's message in a language, in its two parts; `cellShown`, shown beside it, is not named again. */
export function ruleMessage(f: Finding, w: Words, template: AnnexTemplate, cellShown: CellRef | null = null): FindingWords {
  const rule = RULE_BY_CODE[f.rule] as Rule;
  return rule.message[w.lang](f as FindingOf<RuleCode>, w, template, cellShown);
}

/** The condition under which a finding still holds, for a live mark. */
export function liveCheck(f: Finding): LiveCheck {
  const rule = RULE_BY_CODE[f.rule] as Rule;
  return rule.live(f as FindingOf<RuleCode>);
}
