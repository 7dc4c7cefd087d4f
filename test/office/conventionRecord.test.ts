/**
 * The convention's confirmed figures kept in the workbook (issue 15), against the fake Excel: a
 * re-check and a colleague who reopens the file find them, the summary sheet's per-code block
 * uses them, « Effacer les marques » takes them away, and a forged record is ignored.
 */
import { conventionTextFromString, extractConvention, figuresFromExtraction } from '../../src/domain/convention';
import { ConventionFigures } from '../../src/domain/convention/figures';
import { JOURNAL_NAMESPACE, journalFromXml } from '../../src/office/journal';
import { ExcelAnnexService } from '../../src/office/excelService';
import { createSummaryWriter } from '../../src/office/summarySheet';
import { FakeWorkbook, installFakeExcel } from '../../src/fake-excel';
import { seedText } from '../convention/seed';
import { SHEET, sampleGrid, setup, uninstall } from './helpers';

afterEach(uninstall);

const NOW = () => new Date('2026-03-02T10:00:00Z');
const writer = createSummaryWriter({ now: NOW, workbookName: () => 'annexe.xlsx', activate: false });
const seedFigures = (): ConventionFigures => figuresFromExtraction(extractConvention(conventionTextFromString(seedText())), 'convention.pdf');

function journalParts(wb: FakeWorkbook) {
  return wb.customXmlParts.filter((p) => p.namespaceUri === JOURNAL_NAMESPACE);
}

/** Values of a fake sheet's row whose column B holds `code` (the summary's per-code block). */
function codeLine(wb: FakeWorkbook, sheet: string, code: string): unknown[] {
  const s = wb.sheet(sheet);
  const rows = new Map<number, unknown[]>();
  for (const [k, cell] of s.cells) {
    const r = Math.floor(k / 16384);
    if (!rows.has(r)) rows.set(r, []);
    rows.get(r)![k % 16384] = cell.v;
  }
  const line = [...rows.values()].find((cells) => cells[1] === code && typeof cells[14] === 'number');
  if (!line) throw new Error(`no line for ${code}`);
  return line;
}

describe('convention figures kept in the workbook', () => {
  it('are saved for the checked sheet, seen by a re-check and after reopening, used by the summary, removed by clear', async () => {
    const { wb, service } = setup([sampleGrid()], {}, { writeSummary: writer });
    const out = await service.check('fr');
    expect(await service.conventionOf(out)).toBeNull();

    const figures = seedFigures();
    const saved = await service.saveConvention(out, figures, 'fr');
    expect(saved).toMatchObject({ ok: true });
    expect(saved.message).toContain('Montants de la convention enregistrés');
    const again = await service.check('fr');
    const stored = await service.conventionOf(again);
    expect(stored?.at).toBe('2026-03-02T10:00:00.000Z');
    expect(stored?.figures.codes.map((c) => [c.code.slice(-2), c.cents])).toEqual([
      ['03', 11_000_000],
      ['04', 8_000_000],
      ['02', 8_952_300],
      ['07', 606_705_800],
      ['10', 64_000_000],
    ]);
    expect(stored?.figures.stateTotal?.cents).toBe(670_705_800);
    expect(stored?.figures.fiches).toHaveLength(figures.fiches.length);
    expect(stored?.figures.codes[0].sources[0]).toMatchObject({ kind: 'document', ref: { unit: 'line' } });

    // A colleague receives the file: new ids, a new pane.
    const reopened = wb.reopen();
    installFakeExcel(globalThis, reopened);
    const colleague = new ExcelAnnexService({ now: NOW, writeSummary: writer });
    const theirs = await colleague.check('fr');
    expect((await colleague.conventionOf(theirs))?.figures).toEqual(stored?.figures);

    // The summary's per-code block: notified amount and the gap A − notified.
    const summary = await colleague.insertSummary(theirs, 'fr');
    expect(summary).toMatchObject({ ok: true });
    const line03 = codeLine(reopened, 'Synthèse annexe 9', '0304 50 19 19 03');
    expect(line03[14]).toBe(110000);
    expect(line03[15]).toBe(190000);
    expect(codeLine(reopened, 'Synthèse annexe 9', '0304 50 19 19 07')[14]).toBe(6067058);

    // Taken back with the add-in's other writes.
    const cleared = await colleague.clear('fr');
    expect(cleared.message).toContain('Les montants de la convention enregistrés pour cette feuille sont retirés.');
    expect(await colleague.conventionOf(await colleague.check('fr'))).toBeNull();
  });

  it('amounts typed by hand are kept with their source « typed », and saving null forgets them', async () => {
    const { wb, service } = setup([sampleGrid()]);
    const out = await service.check('fr');
    const typed: ConventionFigures = { document: null, unit: 'line', year: null, stateTotal: null, codes: [{ code: '0304 50 19 19 03', cents: 30_000_000, sources: [{ kind: 'typed' }] }], fiches: [] };
    await service.saveConvention(out, typed, 'fr');
    expect((await service.conventionOf(out))?.figures.codes).toEqual(typed.codes);
    const forget = await service.saveConvention(out, null, 'fr');
    expect(forget.message).toContain('retirés du classeur');
    expect(await service.conventionOf(out)).toBeNull();
    // Nothing else recorded: no journal part left.
    expect(journalParts(wb)).toHaveLength(0);
  });

  it('a code the template does not know, read in a document, is not recorded', async () => {
    const { service } = setup([sampleGrid()]);
    const out = await service.check('fr');
    const figures = seedFigures();
    figures.codes.push({ code: '0304 50 19 19 99', cents: 100, sources: [{ kind: 'typed' }] });
    await service.saveConvention(out, figures, 'fr');
    expect((await service.conventionOf(out))?.figures.codes.map((c) => c.code.slice(-2))).toEqual(['03', '04', '02', '07', '10']);
  });

  it('is refused in a read-only workbook, nothing written', async () => {
    const { wb, service } = setup([sampleGrid()], { readOnly: true });
    const out = await service.check('fr');
    const w = await service.saveConvention(out, seedFigures(), 'fr');
    expect(w.ok).toBe(false);
    expect(journalParts(wb)).toHaveLength(0);
  });
});

