/**
 * AnnexService on Office.js: check the active sheet, mark its findings, fill missing Chorus codes,
 * take everything back. Syncs do not grow with the sheet: check reads in one sync (ceil(bytes / 4 MiB)
 * beyond Excel on the web's 5 MB, see readSheet.ts); mark writes in one sync, with nothing to read:
 * the check's read brought all it needs (protection, the journal, our conditional formats, which
 * cells have a fill of their own), and a workbook-wide change handler registered in that same read
 * tells whether the sheet changed since. Fill and clear read what they must verify in one sync
 * (cells still empty, codes still ours) and write in one more. Nothing is written before
 * everything is verified (protection, read-only workbook, sheet unchanged since the check, cells
 * still empty). Writes run in one undo group where Excel allows it (ExcelApi 1.20); the journal
 * kept in the workbook is the undo users can always count on ("Effacer les marques").
 */
import { SheetReport, analyzeSheet } from '../domain/analyze';
import { Lang } from '../domain/messages';
import { parseRect } from './a1';
import { UNDO_GROUP_API, documentIsReadOnly, excelApiSupported, requiredExcelApi } from './environment';
import { decideFills, queueFillReads, queueFillWrites } from './fills';
import { Journal, JournalError, JournalFill, JournalReader, SheetJournal, queueJournalReplace, queueJournalWrite, sheetEntry, withSheet } from './journal';
import { CF_SCAN, CODE_TAG, MARK_TAG, codeCellOf, isTagged, planConditionalMarks, queueConditionalFormat, scannedFormula, toJournalMark } from './marks';
import { officeText } from './messages';
import { FillInfo, ReadOptions, hasOwnFill, readSheet } from './readSheet';
import { AnnexService, CheckOutcome, WriteOutcome } from './service';

/** Writes the summary sheet (summarySheet.ts); runs inside the service's write batch. */
export type SummaryWriter = (context: Excel.RequestContext, outcome: CheckOutcome, lang: Lang) => Promise<WriteOutcome>;

export interface ExcelServiceOptions {
  writeSummary?: SummaryWriter;
  read?: ReadOptions;
  now?: () => Date;
}

/** A condition the add-in cannot work under (Excel too old); its message is for the user. */
export class AnnexOfficeError extends Error {
  constructor(
    message: string,
    readonly reason: 'apiTooOld',
  ) {
    super(message);
    this.name = 'AnnexOfficeError';
  }
}

const isAccessDenied = (e: unknown) => (e as { code?: string } | null)?.code === 'AccessDenied';

/** What fill and clear read first about their sheet: name, protection, our journal, its conditional formats. */
function queueSheetState(context: Excel.RequestContext, sheet: Excel.Worksheet) {
  sheet.load('name,id');
  sheet.protection.load('protected');
  const journal = new JournalReader(context);
  journal.queue();
  const scan = sheet.getRange().conditionalFormats;
  scan.load(CF_SCAN);
  return { sheet, journal, scan };
}

function emptyEntry(sheetId: string, sheetName: string): SheetJournal {
  return { sheetId, sheetName, marks: [], fills: [] };
}

/** Our conditional formats among those scanned, by tag. */
function tagged(scan: Excel.ConditionalFormatCollection, ...tags: string[]): Excel.ConditionalFormat[] {
  return scan.items.filter((cf) => {
    const f = scannedFormula(cf);
    return tags.some((tag) => isTagged(f, tag));
  });
}

/**
 * What the add-in knows of a sheet's writable state, from the last read of it and its own writes
 * since: the journal (null when unreadable), the parts holding it, our marks' conditional formats.
 */
interface SheetState {
  journal: Journal | null;
  partIds: string[];
  markIds: string[];
}

/** What a mark needs of the check it follows. */
interface CheckState {
  sheetId: string;
  sheetName: string;
  protected: boolean;
  /** Change counter when the check's read came back (see ExcelAnnexService.changes). */
  seq: number;
  fills: FillInfo[];
}

/** Local address of an event's `'Annexe 9'!B5:C9`. */
const localAddress = (address: string) => (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '');

