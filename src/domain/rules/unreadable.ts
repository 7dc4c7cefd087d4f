/**
 * UNREADABLE_AMOUNT (docs/annexe9.md, règle 8): a cell of an amount column that is not an amount
 * (text, `#REF!`, a date, a logical value, a formula with no value, an amount out of range) is
 * reported once, where it is; the sums that depend on it are not checked on its account.
 */
import { Rule } from './types';
import { ownCell } from './words';

export const unreadableAmount: Rule<'UNREADABLE_AMOUNT'> = {
  code: 'UNREADABLE_AMOUNT',
  priority: 0,
  title: { fr: () => 'Montants illisibles', en: () => 'Unreadable amounts' },
  message: {
    fr(f, w, t, cellShown) {
      const cell = ownCell(f.at, cellShown);
      const { reason, shown } = f.args;
      const advice =
        reason === 'formulaWithoutValue'
          ? 'Ouvrez et enregistrez le fichier dans Excel pour la calculer.'
          : reason === 'error'
            ? `Corrigez la formule ou la valeur de ${w.theCell(cell)}.`
            : reason === 'tooLarge'
              ? `Vérifiez le montant de ${w.theCell(cell)}.`
              : `Saisissez un montant ${w.inCell(cell)} (0 s’il n’y en a pas).`;
      return {
        about: `${w.who(f, t)}, colonne ${w.column(f.column)}`,
        says: `${w.quote(shown)} est ${w.unreadable[reason]}. Les totaux qui dépendent de cette cellule ne sont pas contrôlés. ${advice}`,
      };
    },
    en(f, w, t, cellShown) {
      const cell = ownCell(f.at, cellShown);
      const { reason, shown } = f.args;
      const advice =
        reason === 'formulaWithoutValue'
          ? 'Open and save the file in Excel to compute it.'
          : reason === 'error'
            ? `Fix the formula or the value ${w.inCell(cell)}.`
            : reason === 'tooLarge'
              ? `Check the amount ${w.inCell(cell)}.`
              : `Type an amount ${w.inCell(cell)} (0 if there is none).`;
      return {
        about: `${w.who(f, t)}, column ${w.column(f.column)}`,
        says: `${w.quote(shown)} is ${w.unreadable[reason]}. Totals that depend on this cell are not checked. ${advice}`,
      };
    },
  },
  mark: { fill: '#C8C8C8', symbol: '?' },
  doc: 'a cell that is not an amount (text, `#REF!`, a date…); sums depending on it are not checked',
  live: () => ({ kind: 'unreadable' }),
  check(t) {
    const out = [];
    for (const row of t.table.rows) {
      // A row the check cannot name is not checked (a notice says so).
      if (row.kind === 'unclassified') continue;
      for (const k of t.amountColumns) {
        const a = row.amounts[k];
        if (a && a.kind === 'unreadable') out.push(t.finding('UNREADABLE_AMOUNT', row, k, null, null, { reason: a.reason, shown: a.shown }));
      }
    }
    return out;
  },
};
