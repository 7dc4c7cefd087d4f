/**
 * « Tout retirer… » (issue 14) against the fake Excel: its preview lists exactly what the clear
 * then removes — the marks, the filled codes (sheet!cell and code), the summary and comparison
 * sheets while exactly as written, the convention figures — and writes nothing; the clear works on
 * the sheet that was checked even when the summary sheet is the active one, and shows that sheet
 * again. A summary someone typed in, renamed, protected, or given a chart of their own is kept and named; a
 * forged record never gets a user's sheet (or the annex itself) deleted.
 */
import { planComparisonSheet } from '../../src/domain/compare/sheetPlan';
import { SUMMARY_MARKER_TOKEN } from '../../src/domain/summaryMarker';
import { JOURNAL_NAMESPACE, fingerprint, journalFromXml } from '../../src/office/journal';
import { ClearPreview } from '../../src/office/service';
import { createSummaryWriter } from '../../src/office/summarySheet';
import { compareGrids } from '../../src/taskpane/panels/compareGrids';
import { FakeWorkbook, READINGS } from '../../src/fake-excel';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { SHEET, blankCodesSpec, install, setup, snapshot, uninstall } from './helpers';

afterEach(uninstall);

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';
const SUMMARY = 'Synthèse annexe 9';
const COMPARISON = 'Comparaison annexe 9';
const OLD = 'Version de mars';
const writer = createSummaryWriter({ now: () => new Date('2026-03-02T10:00:00Z'), workbookName: () => 'annexe.xlsx', notified: () => [] });

function journal(wb: FakeWorkbook) {
  const part = wb.customXmlParts.find((p) => p.namespaceUri === JOURNAL_NAMESPACE);
  return part ? journalFromXml(part.xml) : null;
}

const nothingElse = { deleted: [], kept: [] };

/**
 * The annex with three codes missing and an older copy of it: checked, filled, marked, its summary
 * inserted (the summary sheet is then the active one), compared with the copy (the comparison sheet
 * active), the convention figures saved. Everything the add-in can write for one sheet.
 */
async function everythingWritten(readings?: (typeof READINGS)[number][1]) {
  const grid = layoutAnnex(blankCodesSpec([2, 5, 9])).grid;
  const s = setup([grid, { ...grid, name: OLD }], { readings }, { writeSummary: writer });
  const { wb, service } = s;
  const before = snapshot(wb);
  await service.fillCodes(await service.check('fr'), 'fr');
  const checked = await service.check('fr');
  const marked = await service.mark(checked, 'fr');
  expect(marked.ok).toBe(true);
  expect(await service.insertSummary(checked, 'fr')).toMatchObject({ ok: true });
  const [neu, old] = await Promise.all([service.readGrid(SHEET), service.readGrid(OLD)]);
  const compared = compareGrids({ grid: old, file: null }, { grid: neu, file: null }, 'auto', 'fr');
  if (!compared.ok) throw new Error(compared.message);
  expect(await service.insertComparison(checked, planComparisonSheet(compared.result, { lang: 'fr', linkSheets: { old: OLD, new: SHEET } }), 'fr')).toMatchObject({ ok: true });
  const typed = { document: null, unit: 'line' as const, year: null, stateTotal: null, codes: [{ code: '0304 50 19 19 03', cents: 100, sources: [{ kind: 'typed' as const }] }], fiches: [] };
  expect(await service.saveConvention(checked, typed, 'fr')).toMatchObject({ ok: true });
  expect(wb.activeSheet.name).toBe(COMPARISON);
  return { ...s, before, checked, marked: marked.marked ?? 0 };
}

