/**
 * The engine's words, one typed table per language (fr.ts, en.ts): the compiler checks that each
 * language says everything. Findings, notices and problems are data; they become text here, at
 * the edge, in the language asked for then. The rules' own sentences are in their files
 * (rules/*.ts) and use these words.
 */
import { UnreadableReason } from '../amounts';
import { CheckProblem, FillSource, Finding, FindingColumn, FormulaNote, Notice, PartRef, ProposalReason } from '../findings';
import { Money } from '../money';
import { RowKind } from '../rows';
import { AnnexTemplate } from '../template';
import { AmountUnit } from '../units';

export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

export interface Words {
  lang: Lang;
  /** « text » / "text". */
  quote(text: string): string;
  /** `a, b et c` / `a, b and c`. */
  and(items: string[]): string;
  /** `ligne 12` / `row 12` (1-based). */
  row(n: number): string;
  /** « la ligne 46 », « les lignes 46 à 49 », « les lignes 12, 20 et 28 » (1-based). */
  lines(rows: number[]): string;
  /** `1 362 035,00 €`, `5 677,535 k€`. */
  amount(m: Money, unit: AmountUnit): string;
  /** A gap signed as the JSON's difference: `-320 000,00 €`, `+1,00 €`. */
  gap(m: Money, unit: AmountUnit): string;
  /** Who a finding's row is: `Sous-total (ligne 21)`, `« Premières Heures » (ligne 30, ligne masquée)`. */
  who(f: Finding, template: AnnexTemplate): string;
  /** The same without its row: `Sous-total`, `« Premières Heures »`. */
  name(f: Finding, template: AnnexTemplate): string;
  /** What goes between a subject and what is said of it: « : » after a no-break space in French, `: ` in English. */
  colon: string;
  /** A message's subject and what it says of it: `Sous-total (ligne 21) : F affiché…`. */
  about(subject: string, says: string): string;
  /**
   * A cell an advice names (`C23`, « la cellule fusionnée C20 » when the row's own cell is part of
   * a merged one), or « la cellule » when the message's surroundings show it (null).
   */
  theCell(cell: string | null, merged?: boolean): string;
  /** The same as a place: `en C23`, « dans la cellule fusionnée C20 », « dans la cellule ». */
  inCell(cell: string | null, merged?: boolean): string;
  /** A finding's column as the message names it: `F`, `Dont valorisation CD`, `Imputation Chorus`. */
  column(c: FindingColumn): string;
  /** `F affiché 960 000,00 €, somme des lignes 1 280 000,00 € — écart -320 000,00 €`. */
  shownVersus(f: Finding, what: string): string;
  /** The column a piece of advice names: its letter, or « la valorisation ». */
  adviceColumn(f: Finding, template: AnnexTemplate): string;
  /** Row kinds as the messages name them. */
  kinds: Record<RowKind, string>;
  /** Why a cell is not an amount: « du texte, pas un montant ». */
  unreadable: Record<UnreadableReason, string>;
  /** A formula as the user's Excel shows it (SOMME and `;` in French). */
  formula(text: string): string;
  /** What a total's formula adds up, as a clause after the figures (empty when the cell has none). */
  formulaClause(f: Finding, note: FormulaNote | undefined): string;
  /** « (dont la ligne 48, masquée) » when some parts are hidden. */
  hiddenAmong(parts: PartRef[]): string;
  /** In thousands, a figure 1 000 times what was expected was probably typed in euros. */
  typedInEuros(f: Finding, typed: Money | null, meant: Money | null, column: string): string;
  /** Why a code is not written: « ligne 61 : hors du tableau de l’annexe ? ». */
  proposalWhy(reason: ProposalReason, row: number): string;
  /** The same without the row, for a message that names it already: « hors du tableau de l’annexe ? ». */
  doubt: Record<ProposalReason, string>;
  /** Where a code to fill comes from: « repris du bloc ». */
  fillSource: Record<FillSource, string>;
  notice(n: Notice, template: AnnexTemplate): string;
  problem(p: CheckProblem, template: AnnexTemplate): string;
}
