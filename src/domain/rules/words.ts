/** Pieces of the rules' sentences that depend on the template: letters, the total's formula, shares. */
import { AmountColumn, AnnexTemplate } from '../template';

/** The letter a column has in the template (`A`); the key itself when it has none. */
export function letter(template: AnnexTemplate, k: AmountColumn): string {
  return template.columnLetter[k] ?? k;
}

/** `A+B+C+D+E`: the row total's parts as the template writes them. */
export function totalFormula(template: AnnexTemplate): string {
  return template.total.parts.map((k) => letter(template, k)).join('+');
}

/** `50/50`, `70/30`: the co-financing shares. */
export function sharesText(template: AnnexTemplate): string {
  const s = template.coFinancing.shares;
  return `${s.state}/${s.departement}`;
}

