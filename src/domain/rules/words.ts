/** Pieces of the rules' sentences that depend on the template: letters, the total's formula, shares. */
import { CellRef, cellName } from '../findings';
import { AmountColumn, AnnexTemplate } from '../template';

/** The letter a column has in the template (`A`); the key itself when it has none. */
export function letter(template: AnnexTemplate, k: AmountColumn): string {
  return template.columnLetter[k] ?? k;
}

/** `socle ou initiatives`, `a, b ou c`. */
export function either(items: string[], or: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

/** `socle + initiatives`: the sections a grand total adds up, as the template names them. */
export function sectionsSum(template: AnnexTemplate, sections: string[], lang: 'fr' | 'en'): string {
  return sections.map((id) => template.sections.find((s) => s.id === id)?.name[lang] ?? id).join(' + ');
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


/** A cell a message names: null when the message's surroundings show it already (MessageTemplate). */
export function ownCell(cell: CellRef, cellShown: CellRef | null): string | null {
  return cellShown && sameCell(cell, cellShown) ? null : cellName(cell);
}

export const sameCell = (a: CellRef, b: CellRef): boolean => a.row === b.row && a.col === b.col;
