/**
 * AnnexService on Office.js: check the active sheet, mark its findings, fill missing Chorus codes,
 * take everything back. Where Microsoft's documentation is silent, this code assumes the least
 * favourable reading (docs/excel-assumptions.md lists every assumption and its source):
 * - conditional-format ids are positions: our rules are found by their tag and deleted in the
 *   same batch that found them, from the last position up; no id is kept from one batch to the next;
 * - nothing but load, isNullObject and delete is used on a possible null object;
 * - no API above ExcelApi 1.13 (the manifest's requirement set) is called, but for
 *   mergeUndoGroup (1.20) when Excel says it has it;
 * - a filled code is found by the id its own rule carries, where it is now, and taken back only
 *   where the sheet confirms it (the journal in the workbook may be forged).
 *
 * Syncs, none of which grows with the sheet: check reads in one (more only past the payload
 * limit, see readSheet.ts). Mark writes in one; when marks of an earlier check are on the sheet,
 * one read comes first, to find them. Fill reads in one (two when the journal's parts were not
 * read before) and writes in one. Clear reads its rules and journal, then the cells they point
 * at, then writes: three (two more reads when the journal records summary or comparison sheets
 * of the sheet: which exist, then what they hold). Nothing is written before everything is
 * verified (protection, read-only workbook, sheet unchanged since the check, cells still empty and
 * on their row). Writes run in one undo group where Excel allows it (ExcelApi 1.20); the journal
 * kept in the workbook is the undo users can always count on (« Tout retirer… »).
 */
import { SheetReport, analyzeSheet } from '../domain/analyze';
import { problemText } from '../domain/words/render';
import { Lang } from '../domain/messages';
import { ChangeWatch } from './changeWatch';
import { ClearDecision, codeIdentities, decideClear, ignoredCells } from './clearDecision';
import { UNDO_GROUP_API, documentIsReadOnly, excelApiSupported, requiredExcelApi } from './environment';
import { OfficeAction, officeErrorCode, officeErrorMessage } from './errors';
import { FillTarget, decideFills, fillTargets, journalFills, queueFillReads, queueFillWrites } from './fills';
import { IgnoredEntry, Journal, JournalReader, JournalReading, JournalSession, SheetJournal, queueJournalReplace, sheetEntry, withSheet } from './journal';
import { CF_SCAN, CODE_TAG, MARK_TAG, isTagged, markedCells, parseCodeIdentity, planConditionalMarks, queueConditionalFormat, queueDeletions, scannedFormula } from './marks';
import { ClearReport, officeText } from './messages';
import { ReadOptions, readSheet } from './readSheet';
import { FillInfo, hasOwnFill } from './sheetBand';
import { AnnexService, CheckOutcome, ClearPreview, StoredConvention, TakeBackPreview, WriteOutcome } from './service';
import type { ComparisonSheetPlan } from '../domain/compare/sheetPlan';
import type { ConventionFigures } from '../domain/convention/figures';
import { SheetGrid } from '../domain/grid';
import { conventionRecordOf, withoutConventionOf } from './conventionRecordData';
import { JournalError } from './journal';
import { readConventionRecordOf } from './conventionRecordRead';

/** What taking back read and decided, before any write. */
interface TakeBackRead {
  sheet: Excel.Worksheet;
  scan: Excel.ConditionalFormatCollection;
  formulas: Array<string | null>;
  read: JournalReading & { partIds: string[] };
  ignoredHere: IgnoredEntry[];
  overLimit: number;
  decided: ClearDecision;
}

/** Writes the summary sheet (summarySheet.ts); runs inside the service's write batch. */
export type SummaryWriter = (context: Excel.RequestContext, outcome: CheckOutcome, lang: Lang) => Promise<WriteOutcome>;

export interface ExcelServiceOptions {
  writeSummary?: SummaryWriter;
  read?: ReadOptions;
  now?: () => Date;
}

/** A condition the add-in cannot work under (Excel too old, an Office error); its message is for the user. */
export class AnnexOfficeError extends Error {
  constructor(
    message: string,
    readonly reason: 'apiTooOld' | 'office',
    readonly code?: string,
  ) {
    super(message);
    this.name = 'AnnexOfficeError';
  }
}

