/**
 * What the journal keeps of a workbook's XML parts (src/office/journalXml.ts, journalData.ts), on
 * plain text: « Effacer les marques » trusts only what survives this reading, so each rule of it is
 * pinned in both directions (issue 18, `npm run mutate`). hostileJournal.test.ts drives forged
 * journals through the service.
 */
import {
  JOURNAL_LIMITS,
  Journal,
  JournalError,
  JournalFill,
  SheetJournal,
  SummaryRecord,
  cellAddress,
  emptyJournal,
  fingerprint,
  isEmptyJournal,
  isSummaryAsWritten,
  journalFromXml,
  journalToXml,
  mergeJournals,
  readJournalXml,
  sheetEntry,
  unescapeXml,
  withSheet,
} from '../../src/office/journal';

const NS = 'urn:annexe9-calpae:journal';
const fill = (id: string, cell = 'C5', over: Partial<JournalFill> = {}): JournalFill => ({ id, cell, written: '0304 50 19 19 07', before: '', at: '2026-03-02T10:00:00.000Z', ...over });
const sheet = (sheetId: string, fills: JournalFill[], sheetName = 'Annexe 9'): SheetJournal => ({ sheetId, sheetName, fills });
const summary = (sheetId: string, source = 'Annexe 9'): SummaryRecord => ({ sheetId, source, rows: 10, cols: 4, fingerprint: 'abc', at: '2026-03-02T10:00:00.000Z' });
const journal = (sheets: SheetJournal[], summaries: SummaryRecord[] = []): Journal => ({ version: 2, sheets, summaries });
const reading = (j: Journal) => ({ journal: j, ignored: [] });
/** A part as the add-in writes it, around raw JSON text. */
const part = (json: string) => `<annexe9Journal xmlns="${NS}" version="2">${json}</annexe9Journal>`;
const data = (x: unknown) => part(JSON.stringify(x).replace(/&/g, '&amp;').replace(/</g, '&lt;'));

describe('unescapeXml: entities and character references decoded, CDATA kept as is, in one pass', () => {
  it('each named entity', () => {
    expect(unescapeXml('&amp;&lt;&gt;&quot;&apos;')).toBe('&<>"\'');
  });
  it('&amp; is kept as one character, not dropped, and never decoded twice', () => {
    expect(unescapeXml('a &amp; b')).toBe('a & b');
    expect(unescapeXml('&amp;amp;')).toBe('&amp;');
    expect(unescapeXml('&amp;lt;')).toBe('&lt;');
  });
  it('decimal and hexadecimal references, the highest code point included', () => {
    expect(unescapeXml('&#38;&#x26;&#X26;&#xE9;&#233;')).toBe('&&&éé');
    expect(unescapeXml('&#x10FFFF;')).toBe(String.fromCodePoint(0x10ffff));
    expect(unescapeXml('&#0;')).toBe('\u0000');
  });
  it.each([
    ['beyond Unicode', '&#x110000;'],
    ['beyond Unicode, decimal', '&#1114112;'],
    ['an unknown name', '&nbsp;'],
    ['an empty reference', '&#;'],
    ['no semicolon', 'a & b'],
    ['a semicolon too far', '&amp       ;'],
    ['a hexadecimal reference without digits', '&#x;'],
    ['a decimal reference of eight digits', '&#12345678;'],
  ])('%s is an error', (_what, s) => expect(() => unescapeXml(s)).toThrow(JournalError));
  it('a semicolon ten characters on is still read', () => {
    expect(unescapeXml('&#0000038;&#x00026;')).toBe('&&');
  });
  it('text around and between is kept', () => {
    expect(unescapeXml('')).toBe('');
    expect(unescapeXml('plain')).toBe('plain');
    expect(unescapeXml('x&lt;y&gt;z')).toBe('x<y>z');
  });
  it('CDATA: its content as is, entities around it decoded, several sections', () => {
    expect(unescapeXml('a<![CDATA[&amp;<b>]]>&amp;c<![CDATA[]]>d<![CDATA[&lt;]]>')).toBe('a&amp;<b>&c' + 'd&lt;');
    expect(unescapeXml('&amp;<![CDATA[x]]>&amp;')).toBe('&x&');
    expect(unescapeXml('<![CDATA[]]]]>')).toBe(']]');
    expect(() => unescapeXml('a<![CDATA[b')).toThrow(JournalError);
    expect(() => unescapeXml('&amp;<![CDATA[b]]')).toThrow(JournalError);
  });
  it('a reference that only ends or starts like one is not one', () => {
    for (const bad of ['&ab1#x1;', '&#x26zz;', '&#0x26;', '&#1e2;', 'a &ampx', '&amp']) expect(() => unescapeXml(bad)).toThrow(JournalError);
  });

  it('stays linear: many entities and no CDATA, many CDATA sections and no entity, one of each at the far end', () => {
    // Each followed by 4 million plain characters: a search repeated at every entity (or section)
    // through that tail is 10^11 characters read, against a few million when each is searched once.
    const n = 100_000;
    const tail = 'x'.repeat(4_000_000);
    const cases = ['&amp;'.repeat(n) + tail, '<![CDATA[x]]>'.repeat(n) + tail, `${'&amp;'.repeat(n)}${tail}<![CDATA[x]]>`, `${'<![CDATA[x]]>'.repeat(n)}${tail}&amp;`];
    const started = Date.now();
    for (const text of cases) expect(unescapeXml(text).length).toBeGreaterThanOrEqual(n + tail.length);
    // Well under a second when linear, on a loaded machine too; generous bound.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an ampersand inside CDATA is not an entity, after it the next one is', () => {
    expect(unescapeXml('<![CDATA[a & b]]>&gt;')).toBe('a & b>');
  });
});

