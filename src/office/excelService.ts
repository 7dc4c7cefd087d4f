/**
 * AnnexService on Office.js: check the active sheet, mark its findings, fill missing Chorus codes,
 * take everything back. Syncs do not grow with the sheet: check reads in one sync (more only for
 * ranges over ~4 MB, see readSheet.ts); mark, fill and clear read what they must verify in one
 * sync and write everything in one more. Nothing is written before everything is verified
 * (protection, read-only workbook, sheet unchanged since the check, cells still empty).
 * Writes run in one undo group where Excel allows it (ExcelApi 1.20); the journal kept in the
 * workbook is the undo users can always count on ("Effacer les marques").
 */
import Decimal from 'decimal.js';
import { AmountReading, readAmount } from '../domain/amounts';
import { SheetReport, analyzeSheet } from '../domain/analyze';
import { Lang } from '../domain/messages';
import { AmountColumn } from '../domain/template';
import { parseRect } from './a1';
import { UNDO_GROUP_API, documentIsReadOnly, excelApiSupported, requiredExcelApi } from './environment';
import { decideFills, queueFillReads, queueFillWrites } from './fills';
import { JournalError, JournalFill, JournalReader, SheetJournal, queueJournalWrite, sheetEntry, withSheet } from './journal';
import { CF_SCAN, CODE_TAG, MARK_TAG, codeCellOf, isTagged, planConditionalMarks, queueConditionalFormat, scannedFormula, tintCells, toJournalMark } from './marks';
import { officeText } from './messages';
import { ReadOptions, cellFromOffice, readSheet } from './readSheet';
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

function sameReading(a: AmountReading | undefined, b: AmountReading): boolean {
  if (!a) return b.kind === 'empty';
  if (a.kind !== b.kind) return false;
  if (a.kind === 'unreadable' || b.kind === 'unreadable') return a.kind === 'unreadable' && b.kind === 'unreadable' && a.shown === b.shown && a.reason === b.reason;
  return (a.value as Decimal).equals(b.value);
}

/** What every write reads first about its sheet: name, protection, our journal, its conditional formats. */
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

