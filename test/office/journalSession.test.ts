/**
 * Reading the journal's parts through Office.js (src/office/journal.ts), on the fake Excel: which
 * parts are read, in how many syncs, and what a failed sync means (a part gone since, a part too
 * large, the sheet gone, anything else). The service tests (excelService, leastFavourable,
 * hostileJournal) drive the same code through fill and clear; here each rule is pinned on its own.
 */
import { FakeRichApiError, FakeWorkbook } from '../../src/fake-excel';
import { JOURNAL_LIMITS, JOURNAL_NAMESPACE, JournalError, JournalReader, JournalSession, SummaryRecord, journalToXml } from '../../src/office/journal';
import { SHEET, install, uninstall } from './helpers';

afterEach(uninstall);

const record = (sheetId: string): SummaryRecord => ({ sheetId, source: SHEET, rows: 10, cols: 4, fingerprint: 'abc', at: '2026-03-02T10:00:00.000Z' });
/** A part recording one summary sheet, `sheetId`. */
const partOf = (sheetId: string) => journalToXml({ version: 2, sheets: [], summaries: [record(sheetId)] });
/** A part of about `chars` characters in our namespace (its content is not read when there are too many parts). */
const bulky = (chars: number) => `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${'x'.repeat(chars)}</annexe9Journal>`;

function workbook(parts: string[]): FakeWorkbook {
  const { wb } = install(FakeWorkbook.fromGrids([{ name: SHEET, origin: { row: 0, col: 0 }, rows: [[{ value: 'x' }]], merges: [] }]));
  for (const xml of parts) wb.addXmlPart(xml);
  return wb;
}

/** Make the sync number `index` (0-based, counted from now) fail with `code`. */
function failSync(wb: FakeWorkbook, index: number, code: string): void {
  const from = wb.recorder.syncCount;
  wb.beforeSync = (i) => {
    if (i === from + index) throw new FakeRichApiError(code, `sync ${i} failed`);
  };
}

