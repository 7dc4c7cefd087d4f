/**
 * ROW_TOTAL (docs/annexe9.md, règle 2): on every row, the total column equals the sum of its
 * parts (F = A+B+C+D+E; the valued share is not added). When the total above the row shows which
 * figure is wrong, the finding moves there (fold.ts).
 */
import { FindingOf } from '../findings';
import { AmountColumn } from '../template';
import { Rule } from './types';
import { amountsOf, letter, span, totalFormula } from './words';

/** The parts every finding adds up (a table without E: A to D), or the template's when they differ or there are none. */
function sharedParts(findings: ReadonlyArray<FindingOf<'ROW_TOTAL'>> = []): AmountColumn[] | undefined {
  const [first, ...others] = findings.map((f) => f.args.parts.join('+'));
  return first !== undefined && others.every((p) => p === first) ? findings[0].args.parts : undefined;
}

export const rowTotal: Rule<'ROW_TOTAL'> = {
  code: 'ROW_TOTAL',
  priority: 5,
  title: {
    fr: (t, fs) => `Budget global ${letter(t, t.total.column)} ≠ ${totalFormula(t, sharedParts(fs))}`,
    en: (t, fs) => `Row total ${letter(t, t.total.column)} ≠ ${totalFormula(t, sharedParts(fs))}`,
  },
  message: {
    fr(f, w, t) {
      const total = letter(t, f.args.total);
      const { expected } = amountsOf(f, w);
      if (f.args.relocatedFrom) {
        return {
          about: w.who(f, t),
          says: `${w.shownVersus(f, `attendu d’après ${total} et les autres colonnes`)} (${total} ≠ ${totalFormula(t, f.args.parts)} et le total au-dessus s’écarte du même montant). Corrigez ${w.adviceColumn(f, t)} en ${expected}.${w.typedInEuros(f, f.actual, f.expected, f.column)}`,
        };
      }
      const note = f.formula;
      const parts = f.args.parts.map((k) => letter(t, k));
      const advice =
        note?.evaluated && note.suggestion && (note.missing.length || note.extra.length)
          ? `Corrigez la formule\u00a0: ${w.formula(note.suggestion)}.`
          : `Corrigez ${total} en ${expected} ou vérifiez les montants ${span(parts, 'à')} de cette ligne.`;
      return { about: w.who(f, t), says: `${w.shownVersus(f, `${totalFormula(t, f.args.parts)} =`)}${w.formulaClause(f, note)}. ${advice}` };
    },
    en(f, w, t) {
      const total = letter(t, f.args.total);
      const { expected } = amountsOf(f, w);
      if (f.args.relocatedFrom) {
        return {
          about: w.who(f, t),
          says: `${w.shownVersus(f, `expected from ${total} and the other columns`)} (${total} ≠ ${totalFormula(t, f.args.parts)} and the total above is off by the same amount). Correct ${w.adviceColumn(f, t)} to ${expected}.${w.typedInEuros(f, f.actual, f.expected, f.column)}`,
        };
      }
      const note = f.formula;
      const parts = f.args.parts.map((k) => letter(t, k));
      const advice =
        note?.evaluated && note.suggestion && (note.missing.length || note.extra.length)
          ? `Correct the formula: ${w.formula(note.suggestion)}.`
          : `Correct ${total} to ${expected} or check amounts ${span(parts, 'to')} of this row.`;
      return { about: w.who(f, t), says: `${w.shownVersus(f, `${totalFormula(t, f.args.parts)} =`)}${w.formulaClause(f, note)}. ${advice}` };
    },
  },
  mark: { fill: '#F9D48C', symbol: 'F' },
  doc: 'F ≠ A+B+C+D+E on a row (placed on the figure that is wrong when the total above shows which)',
  live: (f) => ({ kind: 'rowSum', total: f.args.total, parts: f.args.parts }),
  check(t) {
    const total = t.totalColumn;
    if (total === null) return [];
    const out = [];
    for (const row of t.table.rows) {
      // An unrecognised total is not checked (a notice says so); a theme header has no amounts to disagree.
      if (row.kind === 'unclassified') continue;
      const f = t.value(row, total);
      if (typeof f !== 'number') continue;
      const sum = t.rowSum(row);
      if (sum !== null && sum !== f) out.push(t.finding('ROW_TOTAL', row, total, sum, f, { total, parts: t.totalParts }));
    }
    return out;
  },
};

