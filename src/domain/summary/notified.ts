/** The State's notified amounts per Chorus code (the command line's --notified), and how a code is described. */
import { parseAmountMoney, parseAmountText } from '../amounts';
import { Lang } from '../words/types';
import { AnnexTemplate, CALPAE_TEMPLATE, parseTypedCode } from '../template';
import { NotifiedAmount } from './model';

/** Canonical code of a notified amount: `03`, `3`, `030450191903`, `0304 50 19 19 03 - …`. */
export function canonicalCode(text: string, template: AnnexTemplate = CALPAE_TEMPLATE): string | null {
  return parseTypedCode(template, text);
}

export type NotifiedParse = { ok: true; value: NotifiedAmount } | { ok: false; error: string };

/** Read `03=110000` or `"0304 50 19 19 07=6 067 058,00 €"` (the command line's --notified). */
export function parseNotified(arg: string, lang: Lang = 'fr', template: AnnexTemplate = CALPAE_TEMPLATE): NotifiedParse {
  const fr = lang === 'fr';
  const eq = arg.lastIndexOf('=');
  if (eq <= 0 || eq === arg.length - 1) {
    return { ok: false, error: fr ? `«\u00a0${arg}\u00a0»\u00a0: écrivez CODE=MONTANT, par exemple 03=110000.` : `"${arg}": write CODE=AMOUNT, e.g. 03=110000.` };
  }
  const code = canonicalCode(arg.slice(0, eq), template);
  if (!code) {
    return {
      ok: false,
      error: fr
        ? `«\u00a0${arg.slice(0, eq)}\u00a0» n’est pas un code Chorus\u00a0: donnez les deux derniers chiffres (03) ou le code complet (${template.chorusPrefix} 03).`
        : `"${arg.slice(0, eq)}" is not a Chorus code: give its last two digits (03) or the full code (${template.chorusPrefix} 03).`,
    };
  }
  const amount = parseAmountText(arg.slice(eq + 1));
  if (!amount) {
    return { ok: false, error: fr ? `«\u00a0${arg.slice(eq + 1)}\u00a0» n’est pas un montant.` : `"${arg.slice(eq + 1)}" is not an amount.` };
  }
  // As in a cell: beyond the range, cents stop being exact in the sums it enters.
  if (parseAmountMoney(arg.slice(eq + 1)) === 'tooLarge') {
    return {
      ok: false,
      error: fr
        ? `«\u00a0${arg.slice(eq + 1)}\u00a0»\u00a0: montant hors de portée (plus de 10\u202f000 milliards d’euros), que le contrôle ne peut pas calculer exactement.`
        : `"${arg.slice(eq + 1)}": amount out of range (over ten thousand billion euros), which the check cannot compute exactly.`,
    };
  }
  // A code typed by hand must be one of the annex's: a typo would add a code no row is paid on.
  if (!template.codes.some((c) => c.code === code)) {
    const valid = template.codes.map((c) => `${c.code.slice(-2)} (${codeDescription(template, c.code, null, lang)})`).join(', ');
    return {
      ok: false,
      error: fr
        ? `«\u00a0${arg.slice(0, eq)}\u00a0»\u00a0: le code ${code} n’est pas un code Chorus de l’annexe. Codes valides\u00a0: ${valid}.`
        : `"${arg.slice(0, eq)}": code ${code} is not a Chorus code of the annex. Valid codes: ${valid}.`,
    };
  }
  return { ok: true, value: { code, amount } };
}

export function codeDescription(template: AnnexTemplate, code: string | null, shown: string | null, lang: Lang): string {
  if (code === null) return lang === 'fr' ? 'Sans imputation Chorus' : 'No Chorus code';
  const known = template.codes.find((c) => c.code === code);
  const text = known?.label ?? shown ?? code;
  // "0304 50 19 19 07 - Garantie d'activité…": the code has its own column.
  const dash = text.indexOf(' - ');
  // Stryker disable next-line EqualityOperator: with the dash first, the empty text before it cannot end with the code's two digits
  return dash >= 0 && text.slice(0, dash).replace(/\s/g, '').endsWith(code.slice(-2)) ? text.slice(dash + 3).trim() : text;
}