describe('the root element: found with or without a prefix, and only it', () => {
  const body = '{"version":2,"sheets":[{"sheetId":"s","sheetName":"n","fills":[]}],"summaries":[]}';
  const name = (xml: string) => journalFromXml(xml).sheets[0].sheetName;

  it('plain, prefixed, after a declaration, with attributes on other lines', () => {
    expect(name(part(body))).toBe('n');
    expect(name(`<?xml version="1.0"?><j:annexe9Journal xmlns:j="${NS}">${body}</j:annexe9Journal>`)).toBe('n');
    expect(name(`<ns0-x.y_z:annexe9Journal\n xmlns:ns0-x.y_z="${NS}">${body}</ns0-x.y_z:annexe9Journal>`)).toBe('n');
    for (const sep of [' ', '\t', '\r', '\n']) expect(name(`<annexe9Journal${sep}xmlns="${NS}">${body}</annexe9Journal>`)).toBe('n');
    expect(name(`<annexe9Journal>${body}</annexe9Journal>`)).toBe('n');
  });

  it('an empty root is an empty journal', () => {
    expect(journalFromXml(`<annexe9Journal xmlns="${NS}"/>`)).toEqual(emptyJournal());
    expect(journalFromXml('<annexe9Journal/>')).toEqual(emptyJournal());
    expect(journalFromXml(`<annexe9Journal xmlns="${NS}"></annexe9Journal>`)).toEqual(emptyJournal());
    expect(journalFromXml(`<annexe9Journal xmlns="${NS}">  \n </annexe9Journal>`)).toEqual(emptyJournal());
  });

  it('a longer element name, or the name in text, is not the root', () => {
    expect(name(`<annexe9JournalX>annexe9Journal</annexe9JournalX><annexe9Journal>${body}</annexe9Journal>`)).toBe('n');
    expect(() => journalFromXml(`<annexe9JournalX>${body}</annexe9JournalX>`)).toThrow(JournalError);
    expect(() => journalFromXml(`<x>annexe9Journal ${body}</x>`)).toThrow(JournalError);
    expect(() => journalFromXml(`<x:y:annexe9Journal>${body}</x:y:annexe9Journal>`)).toThrow(JournalError);
  });

  it('a prefix is made of letters, digits, "_", "-" and "." only', () => {
    for (const prefix of ['a0Z9', 'AZaz09', 'z', 'Z', '0', '9', '_', '-', '.']) expect(name(`<${prefix}:annexe9Journal>${body}</${prefix}:annexe9Journal>`)).toBe('n');
    for (const bad of ['/', ':', '@', '[', '`', '{', ' ', 'é']) {
      expect(() => journalFromXml(`<p${bad}:annexe9Journal>${body}</p${bad}:annexe9Journal>`)).toThrow(JournalError);
    }
  });

  it('a prefix longer than 64 characters is not one', () => {
    const p = (n: number) => 'p'.repeat(n);
    expect(name(`<${p(64)}:annexe9Journal>${body}</${p(64)}:annexe9Journal>`)).toBe('n');
    expect(() => journalFromXml(`<${p(65)}:annexe9Journal>${body}</${p(65)}:annexe9Journal>`)).toThrow(JournalError);
  });

  it('the name without "<" before it, or a closing tag without "</": not the root', () => {
    expect(() => journalFromXml(`xannexe9Journal>${body}</annexe9Journal>`)).toThrow(JournalError);
    expect(() => journalFromXml(`<annexe9Journal>${body}<<annexe9Journal>`)).toThrow(JournalError);
    expect(() => journalFromXml(`</annexe9Journal><annexe9Journal `)).toThrow(JournalError);
    expect(() => journalFromXml(`</annexe9Journal><annexe9Journal x="1">${body} `)).toThrow(JournalError);
    // The name followed by ">" inside the text is no closing tag either.
    const inText = '{"version":2,"sheets":[{"sheetId":"s","sheetName":"annexe9Journal>","fills":[]}],"summaries":[]}';
    expect(() => journalFromXml(`<annexe9Journal>${inText} `)).toThrow(JournalError);
    expect(() => journalFromXml(`<annexe9Journal>${body} `)).toThrow(JournalError);
  });

  it('unclosed, closed without its slash, or cut: unreadable', () => {
    expect(() => journalFromXml(`<annexe9Journal>${body}`)).toThrow(JournalError);
    expect(() => journalFromXml(`<annexe9Journal>${body}<annexe9Journal>`)).toThrow(JournalError);
    expect(() => journalFromXml('<annexe9Journal')).toThrow(JournalError);
    expect(() => journalFromXml('')).toThrow(JournalError);
    expect(() => journalFromXml(`<annexe9Journal>${body}</x:annexe9Journal`)).toThrow(JournalError);
  });

  it('the content runs to the last closing tag', () => {
    const inner = `{"version":2,"sheets":[{"sheetId":"s","sheetName":"&lt;/annexe9Journal&gt;","fills":[]}],"summaries":[]}`;
    expect(name(part(inner))).toBe('</annexe9Journal>');
  });

  it('a part larger than the limit is unreadable, one at the limit is read', () => {
    const padded = (n: number) => {
      const xml = part(body);
      return xml.replace('</annexe9Journal>', `${' '.repeat(n - xml.length)}</annexe9Journal>`);
    };
    expect(name(padded(JOURNAL_LIMITS.partChars))).toBe('n');
    expect(() => journalFromXml(padded(JOURNAL_LIMITS.partChars + 1))).toThrow(/too large/);
  });

  it('not JSON, or not a journal of a known version: unreadable', () => {
    expect(() => journalFromXml(part('{'))).toThrow(JournalError);
    expect(() => journalFromXml(part('[]'))).toThrow(/unknown version/);
    expect(() => journalFromXml(part('null'))).toThrow(/unknown version/);
    expect(() => journalFromXml(part('{"version":3,"sheets":[]}'))).toThrow(/unknown version/);
    expect(() => journalFromXml(part('{"version":2,"sheets":{}}'))).toThrow(/unknown version/);
    expect(journalFromXml(part('{"version":1,"sheets":[]}'))).toEqual(emptyJournal());
    expect(journalFromXml(part('{"version":2,"sheets":[]}'))).toEqual(emptyJournal());
  });
});

