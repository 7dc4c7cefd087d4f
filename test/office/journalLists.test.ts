/**
 * The journal's later lists — confirmed convention figures and « Comparaison annexe 9 » sheets —
 * as read from a received workbook's XML and merged across parts (src/office/journalXml.ts,
 * journalData.ts). A received workbook is untrusted: a comparison record names a sheet that
 * « Tout retirer » may delete and « Comparer » may clear and rewrite, a convention record feeds the
 * check's comparison. Each list is read under its own limit and only in the shape the add-in writes
 * (issue 18, `npm run mutate`). Expected values are written by hand.
 */
import { JOURNAL_LIMITS, ConventionRecord, SummaryRecord, mergeJournals, readJournalXml } from '../../src/office/journal';

const NS = 'urn:annexe9-calpae:journal';
const part = (json: string) => `<annexe9Journal xmlns="${NS}" version="2">${json}</annexe9Journal>`;
const data = (x: unknown) => part(JSON.stringify(x).replace(/&/g, '&amp;').replace(/</g, '&lt;'));
const AT = '2026-03-02T10:00:00.000Z';

/** The smallest record the add-in writes: no document, no code, no fiche. */
const convention = (sheetId: string, sheetName = 'Annexe 9', at = AT): ConventionRecord => ({
  sheetId,
  sheetName,
  figures: { document: null, unit: 'page', year: null, stateTotal: null, codes: [], fiches: [] },
  at,
});
const comparison = (sheetId: string, source = 'annex-1'): SummaryRecord => ({ sheetId, source, rows: 12, cols: 7, fingerprint: '0123456789abcdef', at: AT });
const malformed = { sheetId: null, cell: null, reason: 'malformed' };
const overLimit = { sheetId: null, cell: null, reason: 'overLimit' };
const read = (lists: object) => readJournalXml(data({ version: 2, sheets: [], summaries: [], ...lists }));
const reading = (lists: object) => ({ journal: { version: 2 as const, sheets: [], summaries: [], ...lists }, ignored: [] });

describe('readJournalXml: conventions and comparisons', () => {
  it('both lists read back exactly, in order', () => {
    const figures = {
      document: 'Convention CALPAE 2023.pdf',
      unit: 'paragraph',
      year: 2023,
      stateTotal: { cents: 136203500, source: { kind: 'document', ref: { unit: 'paragraph', first: 4, last: 5, quote: '1 362 035 €' } } },
      codes: [],
      fiches: [{ number: 3, title: 'Lutte contre la précarité', aliases: ['Précarité'], total: 5000000, stateShare: 2500000, source: { kind: 'typed' } }],
    };
    const full = { sheetId: '{A1}', sheetName: 'Annexe 9 & <2023>', figures, at: AT };
    const out = read({ conventions: [full, convention('{B2}', 'Autre')], comparisons: [comparison('{C3}', '{A1}'), comparison('{D4}', '{B2}')] });
    expect(out).toStrictEqual({
      journal: {
        version: 2,
        sheets: [],
        summaries: [],
        conventions: [
          {
            sheetId: '{A1}',
            sheetName: 'Annexe 9 & <2023>',
            figures: {
              document: 'Convention CALPAE 2023.pdf',
              unit: 'paragraph',
              year: 2023,
              stateTotal: { cents: 136203500, source: { kind: 'document', ref: { unit: 'paragraph', first: 4, last: 5, quote: '1 362 035 €' } } },
              codes: [],
              fiches: [{ number: 3, title: 'Lutte contre la précarité', aliases: ['Précarité'], total: 5000000, stateShare: 2500000, source: { kind: 'typed' } }],
            },
            at: '2026-03-02T10:00:00.000Z',
          },
          { sheetId: '{B2}', sheetName: 'Autre', figures: { document: null, unit: 'page', year: null, stateTotal: null, codes: [], fiches: [] }, at: '2026-03-02T10:00:00.000Z' },
        ],
        comparisons: [
          { sheetId: '{C3}', source: '{A1}', rows: 12, cols: 7, fingerprint: '0123456789abcdef', at: '2026-03-02T10:00:00.000Z' },
          { sheetId: '{D4}', source: '{B2}', rows: 12, cols: 7, fingerprint: '0123456789abcdef', at: '2026-03-02T10:00:00.000Z' },
        ],
      },
      ignored: [],
    });
  });

  it('a malformed entry of each list is ignored as malformed, its neighbours kept', () => {
    const out = read({
      conventions: [convention('s1'), { ...convention('s2'), sheetId: 7 }, null, comparison('x'), convention('s3')],
      comparisons: [comparison('w1'), { ...comparison('w2'), rows: 0 }, convention('s4'), comparison('w3')],
    });
    expect(out.journal.conventions).toStrictEqual([convention('s1'), convention('s3')]);
    expect(out.journal.comparisons).toStrictEqual([comparison('w1'), comparison('w3')]);
    expect(out.ignored).toStrictEqual([malformed, malformed, malformed, malformed, malformed]);
  });

  it('a list of nothing but malformed entries is no list', () => {
    const out = read({ conventions: [{}], comparisons: ['w1'] });
    expect(out.journal).toStrictEqual({ version: 2, sheets: [], summaries: [] });
    expect(out.ignored).toStrictEqual([malformed, malformed]);
  });

  it('exactly at its limit each list is kept whole', () => {
    expect(JOURNAL_LIMITS.conventions).toBe(64);
    expect(JOURNAL_LIMITS.comparisons).toBe(64);
    const conventions = Array.from({ length: 64 }, (_, i) => convention(`s${i}`));
    const comparisons = Array.from({ length: 64 }, (_, i) => comparison(`w${i}`));
    const out = read({ conventions, comparisons });
    expect(out.journal.conventions).toHaveLength(64);
    expect(out.journal.conventions![63].sheetId).toBe('s63');
    expect(out.journal.comparisons).toHaveLength(64);
    expect(out.journal.comparisons![63].sheetId).toBe('w63');
    expect(out.ignored).toStrictEqual([]);
  });

  it('beyond its limit an entry is ignored as over the limit, well formed or not', () => {
    // A forged journal cannot make the add-in read (and later load sheets for) more than 64 records of a list.
    const conventions = [...Array.from({ length: 64 }, (_, i) => convention(`s${i}`)), convention('s64'), 'junk'];
    const comparisons = [...Array.from({ length: 64 }, (_, i) => comparison(`w${i}`)), comparison('w64')];
    const out = read({ conventions, comparisons });
    expect(out.journal.conventions!.map((c) => c.sheetId)).toStrictEqual(Array.from({ length: 64 }, (_, i) => `s${i}`));
    expect(out.journal.comparisons!.map((c) => c.sheetId)).toStrictEqual(Array.from({ length: 64 }, (_, i) => `w${i}`));
    expect(out.ignored).toStrictEqual([overLimit, overLimit, overLimit]);
  });

  it('a list that is not an array is ignored: no entry, nothing to report', () => {
    for (const x of [{ 0: convention('s1') }, 'conventions', 3, null, true]) {
      const out = read({ conventions: x, comparisons: x });
      expect(out).toStrictEqual({ journal: { version: 2, sheets: [], summaries: [] }, ignored: [] });
    }
  });
});

