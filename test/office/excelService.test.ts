/**
 * The add-in's Office side against the fake workbook: check, mark, fill, clear, protection,
 * read-only, sync counts, undo groups, events. Every "nothing changed" is a full comparison of
 * the sheet (values, formulas, number formats, fills, merges, conditional formats). Everything
 * runs under both readings of what Microsoft's documentation leaves open (FakeReadings).
 */
import { analyzeSheet } from '../../src/domain/analyze';
import { FILLED_CODE, ROW_TINT, RULE_STYLES } from '../../src/domain/marks';
import { AnnexOfficeError } from '../../src/office/excelService';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook, READINGS } from '../../src/fake-excel';
import { BAND_BYTES } from '../../src/office/readSheet';
import { JOURNAL_NAMESPACE, journalFromXml } from '../../src/office/journal';
import { CheckOutcome } from '../../src/office/service';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { brief, sampleSpec } from '../../fixtures/sample';
import { SHEET, afterQueuedEvents, blankCodesSpec, currentReadings, grownSpec, install, sampleGrid, setup, snapshot, syncsSince, uninstall, useReadings, waitFor } from './helpers';

afterEach(uninstall);

const PROTECTED_FR =
  'Feuille protégée\u00a0: le contrôle a fonctionné mais les marques ne peuvent pas être posées. Ôtez la protection (Révision > Ôter la protection) ou utilisez la relecture seule.';
const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';

const tagged = (wb: FakeWorkbook) => wb.sheet(SHEET).cfs.filter((cf) => cf.formula.includes('annexe9:'));

/** The light tint shows only where "no fill" can be told from a white fill. */
const tint = () => (currentReadings().noFill === 'white' ? null : ROW_TINT);

