/** Pieces of the rules' sentences that depend on the template: letters, the total's formula, shares. */
import { CellRef, Finding, cellName } from '../findings';
import { AmountColumn, AnnexTemplate } from '../template';
import { Words } from '../words/types';

/** The letter a column has in the template (`A`); the key itself when it has none. */
export function letter(template: AnnexTemplate, k: AmountColumn): string {
  return template.columnLetter[k] ?? k;
}

/** `socle ou initiatives`, `a, b ou c`. */
export function either(items: string[], or: string): string {
  const last = items[items.length - 1] ?? '';
  const before = items.slice(0, -1);
  return before.length ? `${before.join(', ')} ${or} ${last}` : last;
}

/** `A à E`: a run named by its first and last items; `A` when it has one. */
export function span(items: string[], to: string): string {
  return items.length > 1 ? `${items[0]} ${to} ${items[items.length - 1]}` : (items[0] ?? '');
}

/** A finding's amounts as its message writes them; one it has not (a missing code's) is written as nothing. */
export function amountsOf(f: Finding, w: Words): { expected: string; actual: string; gap: string } {
  const amount = (m: number | null) => (m === null ? '' : w.amount(m, f.unit));
  return { expected: amount(f.expected), actual: amount(f.actual), gap: f.difference === null ? '' : w.gap(f.difference, f.unit) };
}

/** `socle + initiatives`: the sections a grand total adds up, as the template names them. */
export function sectionsSum(template: AnnexTemplate, sections: string[], lang: 'fr' | 'en'): string {
  return sections.map((id) => template.sections.find((s) => s.id === id)?.name[lang] ?? id).join(' + ');
}

/** `A+B+C+D+E`: the row total's parts as the template writes them, or those a table has (one without E adds A to D). */
export function totalFormula(template: AnnexTemplate, parts: readonly AmountColumn[] = template.total.parts): string {
  return parts.map((k) => letter(template, k)).join('+');
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