describe('JournalReader: the parts of our namespace', () => {
  it('ids in the first sync, then the XML of every part in one more; other namespaces left out', async () => {
    const wb = workbook([partOf('S1'), '<notes xmlns="urn:autre">x</notes>', partOf('S2')]);
    const ids = wb.customXmlParts.filter((p) => p.namespaceUri === JOURNAL_NAMESPACE).map((p) => p.id);
    await Excel.run(async (context) => {
      const reader = new JournalReader(context);
      reader.queue();
      await context.sync();
      expect(reader.partIds).toEqual(ids);
      const from = wb.recorder.syncCount;
      const result = await reader.result();
      expect(wb.recorder.syncCount).toBe(from + 1);
      expect(result.partIds).toEqual(ids);
      expect(result.journal.summaries.map((s) => s.sheetId)).toEqual(['S1', 'S2']);
      expect(result.ignored).toEqual([]);
    });
  });

  it('loads only the parts’ ids in the first sync (not their namespace or anything else)', async () => {
    workbook([partOf('S1')]);
    await Excel.run(async (context) => {
      const scoped = context.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE);
      const load = jest.spyOn(Object.getPrototypeOf(scoped), 'load');
      try {
        new JournalReader(context).queue();
        expect(load.mock.calls).toEqual([['items/id']]);
      } finally {
        load.mockRestore();
      }
    });
  });

  it('parts known by id come with the first sync: no second sync for them', async () => {
    const wb = workbook([partOf('S1'), partOf('S2')]);
    const ids = wb.customXmlParts.map((p) => p.id);
    await Excel.run(async (context) => {
      const reader = new JournalReader(context, ids);
      reader.queue();
      await context.sync();
      expect(reader.queueMissing()).toBe(false);
      const from = wb.recorder.syncCount;
      const result = await reader.result();
      expect(wb.recorder.syncCount).toBe(from);
      expect(result.journal.summaries.map((s) => s.sheetId)).toEqual(['S1', 'S2']);
    });
  });

  it('a part whose read failed with its sync is asked for again (clear reads them with its cells, then apart)', async () => {
    const wb = workbook([partOf('S1')]);
    await Excel.run(async (context) => {
      const reader = new JournalReader(context);
      reader.queue();
      await context.sync();
      expect(reader.queueMissing()).toBe(true);
      failSync(wb, 0, 'RequestPayloadSizeLimitExceeded');
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      wb.beforeSync = null;
      expect(reader.queueMissing()).toBe(true);
      await context.sync();
      expect(reader.queueMissing()).toBe(false);
      expect((await reader.result()).journal.summaries).toEqual([record('S1')]);
    });
  });

  it('one part known, one new: only the new one is read in the second sync', async () => {
    const wb = workbook([partOf('S1'), bulky(50_000)]);
    const [known] = wb.customXmlParts.map((p) => p.id);
    await Excel.run(async (context) => {
      const reader = new JournalReader(context, [known]);
      reader.queue();
      await context.sync();
      expect(reader.queueMissing()).toBe(true);
      await context.sync();
      const second = wb.recorder.syncs[wb.recorder.syncCount - 1].responseBytes;
      expect(second).toBeGreaterThan(50_000);
      expect(second).toBeLessThan(51_000);
    });
  });

  it(`${JOURNAL_LIMITS.parts} parts are read; one more and the journal is unreadable`, async () => {
    expect(JOURNAL_LIMITS.parts).toBe(16);
    for (const count of [16, 17]) {
      workbook(Array.from({ length: count }, (_, i) => partOf(`S${i}`)));
      await Excel.run(async (context) => {
        const reader = new JournalReader(context);
        reader.queue();
        await context.sync();
        if (count === 16) expect((await reader.result()).journal.summaries).toHaveLength(16);
        else await expect(reader.result()).rejects.toThrow(new JournalError('journal: too many parts'));
      });
    }
  });

  it('a forged workbook of many parts: at most 16 parts’ XML are asked of Excel, known or not', async () => {
    const size = 20_000;
    const wb = workbook(Array.from({ length: 40 }, () => bulky(size)));
    const ids = wb.customXmlParts.map((p) => p.id);
    const read16 = (bytes: number) => {
      expect(bytes).toBeGreaterThan(16 * size);
      expect(bytes).toBeLessThan(17 * size);
    };
    await Excel.run(async (context) => {
      // Known by id (the ids a reader saw last time): read in the first sync.
      const known = new JournalReader(context, ids);
      known.queue();
      await context.sync();
      read16(wb.recorder.syncs[wb.recorder.syncCount - 1].responseBytes);
      // Not known: queueMissing asks for them (« Effacer les marques » does so before result()).
      const fresh = new JournalReader(context);
      fresh.queue();
      await context.sync();
      expect(fresh.queueMissing()).toBe(true);
      await context.sync();
      read16(wb.recorder.syncs[wb.recorder.syncCount - 1].responseBytes);
      await expect(fresh.result()).rejects.toThrow(new JournalError('journal: too many parts'));
    });
  });

  it('a part too large for one response, or a request too large: unreadable (JournalError); any other failure is passed on', async () => {
    for (const [code, unreadable] of [['ResponsePayloadSizeLimitExceeded', true], ['RequestPayloadSizeLimitExceeded', true], ['GeneralException', false], ['ItemNotFound', false]] as const) {
      const wb = workbook([partOf('S1')]);
      await Excel.run(async (context) => {
        const reader = new JournalReader(context);
        reader.queue();
        await context.sync();
        failSync(wb, 0, code);
        const read = reader.result();
        if (unreadable) await expect(read).rejects.toThrow(new JournalError('journal: part too large to read'));
        else await expect(read).rejects.toMatchObject({ code });
      });
    }
  });

  it('a real response too large (the fake’s payload limit): unreadable', async () => {
    const wb = workbook([bulky(200_000)]);
    await Excel.run(async (context) => {
      const reader = new JournalReader(context);
      reader.queue();
      await context.sync();
      wb.payloadLimitBytes = 100_000;
      await expect(reader.result()).rejects.toThrow(new JournalError('journal: part too large to read'));
      expect(wb.recorder.syncs[wb.recorder.syncCount - 1].failed).toBe('ResponsePayloadSizeLimitExceeded');
    });
  });
});