export class ExcelAnnexService implements AnnexService {
  /** Cells the add-in just wrote, to tell its own changes from the user's on builds without triggerSource. */
  private ownWrites = { cells: new Set<string>(), until: 0 };
  /** Filled cells of the journal last read (any sheet), so that clear can read them in its first sync. */
  private knownFillCells = new Set<string>();

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
      const read = await readSheet(context, sheet, {
        ...this.options.read,
        alongside: () => {
          sheet.load('name,id');
          sheet.protection.load('protected');
          journal.queue();
          scan = sheet.getRange().conditionalFormats;
          scan.load(CF_SCAN);
        },
      });
      const isProtected = sheet.protection.protected;
      read.grid.protected = isProtected;
      const report = analyzeSheet(read.grid, { lang });
      let hasFills = false;
      try {
        const { journal: j } = await journal.result();
        this.knownFillCells = new Set(j.sheets.flatMap((s) => s.fills.map((f) => f.cell)));
        hasFills = (sheetEntry(j, sheet.id, sheet.name)?.fills.length ?? 0) > 0;
      } catch (e) {
        // An unreadable journal does not stop the check; writes will refuse and say why.
        if (!(e instanceof JournalError)) throw e;
        hasFills = true;
      }
      const hasMarks = hasFills || scan.items.some((cf) => {
        const f = scannedFormula(cf);
        return isTagged(f, MARK_TAG) || isTagged(f, CODE_TAG);
      });
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
    try {
      return await this.run(true, async (context) => {
        const { sheet, journal, scan } = queueSheetState(context, context.workbook.worksheets.getItemOrNullObject(outcome.sheet));
        const probes = this.queueFingerprints(sheet, report);
        const tints = tintCells(report).map((t) => {
          const left = Math.min(...t.cols);
          const props = sheet.getRangeByIndexes(t.row, left, 1, Math.max(...t.cols) - left + 1).getCellProperties({ format: { fill: { color: true, pattern: true } } });
          return { row: t.row, left, props };
        });
        await context.sync();

        if (sheet.isNullObject) return { ok: false, message: officeText.sheetGone(lang, outcome.sheet) };
        if (sheet.protection.protected) return { ok: false, message: officeText.protectedSheet(lang, 'mark') };
        const changed = this.firstChanged(probes);
        if (changed) return { ok: false, message: officeText.sheetChanged(lang, changed) };
        const read = await this.readJournal(journal, lang);
        if ('refusal' in read) return read.refusal;

        const ownFill = new Map<number, Set<number>>();
        for (const t of tints) {
          const cols = new Set<number>();
          t.props.value[0].forEach((p, i) => {
            const fill = p.format?.fill;
            const filled = fill?.pattern !== undefined ? fill.pattern !== 'None' : !!fill?.color && fill.color.toUpperCase() !== '#FFFFFF';
            if (filled) cols.add(t.left + i);
          });
          ownFill.set(t.row, cols);
        }
        const { specs, marked } = planConditionalMarks(report, (row, col) => ownFill.get(row)?.has(col) ?? false);

        // The write: old marks out, new marks in, then the journal (last: our rules are found by their tag anyway).
        for (const cf of scan.items) if (isTagged(scannedFormula(cf), MARK_TAG)) cf.delete();
        for (const spec of specs) queueConditionalFormat(sheet, spec);
        const entry = sheetEntry(read.journal, sheet.id, sheet.name) ?? emptyEntry(sheet.id, sheet.name);
        const next: SheetJournal = {
          ...entry,
          sheetId: sheet.id,
          sheetName: sheet.name,
          marks: [...entry.marks.filter((m) => m.kind === 'code'), ...specs.map(toJournalMark)],
          markedAt: this.now(),
        };
        queueJournalWrite(context, read.parts, withSheet(read.journal, next));
        await context.sync();
        return { ok: true, marked, message: marked ? officeText.marked(lang, marked, sheet.name) : officeText.nothingToMark(lang) };
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
        queueJournalWrite(context, read.parts, withSheet(read.journal, next));
        this.noteOwnWrites([...cells]);
        await context.sync();
        cells.forEach((c) => this.knownFillCells.add(c));
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
        const ours = scan.items.filter((cf) => {
          const f = scannedFormula(cf);
          return isTagged(f, MARK_TAG) || isTagged(f, CODE_TAG);
        });
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
        queueJournalWrite(context, read.parts, withSheet(read.journal, emptyEntry(sheet.id, sheet.name)));
        this.noteOwnWrites(restore.map((r) => r.fill.cell));
        await context.sync();
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

  /** Queue a read of each finding's cell, to make sure the sheet is still the one checked. */
  private queueFingerprints(sheet: Excel.Worksheet, report: SheetReport) {
    const seen = new Set<string>();
    const probes: Array<{ cell: string; range: Excel.Range; expect: AmountReading | 'blank' }> = [];
    for (const table of report.tables) {
      const rows = new Map(table.classified.rows.map((r) => [r.index, r]));
      for (const f of table.findings) {
        if (seen.has(f.cell)) continue;
        seen.add(f.cell);
        const range = sheet.getRange(f.cell);
        range.load('values,valueTypes,numberFormat');
        const expect = f.column === 'imputation' ? 'blank' : rows.get(f.gridRow)?.amounts[f.column as AmountColumn] ?? readAmount(undefined);
        probes.push({ cell: f.cell, range, expect });
      }
    }
    return probes;
  }

  private firstChanged(probes: ReturnType<ExcelAnnexService['queueFingerprints']>): string | null {
    for (const p of probes) {
      const cell = cellFromOffice(p.range.values[0][0], String(p.range.valueTypes[0][0]), p.range.numberFormat[0][0]);
      if (p.expect === 'blank') {
        if (cell && !(typeof cell.value === 'string' && cell.value.trim() === '')) return p.cell;
        continue;
      }
      if (!sameReading(readAmount(cell), p.expect)) return p.cell;
    }
    return null;
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
