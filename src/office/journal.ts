/**
 * The record of what the add-in wrote, kept IN THE WORKBOOK (a custom XML part with our own
 * namespace), so that it travels with the file through save, reopen and email, and « Effacer les
 * marques » works on a file reopened elsewhere. A custom XML part is written in the same batch as
 * the cells, is not a sheet a user can break, and has no practical size limit.
 *
 * It records the Chorus codes filled (each with an id that the cell's own conditional format
 * carries, so the cell is found where it is now) and the summary sheets inserted (by worksheet id
 * and a fingerprint of what was written). Marks are not recorded: they are found by their tag.
 *
 * A received workbook is untrusted: its journal may be forged. Reading it is linear (no regular
 * expression that can backtrack), bounded (JOURNAL_LIMITS), and keeps only entries of exactly the
 * shape the add-in writes; everything else is returned as `ignored`, for the message. What an
 * entry says is never believed on its own: clear() acts only where the sheet confirms it.
 */
import { officeErrorCode } from './errors';
import { JOURNAL_LIMITS, JOURNAL_NAMESPACE, Journal, JournalError, JournalReading, isEmptyJournal, mergeJournals } from './journalData';
import { journalToXml, readJournalXml } from './journalXml';

export * from './journalData';
export { cellAddress, journalFromXml, journalToXml, readJournalXml, unescapeXml } from './journalXml';

/** The codes of a request or response larger than Excel takes in one sync. */
const PAYLOAD_TOO_LARGE: ReadonlySet<string | null> = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

/** A result whose sync went through (its value reads without error). */
function hasValue(r: OfficeExtension.ClientResult<string>): boolean {
  try {
    void r.value;
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the journal with nothing chained off a possible null object: the parts' ids are loaded
 * in the caller's first sync (with the XML of parts whose ids are known from an earlier read,
 * by `getItem`, which exists), and the XML of parts not known yet in `complete()`, one more sync
 * only when there are some.
 */
export class JournalReader {
  private scoped!: Excel.CustomXmlPartScopedCollection;
  private readonly xml = new Map<string, OfficeExtension.ClientResult<string>>();

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly knownIds: string[] = [],
  ) {}

  /** Queue the loads: the parts' ids, and the XML of the parts known by id (none unless given). */
  queue(): void {
    this.scoped = this.context.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE);
    this.scoped.load('items/id');
    this.xml.clear();
    for (const id of this.knownIds.slice(0, JOURNAL_LIMITS.parts)) this.xml.set(id, this.context.workbook.customXmlParts.getItem(id).getXml());
  }

  /** Part ids, after the first sync. */
  get partIds(): string[] {
    return this.scoped.items.map((p) => p.id);
  }

  /** Queue the XML of the parts not read yet (or whose read failed with its sync); true when a sync is needed for them. */
  queueMissing(): boolean {
    let more = false;
    for (const id of this.partIds.slice(0, JOURNAL_LIMITS.parts)) {
      const queued = this.xml.get(id);
      if (queued && hasValue(queued)) continue;
      this.xml.set(id, this.context.workbook.customXmlParts.getItem(id).getXml());
      more = true;
    }
    return more;
  }

  /** The journal of every part. Throws JournalError when a part cannot be read (or there are too many). */
  async result(): Promise<JournalReading & { partIds: string[] }> {
    const ids = this.partIds;
    if (ids.length > JOURNAL_LIMITS.parts) throw new JournalError('journal: too many parts');
    if (this.queueMissing()) {
      try {
        await this.context.sync();
      } catch (e) {
        // A part larger than Excel hands over in one response: unreadable, like a broken one.
        if (PAYLOAD_TOO_LARGE.has(officeErrorCode(e))) throw new JournalError('journal: part too large to read');
        throw e;
      }
    }
    const readings = ids.map((id) => readJournalXml(this.xml.get(id)!.value));
    return { ...mergeJournals(readings), partIds: ids };
  }
}

/**
 * Queue the write of `journal` in place of the parts `partIds`: they are deleted (a part gone
 * since is a null object, and delete on it does nothing) and one part holds the journal, none when
 * it records nothing. Returns the new part (load its id to know it after the sync), or null.
 */
export function queueJournalReplace(context: Excel.RequestContext, partIds: string[], journal: Journal): Excel.CustomXmlPart | null {
  for (const id of partIds) context.workbook.customXmlParts.getItemOrNullObject(id).delete();
  return isEmptyJournal(journal) ? null : context.workbook.customXmlParts.add(journalToXml(journal));
}

/**
 * The journal across the service's batches: the ids of its parts at the last read (part ids are
 * stable), so that fill and clear read the known parts in their first sync, and a part gone since
 * is read again.
 */
export class JournalSession {
  knownPartIds: string[] = [];

  /**
   * The first read of fill and clear, with the journal's known parts: a part gone since makes
   * `getItem` fail with ItemNotFound, and so does a sheet gone since (fill reads its sheet by id).
   * The read is done again without the known parts; failing again, it is the sheet (`sheetGone`).
   */
  async read(context: Excel.RequestContext, queue: () => void, sheetId?: string): Promise<JournalReader | 'sheetGone'> {
    const known = this.knownPartIds.length > 0;
    const journal = new JournalReader(context, this.knownPartIds);
    queue();
    journal.queue();
    try {
      await context.sync();
      return journal;
    } catch (e) {
      const code = officeErrorCode(e);
      // A part gone since (ItemNotFound), or too large to come with the rest: read apart.
      const partsAtFault = known && (code === 'ItemNotFound' || PAYLOAD_TOO_LARGE.has(code));
      if (!partsAtFault) {
        if (sheetId && code === 'ItemNotFound') return 'sheetGone';
        throw e;
      }
    }
    this.knownPartIds = [];
    const again = new JournalReader(context);
    queue();
    again.queue();
    try {
      await context.sync();
    } catch (e) {
      if (sheetId && officeErrorCode(e) === 'ItemNotFound') return 'sheetGone';
      throw e;
    }
    return again;
  }

  async result(reader: JournalReader): Promise<(JournalReading & { partIds: string[] }) | null> {
    try {
      const result = await reader.result();
      this.knownPartIds = result.partIds;
      return result;
    } catch (e) {
      if (e instanceof JournalError) return null;
      throw e;
    }
  }
}
