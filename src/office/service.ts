/**
 * What the task pane asks of the workbook. The pane depends on this interface only: in Excel it is
 * implemented with Office.js (excelService.ts), in the demo page with the same code over the fake
 * Excel objects, in component tests with a stub.
 */
import { SheetReport } from '../domain/analyze';
import type { ComparisonSheetPlan } from '../domain/compare/sheetPlan';
import type { ConventionFigures } from '../domain/convention/figures';
import { SheetGrid } from '../domain/grid';
import { Lang } from '../domain/messages';

/** The convention's figures the user confirmed for an annex sheet, as kept in the workbook (issue 15). */
export interface StoredConvention {
  figures: ConventionFigures;
  /** When they were confirmed (ISO date, as recorded). */
  at: string;
}

export interface CheckOutcome {
  /** `annex`: a report is there; `notAnnex`: the sheet holds no annex table (see message). */
  status: 'annex' | 'notAnnex';
  sheet: string;
  report?: SheetReport;
  /** For `notAnnex`: what was looked for and what to do, in the pane's language. */
  message?: string;
  /** True when nothing may be written (protected sheet, read-only workbook); reason in French/English. */
  readOnly: boolean;
  readOnlyReason?: string;
  /** What makes it read-only, so the pane can say it again in another language. */
  readOnlyCause?: 'workbook' | 'sheet';
  /** Marks of an earlier run are on the sheet (recorded in the workbook). */
  hasMarks: boolean;
  /** Cells the add-in's marks are on now (what « Effacer les marques » would remove). */
  markedCells?: number;
  /** Codes the add-in filled that are still tracked on the sheet (what « Retirer les imputations complétées » looks at). */
  filledCodes?: number;
  /**
   * The workbook keeps the add-in's record of what it wrote (a summary or comparison sheet,
   * convention figures, filled codes; for this sheet or another): false means « Tout retirer… »
   * has nothing but the marks and codes counted above to remove.
   */
  recordKept?: boolean;
}

/** A code the add-in filled that taking back would empty: still exactly as written. */
export interface CodeToTakeBack {
  sheet: string;
  cell: string;
  code: string;
}

/** What « Retirer les imputations complétées » would do now, before anything is written. */
export interface TakeBackPreview {
  ok: boolean;
  /** Set when nothing can be taken back (protected sheet, unreadable journal…), in the pane's language. */
  message?: string;
  codes: CodeToTakeBack[];
  /** Cells filled by the add-in and changed since (another value, a formula): kept as they are. */
  kept: string[];
}

/** What « Tout retirer… » would remove now for the checked (or active) sheet, before anything is written. */
export interface ClearPreview {
  ok: boolean;
  /** Set when nothing can be removed (nothing there, protected sheet, unreadable journal…), in the pane's language. */
  message?: string;
  /** The annex sheet it is about. */
  sheet: string;
  /** Cells the marks of the findings are on. */
  markedCells: number;
  /** Filled codes that will be emptied (still exactly as written). */
  codes: CodeToTakeBack[];
  /** Filled codes changed since: kept as they are. */
  kept: string[];
  /** The convention's figures confirmed for this sheet will be forgotten. */
  convention: boolean;
  /** The add-in's summary sheets of this sheet: deleted, or kept (changed since, protected, very hidden). */
  summaries: { deleted: string[]; kept: string[] };
  /** Its comparison sheets, likewise. */
  comparisons: { deleted: string[]; kept: string[] };
}

export interface WriteOutcome {
  ok: boolean;
  /** Plain-language result or refusal ("Feuille protégée : …"), in the pane's language. */
  message: string;
  marked?: number;
  filled?: number;
  /** Cells not filled because someone typed in them since the check. */
  skipped?: string[];
  /** Marked cells whose marks were removed (« Effacer les marques »). */
  cleared?: number;
  /** Filled codes taken back. */
  restored?: number;
}

export interface AnnexService {
  /** Read the active sheet (one sync) and run the engine. Writes nothing. */
  check(lang: Lang): Promise<CheckOutcome>;
  /** Mark the findings of `outcome` on the sheet (one write sync), recording what it changes. */
  mark(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome>;
  /** Write the fill plan's codes into cells still empty at write time. */
  fillCodes(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome>;
  /** Insert (or regenerate) the summary sheet. */
  insertSummary(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome>;
  /**
   * « Tout retirer… »: take back everything the add-in wrote for the sheet `outcome` checked (the
   * active sheet without one), exactly: marks, filled codes, its summary and comparison sheets
   * while unchanged, the convention figures kept for it. The sheet is then the active one.
   */
  clear(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome>;
  /** What clear() would remove now, sheet by sheet and cell by cell; writes nothing. */
  previewClear(lang: Lang, outcome?: CheckOutcome): Promise<ClearPreview>;
  /**
   * « Effacer les marques »: remove the marks of the findings only; codes the add-in filled stay.
   * On the sheet `outcome` checked (the active sheet without one), which is then the active one.
   */
  clearMarks(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome>;
  /** The filled codes « Retirer les imputations complétées » would empty now; writes nothing. */
  previewTakeBack(lang: Lang, outcome?: CheckOutcome): Promise<TakeBackPreview>;
  /**
   * « Retirer les imputations complétées »: empty the codes the add-in filled that are still
   * unchanged; marks stay. On the sheet `outcome` checked, as clearMarks.
   */
  takeBackCodes(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome>;
  /** Select a cell of a sheet (a click on a finding). */
  select(sheet: string, cell: string): Promise<void>;
  /** Be told when the checked sheet changes, so the pane can offer to check again. Returns an unsubscribe. */
  onSheetChanged(callback: () => void): Promise<() => void>;
  /**
   * « Diagnostic Excel »: check, on a scratch sheet deleted afterwards, each assumption the add-in
   * makes about Excel (src/office/diagnostic.ts); the report as text to copy. Optional: a service
   * without it shows no such entry.
   */
  diagnose?(lang: Lang): Promise<string>;
  /** « Rapprocher avec la convention… » (issue 15): the figures kept in the workbook for the checked sheet, or null. */
  conventionOf?(outcome: CheckOutcome, lang: Lang): Promise<StoredConvention | null>;
  /** Keep the confirmed figures for the checked sheet in the workbook's journal (null: forget them). */
  saveConvention?(outcome: CheckOutcome, figures: ConventionFigures | null, lang: Lang): Promise<WriteOutcome>;
  /** « Comparer avec… » (issue 16): the visible sheets of the workbook. */
  sheetNames?(): Promise<string[]>;
  /** A sheet of the workbook as the engine reads it (writes nothing). */
  readGrid?(sheet: string): Promise<SheetGrid>;
  /** Insert the comparison sheet for the checked sheet (replacing our earlier one only while unchanged). */
  insertComparison?(outcome: CheckOutcome, plan: ComparisonSheetPlan, lang: Lang): Promise<WriteOutcome>;
}