export class ExcelAnnexService implements AnnexService {
  /** Cells the add-in just wrote, to tell its own changes from the user's on builds without triggerSource. */
  private ownWrites = { cells: new Set<string>(), until: 0 };
  /** Filled cells of the journal last read (any sheet), so that clear can read them in its first sync. */
  private knownFillCells = new Set<string>();
  /** Per sheet id: journal, its parts, our marks (kept current by every read and write). */
  private readonly sheetStates = new Map<string, SheetState>();
  /** Per checked report (shallow copies of an outcome keep it): what its mark needs. */
  private readonly checks = new WeakMap<SheetReport, CheckState>();
  /**
   * The user's changes, counted by a workbook-wide onChanged handler registered with the first
   * check's read (no sync of its own): a mark refuses when its sheet changed after its check's read.
   */
  private readonly changes = { registered: false, seq: 0, last: new Map<string, { seq: number; address: string }>() };

  constructor(private readonly options: ExcelServiceOptions = {}) {}

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private run<T>(write: boolean, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (write && excelApiSupported(UNDO_GROUP_API)) options.mergeUndoGroup = true;
    return Excel.run(options, batch);
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
    return this.run(false, async (context) => {
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
          if (!this.changes.registered) context.workbook.worksheets.onChanged.add(async (args) => this.noteChange(args));
        },
        firstSynced: () => {
          this.changes.registered = true;
          seq = this.changes.seq;
        },
      });
      const isProtected = sheet.protection.protected;
      read.grid.protected = isProtected;
      const report = analyzeSheet(read.grid, { lang });
      let hasFills = false;
      const state: SheetState = { journal: null, partIds: [], markIds: tagged(scan, MARK_TAG).map((cf) => cf.id) };
      try {
        const { journal: j, parts } = await journal.result();
        this.knownFillCells = new Set(j.sheets.flatMap((s) => s.fills.map((f) => f.cell)));
        hasFills = (sheetEntry(j, sheet.id, sheet.name)?.fills.length ?? 0) > 0;
        state.journal = j;
        state.partIds = parts.map((p) => p.id);
      } catch (e) {
        // An unreadable journal does not stop the check; writes will refuse and say why.
        if (!(e instanceof JournalError)) throw e;
        hasFills = true;
      }
      this.sheetStates.set(sheet.id, state);
      this.checks.set(report, { sheetId: sheet.id, sheetName: sheet.name, protected: isProtected, seq, fills: read.fills });
      const hasMarks = hasFills || tagged(scan, MARK_TAG, CODE_TAG).length > 0;
      const readOnlyWorkbook = documentIsReadOnly();
      const outcome: CheckOutcome = {
        status: report.isAnnex ? 'annex' : 'notAnnex',
        sheet: read.grid.name,
        report,
        readOnly: isProtected || readOnlyWorkbook,
        hasMarks,
      };
      if (!report.isAnnex) outcome.message = report.message;
      if (readOnlyWorkbook) outcome.readOnlyReason = officeText.readOnlyWorkbook(lang, 'mark');
      else if (isProtected) outcome.readOnlyReason = officeText.protectedSheet(lang, 'mark');
      return outcome;
    });
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
    const change = this.changes.last.get(check.sheetId);
    if (change && change.seq > check.seq) return { ok: false, message: officeText.sheetChanged(lang, localAddress(change.address)) };
    const state = this.sheetStates.get(check.sheetId);
    if (!state?.journal) return { ok: false, message: officeText.journalUnreadable(lang) };
    const journal = state.journal;
    const { specs, marked } = planConditionalMarks(report, (row, col) => hasOwnFill(check.fills, row, col));
    try {
      return await this.run(true, async (context) => {
        // One write: old marks out, new marks in, then the journal (last: our rules are found by their tag anyway).
        const sheet = context.workbook.worksheets.getItem(check.sheetId);
        const existing = sheet.getRange().conditionalFormats;
        for (const id of state.markIds) existing.getItemOrNullObject(id).delete();
        const added = specs.map((spec) => queueConditionalFormat(sheet, spec).load('id'));
        const entry = sheetEntry(journal, check.sheetId, check.sheetName) ?? emptyEntry(check.sheetId, check.sheetName);
        const next: SheetJournal = {
          ...entry,
          sheetId: check.sheetId,
          sheetName: check.sheetName,
          marks: [...entry.marks.filter((m) => m.kind === 'code'), ...specs.map(toJournalMark)],
          markedAt: this.now(),
        };
        const nextJournal = withSheet(journal, next);
        const part = queueJournalReplace(context, state.partIds, nextJournal)?.load('id') ?? null;
        await context.sync();
        this.sheetStates.set(check.sheetId, { journal: nextJournal, partIds: part ? [part.id] : [], markIds: added.map((cf) => cf.id) });
        return { ok: true, marked, message: marked ? officeText.marked(lang, marked, check.sheetName) : officeText.nothingToMark(lang) };
      });
    } catch (e) {
      if (isAccessDenied(e)) return { ok: false, message: officeText.accessDenied(lang) };
      throw e;
    }
  }

  async fillCodes(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome> {
    if (outcome.status !== 'annex' || !outcome.report) return { ok: false, message: officeText.notAnnex(lang) };
    const fills = outcome.report.fills;
    if (!fills.length) return { ok: true, filled: 0, skipped: [], message: officeText.nothingToFill(lang) };
    const refused = this.refuseWrite(outcome, lang, 'fill');
    if (refused) return refused;
    try {
      return await this.run(true, async (context) => {
        const { sheet, journal, scan } = queueSheetState(context, context.workbook.worksheets.getItemOrNullObject(outcome.sheet));
        const checks = queueFillReads(sheet, fills);
        await context.sync();

        if (sheet.isNullObject) return { ok: false, message: officeText.sheetGone(lang, outcome.sheet) };
        if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'fill') };
        const read = await this.readJournal(journal, lang);
        if ('refusal' in read) return read.refusal;
        const { writes, skipped } = decideFills(checks);
        if (!writes.length) return { ok: true, filled: 0, skipped, message: officeText.filled(lang, 0, skipped) };

        const cells = new Set(writes.map((w) => w.check.fill.cell));
        // A code rule left from an earlier fill of the same cell would double up.
        for (const cf of scan.items) {
          const f = scannedFormula(cf);
          if (isTagged(f, CODE_TAG) && cells.has(codeCellOf(f!) ?? '')) cf.delete();
        }
        const written = queueFillWrites(writes, this.now());
        const entry = sheetEntry(read.journal, sheet.id, sheet.name) ?? emptyEntry(sheet.id, sheet.name);
        const next: SheetJournal = {
          ...entry,
          sheetId: sheet.id,
          sheetName: sheet.name,
          fills: [...entry.fills.filter((f) => !cells.has(f.cell)), ...written.fills],
          marks: [...entry.marks.filter((m) => !(m.kind === 'code' && cells.has(m.range))), ...written.marks],
        };
        const nextJournal = withSheet(read.journal, next);
        const part = queueJournalWrite(context, read.parts, nextJournal)?.load('id') ?? null;
        this.noteOwnWrites([...cells]);
        await context.sync();
        cells.forEach((c) => this.knownFillCells.add(c));
        this.sheetStates.set(sheet.id, { journal: nextJournal, partIds: part ? [part.id] : [], markIds: tagged(scan, MARK_TAG).map((cf) => cf.id) });
        return { ok: true, filled: writes.length, skipped, message: officeText.filled(lang, writes.length, skipped) };
      });
    } catch (e) {
      if (isAccessDenied(e)) return { ok: false, message: officeText.accessDenied(lang) };
      throw e;
    }
  }

  async insertSummary(outcome: CheckOutcome, lang: Lang): Promise<WriteOutcome> {
    const writer = this.options.writeSummary;
    if (!writer) return { ok: false, message: officeText.summaryUnavailable(lang) };
    const refused = this.refuseWrite(outcome, lang, 'summary');
    if (refused) return refused;
    try {
      return await this.run(true, (context) => writer(context, outcome, lang));
    } catch (e) {
      if (isAccessDenied(e)) return { ok: false, message: officeText.accessDenied(lang) };
      throw e;
    }
  }

  async clear(lang: Lang): Promise<WriteOutcome> {
    const refused = this.refuseWrite(null, lang, 'clear');
    if (refused) return refused;
    try {
      return await this.run(true, async (context) => {
        const { sheet, journal, scan } = queueSheetState(context, context.workbook.worksheets.getActiveWorksheet());
        // Cells filled earlier in this session, read now to save a sync (the journal tells which count).
        const current = new Map<string, Excel.Range>();
        const readCell = (cell: string) => {
          const range = sheet.getRange(cell);
          range.load('values,formulas');
          current.set(cell, range);
        };
        this.knownFillCells.forEach(readCell);
        await context.sync();

        const read = await this.readJournal(journal, lang);
        if ('refusal' in read) return read.refusal;
        const entry = sheetEntry(read.journal, sheet.id, sheet.name);
        const ours = tagged(scan, MARK_TAG, CODE_TAG);
        const fills = entry?.fills ?? [];
        if (!ours.length && !fills.length && !entry) return { ok: true, message: officeText.nothingToClear(lang) };
        if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'clear') };

        // The filled cells as they are now: a code is taken back only if it is still ours.
        const unread = fills.filter((f) => !current.has(f.cell));
        unread.forEach((f) => readCell(f.cell));
        if (unread.length) await context.sync();
        const restore: Array<{ fill: JournalFill; range: Excel.Range }> = [];
        const kept: string[] = [];
        for (const fill of fills) {
          const range = current.get(fill.cell)!;
          const formula = range.formulas[0][0];
          const still = range.values[0][0] === fill.written && !(typeof formula === 'string' && formula.startsWith('='));
          if (still) restore.push({ fill, range });
          else kept.push(fill.cell);
        }

        // The write.
        for (const cf of ours) cf.delete();
        for (const { fill, range } of restore) {
          range.values = [[fill.before]];
          if (fill.numberFormatBefore !== undefined) range.numberFormat = [[fill.numberFormatBefore]];
        }
        const nextJournal = withSheet(read.journal, emptyEntry(sheet.id, sheet.name));
        const part = queueJournalWrite(context, read.parts, nextJournal)?.load('id') ?? null;
        this.noteOwnWrites(restore.map((r) => r.fill.cell));
        await context.sync();
        this.sheetStates.set(sheet.id, { journal: nextJournal, partIds: part ? [part.id] : [], markIds: [] });
        const marks = ours.filter((cf) => isTagged(scannedFormula(cf), MARK_TAG)).length;
        return { ok: true, marked: 0, filled: 0, skipped: kept, message: officeText.cleared(lang, marks, restore.length, kept) };
      });
    } catch (e) {
      if (isAccessDenied(e)) return { ok: false, message: officeText.accessDenied(lang) };
      throw e;
    }
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
        if (active && !this.isOwnWrite(args)) callback();
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

  // ---- helpers --------------------------------------------------------------------------------

  private async readJournal(reader: JournalReader, lang: Lang): Promise<Awaited<ReturnType<JournalReader['result']>> | { refusal: WriteOutcome }> {
    try {
      const result = await reader.result();
      this.knownFillCells = new Set(result.journal.sheets.flatMap((s) => s.fills.map((f) => f.cell)));
      return result;
    } catch (e) {
      if (e instanceof JournalError) return { refusal: { ok: false, message: officeText.journalUnreadable(lang) } };
      throw e;
    }
  }

  /** The workbook-wide change handler: counts the user's changes, per sheet. */
  private noteChange(args: Excel.WorksheetChangedEventArgs): void {
    if (this.isOwnWrite(args)) return;
    const seq = ++this.changes.seq;
    this.changes.last.set(args.worksheetId, { seq, address: args.address });
  }

  private noteOwnWrites(cells: string[]): void {
    this.ownWrites = { cells: new Set(cells), until: Date.now() + 5000 };
  }

  private isOwnWrite(args: Excel.WorksheetChangedEventArgs): boolean {
    if (args.triggerSource === 'ThisLocalAddin') return true;
    if (Date.now() > this.ownWrites.until) return false;
    const local = args.address.includes('!') ? args.address.slice(args.address.lastIndexOf('!') + 1) : args.address;
    const rect = parseRect(local);
    return !!rect && rect.top === rect.bottom && rect.left === rect.right && this.ownWrites.cells.has(local.replace(/\$/g, '').toUpperCase());
  }
}

export function createExcelService(options: ExcelServiceOptions = {}): AnnexService {
  return new ExcelAnnexService(options);
}