/** What a mark and a fill need of the check they follow. */
interface CheckState {
  sheetId: string;
  sheetName: string;
  protected: boolean;
  /** Change counter when the check's read came back (see ExcelAnnexService.changes). */
  seq: number;
  fills: FillInfo[];
  targets: FillTarget[];
  /** Marks of the add-in are on the sheet: a mark must find and delete them first. */
  marksThere: boolean;
}

export class ExcelAnnexService implements AnnexService {
  /** The journal's parts as last read, kept from one batch to the next. */
  private readonly journal = new JournalSession();
  /** Per checked report (shallow copies of an outcome keep it): what its mark and fill need. */
  private readonly checks = new WeakMap<SheetReport, CheckState>();
  /** The user's changes since each check, told from the add-in's own writes. */
  private readonly changes = new ChangeWatch();

  constructor(private readonly options: ExcelServiceOptions = {}) {}

  private date(): Date {
    return this.options.now?.() ?? new Date();
  }

  private run<T>(write: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (write && excelApiSupported(UNDO_GROUP_API)) options.mergeUndoGroup = true;
    return Excel.run(options, batch);
  }

  /** A write in plain words when Excel fails it (cell-edit mode, protection, a vanished sheet…). */
  private async write(action: OfficeAction, lang: Lang, body: () => Promise<WriteOutcome>): Promise<WriteOutcome> {
    try {
      return await body();
    } catch (e) {
      const code = officeErrorCode(e);
      if (!code) throw e;
      return { ok: false, message: officeErrorMessage(code, lang, action) };
    }
  }

  /** Refusals that need no sync. */
  private refuseWrite(outcome: CheckOutcome | null, lang: Lang, action: 'mark' | 'fill' | 'clear' | 'summary'): WriteOutcome | null {
    if (outcome && (outcome.status !== 'annex' || !outcome.report)) return { ok: false, message: officeText.notAnnex(lang) };
    if (documentIsReadOnly()) return { ok: false, message: officeText.readOnlyWorkbook(lang, action) };
    return null;
  }

  private assertApi(lang: Lang): void {
    const required = requiredExcelApi();
    if (!excelApiSupported(required)) throw new AnnexOfficeError(officeText.apiTooOld(lang, required), 'apiTooOld');
  }

