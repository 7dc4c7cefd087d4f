/**
 * What the three total rules share (docs/annexe9.md, règles 3 et 4): every total equals, column by
 * column, the sum of its parts as printed — a subtotal its action rows, a section total its
 * subtotals (and the action rows no subtotal closes), the grand total the section totals. So a
 * wrong figure is reported where it is, and a total whose parts do not add up names the part off.
 */
import { FindingOf, FormulaNote, SumOf, cellName, sheetRow } from '../findings';
import { Money } from '../money';
import { AnnexRow, TotalGroup } from '../rows';
import { AnnexTemplate } from '../template';
import { Lang, Words } from '../words/types';
import { CheckTable, FindingWords, LiveCheck } from './types';

type TotalRule = 'SUBTOTAL' | 'SECTION_TOTAL' | 'GRAND_TOTAL';

/** The findings of the groups a rule checks (`of` says what the total adds up, for its message). */
export function checkTotals<R extends TotalRule>(t: CheckTable, rule: R, groups: (g: TotalGroup) => boolean, of: (g: TotalGroup) => SumOf): Array<FindingOf<R>> {
  const out: Array<FindingOf<R>> = [];
  for (const group of t.table.groups) {
    if (!groups(group) || group.unchecked !== undefined) continue;
    const total = t.rowAt(group.total)!;
    const sums = t.sums.ofIndexes(group.parts);
    for (const k of t.amountColumns) {
      const printed = t.value(total, k);
      if (typeof printed !== 'number') continue;
      const sum = sums[k];
      if (sum === null || sum === undefined || sum === printed) continue;
      // A total of totals (the socle) may still equal its action rows: its message says so.
      // Stryker disable next-line ConditionalExpression: where the parts are the action rows, their sum is `sum`, already known to differ from the printed total; this only saves adding them again
      const ofTotals = group.actionRows !== group.parts;
      const args = {
        parts: group.parts.map((p) => t.part(t.rowAt(p)!, k)),
        offParts: [],
        equalsActionRows: ofTotals && sumOf(t, group.actionRows, k) === printed,
        of: of(group),
      };
      out.push(t.finding(rule, total, k, sum, printed, args as FindingOf<R>['args']));
    }
  }
  return out;
}

function sumOf(t: CheckTable, rows: number[], k: Parameters<CheckTable['value']>[1]): Money | null {
  let sum = 0;
  for (const r of rows) {
    const x = t.value(t.rowAt(r) as AnnexRow, k);
    if (x === 'unreadable') return null;
    if (x) sum += x;
    if (sum > Number.MAX_SAFE_INTEGER || sum < -Number.MAX_SAFE_INTEGER) return null;
  }
  return sum;
}

export function totalLive(f: FindingOf<TotalRule>): LiveCheck {
  return { kind: 'columnSum', column: f.column as Parameters<CheckTable['value']>[1], partRows: f.args.parts.map((p) => p.at.row) };
}

/**
 * The formula itself is what to correct: it leaves out a part with money, or counts a cell with
 * money that is no part. (One that adds another column always does one or the other when its
 * total is off: it covers no part, and what it adds is not zero or the parts are not.)
 */
function formulaToCorrect(note: FormulaNote | undefined): note is FormulaNote & { suggestion: string } {
  return Boolean(note?.evaluated && note.suggestion && (note.missing.length || note.extra.length));
}

type TotalMessage = (f: FindingOf<TotalRule>, w: Words, template: AnnexTemplate, sumName: string) => FindingWords;

/** The message of a total: what it shows against the sum of its parts, which part is off, what to do. */
export const TOTAL_MESSAGE: Record<Lang, TotalMessage> = {
  fr(f, w, template, sumName) {
    const { parts, offParts, equalsActionRows } = f.args;
    const note = f.formula;
    let text = w.shownVersus(f, sumName);
    let advice: string;
    if (offParts.length) {
      const named = offParts.map((p) => cellName(p.at));
      text += `. En cause\u00a0: ${named.join(', ')}, signalé${offParts.length > 1 ? 's' : ''} à part`;
      if (equalsActionRows) text += '\u202f; ce total est bien égal à la somme des lignes d’action';
      advice = `Corrigez d’abord ${w.and(named)}.`;
    } else if (formulaToCorrect(note)) {
      advice = `Corrigez la formule\u00a0: ${w.formula(note.suggestion)}.`;
    } else if (note?.evaluated && note.textParts.length) {
      advice = `Saisissez ${w.and(note.textParts.map((p) => cellName(p.at)))} en nombre, pas en texte.`;
    } else if (!parts.length) {
      // A total right under another (a subtotal pasted twice): no row to name, nothing to recompute.
      advice = `Ce total n’additionne aucune ligne\u00a0: supprimez-le s’il en répète un autre, sinon videz ${w.adviceColumn(f, template)}.`;
    } else {
      // Stryker disable next-line StringLiteral: a total's finding always expects the sum of its parts (checkTotals skips a null sum); the '' only satisfies the type
      const expected = f.expected !== null ? w.amount(f.expected, f.unit) : '';
      advice = `Corrigez ${w.adviceColumn(f, template)} en ${expected} ou vérifiez ${w.lines(parts.map((p) => sheetRow(p.at)))}${w.hiddenAmong(parts)}.`;
    }
    return { about: w.who(f, template), says: `${text}${w.formulaClause(f, note)}. ${advice}` };
  },
  en(f, w, template, sumName) {
    const { parts, offParts, equalsActionRows } = f.args;
    const note = f.formula;
    let text = w.shownVersus(f, sumName);
    let advice: string;
    if (offParts.length) {
      const named = offParts.map((p) => cellName(p.at));
      text += `. Off: ${named.join(', ')}, reported separately`;
      if (equalsActionRows) text += '; this total does equal the sum of the action rows';
      advice = `Correct ${w.and(named)} first.`;
    } else if (formulaToCorrect(note)) {
      advice = `Correct the formula: ${w.formula(note.suggestion)}.`;
    } else if (note?.evaluated && note.textParts.length) {
      advice = `Type ${w.and(note.textParts.map((p) => cellName(p.at)))} as a number, not as text.`;
    } else if (!parts.length) {
      advice = `This total adds up no row: delete it if it repeats another one, otherwise clear ${w.adviceColumn(f, template)}.`;
    } else {
      // Stryker disable next-line StringLiteral: a total's finding always expects the sum of its parts (checkTotals skips a null sum); the '' only satisfies the type
      const expected = f.expected !== null ? w.amount(f.expected, f.unit) : '';
      advice = `Correct ${w.adviceColumn(f, template)} to ${expected} or check ${w.lines(parts.map((p) => sheetRow(p.at)))}${w.hiddenAmong(parts)}.`;
    }
    return { about: w.who(f, template), says: `${text}${w.formulaClause(f, note)}. ${advice}` };
  },
};
