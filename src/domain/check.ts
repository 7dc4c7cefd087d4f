/**
 * Checking one table: every rule of the registry on the classified table (rules/), then one wrong
 * figure folded into one finding (rules/fold.ts), then what each total's formula adds up
 * (formulaNotes.ts). Each step returns new findings; none is changed after it is made.
 */
import { Finding } from './findings';
import { explainFormulas } from './formulaNotes';
import { CheckTableInput, checkTableOf } from './rules/context';
import { foldWrongFigures } from './rules/fold';
import { SHEET_RULES, priorityOf } from './rules/registry';

export type { CheckTableInput } from './rules/context';

const byPriority = (f: Finding) => priorityOf(f.rule);

/** Findings in sheet order: by row, by column, the most important rule first. */
export function bySheetOrder(a: Finding, b: Finding): number {
  return a.at.row - b.at.row || a.at.col - b.at.col || byPriority(a) - byPriority(b);
}

export function checkTable(input: CheckTableInput): Finding[] {
  const t = checkTableOf(input);
  const raw = SHEET_RULES.flatMap((rule) => rule.check(t) as Finding[]);
  return explainFormulas(foldWrongFigures(raw, t, byPriority), t).sort(bySheetOrder);
}
