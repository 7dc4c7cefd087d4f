/**
 * The « Comparaison annexe 9 » sheet through Office.js (issue 16), against the fake Excel: written
 * from the engine's plan, recorded in the journal, replaced only while unchanged, deleted by
 * « Effacer les marques » on the annex sheet it was made from (a changed one is kept).
 */
import { planComparisonSheet } from '../../src/domain/compare/sheetPlan';
import { SheetGrid } from '../../src/domain/grid';
import { FORMULA_TEXT_MAX, hyperlink } from '../../src/office/comparisonSheet';
import { JOURNAL_NAMESPACE, fingerprint, journalFromXml } from '../../src/office/journal';
import { compareGrids } from '../../src/taskpane/panels/compareGrids';
import { FakeWorkbook } from '../../src/fake-excel';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { findAction, sampleSpec } from '../../fixtures/sample';
import { SHEET, setup, uninstall } from './helpers';

afterEach(uninstall);

const OLD = 'Version de mars';
/** The workbook of the running test. */
let current: FakeWorkbook;

function twoVersions(): SheetGrid[] {
  const spec = sampleSpec();
  const oldGrid = { ...layoutAnnex(spec).grid, name: OLD };
  const changed = sampleSpec();
  const { action } = findAction(changed, 'Pacte');
  action.amounts.C = String(Number(action.amounts.C) + 1000);
  action.amounts.F = String(Number(action.amounts.F) + 1000);
  return [layoutAnnex(changed).grid, oldGrid];
}

function journal(wb: FakeWorkbook) {
  const part = wb.customXmlParts.find((p) => p.namespaceUri === JOURNAL_NAMESPACE);
  return part ? journalFromXml(part.xml) : null;
}

async function compareAndInsert(service: ReturnType<typeof setup>['service']) {
  // The sheet inserted is shown: the annex is made active again, as the user would click its tab.
  current.setActive(SHEET);
  const out = await service.check('fr');
  const [neu, old] = await Promise.all([service.readGrid(SHEET), service.readGrid(OLD)]);
  const compared = compareGrids({ grid: old, file: null }, { grid: neu, file: null }, 'auto', 'fr');
  if (!compared.ok) throw new Error(compared.message);
  const plan = planComparisonSheet(compared.result, { lang: 'fr', linkSheets: { old: OLD, new: SHEET } });
  return { out, result: compared.result, w: await service.insertComparison(out, plan, 'fr') };
}