describe('cellAddress: a single local cell, upper case', () => {
  it.each([
    ['C24', 'C24'],
    ['c24', 'C24'],
    ['XFD1048576', 'XFD1048576'],
  ])('%s', (x, out) => expect(cellAddress(x)).toBe(out));
  it.each([['C24:C25'], ['$C$24'], ['Feuil1!C24'], ['C'], [''], [24], [null], ['A123456789012']])('not %s', (x) => expect(cellAddress(x)).toBeNull());
  it('twelve characters at most', () => {
    expect(cellAddress('ABC123456789'.slice(0, 12))).toBeNull(); // beyond Excel's rows anyway
    expect(cellAddress('A12345678901')).toBeNull();
  });
});

describe('readJournalXml: only entries of exactly the shape the add-in writes', () => {
  const read = (fills: unknown[], version = 2) => readJournalXml(data({ version, sheets: [{ sheetId: 's1', sheetName: 'Annexe 9', fills }], summaries: [] }));
  const good = { id: 'abc-123', cell: 'c5', written: '0304 50 19 19 07', before: ' ', at: '2026-03-02T10:00:00.000Z' };

  it('a fill as written is kept, its address in upper case, with its format and anchor', () => {
    const anchored = { ...good, numberFormatBefore: '0.00', anchor: { cell: 'b5', value: 'Action & suivi' } };
    // Strictly: no key left undefined.
    expect(read([good, anchored])).toStrictEqual({
      journal: journal([sheet('s1', [{ ...good, cell: 'C5' }, { ...good, cell: 'C5', numberFormatBefore: '0.00', anchor: { cell: 'B5', value: 'Action & suivi' } }])]),
      ignored: [],
    });
  });

  it('an anchor may be a number or a boolean', () => {
    for (const value of [12, 0, true, false]) expect(read([{ ...good, anchor: { cell: 'B5', value } }]).journal.sheets[0].fills[0].anchor).toEqual({ cell: 'B5', value });
  });

  it.each([
    ['an id with other characters', { id: 'a b' }],
    ['an empty id', { id: '' }],
    ['an id of 41 characters', { id: 'a'.repeat(41) }],
    ['an id that is a number', { id: 12 }],
    ['no cell', { cell: undefined }],
    ['a range', { cell: 'C5:C6' }],
    ['written not text', { written: 7 }],
    ['written too long', { written: 'x'.repeat(JOURNAL_LIMITS.text + 1) }],
    ['before not text', { before: null }],
    ['before too long', { before: ' '.repeat(JOURNAL_LIMITS.text + 1) }],
    ['no date', { at: undefined }],
    ['a date of 41 characters', { at: 'x'.repeat(41) }],
    ['a number format not text', { numberFormatBefore: 0 }],
    ['a number format of 256 characters', { numberFormatBefore: '0'.repeat(256) }],
    ['an anchor not an object', { anchor: 'B5' }],
    ['an anchor that is an array', { anchor: ['B5', 'x'] }],
    ['an anchor without a cell', { anchor: { value: 'x' } }],
    ['an anchor of a range', { anchor: { cell: 'B5:B6', value: 'x' } }],
    ['an anchor of no value', { anchor: { cell: 'B5' } }],
    ['an anchor of an object', { anchor: { cell: 'B5', value: {} } }],
    ['an anchor of null', { anchor: { cell: 'B5', value: null } }],
    ['an anchor text too long', { anchor: { cell: 'B5', value: 'x'.repeat(JOURNAL_LIMITS.text + 1) } }],
  ])('%s: ignored, with its cell', (_what, over) => {
    const out = read([{ ...good, ...over }]);
    expect(out.journal.sheets[0].fills).toEqual([]);
    const cell = 'cell' in over ? (over.cell === 'C5:C6' ? 'C5:C6' : null) : 'C5';
    expect(out.ignored).toEqual([{ sheetId: 's1', cell, reason: 'malformed' }]);
  });

  it('at the limits: kept', () => {
    const atLimit = {
      ...good,
      id: 'a'.repeat(40),
      written: 'x'.repeat(JOURNAL_LIMITS.text),
      before: ' '.repeat(JOURNAL_LIMITS.text),
      at: 'x'.repeat(40),
      numberFormatBefore: '0'.repeat(255),
      anchor: { cell: 'B5', value: 'y'.repeat(JOURNAL_LIMITS.text) },
    };
    expect(read([atLimit]).journal.sheets[0].fills).toHaveLength(1);
  });

  it('not a number that is not finite', () => {
    const xml = part(`{"version":2,"sheets":[{"sheetId":"s1","sheetName":"n","fills":[{"id":"a","cell":"C5","written":"w","before":"","at":"t","anchor":{"cell":"B5","value":1e999}}]}]}`);
    expect(readJournalXml(xml).ignored).toEqual([{ sheetId: 's1', cell: 'C5', reason: 'malformed' }]);
  });

  it('a dropped entry is named by a printable hint of its cell, at most 16 characters, or by nothing', () => {
    const hints = read([
      { ...good, id: '', cell: 'C5\u0000\u001b[31m\u202eZZ' },
      { ...good, id: '', cell: 'x'.repeat(30) },
      { ...good, id: '', cell: '\u200e\u0007' },
      { ...good, id: '', cell: 42 },
      'not an entry',
      null,
    ]).ignored.map((i) => i.cell);
    expect(hints).toEqual(['C5[31mZZ', 'x'.repeat(16), null, null, null, null]);
  });

  it('a version 1 journal: its entries are legacy, none kept', () => {
    expect(read([good], 1)).toEqual({ journal: journal([sheet('s1', [])]), ignored: [{ sheetId: 's1', cell: 'C5', reason: 'legacy' }] });
  });

  it('a sheet of another shape is dropped whole, anonymously', () => {
    const bad = [null, [], { sheetId: 1, sheetName: 'n', fills: [] }, { sheetId: 's', sheetName: 'x'.repeat(101), fills: [] }, { sheetId: 's', sheetName: 'n', fills: {} }, { sheetId: 'x'.repeat(101), sheetName: 'n', fills: [] }];
    const out = readJournalXml(data({ version: 2, sheets: [...bad, { sheetId: 'x'.repeat(100), sheetName: 'y'.repeat(100), fills: [] }] }));
    expect(out.journal.sheets).toEqual([sheet('x'.repeat(100), [], 'y'.repeat(100))]);
    expect(out.ignored).toEqual(bad.map(() => ({ sheetId: null, cell: null, reason: 'malformed' })));
  });

  it('beyond the limits: sheets, fills of a sheet and summaries are counted as over the limit', () => {
    const sheets = Array.from({ length: JOURNAL_LIMITS.sheets + 2 }, (_, i) => sheet(`s${i}`, []));
    const manySheets = readJournalXml(data({ version: 2, sheets }));
    expect(manySheets.journal.sheets).toHaveLength(JOURNAL_LIMITS.sheets);
    expect(manySheets.ignored).toEqual([0, 1].map(() => ({ sheetId: null, cell: null, reason: 'overLimit' })));

    const fills = Array.from({ length: JOURNAL_LIMITS.fillsPerSheet + 1 }, (_, i) => ({ ...good, id: `f${i}`, cell: `C${i + 1}` }));
    const manyFills = read(fills);
    expect(manyFills.journal.sheets[0].fills).toHaveLength(JOURNAL_LIMITS.fillsPerSheet);
    expect(manyFills.ignored).toEqual([{ sheetId: 's1', cell: `C${JOURNAL_LIMITS.fillsPerSheet + 1}`, reason: 'overLimit' }]);
    // A legacy journal's entries beyond the limit are over the limit too.
    expect(read(fills, 1).ignored.at(-1)).toEqual({ sheetId: 's1', cell: `C${JOURNAL_LIMITS.fillsPerSheet + 1}`, reason: 'overLimit' });

    const summaries = Array.from({ length: JOURNAL_LIMITS.summaries + 1 }, (_, i) => summary(`w${i}`));
    const manySummaries = readJournalXml(data({ version: 2, sheets: [], summaries }));
    expect(manySummaries.journal.summaries).toHaveLength(JOURNAL_LIMITS.summaries);
    expect(manySummaries.ignored).toEqual([{ sheetId: null, cell: null, reason: 'overLimit' }]);
  });

  it('summaries: kept as recorded, others dropped as malformed', () => {
    const ok = summary('w1');
    const bad = [
      null,
      { ...ok, sheetId: 3 },
      { ...ok, source: 'x'.repeat(101) },
      { ...ok, fingerprint: 'x'.repeat(41) },
      { ...ok, at: undefined },
      { ...ok, rows: 0 },
      { ...ok, rows: 5001 },
      { ...ok, rows: 1.5 },
      { ...ok, rows: '10' },
      { ...ok, cols: 65 },
      { ...ok, cols: -1 },
    ];
    const limits = { ...ok, sheetId: 'x'.repeat(100), source: 'y'.repeat(100), fingerprint: 'z'.repeat(40), at: 't'.repeat(40), rows: 5000, cols: 64 };
    const ones = { ...ok, rows: 1, cols: 1, extra: 'dropped' };
    const out = readJournalXml(data({ version: 2, sheets: [], summaries: [...bad, ok, limits, ones] }));
    expect(out.journal.summaries).toEqual([ok, limits, { ...ok, rows: 1, cols: 1 }]);
    expect(out.ignored).toEqual(bad.map(() => ({ sheetId: null, cell: null, reason: 'malformed' })));
  });

  it('summaries that are not a list are none', () => {
    expect(readJournalXml(data({ version: 2, sheets: [], summaries: { x: 1 } }))).toEqual({ journal: emptyJournal(), ignored: [] });
  });
});

