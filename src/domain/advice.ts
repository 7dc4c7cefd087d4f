/**
 * What a finding's message ends with: the action that fixes it, in the user's terms (« Corrigez F
 * en 1 280 000,00 € ou vérifiez les lignes 46 à 49 », « Reportez en C le montant de A (50/50) ou
 * justifiez l'écart »), and what a total's formula adds up when it is one.
 */
import Decimal from 'decimal.js';
import { Money, rescale } from './money';
import { FormulaNote, PartRef } from './findings';
import { RawFinding } from './checks';
import { formulaForDisplay } from './formulas';
import { formatAmount } from './units';

type Lang = 'fr' | 'en';

const and = (items: string[], lang: Lang) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;

/** « la ligne 46 », « les lignes 46 à 49 », « les lignes 12, 20 et 28 » (sheet rows). */
export function linesOf(rows: number[], lang: Lang): string {
  const fr = lang === 'fr';
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return fr ? `la ligne ${sorted[0]}` : `row ${sorted[0]}`;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (last - first + 1 === sorted.length || sorted.length > 6) return fr ? `les lignes ${first} à ${last}` : `rows ${first} to ${last}`;
  return fr ? `les lignes ${and(sorted.map(String), lang)}` : `rows ${and(sorted.map(String), lang)}`;
}

/** « (dont la ligne 48, masquée) » when some of the rows are hidden. */
function hiddenAmong(parts: PartRef[], lang: Lang): string {
  const hidden = parts.filter((p) => p.hidden).map((p) => p.row);
  if (!hidden.length) return '';
  const fr = lang === 'fr';
  return fr
    ? ` (dont ${linesOf(hidden, lang)}, masquée${hidden.length > 1 ? 's' : ''})`
    : ` (including ${linesOf(hidden, lang)}, hidden)`;
}

function partNames(parts: PartRef[], axis: FormulaNote['axis'], lang: Lang): string {
  const fr = lang === 'fr';
  if (axis === 'columns') {
    const names = parts.map((p) => (p.label === 'valorisation' ? (fr ? 'I (Dont valorisation CD)' : 'the valued share') : p.cell.replace(/\d+$/, '')));
    return fr ? `${parts.length > 1 ? 'les colonnes' : 'la colonne'} ${and(names, lang)}` : `column${parts.length > 1 ? 's' : ''} ${and(names, lang)}`;
  }
  if (parts.length === 1) {
    const label = parts[0].label ? ` (${parts[0].label})` : '';
    return `${linesOf([parts[0].row], lang)}${label}`;
  }
  return linesOf(parts.map((p) => p.row), lang);
}

/** What a total's formula adds up, as a clause after the figures (empty when the cell has none). */
export function formulaClause(f: RawFinding, lang: Lang): string {
  const note = f.formula;
  if (!note) return '';
  const fr = lang === 'fr';
  // A formula the check does not read is shown as stored: translating it would be a guess.
  const shown = note.evaluated ? formulaForDisplay(note.text, lang) : note.text;
  if (!note.evaluated) return fr ? ` ; la formule ${shown} n'est pas évaluée par le contrôle` : `; the formula ${shown} is not evaluated by the check`;
  const own = f.cell.replace(/\d+$/, '');
  if (note.otherColumn) {
    return fr ? ` ; la formule ${shown} additionne la colonne ${note.otherColumn}, pas la colonne ${own}` : `; the formula ${shown} adds up column ${note.otherColumn}, not column ${own}`;
  }
  // What it does, each said once: the formula named first, « elle » after.
  const does: string[] = [];
  const missing = note.missing;
  if (missing.length) {
    const what = partNames(missing, note.axis, lang);
    const plural = missing.length > 1;
    const counted = fr ? `${what} ${plural ? 'ne sont pas comptées' : "n'est pas comptée"}` : `${what} ${plural ? 'are' : 'is'} not counted`;
    if (note.range && missing.every((p) => p.row > note.range!.last)) {
      does.push(fr ? `s'arrête à la ligne ${note.range.last} : ${counted}` : `stops at row ${note.range.last}: ${counted}`);
    } else if (note.range && missing.every((p) => p.row < note.range!.first)) {
      does.push(fr ? `commence à la ligne ${note.range.first} : ${counted}` : `starts at row ${note.range.first}: ${counted}`);
    } else {
      does.push(fr ? `ne compte pas ${what}` : `leaves out ${what}`);
    }
  }
  if (note.extra.length) does.push(fr ? `compte aussi ${partNames(note.extra, note.axis, lang)}` : `also counts ${partNames(note.extra, note.axis, lang)}`);
  if (note.textParts.length) {
    const cells = and(note.textParts.map((p) => p.cell), lang);
    does.push(fr ? `ignore ${cells}, saisi${note.textParts.length > 1 ? 's' : ''} en texte` : `skips ${cells}, typed as text`);
  }
  if (!does.length) return fr ? ` (formule ${shown})` : ` (formula ${shown})`;
  const [first, ...more] = does;
  return fr
    ? ` ; la formule ${shown} ${first}${more.map((d) => ` ; elle ${d}`).join('')}`
    : `; the formula ${shown} ${first}${more.map((d) => `; it ${d}`).join('')}`;
}

const amount = (f: RawFinding, m: Money, lang: Lang) => formatAmount(m, f.unit, lang);

