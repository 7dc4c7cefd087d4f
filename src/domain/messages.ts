/**
 * Plain-language messages, French first, English second. Amounts are written `1 362 035,00 €`
 * (or `5 677,535 k€` in a table kept in thousands). Each message ends with what to do.
 */
import { Finding, FindingColumn, RuleCode } from './findings';
import { RawFinding } from './checks';
import { RowKind } from './rows';
import { adviceFor, formulaClause } from './advice';
import { formulaForDisplay } from './formulas';
import { AmountUnit, formatAmount, formatGap } from './units';
import { Money } from './money';
import { UnreadableReason } from './amounts';
import { proposalWhy as proposalWhyShort } from './fills';

export type Lang = 'fr' | 'en';

export const RULE_TITLES: Record<RuleCode, Record<Lang, string>> = {
  UNREADABLE_AMOUNT: { fr: 'Montants illisibles', en: 'Unreadable amounts' },
  STALE_FORMULA: { fr: 'Formules non recalculées', en: 'Formulas not recalculated' },
  SUBTOTAL: { fr: 'Sous-totaux faux', en: 'Wrong subtotals' },
  SECTION_TOTAL: { fr: 'Sous-totaux socle ou initiatives faux', en: 'Wrong section totals' },
  GRAND_TOTAL: { fr: 'TOTAUX FINANCIERS faux', en: 'Wrong grand total' },
  ROW_TOTAL: { fr: 'Budget global F ≠ A+B+C+D+E', en: 'Row total F ≠ A+B+C+D+E' },
  A_NEQ_C: { fr: 'Cofinancement 50/50 (A ≠ C)', en: '50/50 co-financing (A ≠ C)' },
  VALORISATION_EXCEEDS_C: { fr: 'Valorisation supérieure aux crédits CD', en: 'Valued share above C' },
  MISSING_IMPUTATION: { fr: 'Imputations Chorus manquantes', en: 'Missing Chorus codes' },
};

const KIND_NAMES: Record<RowKind, Record<Lang, string>> = {
  action: { fr: 'Action', en: 'Action' },
  placeholder: { fr: 'Ligne modèle', en: 'Template row' },
  themeHeader: { fr: 'Thème', en: 'Theme' },
  subtotal: { fr: 'Sous-total', en: 'Subtotal' },
  socleSubtotal: { fr: 'Sous-total mesures socle', en: 'Core measures subtotal' },
  initiativeSubtotal: { fr: 'Sous-total initiatives', en: 'Initiatives subtotal' },
  grandTotal: { fr: 'TOTAUX FINANCIERS', en: 'Grand total' },
  control: { fr: 'Total de contrôle', en: 'Control total' },
  unclassified: { fr: 'Ligne non reconnue', en: 'Unrecognised row' },
};

export function columnName(column: FindingColumn, lang: Lang): string {
  if (column === 'valorisation') return lang === 'fr' ? 'Dont valorisation CD' : 'Valued share';
  if (column === 'imputation') return lang === 'fr' ? 'Imputation Chorus' : 'Chorus code';
  return column;
}

/** Who the row is: `Sous-total (ligne 21)`, `« Premières Heures » (ligne 30)`, `(ligne 9, ligne masquée)`. */
export function rowName(f: Pick<RawFinding, 'rowKind' | 'rowLabel' | 'row'> & { hidden?: boolean }, lang: Lang): string {
  const line = lang === 'fr' ? `ligne ${f.row}${f.hidden ? ', ligne masquée' : ''}` : `row ${f.row}${f.hidden ? ', hidden row' : ''}`;
  if (f.rowKind === 'action' || f.rowKind === 'placeholder') {
    const title = f.rowLabel || (lang === 'fr' ? 'action sans intitulé' : 'untitled action');
    return lang === 'fr' ? `« ${title} » (${line})` : `"${title}" (${line})`;
  }
  return `${KIND_NAMES[f.rowKind][lang]} (${line})`;
}

const UNREADABLE_REASONS: Record<UnreadableReason, Record<Lang, string>> = {
  text: { fr: "du texte, pas un montant", en: 'text, not an amount' },
  error: { fr: "une valeur d'erreur Excel", en: 'an Excel error value' },
  date: { fr: 'une date, pas un montant', en: 'a date, not an amount' },
  boolean: { fr: 'une valeur logique, pas un montant', en: 'a logical value, not an amount' },
  tooLarge: {
    fr: "un montant hors de portée (plus de 10 000 milliards d'euros), que le contrôle ne peut pas additionner exactement",
    en: 'an amount out of range (over ten thousand billion euros), which the check cannot add up exactly',
  },
  formulaWithoutValue: {
    fr: 'une formule sans valeur calculée, que le contrôle ne sait pas évaluer',
    en: 'a formula with no computed value, which the check does not evaluate',
  },
};