describe.each(READINGS)('« Tout retirer… » (%s)', (_, readings) => {
  it('previews exactly what it removes, writing nothing; then removes it on the checked sheet and shows that sheet', async () => {
    const { wb, service, before, checked, marked } = await everythingWritten(readings);
    const saved = JSON.stringify(wb.toJSON());
    const preview = await service.previewClear('fr', checked);
    expect(preview).toEqual<ClearPreview>({
      ok: true,
      sheet: SHEET,
      markedCells: marked,
      codes: ['C24', 'C27', 'C31'].map((cell) => ({ sheet: SHEET, cell, code: CODE })),
      kept: [],
      convention: true,
      summaries: { deleted: [SUMMARY], kept: [] },
      comparisons: { deleted: [COMPARISON], kept: [] },
    });
    expect(marked).toBeGreaterThan(0);
    // The preview wrote nothing, and left the comparison sheet the active one.
    expect(JSON.stringify(wb.toJSON())).toBe(saved);

    const cleared = await service.clear('fr', checked);
    expect(cleared).toMatchObject({ ok: true, restored: 3, skipped: [] });
    expect(cleared.message).toContain(`Marques retirées (${marked})`);
    expect(cleared.message).toContain('Feuille de synthèse supprimée\u00a0: «\u00a0Synthèse annexe 9\u00a0».');
    expect(cleared.message).toContain('Feuille de comparaison supprimée\u00a0: «\u00a0Comparaison annexe 9\u00a0».');
    expect(cleared.message).toContain('Les montants de la convention enregistrés pour cette feuille sont retirés.');
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD]);
    expect(snapshot(wb)).toEqual(before);
    expect(journal(wb)).toBeNull();
    // The annex is the active sheet again: the pane's check after the clear reads it.
    expect(wb.activeSheet.name).toBe(SHEET);
    expect(await service.check('fr')).toMatchObject({ sheet: SHEET, markedCells: 0, filledCodes: 0, recordKept: false });

    // Nothing left: the preview says so.
    const after = await service.previewClear('fr', await service.check('fr'));
    expect(after).toMatchObject({ ok: true, message: 'Aucune marque ni imputation du contrôle sur cette feuille.', codes: [], summaries: nothingElse, comparisons: nothingElse, convention: false });
  });

  it('keeps a summary someone typed in, one protected, one with a chart of their own, and names them', async () => {
    const { wb, service, checked } = await everythingWritten(readings);
    wb.userEdit(SUMMARY, 'A60', { value: 'Vu avec le département le 4 janvier' });
    const preview = await service.previewClear('fr', checked);
    expect(preview.summaries).toEqual({ deleted: [], kept: [SUMMARY] });
    const cleared = await service.clear('fr', checked);
    expect(cleared.message).toContain('Feuille de synthèse conservée, car modifiée ou renommée depuis l’insertion (ou protégée, ou très masquée)\u00a0: «\u00a0Synthèse annexe 9\u00a0»\u202f; supprimez-la vous-même');
    expect(wb.cellState(SUMMARY, 'A60').value).toBe('Vu avec le département le 4 janvier');
    // Its record is gone: a new summary goes to a new sheet, the kept one untouched.
    expect(journal(wb)).toBeNull();
  });

  it.each([
    ['protected', (wb: FakeWorkbook) => (wb.sheet(SUMMARY).protected = true)],
    ['with a chart of the user’s', (wb: FakeWorkbook) => wb.sheet(SUMMARY).charts.push({ ...wb.sheet(SUMMARY).charts[0], name: 'Mon graphique' })],
    ['without its chart, and one of the user’s instead', (wb: FakeWorkbook) => (wb.sheet(SUMMARY).charts[0].name = 'Mon graphique')],
  ])('a summary %s is kept', async (_, change) => {
    const { wb, service, checked } = await everythingWritten(readings);
    expect(wb.sheet(SUMMARY).charts.length).toBe(1);
    change(wb);
    expect((await service.previewClear('fr', checked)).summaries).toEqual({ deleted: [], kept: [SUMMARY] });
    await service.clear('fr', checked);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD, SUMMARY]);
  });

  it('a forged record naming the annex sheet itself never gets it deleted, even when everything else matches', async () => {
    const grid = layoutAnnex(blankCodesSpec([2])).grid;
    const { wb, service } = setup([grid, { ...grid, name: OLD }], { readings }, { writeSummary: writer });
    // The annex carries the summary's marker, and the record the fingerprint of exactly its cells.
    const annex = wb.sheet(SHEET);
    wb.enterValue(annex, 0, 25, SUMMARY_MARKER_TOKEN);
    wb.enterValue(annex, 1, 25, SHEET);
    const rows = wb.usedRect(annex, true)!.bottom + 1;
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRangeByIndexes(0, 0, rows, 26).load('formulas');
      await context.sync();
      return range.formulas;
    });
    const forged = { sheetId: annex.id, source: SHEET, rows, cols: 26, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [forged] })}</annexe9Journal>`);
    const preview = await service.previewClear('fr');
    expect(preview).toMatchObject({ ok: true, sheet: SHEET, summaries: nothingElse });
    expect((await service.clear('fr')).ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD]);
    expect(journal(wb)).toBeNull();
  });

  it('a forged record naming a user’s sheet leaves the sheet, named as kept, whether it matches the sheet exactly or not', async () => {
    const grid = layoutAnnex(blankCodesSpec([2])).grid;
    const { wb, service } = setup([grid], { readings }, { writeSummary: writer });
    const mine = wb.addSheet('Mes notes');
    wb.enterValue(mine, 0, 0, 'Relecture du 3 janvier');
    wb.enterValue(mine, 0, 25, SUMMARY_MARKER_TOKEN);
    wb.enterValue(mine, 1, 25, SHEET);
    const part = (print: string) =>
      wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [{ sheetId: mine.id, source: SHEET, rows: 2, cols: 26, fingerprint: print, at: 'x' }] })}</annexe9Journal>`);
    const forged = part('0000000000000000');
    const checked = await service.check('fr');
    expect((await service.previewClear('fr', checked)).summaries).toEqual({ deleted: [], kept: ['Mes notes'] });
    await service.clear('fr', checked);
    expect(wb.cellState('Mes notes', 'A1').value).toBe('Relecture du 3 janvier');
    expect(wb.customXmlParts).not.toContain(forged);
    // A record forged to match the sheet exactly: its name is not one we give a summary, so it is
    // kept all the same (issue 18; it used to be deleted once the preview had named it).
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Mes notes').getRangeByIndexes(0, 0, 2, 26).load('formulas');
      await context.sync();
      return range.formulas;
    });
    part(fingerprint(formulas));
    const again = await service.check('fr');
    expect((await service.previewClear('fr', again)).summaries).toEqual({ deleted: [], kept: ['Mes notes'] });
    await service.clear('fr', again);
    expect(wb.cellState('Mes notes', 'A1').value).toBe('Relecture du 3 janvier');
  });

  it('a forged summary record naming « V1 », carrying the marker and matching it exactly, never gets it deleted: kept and named', async () => {
    const grid = layoutAnnex(blankCodesSpec([2])).grid;
    const { wb, service } = setup([grid, { ...grid, name: 'V1' }], { readings }, { writeSummary: writer });
    const v1 = wb.sheet('V1');
    wb.enterValue(v1, 0, 25, SUMMARY_MARKER_TOKEN);
    wb.enterValue(v1, 1, 25, SHEET);
    const rows = wb.usedRect(v1, true)!.bottom + 1;
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('V1').getRangeByIndexes(0, 0, rows, 26).load('formulas');
      await context.sync();
      return range.formulas;
    });
    const forged = { sheetId: v1.id, source: SHEET, rows, cols: 26, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [forged] })}</annexe9Journal>`);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'V1'));
    const checked = await service.check('fr');
    expect((await service.previewClear('fr', checked)).summaries).toEqual({ deleted: [], kept: ['V1'] });
    const cleared = await service.clear('fr', checked);
    expect(cleared.message).toContain('Feuille de synthèse conservée, car modifiée ou renommée depuis l’insertion (ou protégée, ou très masquée)\u00a0: «\u00a0V1\u00a0»');
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'V1']);
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'V1'))).toBe(before);
  });

  it('our summary under « Synthèse annexe 9 (2) » is deleted; one the user renamed is theirs: kept and named', async () => {
    const grid = layoutAnnex(blankCodesSpec([2])).grid;
    const { wb, service } = setup([grid], { readings }, { writeSummary: writer });
    wb.enterValue(wb.addSheet(SUMMARY), 0, 0, 'Tapée à la main');
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, sheet: 'Synthèse annexe 9 (2)' });
    wb.setActive(SHEET);
    expect((await service.previewClear('fr', await service.check('fr'))).summaries).toEqual({ deleted: ['Synthèse annexe 9 (2)'], kept: [] });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Synthèse annexe 9 (2)').name = 'Synthèse pour le comité';
      await context.sync();
    });
    const checked = await service.check('fr');
    expect((await service.previewClear('fr', checked)).summaries).toEqual({ deleted: [], kept: ['Synthèse pour le comité'] });
    await service.clear('fr', checked);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, SUMMARY, 'Synthèse pour le comité']);
  });

  it('without an outcome, works on the active sheet (a reopened file, before any check)', async () => {
    const { wb } = await everythingWritten(readings);
    wb.setActive(SHEET);
    const reopened = wb.reopen();
    const { service: fresh } = install(reopened, { writeSummary: writer });
    const preview = await fresh.previewClear('fr');
    expect(preview).toMatchObject({ ok: true, sheet: SHEET, convention: true, summaries: { deleted: [SUMMARY], kept: [] }, comparisons: { deleted: [COMPARISON], kept: [] } });
    expect(preview.codes.map((c) => c.cell)).toEqual(['C24', 'C27', 'C31']);
    expect(await fresh.clear('fr')).toMatchObject({ ok: true, restored: 3 });
    expect(reopened.sheets.map((s) => s.name)).toEqual([SHEET, OLD]);
  });

  it('on a protected annex sheet refuses and writes nothing', async () => {
    const { wb, service, checked } = await everythingWritten(readings);
    wb.sheet(SHEET).protected = true;
    const saved = JSON.stringify(wb.toJSON());
    expect(await service.previewClear('fr', checked)).toMatchObject({ ok: false, message: expect.stringMatching(/protégée/) });
    expect(await service.clear('fr', checked)).toMatchObject({ ok: false });
    expect(JSON.stringify(wb.toJSON())).toBe(saved);
  });
});