describe('JournalSession: the first read of fill and clear', () => {
  /** The caller's own loads: the sheet by id, as fill does. */
  const sheetById = (context: Excel.RequestContext, id: string) => () => {
    context.workbook.worksheets.getItem(id).load('name');
  };

  it('remembers the parts read; the next read asks for their XML in its first sync', async () => {
    const wb = workbook([partOf('S1')]);
    const session = new JournalSession();
    await Excel.run(async (context) => {
      const reader = await session.read(context, () => {});
      expect(session.knownPartIds).toEqual([]);
      expect((await session.result(reader as JournalReader))!.journal.summaries).toHaveLength(1);
      expect(session.knownPartIds).toEqual(wb.customXmlParts.map((p) => p.id));
      const from = wb.recorder.syncCount;
      const again = (await session.read(context, () => {})) as JournalReader;
      expect(await session.result(again)).toMatchObject({ journal: { summaries: [record('S1')] } });
      expect(wb.recorder.syncCount).toBe(from + 1);
    });
  });

  it('a known part gone since: read again without it, in one more sync, and forgotten', async () => {
    const wb = workbook([partOf('S1')]);
    const session = new JournalSession();
    const sheetId = wb.sheet(SHEET).id;
    await Excel.run(async (context) => {
      await session.result((await session.read(context, () => {})) as JournalReader);
      const [gone] = wb.customXmlParts.splice(0, 1);
      wb.addXmlPart(gone.xml);
      const from = wb.recorder.syncCount;
      const reader = await session.read(context, sheetById(context, sheetId), sheetId);
      expect(wb.recorder.syncs.slice(from).map((s) => s.failed ?? 'ok')).toEqual(['ItemNotFound', 'ok']);
      expect(session.knownPartIds).toEqual([]);
      expect((await session.result(reader as JournalReader))!.partIds).toEqual([wb.customXmlParts[0].id]);
    });
  });

  it('the known parts too large to come with the caller’s loads: read again apart', async () => {
    for (const code of ['ResponsePayloadSizeLimitExceeded', 'RequestPayloadSizeLimitExceeded']) {
      const wb = workbook([partOf('S1')]);
      const session = new JournalSession();
      await Excel.run(async (context) => {
        await session.result((await session.read(context, () => {})) as JournalReader);
        failSync(wb, 0, code);
        expect(await session.read(context, () => {})).toBeInstanceOf(JournalReader);
        expect(session.knownPartIds).toEqual([]);
      });
    }
  });

  it('the sheet gone, no part known: « sheetGone » after one sync, not two', async () => {
    const wb = workbook([partOf('S1')]);
    const session = new JournalSession();
    await Excel.run(async (context) => {
      const from = wb.recorder.syncCount;
      expect(await session.read(context, sheetById(context, 'no-such-sheet'), 'no-such-sheet')).toBe('sheetGone');
      expect(wb.recorder.syncCount).toBe(from + 1);
    });
  });

  it('the sheet gone and a part known: « sheetGone » after the read without the part, which is forgotten', async () => {
    const wb = workbook([partOf('S1')]);
    const session = new JournalSession();
    await Excel.run(async (context) => {
      await session.result((await session.read(context, () => {})) as JournalReader);
      const from = wb.recorder.syncCount;
      expect(await session.read(context, sheetById(context, 'no-such-sheet'), 'no-such-sheet')).toBe('sheetGone');
      expect(wb.recorder.syncCount).toBe(from + 2);
      expect(session.knownPartIds).toEqual([]);
      // Nothing known now: the next read is one sync.
      const next = wb.recorder.syncCount;
      await session.read(context, () => {});
      expect(wb.recorder.syncCount).toBe(next + 1);
    });
  });

  it('ItemNotFound without a sheet to blame, nothing known: passed on', async () => {
    const wb = workbook([]);
    const session = new JournalSession();
    await Excel.run(async (context) => {
      failSync(wb, 0, 'ItemNotFound');
      await expect(session.read(context, () => {})).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('any other failure is passed on, with or without a sheet, with or without known parts, first read or second', async () => {
    for (const known of [false, true]) {
      for (const sheetId of [undefined, 'S']) {
        const wb = workbook([partOf('S1')]);
        const session = new JournalSession();
        await Excel.run(async (context) => {
          if (known) await session.result((await session.read(context, () => {})) as JournalReader);
          failSync(wb, 0, 'GeneralException');
          await expect(session.read(context, () => {}, sheetId)).rejects.toMatchObject({ code: 'GeneralException' });
        });
      }
    }
    // The first read failed for a part gone since; the second fails otherwise.
    for (const [sheetId, code] of [['S', 'GeneralException'], [undefined, 'ItemNotFound']] as const) {
      const wb = workbook([partOf('S1')]);
      const session = new JournalSession();
      await Excel.run(async (context) => {
        await session.result((await session.read(context, () => {})) as JournalReader);
        wb.customXmlParts.splice(0, 1);
        failSync(wb, 1, code);
        await expect(session.read(context, () => {}, sheetId)).rejects.toMatchObject({ code });
      });
    }
  });

  it('result(): null when the journal is unreadable, the failure passed on otherwise', async () => {
    for (const [code, unreadable] of [['ResponsePayloadSizeLimitExceeded', true], ['GeneralException', false]] as const) {
      const wb = workbook([partOf('S1')]);
      const session = new JournalSession();
      await Excel.run(async (context) => {
        const reader = (await session.read(context, () => {})) as JournalReader;
        failSync(wb, 0, code);
        if (unreadable) expect(await session.result(reader)).toBeNull();
        else await expect(session.result(reader)).rejects.toMatchObject({ code });
      });
    }
  });
});
