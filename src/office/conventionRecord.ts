/**
 * The convention's confirmed figures in the workbook (issue 15), through Office.js: kept in the
 * add-in's journal (a custom XML part), per annex sheet, so that a re-check, a colleague who
 * receives the file and the summary sheet see them; taken back with the add-in's other writes
 * (« Effacer les marques »). Read and write follow the journal's rules: the parts are read, the
 * journal is replaced whole in one write sync. Loaded when asked for: the pane's first load does
 * not carry it.
 */
import type { ConventionFigures, FigureSource } from '../domain/convention/figures';
import type { SourceRef } from '../domain/convention/document';
import { placeOf } from '../domain/convention/messages';
import { decimalOfCents } from '../domain/convention/money';
import { Lang } from '../domain/messages';
import type { NotifiedAmount, NotifiedTotal } from '../domain/summary';
import { CONVENTION_RECORD_LIMITS, KNOWN_CODES, recordText, withoutConventionOf } from './conventionRecordData';
import { JournalError, JournalReader, queueJournalReplace } from './journal';

import type { SheetIdentity } from './conventionRecordRead';

export type { SheetIdentity };
/**
 * Record `figures` for the sheet in place of its earlier record (none: the record goes). Returns
 * the journal's part ids after the write. Throws JournalError when the journal cannot be read
 * (nothing written then).
 */
export async function writeConventionRecord(context: Excel.RequestContext, sheet: SheetIdentity, figures: ConventionFigures | null, at: Date): Promise<string[]> {
  const reader = new JournalReader(context);
  reader.queue();
  await context.sync();
  const read = await reader.result();
  const others = withoutConventionOf(read.journal.conventions, sheet.sheetId, sheet.sheetName);
  const conventions = figures ? [...others, { ...sheet, figures: figuresForRecord(figures), at: at.toISOString() }] : others;
  const part = queueJournalReplace(context, read.partIds, { ...read.journal, conventions })?.load('id') ?? null;
  await context.sync();
  return part ? [part.id] : [];
}

export { JournalError };

/** Figures as the add-in records them: text cleaned and cut, so that what it writes it can read back. */
export function figuresForRecord(f: ConventionFigures): ConventionFigures {
  const L = CONVENTION_RECORD_LIMITS;
  const ref = (r: SourceRef): SourceRef => ({ ...r, quote: recordText(r.quote, L.quote) });
  const source = (s: FigureSource): FigureSource => (s.kind === 'document' ? { kind: 'document', ref: ref(s.ref) } : s.replaces ? { kind: 'typed', replaces: ref(s.replaces) } : { kind: 'typed' });
  return {
    document: f.document === null ? null : recordText(f.document, L.document),
    unit: f.unit,
    year: f.year,
    stateTotal: f.stateTotal ? { cents: f.stateTotal.cents, source: source(f.stateTotal.source) } : null,
    // Codes the template does not know are not kept (the pane says so): a record holds the annex's codes only.
    codes: f.codes.filter((c) => KNOWN_CODES.has(c.code)).slice(0, L.codes).map((c) => ({ code: c.code, cents: c.cents, sources: c.sources.slice(0, L.sourcesPerCode).map(source) })),
    fiches: f.fiches.slice(0, L.fiches).map((x) => ({
      number: x.number,
      title: recordText(x.title, L.title),
      aliases: x.aliases.slice(0, L.aliases).map((a) => recordText(a, L.title)),
      total: x.total,
      stateShare: x.stateShare,
      source: x.source ? source(x.source) : null,
    })),
  };
}

/** The summary sheet's notified amounts per code and article 2's total, with where each was read (as `annex9 fix --convention`). */
export function summaryInputsOf(figures: ConventionFigures, lang: Lang): { notified: NotifiedAmount[]; notifiedTotal?: NotifiedTotal } {
  const name = figures.document;
  const where = (s: FigureSource) => (s.kind === 'typed' ? undefined : `${name ? `${name}, ` : ''}${placeOf(s.ref, lang)}`);
  const notified = figures.codes.map((c) => {
    const amount: NotifiedAmount = { code: c.code, amount: decimalOfCents(c.cents) };
    if (c.sources.every((s) => s.kind === 'document')) amount.source = c.sources.map(where).join(' ; ');
    return amount;
  });
  const total = figures.stateTotal;
  const typed = lang === 'fr' ? 'saisi à la main' : 'typed by hand';
  return { notified, ...(total ? { notifiedTotal: { amount: decimalOfCents(total.cents), source: where(total.source) ?? typed } } : {}) };
}