describe('a forged convention record', () => {
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const part = (json: unknown) => `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${escapeXml(JSON.stringify(json))}</annexe9Journal>`;
  const good = (sheetId: string) => ({
    sheetId,
    sheetName: SHEET,
    at: '2026-01-01T00:00:00.000Z',
    figures: { document: 'c.pdf', unit: 'page', year: 2023, stateTotal: null, codes: [{ code: '0304 50 19 19 03', cents: 100, sources: [{ kind: 'typed' }] }], fiches: [] },
  });

  it.each([
    ['an unknown code', (r: ReturnType<typeof good>) => (r.figures.codes[0].code = '0304 50 19 19 99')],
    ['an amount as text', (r: ReturnType<typeof good>) => ((r.figures.codes[0] as { cents: unknown }).cents = '100')],
    ['a negative amount', (r: ReturnType<typeof good>) => (r.figures.codes[0].cents = -5)],
    ['a fractional cent', (r: ReturnType<typeof good>) => (r.figures.codes[0].cents = 0.5)],
    ['an absurd amount', (r: ReturnType<typeof good>) => (r.figures.codes[0].cents = 1e18)],
    ['a control character in the document name', (r: ReturnType<typeof good>) => (r.figures.document = 'c\u001b[31m.pdf')],
    ['a bidirectional override in a quote', (r: ReturnType<typeof good>) => ((r.figures as { stateTotal: unknown }).stateTotal = { cents: 1, source: { kind: 'document', ref: { unit: 'page', first: 1, last: 1, quote: 'a\u202eb' } } })],
    ['a source of another kind', (r: ReturnType<typeof good>) => ((r.figures.codes[0].sources[0] as { kind: string }).kind = 'formula')],
    ['a code twice', (r: ReturnType<typeof good>) => r.figures.codes.push({ ...r.figures.codes[0] })],
    ['no sheet id', (r: ReturnType<typeof good>) => ((r as { sheetId: unknown }).sheetId = 5)],
  ])('with %s is ignored: nothing shown, nothing in the summary', async (_, spoil) => {
    const { wb, service } = setup([sampleGrid()], {}, { writeSummary: writer });
    const sheetId = wb.sheet(SHEET).id;
    const forged = good(sheetId);
    spoil(forged);
    wb.addXmlPart(part({ version: 2, sheets: [], summaries: [], conventions: [forged] }));
    const out = await service.check('fr');
    expect(await service.conventionOf(out)).toBeNull();
    await service.insertSummary(out, 'fr');
    expect(() => codeLine(wb, 'Synthèse annexe 9', '0304 50 19 19 03')).toThrow('no line');
  });

  it('is dropped on the next write while a well-formed one beside it is kept', async () => {
    const { wb, service } = setup([sampleGrid()]);
    const sheetId = wb.sheet(SHEET).id;
    const bad = { ...good('other'), sheetName: 'Autre', figures: { ...good('x').figures, unit: 'chapter' } };
    wb.addXmlPart(part({ version: 2, sheets: [], summaries: [], conventions: [bad, good(sheetId)] }));
    const out = await service.check('fr');
    expect((await service.conventionOf(out))?.figures.codes[0].cents).toBe(100);
    await service.saveConvention(out, { ...good(sheetId).figures, codes: [{ code: '0304 50 19 19 04', cents: 7, sources: [{ kind: 'typed' }] }] } as ConventionFigures, 'fr');
    const journal = journalFromXml(journalParts(wb)[0].xml);
    expect(journal.conventions).toHaveLength(1);
    expect(journal.conventions![0].figures.codes[0]).toMatchObject({ code: '0304 50 19 19 04', cents: 7 });
  });
});