describe('comparison sheet in the workbook', () => {
  it('lists the sheets, reads another sheet, and writes exactly the modification, recorded in the journal', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    expect(await service.sheetNames()).toEqual([SHEET, OLD]);
    const { result, w } = await compareAndInsert(service);
    expect(result.versions!.counts).toMatchObject({ actionsAdded: 0, actionsRemoved: 0, actionsChanged: 1 });
    expect(w).toMatchObject({ ok: true, message: 'Comparaison insérée dans la feuille «\u00a0Comparaison annexe 9\u00a0».' });
    const texts = [...wb.sheet('Comparaison annexe 9').cells.values()].map((c) => c.v).filter((v) => typeof v === 'string') as string[];
    expect(texts.some((t) => /Pacte/.test(t))).toBe(true);
    expect(texts).toContain('annexe9-comparaison/v1');
    const j = journal(wb)!;
    expect(j.comparisons).toEqual([expect.objectContaining({ sheetId: wb.sheet('Comparaison annexe 9').id, source: wb.sheet(SHEET).id })]);
    // A link formula to the changed row, our own text only.
    const formulas = [...wb.sheet('Comparaison annexe 9').cells.values()].map((c) => c.f).filter(Boolean) as string[];
    expect(formulas.every((f) => /^=HYPERLINK\("#'(Annexe 9|Version de mars)'!B\d+","ligne \d+"\)$/.test(f))).toBe(true);
    expect(formulas.length).toBeGreaterThan(0);
  });

  it('is replaced in place while unchanged, and a new one is added once someone typed in it', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    await compareAndInsert(service);
    const id = wb.sheet('Comparaison annexe 9').id;
    const again = await compareAndInsert(service);
    expect(again.w.message).toBe('Comparaison remplacée dans la feuille «\u00a0Comparaison annexe 9\u00a0».');
    expect(wb.sheet('Comparaison annexe 9').id).toBe(id);
    wb.userEdit('Comparaison annexe 9', 'A3', { value: 'note de la relectrice' });
    const third = await compareAndInsert(service);
    expect(third.w.message).toBe('Comparaison insérée dans la feuille «\u00a0Comparaison annexe 9 (2)\u00a0».');
    expect(wb.cellState('Comparaison annexe 9', 'A3').value).toBe('note de la relectrice');
  });

  it('is deleted by « Effacer les marques » on its annex sheet while unchanged; a changed one is kept', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    await compareAndInsert(service);
    wb.setActive(SHEET);
    const cleared = await service.clear('fr');
    expect(cleared.message).toContain('Feuille de comparaison supprimée\u00a0: «\u00a0Comparaison annexe 9\u00a0».');
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD]);
    expect(journal(wb)).toBeNull();

    await compareAndInsert(service);
    wb.userEdit('Comparaison annexe 9', 'B40', { value: 'à voir' });
    wb.setActive(SHEET);
    const kept = await service.clear('fr');
    expect(kept.message).toContain('Feuille de comparaison conservée, car modifiée ou renommée depuis son insertion (ou protégée, ou très masquée)\u00a0: «\u00a0Comparaison annexe 9\u00a0»');
    expect(wb.sheets.map((s) => s.name)).toContain('Comparaison annexe 9');
  });

  it('a very hidden comparison sheet (Excel refuses to delete it) is kept and said so, the rest cleared', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    await compareAndInsert(service);
    wb.sheet('Comparaison annexe 9').visibility = 'VeryHidden';
    wb.setActive(SHEET);
    const cleared = await service.clear('fr');
    expect(cleared.ok).toBe(true);
    expect(cleared.message).toContain('Feuille de comparaison conservée');
    expect(wb.sheets.map((s) => s.name)).toContain('Comparaison annexe 9');
    expect(journal(wb)).toBeNull();
  });

  it('a forged record naming a user sheet does not get it cleared or deleted', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    const victim = wb.sheet(OLD);
    const rows = 5;
    wb.addXmlPart(
      `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [], comparisons: [{ sheetId: victim.id, source: wb.sheet(SHEET).id, rows, cols: 3, fingerprint: '0000000000000000', at: 'x' }] })}</annexe9Journal>`,
    );
    const before = wb.cellState(OLD, 'B10').value;
    await compareAndInsert(service);
    wb.setActive(SHEET);
    await service.clear('fr');
    expect(wb.sheets.map((s) => s.name)).toContain(OLD);
    expect(wb.cellState(OLD, 'B10').value).toBe(before);
  });

  it('a forged record naming the old version, matching it exactly, never gets it cleared by the insert', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    const old = wb.sheet(OLD);
    const used = wb.usedRect(old, true)!;
    const rows = used.bottom + 1;
    const cols = used.right + 1;
    // The old version has formats of its own, and the sender knows its cells: the fingerprint is not a secret.
    const formulas = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(OLD);
      ws.getRange('A1').format.fill.color = '#FFFF00';
      const range = ws.getRangeByIndexes(0, 0, rows, cols).load('formulas');
      await context.sync();
      return range.formulas;
    });
    const forged = { sheetId: old.id, source: wb.sheet(SHEET).id, rows, cols, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [], comparisons: [forged] })}</annexe9Journal>`);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === OLD));
    const { w } = await compareAndInsert(service);
    expect(w).toMatchObject({ ok: true, message: 'Comparaison insérée dans la feuille «\u00a0Comparaison annexe 9\u00a0».' });
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === OLD))).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD, 'Comparaison annexe 9']);
  });

  it('« Tout retirer » never deletes the old version a forged comparison record names, even matching it exactly: kept and named', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    await compareAndInsert(service);
    const old = wb.sheet(OLD);
    const used = wb.usedRect(old, true)!;
    const rows = used.bottom + 1;
    const cols = used.right + 1;
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(OLD).getRangeByIndexes(0, 0, rows, cols).load('formulas');
      await context.sync();
      return range.formulas;
    });
    // The sender's journal records our comparison and, forged beside it, the old version.
    const j = journal(wb)!;
    j.comparisons = [...(j.comparisons ?? []), { sheetId: old.id, source: wb.sheet(SHEET).id, rows, cols, fingerprint: fingerprint(formulas), at: 'x' }];
    wb.customXmlParts.find((p) => p.namespaceUri === JOURNAL_NAMESPACE)!.xml = `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify(j)}</annexe9Journal>`;
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === OLD));
    wb.setActive(SHEET);
    expect((await service.previewClear('fr')).comparisons).toEqual({ deleted: ['Comparaison annexe 9'], kept: [OLD] });
    expect((await service.clear('fr')).ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD]);
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === OLD))).toBe(before);
  });

  it('our comparison renamed by the user is theirs: kept by the next insert, which adds a new one', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    await compareAndInsert(service);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Comparaison annexe 9').name = 'Écarts pour le comité';
      await context.sync();
    });
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Écarts pour le comité'));
    const { w } = await compareAndInsert(service);
    expect(w).toMatchObject({ ok: true, replaced: false, sheet: 'Comparaison annexe 9' });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD, 'Écarts pour le comité', 'Comparaison annexe 9']);
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Écarts pour le comité'))).toBe(before);
  });

  it('a forged record naming the annex sheet itself, matching it exactly, never gets the annex cleared', async () => {
    const { wb, service } = setup(twoVersions());
    current = wb;
    const annex = wb.sheet(SHEET);
    const used = wb.usedRect(annex, true)!;
    const rows = used.bottom + 1;
    const cols = used.right + 1;
    // The sender knows the annex's cells: the fingerprint is not a secret.
    const formulas = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(SHEET).getRangeByIndexes(0, 0, rows, cols).load('formulas');
      await context.sync();
      return range.formulas;
    });
    const forged = { sheetId: annex.id, source: annex.id, rows, cols, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${JSON.stringify({ version: 2, sheets: [], summaries: [], comparisons: [forged] })}</annexe9Journal>`);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SHEET));
    const { w } = await compareAndInsert(service);
    expect(w).toMatchObject({ ok: true, message: 'Comparaison insérée dans la feuille «\u00a0Comparaison annexe 9\u00a0».' });
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SHEET))).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, OLD, 'Comparaison annexe 9']);
  });
});

