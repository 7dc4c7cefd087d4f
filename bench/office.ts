/**
 * The Office adapter through the fake Excel (src/fake-excel): the pane's "check" then "mark" on
 * the annex, counting `context.sync()` calls and the bytes of each request and response. The fake
 * takes its least favourable readings (its default): it refuses payloads over 4 750 000 bytes of
 * its own measure (JSON with every non-ASCII character escaped, and an envelope per action), 5 %
 * under Excel on the web's 5 MB.
 */
import { SheetGrid } from '../src/domain/grid';
import { tryRequire } from './optional';

export const PAYLOAD_LIMIT = 4_750_000;

export interface OfficeMeasure {
  syncs: number | null;
  /** Syncs of the check (reads). */
  readSyncs: number | null;
  /** Syncs of the mark (its write). */
  writeSyncs: number | null;
  /** Largest request or response of one sync. */
  maxPayloadBytes: number | null;
  /** Bytes received by the check, and sent by the mark. */
  readBytes?: number | null;
  writeBytes?: number | null;
  /** Each sync: phase, request and response bytes, whether the fake refused it. */
  payloads?: Array<{ phase: 'check' | 'mark'; request: number; response: number; failed?: string }> | null;
  /** Time of check and mark through the fake (ms): the adapter's own cost, no real Excel. */
  checkMs?: number | null;
  markMs?: number | null;
  marked?: number | null;
  note?: string;
}

interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}
interface FakeModule {
  FakeWorkbook: { fromGrids(grids: SheetGrid[], options?: { payloadLimitBytes?: number }): { recorder: { syncs: SyncRecord[] } } };
  installFakeExcel(workbook: unknown): () => void;
}
interface CheckOutcomeLike {
  status: string;
}
interface ServiceModule {
  createExcelService(options?: { now?: () => Date }): {
    check(lang: 'fr' | 'en'): Promise<CheckOutcomeLike>;
    mark(outcome: CheckOutcomeLike, lang: 'fr' | 'en'): Promise<{ ok: boolean; marked?: number; message: string }>;
  };
}

const empty = (note: string): OfficeMeasure => ({ syncs: null, readSyncs: null, writeSyncs: null, maxPayloadBytes: null, note });

export async function measureOffice(grid: SheetGrid): Promise<OfficeMeasure> {
  const fake = tryRequire<FakeModule>('src/fake-excel');
  if ('missing' in fake) return empty(`Office fake: ${fake.missing}`);
  const svc = tryRequire<ServiceModule>('src/office/excelService');
  if ('missing' in svc) return empty(`Office adapter: ${svc.missing}`);
  if (typeof svc.module.createExcelService !== 'function') return empty('Office adapter: createExcelService not found');

  const book = fake.module.FakeWorkbook.fromGrids([grid], { payloadLimitBytes: PAYLOAD_LIMIT });
  const restore = fake.module.installFakeExcel(book);
  const syncs = book.recorder.syncs;
  let phase: 'check' | 'mark' = 'check';
  let nCheck = 0;
  const record = () =>
    syncs.map((s, i) => ({
      phase: (phase === 'check' || i < nCheck ? 'check' : 'mark') as 'check' | 'mark',
      request: s.requestBytes,
      response: s.responseBytes,
      ...(s.failed ? { failed: s.failed } : {}),
    }));
  try {
    const service = svc.module.createExcelService({ now: () => new Date(Date.UTC(2023, 5, 12)) });
    let t = performance.now();
    const outcome = await service.check('fr');
    const checkMs = performance.now() - t;
    nCheck = syncs.length;
    phase = 'mark';
    if (outcome.status !== 'annex') return { ...empty(`Office adapter: check found no annex (${outcome.status})`), readSyncs: nCheck };
    t = performance.now();
    const marked = await service.mark(outcome, 'fr');
    const markMs = performance.now() - t;
    const payloads = record();
    const note = marked.ok ? undefined : `Office adapter: mark refused: ${marked.message}`;
    return {
      syncs: syncs.length,
      readSyncs: nCheck,
      writeSyncs: syncs.length - nCheck,
      maxPayloadBytes: Math.max(0, ...syncs.map((s) => Math.max(s.requestBytes, s.responseBytes))),
      readBytes: payloads.filter((p) => p.phase === 'check').reduce((s, p) => s + p.response, 0),
      writeBytes: payloads.filter((p) => p.phase === 'mark').reduce((s, p) => s + p.request, 0),
      payloads,
      checkMs,
      markMs,
      marked: marked.marked ?? null,
      ...(note ? { note } : {}),
    };
  } catch (e) {
    const payloads = record();
    const last = payloads[payloads.length - 1];
    const where = last ? ` (${phase}, sync ${payloads.length}: request ${Math.round(last.request / 1024)} KB, response ${Math.round(last.response / 1024)} KB)` : ` (${phase})`;
    return { ...empty(`Office adapter failed in ${phase}: ${(e as Error).message.split('\n')[0]}${where}`), payloads };
  } finally {
    restore();
  }
}