describe('journalToXml ↔ readJournalXml', () => {
  it('round trip of every field, text with & < > " included', () => {
    const j = journal([sheet('s1', [fill('a-1', 'C5', { before: ' ', numberFormatBefore: '#,##0.00 "€"', anchor: { cell: 'B5', value: 'A & B <c> "d"' } })], 'Feuil & <1>')], [summary('w1', 'Feuil & <1>')]);
    const xml = journalToXml(j);
    expect(xml.startsWith(`<annexe9Journal xmlns="${NS}" version="2">`)).toBe(true);
    expect(xml).not.toMatch(/<(?!\/?annexe9Journal)/);
    expect(xml).toContain('&amp;');
    expect(xml).toContain('&gt;');
    expect(readJournalXml(xml)).toEqual({ journal: j, ignored: [] });
  });
});

describe('mergeJournals: every part’s entries, each fill once', () => {
  it('several parts of one sheet: all their fills, in order', () => {
    const merged = mergeJournals([reading(journal([sheet('s1', [fill('a')])])), reading(journal([sheet('s1', [fill('b', 'C6')])])), reading(journal([sheet('s1', [fill('c', 'C7')])]))]);
    expect(merged.journal.sheets).toEqual([sheet('s1', [fill('a'), fill('b', 'C6'), fill('c', 'C7')])]);
    expect(merged.ignored).toEqual([]);
  });

  it('a fill in two parts counts once, even twice in one part', () => {
    const merged = mergeJournals([reading(journal([sheet('s1', [fill('a')])])), reading(journal([sheet('s1', [fill('a'), fill('b'), fill('b')])]))]);
    expect(merged.journal.sheets[0].fills.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('different sheets stay apart; the same sheet is found by id, else by its name in any case', () => {
    const merged = mergeJournals([
      reading(journal([sheet('s1', [fill('a')], 'Annexe 9'), sheet('s2', [fill('b')], 'Autre')])),
      reading(journal([sheet('s9', [fill('c')], 'ANNEXE 9'), sheet('s2', [fill('d')], 'Renommée')])),
    ]);
    expect(merged.journal.sheets.map((s) => [s.sheetId, s.fills.map((f) => f.id)])).toEqual([
      ['s1', ['a', 'c']],
      ['s2', ['b', 'd']],
    ]);
  });

  it('does not change the parts it merges', () => {
    const first = journal([sheet('s1', [fill('a')])]);
    const copy = JSON.parse(JSON.stringify(first));
    mergeJournals([reading(first), reading(journal([sheet('s1', [fill('b')])]))]);
    expect(first).toEqual(copy);
  });

  it('the ignored entries of every part, and the summaries of every part', () => {
    const merged = mergeJournals([
      { journal: journal([], [summary('w1')]), ignored: [{ sheetId: null, cell: null, reason: 'malformed' }] },
      { journal: journal([], [summary('w2')]), ignored: [{ sheetId: 's', cell: 'C5', reason: 'legacy' }] },
    ]);
    expect(merged.journal.summaries.map((s) => s.sheetId)).toEqual(['w1', 'w2']);
    expect(merged.ignored).toEqual([
      { sheetId: null, cell: null, reason: 'malformed' },
      { sheetId: 's', cell: 'C5', reason: 'legacy' },
    ]);
  });

  it('the limits hold across parts: fills of a sheet, summaries', () => {
    const n = JOURNAL_LIMITS.fillsPerSheet;
    const fills = (from: number, count: number) => Array.from({ length: count }, (_, i) => fill(`f${from + i}`, `C${from + i + 1}`));
    const merged = mergeJournals([reading(journal([sheet('s1', fills(0, n - 1))])), reading(journal([sheet('s1', fills(n - 1, 3))]))]);
    expect(merged.journal.sheets[0].fills).toHaveLength(n);
    expect(merged.ignored).toEqual([
      { sheetId: 's1', cell: `C${n + 1}`, reason: 'overLimit' },
      { sheetId: 's1', cell: `C${n + 2}`, reason: 'overLimit' },
    ]);
    const m = JOURNAL_LIMITS.summaries;
    const many = (from: number, count: number) => Array.from({ length: count }, (_, i) => summary(`w${from + i}`));
    const summaries = mergeJournals([reading(journal([], many(0, m - 1))), reading(journal([], many(m - 1, 2)))]).journal.summaries;
    expect(summaries.map((s) => s.sheetId)).toEqual(many(0, m).map((s) => s.sheetId));
  });

  it('nothing merged is the empty journal', () => {
    expect(mergeJournals([])).toEqual({ journal: emptyJournal(), ignored: [] });
  });
});

describe('sheetEntry, withSheet, isEmptyJournal', () => {
  const j = journal([sheet('s1', [fill('a')], 'Annexe 9'), sheet('s2', [fill('b')], 'Autre')], []);
  it('sheetEntry: by id first, then by name in any case', () => {
    expect(sheetEntry(j, 's2', 'Annexe 9')?.sheetId).toBe('s2');
    expect(sheetEntry(j, 'sX', 'annexe 9')?.sheetId).toBe('s1');
    expect(sheetEntry(j, 'sX', 'Nulle part')).toBeUndefined();
  });
  it('withSheet: in place of the same sheet (by id or name), dropped when it records nothing', () => {
    expect(withSheet(j, sheet('s1', [fill('c')], 'Annexe 9')).sheets.map((s) => [s.sheetId, s.fills[0].id])).toEqual([
      ['s2', 'b'],
      ['s1', 'c'],
    ]);
    expect(withSheet(j, sheet('s9', [fill('c')], 'AUTRE')).sheets.map((s) => s.sheetId)).toEqual(['s1', 's9']);
    expect(withSheet(j, sheet('s1', [], 'Annexe 9')).sheets.map((s) => s.sheetId)).toEqual(['s2']);
    // The sheet renamed since: the same id, replaced.
    expect(withSheet(j, sheet('s1', [fill('c')], 'Renommée')).sheets.map((s) => [s.sheetId, s.sheetName])).toEqual([
      ['s2', 'Autre'],
      ['s1', 'Renommée'],
    ]);
    expect(withSheet(j, sheet('s3', [fill('d')], 'Trois')).sheets.map((s) => s.sheetId)).toEqual(['s1', 's2', 's3']);
  });
  it('isEmptyJournal: no sheet and no summary', () => {
    expect(isEmptyJournal(emptyJournal())).toBe(true);
    expect(isEmptyJournal(journal([], [summary('w')]))).toBe(false);
    expect(isEmptyJournal(journal([sheet('s', [])]))).toBe(false);
  });
});

describe('fingerprint: tells unchanged from changed', () => {
  it('the same cells give the same fingerprint; empty and missing cells are the same', () => {
    expect(fingerprint([['a', 1]])).toBe(fingerprint([['a', 1]]));
    expect(fingerprint([[null, undefined, '']])).toBe(fingerprint([['', '', '']]));
    expect(fingerprint([['a']])).toMatch(/^[0-9a-f]{16}$/);
  });
  it('any change shows', () => {
    const base = fingerprint([['Total', 1362035], ['=SUM(B1:B2)', 0]]);
    for (const other of [[['Total', 1362036], ['=SUM(B1:B2)', 0]], [['Total', 1362035], ['=SUM(B1:B3)', 0]], [['Total', '1362035'], ['=SUM(B1:B2)', 0]], [['Total', 1362035], ['=SUM(B1:B2)', 0, '']], [['total', 1362035], ['=SUM(B1:B2)', 0]]]) {
      expect(fingerprint(other)).not.toBe(base);
    }
  });
  it('both halves move: a known value', () => {
    // FNV-1a (32 bits) of '[]' for the first half; the second half another multiplier and seed.
    const fnv = (s: string, seed: number, prime: number) => {
      let h = seed;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), prime) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    expect(fingerprint([])).toBe(fnv('[]', 0x811c9dc5, 0x01000193) + fnv('[]', 0x01000193, 0x5bd1e995));
    // Halves that start with zeros keep their eight digits.
    expect(fingerprint([[25]])).toBe(fnv('[[25]]', 0x811c9dc5, 0x01000193) + fnv('[[25]]', 0x01000193, 0x5bd1e995));
    expect(fingerprint([[25]]).slice(0, 1)).toBe('0');
    expect(fingerprint([[6]])).toBe(fnv('[[6]]', 0x811c9dc5, 0x01000193) + fnv('[[6]]', 0x01000193, 0x5bd1e995));
    expect(fingerprint([[6]]).slice(8, 9)).toBe('0');
    expect(fingerprint([['é', 0]])).toBe(fnv('[["é",0]]', 0x811c9dc5, 0x01000193) + fnv('[["é",0]]', 0x01000193, 0x5bd1e995));
  });
});

describe('isSummaryAsWritten: our summary sheet is replaced only while it is exactly as written', () => {
  const cellsWritten = [
    ['Synthèse', ''],
    ['=HYPERLINK("#\'Annexe 9\'!L50","L50")', 1362035],
  ];
  const record = { ...summary('w1'), rows: 2, cols: 2, fingerprint: fingerprint(cellsWritten) };
  const used = (rowIndex: number, rowCount: number, columnIndex: number, columnCount: number) => ({ rowIndex, rowCount, columnIndex, columnCount });

  it('the same cells, nothing used outside them', () => {
    expect(isSummaryAsWritten(record, used(0, 2, 0, 2), cellsWritten)).toBe(true);
    expect(isSummaryAsWritten(record, used(1, 1, 1, 1), cellsWritten)).toBe(true);
  });
  it('one row or one column used beyond what was written: the user wrote there', () => {
    expect(isSummaryAsWritten(record, used(0, 3, 0, 2), cellsWritten)).toBe(false);
    expect(isSummaryAsWritten(record, used(0, 2, 0, 3), cellsWritten)).toBe(false);
    expect(isSummaryAsWritten(record, used(2, 1, 0, 1), cellsWritten)).toBe(false);
    expect(isSummaryAsWritten(record, used(0, 1, 2, 1), cellsWritten)).toBe(false);
  });
  it('any cell changed inside', () => {
    expect(isSummaryAsWritten(record, used(0, 2, 0, 2), [['Synthèse', ''], ['=HYPERLINK("#\'Annexe 9\'!L51","L50")', 1362035]])).toBe(false);
    expect(isSummaryAsWritten(record, used(0, 2, 0, 2), [['Synthèse', 'note'], cellsWritten[1]])).toBe(false);
  });
});