describe.each(READINGS)('%s reading', (_reading, readings) => {
  beforeAll(() => useReadings(readings));
  afterAll(() => useReadings(undefined));

  describe('check', () => {
    it('finds the two wrong totals of the sample, in one sync, writing nothing', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      expect(outcome).toMatchObject({ status: 'annex', sheet: SHEET, readOnly: false, hasMarks: false });
      expect(brief(outcome.report!)).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
      expect(outcome.report!.fills).toEqual([]);
      expect(wb.recorder.syncCount).toBe(1);
      expect(snapshot(wb)).toEqual(before);
      expect(wb.customXmlParts).toEqual([]);
      expect(wb.recorder.runs[0].options).toEqual({ delayForCellEdit: true });
    });

    it('a sheet that is not an annex says so', async () => {
      const { service } = setup([{ name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'Réunion du 12 juin' }]], merges: [] }]);
      const outcome = await service.check('fr');
      expect(outcome.status).toBe('notAnnex');
      expect(outcome.message).toMatch(/^Aucune annexe 9 trouvée dans la feuille «\u00a0Notes\u00a0»/);
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: false });
    });

    it('an Excel older than ExcelApi 1.13 is told plainly (merged areas are needed)', async () => {
      const { service } = setup([sampleGrid()], { apiVersion: '1.12' });
      await expect(service.check('fr')).rejects.toThrow(AnnexOfficeError);
      await expect(service.check('fr')).rejects.toThrow(/ExcelApi 1\.13 requis/);
    });
  });

  describe('mark', () => {
    it('marks the two cells in their rule colours and tints the rest of their rows, in ONE sync that only writes', async () => {
      const { wb, service } = setup([sampleGrid()], { fills: { [SHEET]: { G51: '#FFFF00' } } });
      const outcome = await service.check('fr');
      const from = wb.recorder.syncCount;
      const result = await service.mark(outcome, 'fr');
      expect(result).toMatchObject({ ok: true, marked: 2 });
      expect(result.message).toMatch(/^2 cellules marquées sur la feuille «\u00a0Annexe 9\u00a0»/);
      expect(syncsSince(wb, from)).toBe(1);
      // Nothing of the sheet is read back: the response holds only the ids of what it created.
      expect(wb.recorder.syncs[from].responseBytes).toBeLessThan(2000);

      const l50 = wb.cellState(SHEET, 'L50');
      const l51 = wb.cellState(SHEET, 'L51');
      expect(l50.displayFill).toBe(RULE_STYLES.SECTION_TOTAL.fill);
      expect(l51.displayFill).toBe(RULE_STYLES.ROW_TOTAL.fill);
      expect(l51.conditionalFormats[0].formula).toBe('=AND(ISTEXT("annexe9:marque:L51"),ROUND($L$51,2)<>ROUND(SUM($F$51,$G$51,$H$51,$J$51,$K$51),2))');
      expect(l50.conditionalFormats[0].formula).toBe('=AND(ISTEXT("annexe9:marque:L50"),ROUND($L$50,2)<>ROUND(SUM($L$46:$L$49),2))');
      expect(wb.cellState(SHEET, 'F51').displayFill).toBe(tint());
      expect(wb.cellState(SHEET, 'B50').displayFill).toBe(tint());
      // A cell with its own fill keeps it, visible: no tint over it.
      expect(wb.cellState(SHEET, 'G51')).toMatchObject({ fill: '#FFFF00', displayFill: '#FFFF00', conditionalFormats: [] });
      // Elsewhere nothing.
      expect(wb.cellState(SHEET, 'L49').conditionalFormats).toEqual([]);
      // The cells' own formats are untouched.
      expect(l51).toMatchObject({ value: 13094116, fill: null, numberFormat: '#,##0.00\\ "€"' });
      // Marks need no journal: they are found by their tag, wherever they went.
      expect(wb.customXmlParts).toEqual([]);
      expect((await service.check('fr')).hasMarks).toBe(true);
    });

    it('a mark goes away by itself when the figure is corrected', async () => {
      const { wb, service } = setup([sampleGrid()]);
      await service.mark(await service.check('fr'), 'fr');
      wb.userEdit(SHEET, 'L50', { value: 1280000 });
      expect(wb.cellState(SHEET, 'L50').displayFill).toBeNull();
      expect(wb.cellState(SHEET, 'F50').displayFill).toBeNull();
      expect(wb.cellState(SHEET, 'L51').displayFill).toBe(RULE_STYLES.ROW_TOTAL.fill);
      wb.userEdit(SHEET, 'L51', { value: 13414116 });
      expect(wb.cellState(SHEET, 'L51').displayFill).toBeNull();
      expect(wb.cellState(SHEET, 'F51').displayFill).toBeNull();
    });

    it('marking again replaces the marks, it does not pile them up', async () => {
      const { wb, service } = setup([sampleGrid()]);
      await service.mark(await service.check('fr'), 'fr');
      const count = tagged(wb).length;
      await service.mark(await service.check('fr'), 'fr');
      expect(tagged(wb)).toHaveLength(count);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('keeps the user’s own conditional formats, in their order', async () => {
      const { wb, service } = setup([sampleGrid()]);
      await Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem(SHEET).getRange('F10:L51').conditionalFormats.add('Custom');
        cf.custom.rule.formula = '=F10<0';
        cf.custom.format.fill.color = '#FF0000';
      });
      const before = snapshot(wb);
      await service.mark(await service.check('fr'), 'fr');
      expect(wb.sheet(SHEET).cfs.filter((cf) => cf.formula === '=F10<0')).toHaveLength(1);
      await service.clear('fr');
      expect(snapshot(wb)).toEqual(before);
    });

    it('refuses when the sheet changed since the check, writing nothing', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      wb.userEdit(SHEET, 'L51', { value: 1 });
      const before = snapshot(wb);
      const result = await service.mark(outcome, 'fr');
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/^La feuille a été modifiée depuis le contrôle \(cellule L51\)/) });
      expect(snapshot(wb)).toEqual(before);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('never touches a cell: values, formulas, formats, fills and merges stay as they were; only rules are added', async () => {
      const { wb, service } = setup([sampleGrid()], { fills: { [SHEET]: { G51: '#FFFF00', 'B10:L10': '#DDDDDD' } } });
      const before = snapshot(wb);
      await service.mark(await service.check('fr'), 'fr');
      const after = snapshot(wb);
      expect(after.cells).toEqual(before.cells);
      expect(after.merges).toEqual(before.merges);
      expect(after.conditionalFormats.length).toBeGreaterThan(0);
      expect(after.conditionalFormats.every((cf) => cf.formula.includes('annexe9:marque'))).toBe(true);
    });

    it('no tint over a colour of the user’s: a row filled all along keeps it, a partly filled row keeps every colour', async () => {
      // Header rows filled (every column is then "mixed"), row 50 filled all along, one cell of row 51.
      const { wb, service } = setup([sampleGrid()], { fills: { [SHEET]: { 'B10:L12': '#DDDDDD', 'B50:L50': '#E2EFDA', G51: '#FFFF00' } } });
      await service.mark(await service.check('fr'), 'fr');
      // The finding cells are marked whatever their fill.
      expect(wb.cellState(SHEET, 'L50').displayFill).toBe(RULE_STYLES.SECTION_TOTAL.fill);
      expect(wb.cellState(SHEET, 'L51').displayFill).toBe(RULE_STYLES.ROW_TOTAL.fill);
      // Row 50 keeps its green; row 51 keeps its yellow, and gets no tint where a colour could hide.
      expect(['B50', 'F50'].map((c) => wb.cellState(SHEET, c).displayFill)).toEqual(['#E2EFDA', '#E2EFDA']);
      expect(wb.cellState(SHEET, 'G51').displayFill).toBe('#FFFF00');
      expect(wb.cellState(SHEET, 'F51').conditionalFormats).toEqual([]);
    });

    it('marking twice with the same check replaces its own marks, found again in the same batch', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      await service.mark(outcome, 'fr');
      const count = tagged(wb).length;
      const from = wb.recorder.syncCount;
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true, marked: 2 });
      // One read to find the earlier marks in this very batch (ids are positions), one write.
      expect(syncsSince(wb, from)).toBe(2);
      expect(tagged(wb)).toHaveLength(count);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('after a fill or a clear, a mark with the earlier check still lands once', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5])).grid]);
      const outcome = await service.check('fr');
      await service.mark(outcome, 'fr');
      await service.fillCodes(outcome, 'fr');
      await service.mark(outcome, 'fr');
      const marks = tagged(wb).filter((cf) => cf.formula.includes('annexe9:marque')).length;
      await service.clear('fr');
      expect(tagged(wb)).toEqual([]);
      await service.mark(outcome, 'fr');
      expect(tagged(wb).filter((cf) => cf.formula.includes('annexe9:marque'))).toHaveLength(marks);
      expect(wb.customXmlParts).toEqual([]);
      await service.clear('fr');
      expect(tagged(wb)).toEqual([]);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('the pane’s copy of the outcome marks; an outcome this service never produced is refused without a sync', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      expect(await service.mark({ ...outcome, hasMarks: true }, 'fr')).toMatchObject({ ok: true, marked: 2 });
      const other = install(FakeWorkbook.fromGrids([sampleGrid()]));
      const from = other.wb.recorder.syncCount;
      expect(await other.service.mark(outcome, 'fr')).toEqual({
        ok: false,
        message: "Ce contrôle n’est plus celui de la feuille\u00a0: relancez le contrôle avant de poser les marques. Rien n’a été modifié.",
      });
      expect(syncsSince(other.wb, from)).toBe(0);
      expect(tagged(wb).length).toBeGreaterThan(0);
    });

    it('refuses when the sheet changed while the check was still reading it', async () => {
      // A small band size makes the check read in several syncs; the user types between two of them.
      const { wb, service } = setup([sampleGrid()], {}, { read: { bandBytes: 8_000, singleBytes: 8_000 } });
      wb.beforeSync = (i, w) => {
        if (i === 1) w.userEdit(SHEET, 'G30', { value: 1 });
      };
      const outcome = await service.check('fr');
      expect(wb.recorder.syncCount).toBeGreaterThan(2);
      wb.beforeSync = null;
      const before = snapshot(wb);
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: false, message: expect.stringMatching(/^La feuille a été modifiée depuis le contrôle \(cellule G30\)/) });
      expect(snapshot(wb)).toEqual(before);
    });

    it('a change on another sheet, or the add-in’s own fills, do not stop the mark', async () => {
      const other = { name: 'Notes', origin: { row: 0, col: 0 }, rows: [[{ value: 'x' }]], merges: [] };
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid, other]);
      const outcome = await service.check('fr');
      wb.userEdit('Notes', 'A1', { value: 'y' });
      await service.fillCodes(outcome, 'fr');
      // Every event of the fill has been delivered once an edit made after it is heard.
      await afterQueuedEvents(wb, () => wb.userEdit('Notes', 'A2', { value: 'z' }));
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true });
    });

    it('says it in English when asked', async () => {
      const { service } = setup([sampleGrid()]);
      const result = await service.mark(await service.check('en'), 'en');
      expect(result.message).toMatch(/^2 cells marked on sheet "Annexe 9"/);
    });
  });

  describe('fill', () => {
    const grid = () => layoutAnnex(blankCodesSpec([2, 5, 9])).grid;

    it('writes the codes into the blank cells only, each marked light green, in one read and one write sync', async () => {
      const { wb, service } = setup([grid()]);
      const outcome = await service.check('fr');
      expect(outcome.report!.fills.map((f) => f.cell)).toEqual(['C24', 'C27', 'C31']);
      const before = snapshot(wb);
      const from = wb.recorder.syncCount;
      const result = await service.fillCodes(outcome, 'fr');
      expect(result).toMatchObject({ ok: true, filled: 3, skipped: [] });
      expect(syncsSince(wb, from)).toBe(2);
      for (const cell of ['C24', 'C27', 'C31']) expect(wb.cellState(SHEET, cell)).toMatchObject({ value: CODE, numberFormat: 'General', fill: null, displayFill: FILLED_CODE });
      // Nothing else changed.
      const after = snapshot(wb);
      const changed = after.cells.filter(([a, c]) => JSON.stringify(before.cells.find(([b]) => b === a)?.[1]) !== JSON.stringify(c)).map(([a]) => a);
      expect(changed).toEqual(['C24', 'C27', 'C31']);
      expect(after.merges).toEqual(before.merges);
      const journal = journalFromXml(wb.customXmlParts[0].xml);
      expect(journal.sheets[0].fills).toEqual(
        (['C24', 'C27', 'C31'] as const).map((cell) => ({
          id: expect.stringMatching(/^\d+-\d+$/),
          cell,
          written: CODE,
          before: '',
          anchor: { cell: cell.replace('C', 'E'), value: wb.cellState(SHEET, cell.replace('C', 'E')).value },
          at: '2026-03-02T10:00:00.000Z',
        })),
      );
      // Each code's own rule carries its id and points at the cell and its row's title.
      const rule = wb.cellState(SHEET, 'C24').conditionalFormats[0].formula;
      expect(rule).toBe(`=AND(ISTEXT("annexe9:code:${journal.sheets[0].fills[0].id}"),ISREF($E$24),$C$24="${CODE}")`);
      // Checked again: no code is missing any more.
      expect((await service.check('fr')).report!.fills).toEqual([]);
    });

    it('does not overwrite a cell the user typed in between check and write, and says so', async () => {
      const { wb, service } = setup([grid()]);
      const outcome = await service.check('fr');
      wb.userEdit(SHEET, 'C27', { value: '0304 50 19 19 10 - Initiatives locales' });
      const result = await service.fillCodes(outcome, 'fr');
      expect(result).toMatchObject({ ok: true, filled: 2, skipped: ['C27'] });
      expect(result.message).toBe(
        '2 imputations Chorus complétées (cellules en vert clair). Laissée telle quelle car remplie depuis le contrôle\u00a0: C27.',
      );
      expect(wb.cellState(SHEET, 'C27')).toMatchObject({ value: '0304 50 19 19 10 - Initiatives locales', conditionalFormats: [] });
      expect(wb.cellState(SHEET, 'C24').value).toBe(CODE);
    });

    it('a code that Excel would take for a number is written as text, and its format given back on clear', async () => {
      const spec = blankCodesSpec([2]);
      const block = spec.body.find((e) => e.kind === 'block' && /Garantie d.activité/.test(e.theme)) as { imputation: string; actions: Array<{ imputation?: string | null }> };
      block.actions.forEach((a) => a.imputation !== null && (a.imputation = '030450191907'));
      const { wb, service } = setup([layoutAnnex(spec).grid]);
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      expect(outcome.report!.fills.map((f) => [f.cell, f.code])).toEqual([['C24', '030450191907']]);
      await service.fillCodes(outcome, 'fr');
      expect(wb.cellState(SHEET, 'C24')).toMatchObject({ value: '030450191907', numberFormat: '@', displayFill: FILLED_CODE });
      await service.clear('fr');
      expect(snapshot(wb)).toEqual(before);
    });

    it('nothing to fill on the sample: no sync at all', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      const from = wb.recorder.syncCount;
      expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 0, message: 'Aucune imputation Chorus à compléter.' });
      expect(syncsSince(wb, from)).toBe(0);
    });
  });

  describe('clear', () => {
    it('after mark and fill, every cell is exactly as before: values, formulas, formats, fills, rules', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5, 9])).grid], { fills: { [SHEET]: { F50: '#DDEEFF', C24: '#EEEEEE' } } });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRange('L12').values = [['=SUM(F12:K12)']];
      });
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      await service.mark(outcome, 'fr');
      await service.fillCodes(outcome, 'fr');
      expect(snapshot(wb)).not.toEqual(before);
      const from = wb.recorder.syncCount;
      const result = await service.clear('fr');
      expect(result).toMatchObject({ ok: true, skipped: [] });
      expect(result.message).toMatch(/^Marques retirées \(\d+\) et imputations ajoutées par le contrôle effacées \(3\)\u00a0: la feuille est revenue à son état d’avant\.$/);
      // Its rules and the journal; the cells they point at; the write.
      expect(syncsSince(wb, from)).toBe(3);
      expect(snapshot(wb)).toEqual(before);
      expect(wb.customXmlParts).toEqual([]);
      expect((await service.check('fr')).hasMarks).toBe(false);
    });

    it('after save and reopen (journal in the file, a fresh add-in), the sheet comes back exactly', async () => {
      const first = setup([layoutAnnex(blankCodesSpec([2, 5, 9])).grid]);
      const before = snapshot(first.wb);
      const outcome = await first.service.check('fr');
      await first.service.mark(outcome, 'fr');
      await first.service.fillCodes(outcome, 'fr');

      const reopened = install(first.wb.reopen());
      expect(reopened.wb.customXmlParts).toHaveLength(1);
      expect((await reopened.service.check('fr')).hasMarks).toBe(true);
      const from = reopened.wb.recorder.syncCount;
      await reopened.service.clear('fr');
      expect(syncsSince(reopened.wb, from)).toBeLessThanOrEqual(3);
      expect(snapshot(reopened.wb)).toEqual(before);
      expect(reopened.wb.customXmlParts).toEqual([]);
    });

    it('a filled code the user changed since is kept, and reported', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5, 9])).grid]);
      await service.fillCodes(await service.check('fr'), 'fr');
      wb.userEdit(SHEET, 'C27', { value: 'corrigé à la main' });
      const result = await service.clear('fr');
      expect(result).toMatchObject({ ok: true, skipped: ['C27'] });
      expect(result.message).toMatch(/Conservée car modifiée depuis\u00a0: C27\.$/);
      expect(wb.cellState(SHEET, 'C27').value).toBe('corrigé à la main');
      expect(wb.cellState(SHEET, 'C24').value).toBeNull();
      expect(wb.cellState(SHEET, 'C27').conditionalFormats).toEqual([]);
    });

    it('finds its marks even after rows were inserted above them (by their tag)', async () => {
      const { wb, service } = setup([sampleGrid()]);
      await service.mark(await service.check('fr'), 'fr');
      // Simulate the shift Excel applies to rules when rows move: formulas and ranges change.
      for (const cf of wb.sheet(SHEET).cfs) {
        cf.area = { ...cf.area, top: cf.area.top + 2, bottom: cf.area.bottom + 2 };
        cf.formula = cf.formula.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 2}`);
      }
      await service.clear('fr');
      expect(wb.sheet(SHEET).cfs).toEqual([]);
    });

    it('nothing to clear: says so', async () => {
      const { service } = setup([sampleGrid()]);
      expect(await service.clear('fr')).toEqual({ ok: true, message: 'Aucune marque ni imputation du contrôle sur cette feuille.' });
    });
  });

  describe('protected sheet, read-only workbook', () => {
    it('a protected sheet: check works, mark and fill refuse in French, nothing is written', async () => {
      const grid = layoutAnnex(blankCodesSpec([2])).grid;
      grid.protected = true;
      const { wb, service } = setup([grid]);
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      expect(outcome).toMatchObject({ status: 'annex', readOnly: true, readOnlyReason: PROTECTED_FR });
      expect(brief(outcome.report!)).toEqual(['MISSING_IMPUTATION@C24', 'SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
      const from = wb.recorder.syncCount;
      expect(await service.mark(outcome, 'fr')).toEqual({ ok: false, message: PROTECTED_FR });
      // Protection is known from the check's read: the mark does not even sync.
      expect(syncsSince(wb, from)).toBe(0);
      expect(await service.fillCodes(outcome, 'fr')).toEqual({
        ok: false,
        message:
          'Feuille protégée\u00a0: le contrôle a fonctionné mais les imputations ne peuvent pas être complétées. Ôtez la protection (Révision > Ôter la protection) ou utilisez la relecture seule.',
      });
      expect(wb.recorder.syncs.every((s) => !s.failed)).toBe(true);
      expect(snapshot(wb)).toEqual(before);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('protected between the check of the write and the write itself: Excel refuses, nothing is half-written', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      const before = snapshot(wb);
      const writeSync = wb.recorder.syncCount;
      wb.beforeSync = (i, w) => {
        if (i === writeSync) w.protect(SHEET);
      };
      const result = await service.mark(outcome, 'fr');
      expect(result).toEqual({
        ok: false,
        message: "Excel a refusé l’écriture (feuille protégée ou classeur en lecture seule)\u00a0: ôtez la protection ou activez la modification, puis recommencez. Rien n’a été modifié.",
      });
      expect(wb.recorder.syncs[writeSync].failed).toBe('AccessDenied');
      wb.protect(SHEET, false);
      expect(snapshot(wb)).toEqual(before);
      expect(wb.customXmlParts).toEqual([]);
    });

    it('a read-only workbook: check works, every write refuses without touching Excel', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { readOnly: true });
      const outcome = await service.check('fr');
      expect(outcome).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/^Classeur en lecture seule\u00a0: le contrôle a fonctionné/) });
      const from = wb.recorder.syncCount;
      for (const result of [await service.mark(outcome, 'fr'), await service.fillCodes(outcome, 'fr'), await service.clear('fr')]) {
        expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Classeur en lecture seule/) });
      }
      expect(syncsSince(wb, from)).toBe(0);
    });
  });

  describe('sync counts do not grow with the sheet', () => {
    async function counts(extra: number) {
      const spec = blankCodesSpec([2, 5, 9], grownSpec(extra));
      const { wb, service } = setup([layoutAnnex(spec).grid]);
      const measure = async (f: () => Promise<unknown>) => {
        const from = wb.recorder.syncCount;
        await f();
        return syncsSince(wb, from);
      };
      let outcome!: CheckOutcome;
      const check = await measure(async () => (outcome = await service.check('fr')));
      const mark = await measure(() => service.mark(outcome, 'fr'));
      const fill = await measure(() => service.fillCodes(outcome, 'fr'));
      const clear = await measure(() => service.clear('fr'));
      return { rows: wb.usedRect(wb.sheet(SHEET), true)!.bottom + 1, check, mark, fill, clear, findings: outcome.report!.findings.length };
    }

    it('100 rows and 6 000 rows: the same syncs for check, mark, fill and clear', async () => {
      const small = await counts(48);
      const large = await counts(5948);
      expect(small).toEqual({ rows: 100, check: 1, mark: 1, fill: 2, clear: 3, findings: 5 });
      expect(large).toEqual({ ...small, rows: 6000 });
    }, 60000);

    it('past 5 MB (Excel on the web refuses more): check in as few syncs as fit, none refused; mark in one', async () => {
      const { wb, service } = setup([layoutAnnex(grownSpec(25000)).grid]);
      const outcome = await service.check('fr');
      const reads = wb.recorder.syncs.slice();
      const bytes = reads.reduce((n, s) => n + s.responseBytes, 0);
      expect(bytes).toBeGreaterThan(5_000_000);
      expect(reads.length).toBeLessThanOrEqual(1 + Math.ceil((bytes - reads[0].responseBytes) / (BAND_BYTES * 0.85)));
      expect(reads.every((s) => !s.failed && s.responseBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true, marked: 2 });
      expect(wb.recorder.syncs).toHaveLength(reads.length + 1);
    }, 60000);
  });

  describe('undo groups', () => {
    it('writes run as one undo group where ExcelApi 1.20 is there, reads never', async () => {
      const { wb, service } = setup([sampleGrid()]);
      await service.mark(await service.check('fr'), 'fr');
      expect(wb.recorder.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    });

    it('without 1.20 the same actions run without it', async () => {
      const { wb, service } = setup([sampleGrid()], { apiVersion: '1.19' });
      await service.mark(await service.check('fr'), 'fr');
      expect(wb.recorder.runs[1].options).toEqual({ delayForCellEdit: true });
    });
  });

  describe('select and change events', () => {
    it('select activates the sheet and selects the cell', async () => {
      const other = { name: 'Autre', origin: { row: 0, col: 0 }, rows: [[{ value: 1 }]], merges: [] };
      const { wb, service } = setup([other, sampleGrid()]);
      await service.select(SHEET, 'L51');
      expect(wb.activeSheet.name).toBe(SHEET);
      expect(wb.selection).toEqual({ sheet: SHEET, address: 'L51' });
    });

    it.each(['1.20', '1.13'])('tells the pane about the user’s edits, not about its own writes (ExcelApi %s)', async (apiVersion) => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { apiVersion });
      let calls = 0;
      const stop = await service.onSheetChanged(() => calls++);
      await service.fillCodes(await service.check('fr'), 'fr');
      // Events come in order: once the user's edit is heard, the fill's own (earlier) events were too.
      wb.userEdit(SHEET, 'G20', { value: 5 });
      await waitFor(() => calls > 0, 'the user’s edit');
      expect(calls).toBe(1);
      stop();
      await waitFor(() => wb.sheet(SHEET).listeners.size === 0, 'the handler’s removal');
      await afterQueuedEvents(wb, () => wb.userEdit(SHEET, 'G20', { value: 6 }));
      expect(calls).toBe(1);
    });
  });

  describe('errors are not swallowed', () => {
    it('an Office failure is told in plain words (the sheet deleted just before the write)', async () => {
      const other = { name: 'Autre', origin: { row: 0, col: 0 }, rows: [[{ value: 1 }]], merges: [] };
      const { wb, service } = setup([sampleGrid(), other]);
      const outcome = await service.check('fr');
      const writeSync = wb.recorder.syncCount;
      wb.beforeSync = (i, w) => {
        if (i === writeSync) w.sheets.splice(w.sheets.indexOf(w.sheet(SHEET)), 1);
      };
      expect(await service.mark(outcome, 'fr')).toEqual({ ok: false, message: expect.stringMatching(/^Un élément dont le complément avait besoin a disparu pendant l’opération/) });
      expect(wb.recorder.syncs[writeSync].failed).toBe('ItemNotFound');
    });

    it('an error that is not Excel’s (a bug) reaches the caller', async () => {
      const { wb, service } = setup([sampleGrid()]);
      const outcome = await service.check('fr');
      const writeSync = wb.recorder.syncCount;
      wb.beforeSync = (i) => {
        if (i === writeSync) throw new TypeError('not an Office error');
      };
      await expect(service.mark(outcome, 'fr')).rejects.toThrow(TypeError);
    });

    it('a journal that cannot be read: fill and clear refuse and say why; the check and the marks still work', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid]);
      wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}">not json</annexe9Journal>`);
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      expect(outcome).toMatchObject({ status: 'annex', hasMarks: false });
      expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: false, message: expect.stringMatching(/^Le journal des modifications du contrôle/) });
      expect(await service.clear('fr')).toMatchObject({ ok: false, message: expect.stringMatching(/^Le journal des modifications du contrôle/) });
      expect(snapshot(wb)).toEqual(before);
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true });
    });
  });
});

it('the helpers leave the sample spec as it is', () => {
  blankCodesSpec([2, 5, 9], grownSpec(10));
  expect(brief(analyzeSheet(layoutAnnex(sampleSpec()).grid))).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
});