describe('mergeJournals: conventions and comparisons of several parts', () => {
  it('conventions: one per sheet id, the first part’s; comparisons of both parts', () => {
    const merged = mergeJournals([
      reading({ conventions: [convention('s1', 'Annexe 9', 'first'), convention('s2')], comparisons: [comparison('w1')] }),
      reading({ conventions: [convention('s1', 'Annexe 9', 'second'), convention('s3')], comparisons: [comparison('w2', 'annex-2')] }),
    ]);
    expect(merged.journal.conventions).toStrictEqual([convention('s1', 'Annexe 9', 'first'), convention('s2'), convention('s3')]);
    expect(merged.journal.comparisons).toStrictEqual([comparison('w1'), comparison('w2', 'annex-2')]);
    expect(merged.ignored).toStrictEqual([]);
  });

  it('one part with the same sheet twice: its first convention only', () => {
    const merged = mergeJournals([reading({ conventions: [convention('s1', 'A', 'first'), convention('s2'), convention('s1', 'B', 'second')] })]);
    expect(merged.journal.conventions).toStrictEqual([convention('s1', 'A', 'first'), convention('s2')]);
  });

  it('parts without those lists add none', () => {
    const merged = mergeJournals([reading({}), reading({})]);
    expect(merged.journal).toStrictEqual({ version: 2, sheets: [], summaries: [] });
  });

  it('the limits hold across parts: at the limit all kept, beyond it the later ones dropped', () => {
    const conventions = (from: number, count: number) => Array.from({ length: count }, (_, i) => convention(`s${from + i}`));
    const comparisons = (from: number, count: number) => Array.from({ length: count }, (_, i) => comparison(`w${from + i}`));
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

    const atLimit = mergeJournals([reading({ conventions: conventions(0, 63), comparisons: comparisons(0, 63) }), reading({ conventions: conventions(63, 1), comparisons: comparisons(63, 1) })]);
    expect(atLimit.journal.conventions!.map((c) => c.sheetId)).toStrictEqual(ids(64, 's'));
    expect(atLimit.journal.comparisons!.map((c) => c.sheetId)).toStrictEqual(ids(64, 'w'));

    const beyond = mergeJournals([reading({ conventions: conventions(0, 63), comparisons: comparisons(0, 63) }), reading({ conventions: conventions(63, 3), comparisons: comparisons(63, 3) })]);
    expect(beyond.journal.conventions!.map((c) => c.sheetId)).toStrictEqual(ids(64, 's'));
    expect(beyond.journal.comparisons!.map((c) => c.sheetId)).toStrictEqual(ids(64, 'w'));
  });

  it('a repeated sheet id does not count against the conventions’ limit', () => {
    const conventions = Array.from({ length: 63 }, (_, i) => convention(`s${i}`));
    const merged = mergeJournals([reading({ conventions }), reading({ conventions: [convention('s0', 'Annexe 9', 'again'), convention('s63')] })]);
    expect(merged.journal.conventions!.map((c) => c.sheetId)).toStrictEqual(Array.from({ length: 64 }, (_, i) => `s${i}`));
    expect(merged.journal.conventions![0].at).toBe(AT);
  });
});