/** The message without its closing advice. */
function statement(f: RawFinding, lang: Lang): string {

  const fr = lang === 'fr';
  const unit: AmountUnit = f.unit ?? '€';
  const eur = (d: Money | null, l: Lang) => (d !== null ? formatAmount(d, unit, l) : '');
  const gap = (d: Money | null, l: Lang) => (d !== null ? formatGap(d, unit, l) : '');
  const col = columnName(f.column, lang);
  const who = rowName(f, lang);
  const shownVs = (what: string) =>
    fr
      ? `${col} affiché ${eur(f.actual, lang)}, ${what} ${eur(f.expected, lang)} — écart ${gap(f.difference, lang)}`
      : `${col} shows ${eur(f.actual, lang)}, ${what} ${eur(f.expected, lang)} — gap ${gap(f.difference, lang)}`;
  const ctx = f.context;
  switch (f.rule) {
    case 'UNREADABLE_AMOUNT': {
      const c = ctx.type === 'unreadable' ? ctx : null;
      const why = c ? UNREADABLE_REASONS[c.reason][lang] : '';
      return fr
        ? `${who}, colonne ${col} : « ${c?.shown ?? ''} » est ${why}. Les totaux qui dépendent de cette cellule ne sont pas contrôlés.`
        : `${who}, column ${col}: "${c?.shown ?? ''}" is ${why}. Totals that depend on this cell are not checked.`;
    }
    case 'STALE_FORMULA': {
      const shown = ctx.type === 'stale' ? formulaForDisplay(ctx.formula, lang) : '';
      return fr
        ? `${who}, colonne ${col} : formule non recalculée, ${shown} donne ${eur(f.expected, lang)} mais le fichier enregistre ${eur(f.actual, lang)}.`
        : `${who}, column ${col}: formula not recalculated, ${shown} gives ${eur(f.expected, lang)} but the file stores ${eur(f.actual, lang)}.`;
    }
    case 'ROW_TOTAL': {
      if (ctx.type === 'rowTotal' && ctx.relocatedFrom) {
        return fr
          ? `${who} : ${shownVs('attendu d’après F et les autres colonnes')} (F ≠ A+B+C+D+E et le total au-dessus s’écarte du même montant).`
          : `${who}: ${shownVs('expected from F and the other columns')} (F ≠ A+B+C+D+E and the total above is off by the same amount).`;
      }
      return fr ? `${who} : ${shownVs('A+B+C+D+E =')}${formulaClause(f, lang)}.` : `${who}: ${shownVs('A+B+C+D+E =')}${formulaClause(f, lang)}.`;
    }
    case 'SUBTOTAL':
    case 'SECTION_TOTAL':
    case 'GRAND_TOTAL': {
      const sumName =
        f.rule === 'GRAND_TOTAL'
          ? fr ? 'socle + initiatives' : 'core + initiatives'
          : f.rowKind === 'socleSubtotal'
            ? fr ? 'somme des sous-totaux' : 'sum of the subtotals'
            : fr ? 'somme des lignes' : 'sum of the rows';
      let text = fr ? `${who} : ${shownVs(sumName)}` : `${who}: ${shownVs(sumName)}`;
      if (ctx.type === 'sum' && ctx.offParts.length > 0) {
        const named = ctx.offParts.map((p) => p.cell).join(', ');
        text += fr
          ? `. En cause : ${named}, signalé${ctx.offParts.length > 1 ? 's' : ''} à part`
          : `. Off: ${named}, reported separately`;
        if (ctx.equalsActionRows) {
          text += fr ? ' ; ce total est bien égal à la somme des lignes d’action' : '; this total does equal the sum of the action rows';
        }
      }
      return `${text}${formulaClause(f, lang)}.`;
    }
    case 'A_NEQ_C':
      return fr
        ? `${who} : cofinancement 50/50 non respecté, part État (A) ${eur(f.expected, lang)}, part département (C) ${eur(f.actual, lang)} — écart ${gap(f.difference, lang)}.`
        : `${who}: 50/50 co-financing not met, State share (A) ${eur(f.expected, lang)}, département share (C) ${eur(f.actual, lang)} — gap ${gap(f.difference, lang)}.`;
    case 'VALORISATION_EXCEEDS_C':
      return fr
        ? `${who} : dont valorisation CD ${eur(f.actual, lang)} dépasse les crédits CD (C) ${eur(f.expected, lang)} — écart ${gap(f.difference, lang)}.`
        : `${who}: valued share ${eur(f.actual, lang)} exceeds C ${eur(f.expected, lang)} — gap ${gap(f.difference, lang)}.`;
    case 'MISSING_IMPUTATION': {
      const c = ctx.type === 'imputation' ? ctx : null;
      let what: string;
      if (c?.doubt && c.candidates.length) {
        what = fr
          ? `« ${c.candidates[0]} » probable, non écrit (${proposalWhyShort(c.doubt, f.row, lang)})`
          : `"${c.candidates[0]}" likely, not written (${proposalWhyShort(c.doubt, f.row, lang)})`;
      } else if (c?.code) {
        const how =
          c.source === 'block'
            ? fr ? 'repris du bloc' : 'carried from its block'
            : c.source === 'theme'
              ? fr ? 'déduit du thème' : 'inferred from the theme'
              : fr ? 'section des initiatives' : 'initiatives section';
        what = fr ? `à compléter par « ${c.code} » (${how})` : `to be filled with "${c.code}" (${how})`;
      } else if (c && c.candidates.length > 0) {
        what = fr
          ? `le thème ne permet pas de choisir : ${c.candidates.map((x) => `« ${x} »`).join(' ou ')}`
          : `the theme does not settle it: ${c.candidates.map((x) => `"${x}"`).join(' or ')}`;
      } else {
        what = fr ? 'à saisir (aucun thème ne permet de la déduire)' : 'to be typed (no theme to infer it from)';
      }
      return fr ? `${who} : imputation Chorus manquante en ${f.cell}, ${what}.` : `${who}: Chorus code missing in ${f.cell}, ${what}.`;
    }
  }
}

export function findingMessage(f: RawFinding, lang: Lang): string {
  const advice = adviceFor(f, lang);
  return advice ? `${statement(f, lang)} ${advice}` : statement(f, lang);
}

export function withMessage(f: RawFinding, lang: Lang): Finding {
  return { ...f, message: findingMessage(f, lang) };
}
