/**
 * What is read in a convention, as plain data (JSON as is): every figure with the place it was
 * read and the sentence quoted, and what was seen but could not be read, never guessed.
 */
import { DocumentFormat, SourceRef, SourceUnit } from './document';
import { Cents } from './money';

/** A figure read in the document. */
export interface Statement {
  cents: Cents;
  source: SourceRef;
}

/** Article 3.1: an amount imputed on a Chorus activity code. */
export interface CodeStatement extends Statement {
  /** Canonical code, `0304 50 19 19 07`. */
  code: string;
  /** As written: `030450191907`. */
  shown: string;
  /** False when the annex template does not know the code. */
  known: boolean;
}

/** A fiche action: its number, title, and what its « BUDGET ESTIME » box states for the year. */
export interface FicheExtract {
  number: number;
  title: string;
  /** The titles it has elsewhere (the list of fiches), for matching with the annex. */
  aliases: string[];
  /** Where its heading is. */
  heading: SourceRef;
  /** Estimated budget for the year; null when it could not be read (see `unread`). */
  total: Cents | null;
  /** The State's share of it; null when not stated or not readable. */
  stateShare: Cents | null;
  /** The box's statement for the year (« 2023 : 800 000 € au total dont participation État de 400 000 € »). */
  source: SourceRef | null;
}

export type UnreadReason =
  /** Digits and a currency that are not a figure one can be sure of (cut by a line break?). */
  | 'amountUnreadable'
  /** A Chorus activity code with no amount in its sentence. */
  | 'amountMissing'
  /** Several amounts in the sentence of one code, none of which is designated. */
  | 'severalAmounts'
  /** Sentences stating the State's total support disagree with one another. */
  | 'conflictingTotals'
  /** No sentence states the State's total support. */
  | 'noStateTotal'
  /** A fiche's box states amounts for other years only. */
  | 'noBudgetForYear'
  /** A fiche's box has no amount (a non-financial fiche). */
  | 'noBudget'
  /** A budget without the State's share. */
  | 'stateShareMissing'
  /** The State's share is mentioned but could not be read. */
  | 'stateShareUnreadable'
  /** A « BUDGET ESTIME » box outside any numbered fiche. */
  | 'boxOutsideFiche'
  /** A numbered fiche without a « BUDGET ESTIME » box. */
  | 'noBox';

export interface Unread {
  subject: 'stateTotal' | 'code' | 'fiche';
  reason: UnreadReason;
  source: SourceRef | null;
  fiche?: number;
  code?: string;
  /** What was seen: the figures as written, the years found… */
  seen?: string[];
}

export interface ConventionExtraction {
  format: DocumentFormat;
  unit: SourceUnit;
  /** Number of pages, paragraphs or lines read. */
  parts: number;
  /** The convention's year (article 2, else the fiches' boxes); null when not found. */
  year: number | null;
  /** Article 2: the State's total support for the year; null when not read with certainty. */
  stateTotal: Statement | null;
  /** Every sentence stating the State's total support (article 2 first), the chosen one included. */
  stateTotalMentions: Statement[];
  /** Article 3.1, in document order. */
  codes: CodeStatement[];
  fiches: FicheExtract[];
  unread: Unread[];
  /** False when nothing of a convention was found (no total, no code, no fiche). */
  isConvention: boolean;
  /** Running headers and footers left out. */
  removedLines: number;
}