/** In thousands, a figure 1 000 times what was expected was probably typed in euros. */
function typedInEuros(f: RawFinding, typed: Money | null, meant: Money | null, column: string, lang: Lang): string {
  if (f.unit !== 'k€' || typed === null || meant === null || meant === 0) return '';
  const ratio = new Decimal(typed).dividedBy(meant).abs();
  if (ratio.lessThan(999) || ratio.greaterThan(1001)) return '';
  const inK = rescale(typed, 3, 0); // a thousandth of the figure, to the minor unit
  return lang === 'fr'
    ? ` Le montant de ${column} semble saisi en euros : en milliers d'euros, ce serait ${amount(f, inK, lang)}.`
    : ` The amount in ${column} looks typed in euros: in thousands, it would be ${amount(f, inK, lang)}.`;
}

/** The sentence that ends a finding's message: what to do. */
export function adviceFor(f: RawFinding, lang: Lang): string {
  const fr = lang === 'fr';
  const ctx = f.context;
  const col = f.column === 'valorisation' ? (fr ? 'la valorisation' : 'the valued share') : f.column;
  switch (f.rule) {
    case 'UNREADABLE_AMOUNT': {
      const reason = ctx.type === 'unreadable' ? ctx.reason : 'text';
      if (reason === 'formulaWithoutValue') return fr ? 'Ouvrez et enregistrez le fichier dans Excel pour la calculer.' : 'Open and save the file in Excel to compute it.';
      if (reason === 'error') return fr ? `Corrigez la formule ou la valeur de ${f.cell}.` : `Fix the formula or the value in ${f.cell}.`;
      return fr ? `Saisissez un montant en ${f.cell} (0 s'il n'y en a pas).` : `Type an amount in ${f.cell} (0 if there is none).`;
    }
    case 'STALE_FORMULA':
      return fr
        ? 'Recalculez le classeur (Formules > Calculer maintenant, ou F9) puis enregistrez-le.'
        : 'Recalculate the workbook (Formulas > Calculate Now, or F9), then save it.';
    case 'ROW_TOTAL': {
      if (ctx.type === 'rowTotal' && ctx.relocatedFrom) {
        return `${fr ? `Corrigez ${col} en ${amount(f, f.expected!, lang)}.` : `Correct ${col} to ${amount(f, f.expected!, lang)}.`}${typedInEuros(f, f.actual, f.expected, f.column, lang)}`;
      }
      const note = f.formula;
      if (note?.evaluated && note.suggestion && (note.missing.length || note.extra.length)) {
        return fr ? `Corrigez la formule : ${formulaForDisplay(note.suggestion, lang)}.` : `Correct the formula: ${note.suggestion}.`;
      }
      const parts = ctx.type === 'rowTotal' ? ctx.parts : [];
      const span = parts.length > 1 ? `${parts[0]} ${fr ? 'à' : 'to'} ${parts[parts.length - 1]}` : parts.join('');
      return fr
        ? `Corrigez F en ${amount(f, f.expected!, lang)} ou vérifiez les montants ${span} de la ligne ${f.row}.`
        : `Correct F to ${amount(f, f.expected!, lang)} or check amounts ${span} of row ${f.row}.`;
    }
    case 'SUBTOTAL':
    case 'SECTION_TOTAL':
    case 'GRAND_TOTAL': {
      if (ctx.type !== 'sum') return '';
      if (ctx.offParts.length) {
        const cells = and(ctx.offParts.map((p) => p.cell), lang);
        return fr ? `Corrigez d'abord ${cells}.` : `Correct ${cells} first.`;
      }
      const note = f.formula;
      if (note?.evaluated && note.suggestion && (note.missing.length || note.extra.length || note.otherColumn)) {
        return fr ? `Corrigez la formule : ${formulaForDisplay(note.suggestion, lang)}.` : `Correct the formula: ${note.suggestion}.`;
      }
      if (note?.evaluated && note.textParts.length) {
        const cells = and(note.textParts.map((p) => p.cell), lang);
        return fr ? `Saisissez ${cells} en nombre, pas en texte.` : `Type ${cells} as a number, not as text.`;
      }
      const lines = linesOf(ctx.parts.map((p) => p.row), lang);
      return fr
        ? `Corrigez ${col} en ${amount(f, f.expected!, lang)} ou vérifiez ${lines}${hiddenAmong(ctx.parts, lang)}.`
        : `Correct ${col} to ${amount(f, f.expected!, lang)} or check ${lines}${hiddenAmong(ctx.parts, lang)}.`;
    }
    case 'A_NEQ_C': {
      const euros =
        typedInEuros(f, f.actual, f.expected, 'C', lang) || (f.expected !== null && f.actual !== null ? typedInEuros(f, f.expected, f.actual, 'A', lang) : '');
      return `${fr ? "Reportez en C le montant de A (50/50) ou justifiez l'écart." : 'Copy the amount of A into C (50/50) or explain the gap.'}${euros}`;
    }
    case 'VALORISATION_EXCEEDS_C':
      return fr
        ? `Ramenez la valorisation à ${amount(f, f.expected!, lang)} au plus, ou corrigez C.`
        : `Bring the valued share down to ${amount(f, f.expected!, lang)} at most, or correct C.`;
    case 'MISSING_IMPUTATION': {
      if (ctx.type !== 'imputation') return '';
      if (ctx.code) return fr ? `Complétez ${f.cell} avec ce code.` : `Fill ${f.cell} with this code.`;
      if (ctx.doubt) return fr ? `Vérifiez la ligne avant de saisir le code en ${f.cell}.` : `Check the row before typing the code in ${f.cell}.`;
      if (ctx.candidates.length) return fr ? `Choisissez le bon code et saisissez-le en ${f.cell}.` : `Choose the right code and type it in ${f.cell}.`;
      return fr ? `Saisissez le code Chorus de l'action en ${f.cell}.` : `Type the action's Chorus code in ${f.cell}.`;
    }
  }
}
