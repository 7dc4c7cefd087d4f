/**
 * STALE_FORMULA (docs/annexe9.md, « Formules »): a formula whose stored result is not what it
 * gives — calculation left on manual, a file saved by a program that does not calculate. The
 * sheet is checked on what the formulas give; this says so, rather than reporting an arithmetic
 * error the user cannot see.
 */
import { AmountColumn } from '../template';
import { Rule } from './types';
import { amountsOf } from './words';

export const staleFormula: Rule<'STALE_FORMULA'> = {
  code: 'STALE_FORMULA',
  priority: 1,
  title: { fr: () => 'Formules non recalculées', en: () => 'Formulas not recalculated' },
  message: {
    fr(f, w, t) {
      const { expected, actual } = amountsOf(f, w);
      return {
        about: `${w.who(f, t)}, colonne ${w.column(f.column)}`,
        says: `formule non recalculée, ${w.formula(f.args.formula)} donne ${expected} mais le fichier enregistre ${actual}. Recalculez le classeur (Formules > Calculer maintenant, ou F9) puis enregistrez-le.`,
      };
    },
    en(f, w, t) {
      const { expected, actual } = amountsOf(f, w);
      return {
        about: `${w.who(f, t)}, column ${w.column(f.column)}`,
        says: `formula not recalculated, ${w.formula(f.args.formula)} gives ${expected} but the file stores ${actual}. Recalculate the workbook (Formulas > Calculate Now, or F9), then save it.`,
      };
    },
  },
  mark: { fill: '#D4C8EC', symbol: '↻' },
  doc: '« formule non recalculée »: a formula\'s stored result is not what its formula gives (calculation left on manual, a file saved by a program that does not calculate); the sheet is checked on what the formulas give',
  live: (f) => ({ kind: 'stored', value: f.actual }),
  check(t) {
    const keyOfCol = new Map<number, AmountColumn>(t.amountColumns.map((k) => [t.layout.columns[k]!, k]));
    const out = [];
    for (const cell of t.stale) {
      const row = t.rowAt(cell.gridRow);
      const k = keyOfCol.get(cell.gridCol);
      if (!row || !k || row.kind === 'unclassified') continue;
      out.push(t.finding('STALE_FORMULA', row, k, cell.computed, cell.stored, { formula: cell.formula }));
    }
    return out;
  },
};