describe('the link to an action row', () => {
  // Excel refuses a formula whose text constant is over 255 characters: one long title would make
  // the whole comparison sheet's write fail.
  const constants = (formula: string) => [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);

  it('keeps a label whole when it fits', () => {
    expect(hyperlink({ kind: 'link', text: 'Maraude de « nuit » "bis"', sheet: "Annexe 9 d'Arras", cell: 'E12' })).toBe(
      '=HYPERLINK("#\'Annexe 9 d\'\'Arras\'!E12","Maraude de « nuit » ""bis""")',
    );
  });

  it.each([
    ['a long title', 'Accompagnement renforcé des bénéficiaires du RSA '.repeat(8)],
    ['a long title full of quotes', '"cité" '.repeat(60)],
    ['a title of astral characters', '𝔸'.repeat(300)],
  ])('shortens %s with « … », every text constant within 255 characters as written', (_, text) => {
    const formula = hyperlink({ kind: 'link', text, sheet: 'Annexe 9', cell: 'E12' });
    const [, shown] = constants(formula);
    expect(shown.length).toBeLessThanOrEqual(FORMULA_TEXT_MAX);
    expect(shown.endsWith('…')).toBe(true);
    expect(text.startsWith(shown.slice(0, -1).replace(/""/g, '"'))).toBe(true);
    expect(shown.replace(/""/g, '').includes('"')).toBe(false);
  });
});