  async check(lang: Lang): Promise<CheckOutcome> {
    this.assertApi(lang);
    try {
      return await this.run(false, async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        const journal = new JournalReader(context);
        let scan!: Excel.ConditionalFormatCollection;
        let seq = 0;
        const read = await readSheet(context, sheet, {
          ...this.options.read,
          alongside: () => {
            sheet.load('name,id');
            sheet.protection.load('protected');
            journal.queue();
            scan = sheet.getRange().conditionalFormats;
            scan.load(CF_SCAN);
            // Again if a first request is retried: a second handler only counts changes twice.
            if (!this.changes.registered) context.workbook.worksheets.onChanged.add(async (args) => this.changes.noteChange(args));
          },
          firstSynced: () => {
            seq = this.changes.registeredNow();
          },
        });
        const isProtected = sheet.protection.protected;
        read.grid.protected = isProtected;
        const report = analyzeSheet(read.grid);
        this.journal.knownPartIds = journal.partIds;
        const formulas = scan.items.map(scannedFormula);
        const marksThere = formulas.some((f) => isTagged(f, MARK_TAG));
        const codesThere = formulas.some((f) => isTagged(f, CODE_TAG));
        this.checks.set(report, {
          sheetId: sheet.id,
          sheetName: sheet.name,
          protected: isProtected,
          seq,
          fills: read.fills,
          targets: fillTargets(report, read.grid),
          marksThere,
        });
        const readOnlyWorkbook = documentIsReadOnly();
        const outcome: CheckOutcome = {
          status: report.isAnnex ? 'annex' : 'notAnnex',
          sheet: read.grid.name,
          report,
          readOnly: isProtected || readOnlyWorkbook,
          hasMarks: marksThere || codesThere,
          markedCells: markedCells(formulas),
          filledCodes: formulas.filter((f) => isTagged(f, CODE_TAG)).length,
          recordKept: journal.partIds.length > 0,
        };
        if (report.problem) outcome.message = problemText(report.problem, lang, report.template);
        if (readOnlyWorkbook || isProtected) {
          outcome.readOnlyCause = readOnlyWorkbook ? 'workbook' : 'sheet';
          outcome.readOnlyReason = readOnlyWorkbook ? officeText.readOnlyWorkbook(lang, 'mark') : officeText.protectedSheet(lang, 'mark');
        }
        return outcome;
      });
    } catch (e) {
      const code = officeErrorCode(e);
      if (!code) throw e;
      throw new AnnexOfficeError(officeErrorMessage(code, lang, 'check'), 'office', code);
    }
  }

  async mark(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome> {
    const refused = this.refuseWrite(outcome, lang, 'mark');
    if (refused) return refused;
    const report = outcome.report!;
    const check = this.checks.get(report);
    // An outcome this service did not produce: its sheet may be anything by now.
    if (!check) return { ok: false, message: officeText.checkFirst(lang) };
    if (check.protected) return { ok: false, message: officeText.protectedSheet(lang, 'mark') };
    // Change events Excel has already sent are handled before deciding (they come as tasks).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const changed = this.changes.changedSince(check.sheetId, check.seq);
    if (changed) return { ok: false, message: officeText.sheetChanged(lang, changed) };
    const { specs, marked } = planConditionalMarks(report, (row, col) => hasOwnFill(check.fills, row, col));
    return this.write('mark', lang, () =>
      this.run(true, async (context) => {
        const sheet = context.workbook.worksheets.getItem(check.sheetId);
        if (check.marksThere) {
          // Earlier marks: found and deleted in this batch, last position first, before anything is added.
          const scan = sheet.getRange().conditionalFormats;
          scan.load(CF_SCAN);
          await context.sync();
          queueDeletions(scan, (f) => isTagged(f, MARK_TAG));
        }
        for (const spec of specs) queueConditionalFormat(sheet, spec);
        await context.sync();
        check.marksThere = specs.length > 0;
        return { ok: true, marked, message: marked ? officeText.marked(lang, marked, check.sheetName) : officeText.nothingToMark(lang) };
      }),
    );
  }

  async fillCodes(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome> {
    if (outcome.status !== 'annex' || !outcome.report) return { ok: false, message: officeText.notAnnex(lang) };
    const fills = outcome.report.fills;
    if (!fills.length) return { ok: true, filled: 0, skipped: [], message: officeText.nothingToFill(lang) };
    const refused = this.refuseWrite(outcome, lang, 'fill');
    if (refused) return refused;
    const check = this.checks.get(outcome.report);
    if (!check) return { ok: false, message: officeText.checkFirst(lang) };
    return this.write('fill', lang, () =>
      this.run(true, async (context) => {
        // The sheet by the id the check read: it exists, or the read fails with ItemNotFound.
        const sheet = context.workbook.worksheets.getItem(check.sheetId);
        let scan!: Excel.ConditionalFormatCollection;
        let checks!: ReturnType<typeof queueFillReads>;
        const reader = await this.journal.read(
          context,
          () => {
            sheet.load('name,id');
            sheet.protection.load('protected');
            scan = sheet.getRange().conditionalFormats;
            scan.load(CF_SCAN);
            checks = queueFillReads(sheet, check.targets);
          },
          check.sheetId,
        );
        if (reader === 'sheetGone') return { ok: false, message: officeText.sheetGone(lang, check.sheetName) };
        if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'fill') };
        const read = await this.journal.result(reader);
        if (!read) return { ok: false, message: officeText.journalUnreadable(lang) };
        const { writes, skipped, moved } = decideFills(checks, this.date());
        const message = officeText.filled(lang, writes.length, skipped, moved);
        if (!writes.length) return { ok: true, filled: 0, skipped: [...skipped, ...moved], message };

        // A rule of an earlier fill on a cell written now would double up: it goes, with its entry.
        const cells = new Set(writes.map((w) => w.check.target.fill.cell));
        const stale = new Set<string>();
        const entry = sheetEntry(read.journal, sheet.id, sheet.name) ?? { sheetId: sheet.id, sheetName: sheet.name, fills: [] };
        const at = this.date().toISOString();
        const next: SheetJournal = {
          sheetId: sheet.id,
          sheetName: sheet.name,
          fills: [...entry.fills, ...journalFills(writes, at)],
        };
        queueDeletions(scan, (f) => {
          const identity = isTagged(f, CODE_TAG) ? parseCodeIdentity(f) : null;
          if (!identity?.cell || !cells.has(identity.cell)) return false;
          stale.add(identity.id);
          return true;
        });
        next.fills = next.fills.filter((f) => !stale.has(f.id));
        // The journal first: if Excel stops half-way, it holds entries nothing confirms, never codes nothing records.
        const part = queueJournalReplace(context, read.partIds, withSheet(read.journal, next))?.load('id') ?? null;
        queueFillWrites(writes);
        this.changes.noteOwnWrites([...cells]);
        await context.sync();
        this.journal.knownPartIds = part ? [part.id] : [];
        return { ok: true, filled: writes.length, skipped: [...skipped, ...moved], message };
      }),
    );
  }

  async insertSummary(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome> {
    const writer = this.options.writeSummary;
    if (!writer) return { ok: false, message: officeText.summaryUnavailable(lang) };
    const refused = this.refuseWrite(outcome, lang, 'summary');
    if (refused) return refused;
    return this.write('summary', lang, async () => {
      const written = await this.run(true, (context) => writer(context, outcome, lang));
      const parts = (written as { journalPartIds?: string[] }).journalPartIds;
      if (parts) this.journal.knownPartIds = parts;
      return written;
    });
  }

  async clear(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome> {
    return this.takeBack(lang, { marks: true, target: this.targetOf(outcome) });
  }

  /** The checked sheet of an outcome this service produced (by id), else none: the active sheet. */
  private targetOf(outcome: CheckOutcome | undefined): { sheetId: string; sheetName: string } | undefined {
    return (outcome?.status === 'annex' && this.checkedSheet(outcome)) || undefined;
  }

  async previewClear(lang: Lang, outcome?: CheckOutcome): Promise<ClearPreview> {
    const empty: ClearPreview = { ok: true, sheet: '', markedCells: 0, codes: [], kept: [], convention: false, summaries: { deleted: [], kept: [] }, comparisons: { deleted: [], kept: [] } };
    if (documentIsReadOnly()) return { ...empty, ok: false, message: officeText.readOnlyWorkbook(lang, 'clear') };
    const target = this.targetOf(outcome);
    try {
      return await this.run(false, async (context) => {
        const read = await this.readTakeBack(context, lang, officeText.nothingToClear(lang), true, target);
        if ('message' in read) return { ...empty, ok: read.ok, message: read.message };
        const { sheet, formulas, decided } = read;
        const sheets = await (await import('./ourSheets')).planOurSheetsRemoval(context, read.read.journal, { sheetId: sheet.id, sheetName: sheet.name });
        return {
          ok: true,
          sheet: sheet.name,
          markedCells: markedCells(formulas),
          codes: decided.restore.map((r) => ({ sheet: sheet.name, cell: r.cell, code: r.fill.written })),
          kept: decided.kept,
          convention: !!conventionRecordOf(read.read.journal.conventions, sheet.id, sheet.name),
          summaries: sheets.summaries,
          comparisons: sheets.comparisons,
        };
      });
    } catch (e) {
      const code = officeErrorCode(e);
      if (!code) throw e;
      return { ...empty, ok: false, message: officeErrorMessage(code, lang, 'clear') };
    }
  }

  async takeBackCodes(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome> {
    return this.takeBack(lang, { marks: false, target: this.targetOf(outcome) });
  }

  async clearMarks(lang: Lang, outcome?: CheckOutcome): Promise<WriteOutcome> {
    const refused = this.refuseWrite(null, lang, 'clear');
    if (refused) return refused;
    const target = this.targetOf(outcome);
    return this.write('clear', lang, () =>
      this.run(true, async (context) => {
        // The checked sheet, not the active one: after « Insérer la synthèse » the summary is active.
        const sheet = target ? context.workbook.worksheets.getItem(target.sheetId) : context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name,id,visibility');
        sheet.protection.load('protected');
        const scan = sheet.getRange().conditionalFormats;
        scan.load(CF_SCAN);
        try {
          await context.sync();
        } catch (e) {
          if (target && officeErrorCode(e) === 'ItemNotFound') return { ok: false, message: officeText.sheetGone(lang, target.sheetName) };
          throw e;
        }
        const formulas = scan.items.map(scannedFormula);
        const cells = markedCells(formulas);
        const rules = formulas.filter((f) => isTagged(f, MARK_TAG)).length;
        const codes = formulas.filter((f) => isTagged(f, CODE_TAG)).length;
        if (!rules) return { ok: true, cleared: 0, message: officeText.noMarks(lang, codes) };
        if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'clear') };
        // The filled codes' rules stay: they carry what « Retirer les imputations complétées » needs.
        queueDeletions(scan, (f) => isTagged(f, MARK_TAG));
        // The cleared sheet is shown, so that the pane's check after it reads this sheet.
        if (target && sheet.visibility === 'Visible') sheet.activate();
        await context.sync();
        return { ok: true, marked: 0, cleared: cells, message: officeText.marksCleared(lang, cells, codes) };
      }),
    );
  }

  async previewTakeBack(lang: Lang, outcome?: CheckOutcome): Promise<TakeBackPreview> {
    if (documentIsReadOnly()) return { ok: false, message: officeText.readOnlyWorkbook(lang, 'clear'), codes: [], kept: [] };
    const target = this.targetOf(outcome);
    try {
      return await this.run(false, async (context) => {
        const read = await this.readTakeBack(context, lang, officeText.nothingToTakeBack(lang), false, target);
        if ('message' in read) return { ok: read.ok, message: read.message, codes: [], kept: [] };
        return {
          ok: true,
          codes: read.decided.restore.map((r) => ({ sheet: read.sheet.name, cell: r.cell, code: r.fill.written })),
          kept: read.decided.kept,
        };
      });
    } catch (e) {
      const code = officeErrorCode(e);
      if (!code) throw e;
      return { ok: false, message: officeErrorMessage(code, lang, 'clear'), codes: [], kept: [] };
    }
  }

  /**
   * Reads what taking back needs (the sheet, its rules, the journal, the cells the codes' rules
   * point at) and decides from what the sheet shows: two syncs, nothing written.
   */
  private async readTakeBack(
    context: Excel.RequestContext,
    lang: Lang,
    nothing: string,
    withExtras = false,
    target?: { sheetId: string; sheetName: string },
  ): Promise<TakeBackRead | WriteOutcome> {
    // 1. The sheet (the checked one by its id when given, else the active one), its rules, the journal.
    const sheet = target ? context.workbook.worksheets.getItem(target.sheetId) : context.workbook.worksheets.getActiveWorksheet();
    let scan!: Excel.ConditionalFormatCollection;
    const reader = await this.journal.read(
      context,
      () => {
        sheet.load('name,id,visibility');
        sheet.protection.load('protected');
        scan = sheet.getRange().conditionalFormats;
        scan.load(CF_SCAN);
      },
      target?.sheetId,
    );
    if (reader === 'sheetGone' && target) return { ok: false, message: officeText.sheetGone(lang, target.sheetName) };
    if (reader === 'sheetGone') return { ok: false, message: nothing };
    const formulas = scan.items.map(scannedFormula);
    const ours = formulas.filter((f) => isTagged(f, MARK_TAG) || isTagged(f, CODE_TAG));
    if (!ours.length && !reader.partIds.length) return { ok: true, message: nothing };
    if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'clear') };

    // 2. Where each filled code is now, by the id its own rule carries, and its row's anchor.
    const { identities, overLimit } = codeIdentities(formulas);
    const cellReads = new Map<string, Excel.Range>();
    const readCell = (cell: string) => {
      if (!cellReads.has(cell)) cellReads.set(cell, sheet.getRange(cell).load('values,formulas,numberFormat'));
    };
    for (const identity of identities) {
      if (identity.cell) readCell(identity.cell);
      if (identity.anchor) readCell(identity.anchor);
    }
    // The journal's parts not read yet come along; if they make the request too large, apart.
    const partsToo = reader.queueMissing();
    try {
      await context.sync();
    } catch (e) {
      if (!partsToo || !/PayloadSizeLimitExceeded$/.test(officeErrorCode(e) ?? '')) throw e;
      for (const cell of [...cellReads.keys()]) cellReads.set(cell, sheet.getRange(cell).load('values,formulas,numberFormat'));
      await context.sync();
    }
    const read = await this.journal.result(reader);
    if (!read) return { ok: false, message: officeText.journalUnreadable(lang) };
    const entry = sheetEntry(read.journal, sheet.id, sheet.name);
    const ignoredHere = read.ignored.filter((i) => i.sheetId === null || i.sheetId === sheet.id || i.sheetId === entry?.sheetId);
    // The journal speaks of other sheets only: nothing here to take back, nothing to write.
    const extrasHere =
      withExtras &&
      (!!conventionRecordOf(read.journal.conventions, sheet.id, sheet.name) ||
        !!read.journal.comparisons?.some((r) => r.source === sheet.id) ||
        read.journal.summaries.some((r) => r.source === sheet.name));
    if (!ours.length && !entry && !ignoredHere.length && !extrasHere) return { ok: true, message: nothing };
    const decided = decideClear(entry?.fills ?? [], identities, cellReads);
    return { sheet, scan, formulas, read, ignoredHere, overLimit, decided };
  }

  /**
   * Take back the codes the add-in filled that the sheet confirms (and, with `marks`, the marks
   * too): reads in two syncs, then writes in one. A code changed since is kept, never emptied.
   */
  private async takeBack(lang: Lang, what: { marks: boolean; target?: { sheetId: string; sheetName: string } }): Promise<WriteOutcome> {
    const refused = this.refuseWrite(null, lang, 'clear');
    if (refused) return refused;
    return this.write('clear', lang, () =>
      this.run(true, async (context) => {
        const got = await this.readTakeBack(context, lang, what.marks ? officeText.nothingToClear(lang) : officeText.nothingToTakeBack(lang), what.marks, what.target);
        if ('message' in got) return got;
        const { sheet, scan, formulas, read, ignoredHere, overLimit, decided } = got;
        if (!what.marks && !formulas.some((f) => isTagged(f, CODE_TAG)) && !decided.restore.length && !ignoredHere.length && !read.partIds.length) {
          return { ok: true, restored: 0, message: officeText.nothingToTakeBack(lang) };
        }
        // 3. The write: the journal's entry of this sheet goes (codes taken back or left to the user).
        // Taking back everything (« Tout retirer… »): the sheet's confirmed convention figures, its
        // summary and comparison sheets (recorded, unchanged) go too; taking back the codes touches none.
        const extras = what.marks ? await (await import('./ourSheets')).planOurSheetsRemoval(context, read.journal, { sheetId: sheet.id, sheetName: sheet.name }) : null;
        extras?.queueDeletions();
        // The cleared sheet is shown, so that the pane's check after it reads this sheet.
        if (what.target && sheet.visibility === 'Visible') sheet.activate();
        const dropped = extras ? { ...extras.journal, conventions: withoutConventionOf(read.journal.conventions, sheet.id, sheet.name) } : read.journal;
        const nextJournal: Journal = withSheet(dropped, { sheetId: sheet.id, sheetName: sheet.name, fills: [] });
        const part = queueJournalReplace(context, read.partIds, nextJournal)?.load('id') ?? null;
        queueDeletions(scan, (f) => (what.marks && isTagged(f, MARK_TAG)) || isTagged(f, CODE_TAG));
        for (const r of decided.restore) {
          r.range.values = [[r.fill.before]];
          if (r.format !== undefined) r.range.numberFormat = [[r.format]];
        }
        this.changes.noteOwnWrites(decided.restore.map((r) => r.cell));
        await context.sync();
        this.journal.knownPartIds = part ? [part.id] : [];
        const result: ClearReport = {
          marks: what.marks ? markedCells(formulas) : 0,
          restored: decided.restore.length,
          kept: decided.kept,
          notFound: decided.notFound,
          ignored: [...decided.ignored, ...ignoredCells(ignoredHere)],
          ignoredCount: ignoredHere.length + decided.ignored.length + overLimit,
          formatsLeft: decided.formatsLeft,
        };
        if (!what.marks) {
          return { ok: true, marked: 0, filled: 0, restored: decided.restore.length, skipped: decided.kept, message: officeText.codesTakenBack(lang, result) };
        }
        const conventionGone = (read.journal.conventions?.length ?? 0) !== (dropped.conventions?.length ?? 0);
        const sheets = extras ?? { summaries: { deleted: [], kept: [] }, comparisons: { deleted: [], kept: [] } };
        const anySheet = [sheets.summaries, sheets.comparisons].some((f) => f.deleted.length || f.kept.length);
        const { extraWords } = conventionGone || anySheet ? await import('./extraWords') : { extraWords: null };
        const more = extraWords
          ? [...extraWords.summariesCleared(lang, sheets.summaries.deleted, sheets.summaries.kept), ...extraWords.cleared(lang, conventionGone, sheets.comparisons.deleted, sheets.comparisons.kept)]
          : [];
        return { ok: true, marked: 0, filled: 0, restored: decided.restore.length, skipped: decided.kept, message: [officeText.cleared(lang, result), ...more].join(' ') };
      }),
    );
  }

  async diagnose(lang: Lang): Promise<string> {
    // Loaded when asked for: the pane's first load does not carry it.
    const { formatDiagnostic, runDiagnostic } = await import('./diagnostic');
    return formatDiagnostic(await runDiagnostic({ now: this.options.now }), lang);
  }

  /** The sheet a convention or a comparison is kept for: the one the outcome's check read. */
  private checkedSheet(outcome: CheckOutcome): { sheetId: string; sheetName: string } | null {
    const check = outcome.report ? this.checks.get(outcome.report) : undefined;
    return check ? { sheetId: check.sheetId, sheetName: check.sheetName } : null;
  }

  async conventionOf(outcome: CheckOutcome): Promise<StoredConvention | null> {
    const sheet = this.checkedSheet(outcome);
    if (!sheet) return null;
    try {
      const record = await this.run(false, (context) => readConventionRecordOf(context, sheet));
      return record ? { figures: record.figures, at: record.at } : null;
    } catch (e) {
      // An unreadable journal keeps nothing the pane could show; the check itself says so when it matters.
      if (e instanceof JournalError) return null;
      throw e;
    }
  }

  async saveConvention(outcome: CheckOutcome, figures: ConventionFigures | null, lang: Lang): Promise<WriteOutcome> {
    if (outcome.status !== 'annex' || !outcome.report) return { ok: false, message: officeText.notAnnex(lang) };
    if (documentIsReadOnly()) return { ok: false, message: officeText.readOnlyWorkbook(lang, 'summary') };
    const sheet = this.checkedSheet(outcome);
    if (!sheet) return { ok: false, message: officeText.checkFirst(lang) };
    const { writeConventionRecord } = await import('./conventionRecord');
    const { extraWords } = await import('./extraWords');
    return this.write('summary', lang, async () => {
      try {
        this.journal.knownPartIds = await this.run(true, (context) => writeConventionRecord(context, sheet, figures, this.date()));
      } catch (e) {
        if (e instanceof JournalError) return { ok: false, message: officeText.journalUnreadable(lang) };
        throw e;
      }
      return { ok: true, message: extraWords.conventionSaved(lang, figures !== null, sheet.sheetName) };
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(false, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    });
  }

  async readGrid(name: string): Promise<SheetGrid> {
    return this.run(false, async (context) => {
      const read = await readSheet(context, context.workbook.worksheets.getItem(name), this.options.read);
      return read.grid;
    });
  }

  async insertComparison(outcome: CheckOutcome, plan: ComparisonSheetPlan, lang: Lang): Promise<WriteOutcome> {
    const refused = this.refuseWrite(outcome, lang, 'summary');
    if (refused) return refused;
    const sheet = this.checkedSheet(outcome);
    if (!sheet) return { ok: false, message: officeText.checkFirst(lang) };
    const { writeComparisonPlan } = await import('./comparisonSheet');
    return this.write('summary', lang, async () => {
      const written = await this.run(true, (context) => writeComparisonPlan(context, plan, sheet.sheetId, lang, this.date()));
      if (written.journalPartIds) this.journal.knownPartIds = written.journalPartIds;
      return written;
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(false, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  async onSheetChanged(callback: () => void): Promise<() => void> {
    return this.run(false, async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      let active = true;
      const registration = sheet.onChanged.add(async (args) => {
        if (active && !this.changes.isOwnWrite(args)) callback();
      });
      await context.sync();
      return () => {
        active = false;
        // A failure to unregister surfaces as an unhandled rejection; the handler is already inert.
        void Excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      };
    });
  }
}

export function createExcelService(options: ExcelServiceOptions = {}): AnnexService {
  return new ExcelAnnexService(options);
}
