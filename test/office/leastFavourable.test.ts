/**
 * The Office adapter where Microsoft's documentation is silent: the fake takes the least favourable
 * reading of each point (src/fake-excel/workbook/readings.ts, FakeReadings) and the adapter must survive
 * it; where the reading cannot be known here, the same test runs under the other reading too.
 * Each block reproduces one defect found by reading the adapter against the documentation
 * (issue 11); each of these tests failed on the adapter before its fix.
 */
import { analyzeSheet } from '../../src/domain/analyze';
import { RULE_STYLES, ROW_TINT } from '../../src/domain/marks';
import { AnnexOfficeError } from '../../src/office/excelService';
import { FAVOURABLE, FakeReadings, FakeWorkbook, LEAST_FAVOURABLE, READINGS } from '../../src/fake-excel';
import { readSheet } from '../../src/office/readSheet';
import { createSummaryWriter } from '../../src/office/summarySheet';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { brief, sampleSpec } from '../../fixtures/sample';
import { SHEET, blankCodesSpec, grownSpec, install, sampleGrid, setup, snapshot, syncsSince, uninstall } from './helpers';

afterEach(uninstall);

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';
const ours = (wb: FakeWorkbook) => wb.sheet(SHEET).cfs.filter((cf) => cf.formula.includes('annexe9:'));
const theirs = (wb: FakeWorkbook) => wb.sheet(SHEET).cfs.filter((cf) => !cf.formula.includes('annexe9:'));

/** A rule of the user's, added the way Excel adds any rule: on top. */
async function userRule(range: string, formula: string, fill: string): Promise<void> {
  await Excel.run(async (context) => {
    const cf = context.workbook.worksheets.getItem(SHEET).getRange(range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = fill;
  });
}

/** Readings: both ends, and each point of interest alone over the favourable reading (its defect alone). */
const ALONE = (point: Partial<FakeReadings>): FakeReadings => ({ ...FAVOURABLE, ...point });

describe.each([...READINGS, ['ids as positions alone', ALONE({ conditionalFormatIds: 'position' })] as [string, FakeReadings]])(
  'defect 1, conditional-format ids are positions (%s)',
  (_, readings) => {
    it('a second check and mark keep the user’s rule and leave one set of marks', async () => {
      const { wb, service } = setup([sampleGrid()], { readings });
      await service.mark(await service.check('fr'), 'fr');
      const count = ours(wb).length;
      expect(count).toBeGreaterThan(0);
      await userRule('F10:L51', '=F10<0', '#FF0000');
      await service.mark(await service.check('fr'), 'fr');
      expect(theirs(wb).map((cf) => cf.formula)).toEqual(['=F10<0']);
      expect(ours(wb)).toHaveLength(count);
    });

    it('a rule the user adds between the check and the mark shifts nothing the mark deletes', async () => {
      const { wb, service } = setup([sampleGrid()], { readings });
      await service.mark(await service.check('fr'), 'fr');
      const count = ours(wb).length;
      const outcome = await service.check('fr');
      await userRule('B10:B20', '=LEN(B10)>40', '#00FF00');
      await service.mark(outcome, 'fr');
      expect(theirs(wb).map((cf) => cf.formula)).toEqual(['=LEN(B10)>40']);
      expect(ours(wb)).toHaveLength(count);
    });

    it('« Effacer les marques » removes every mark and no rule of the user’s, whatever their order', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5])).grid], { readings });
      await userRule('F10:L51', '=F10<0', '#FF0000');
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      await service.mark(outcome, 'fr');
      await userRule('C20:C40', '=C20="x"', '#0000FF');
      await service.fillCodes(outcome, 'fr');
      const result = await service.clear('fr');
      expect(result.ok).toBe(true);
      expect(ours(wb)).toEqual([]);
      expect(theirs(wb).map((cf) => cf.formula)).toEqual(['=C20="x"', '=F10<0']);
      // Without the second rule of the user's, the sheet is as it was.
      const after = snapshot(wb);
      expect(after.cells).toEqual(before.cells);
    });
  },
);

describe.each([...READINGS, ['null calls throwing alone', ALONE({ nullObjectCalls: 'throw' })] as [string, FakeReadings]])(
  'defect 2, nothing but load / isNullObject / delete on a possible null object (%s)',
  (_, readings) => {
    it('the check reads an ordinary annex (band B would be a null object) in one sync', async () => {
      const { wb, service } = setup([sampleGrid()], { readings });
      const outcome = await service.check('fr');
      expect(brief(outcome.report!)).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
      expect(wb.recorder.syncCount).toBe(1);
      expect(wb.recorder.syncs.every((s) => !s.failed)).toBe(true);
    });

    it('every action works on a workbook without a journal yet, then with one', async () => {
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { readings });
      const before = snapshot(wb);
      const outcome = await service.check('fr');
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true });
      expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 1 });
      expect(await service.check('fr')).toMatchObject({ hasMarks: true });
      expect(await service.clear('fr')).toMatchObject({ ok: true });
      expect(snapshot(wb)).toEqual(before);
      expect(wb.recorder.syncs.filter((s) => s.failed)).toEqual([]);
    });
  },
);

describe.each(READINGS)('the journal’s parts, known by id between batches (%s)', (_, readings) => {
  it('a part replaced since the check (another window, a merge) is read again: the fill goes through, nothing lost', async () => {
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5])).grid], { readings });
    await service.fillCodes(await service.check('fr'), 'fr');
    wb.userEdit(SHEET, 'C27', { value: null });
    const outcome = await service.check('fr');
    expect(outcome.report!.fills.map((f) => f.cell)).toEqual(['C27']);
    // The part the check saw is gone; the same journal is in a new part, under another id.
    const [part] = wb.customXmlParts.splice(0, 1);
    wb.addXmlPart(part.xml);
    const from = wb.recorder.syncCount;
    expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 1 });
    // The read with the part the check saw fails; again without it; the journal's part; the write.
    expect(wb.recorder.syncs.slice(from).map((s) => s.failed ?? 'ok')).toEqual(['ItemNotFound', 'ok', 'ok', 'ok']);
    expect(wb.customXmlParts).toHaveLength(1);
    expect(await service.clear('fr')).toMatchObject({ ok: true, skipped: [] });
    expect(['C24', 'C27'].map((c) => wb.cellState(SHEET, c).value)).toEqual([null, null]);
  });

  it('the sheet deleted since the check: the fill says so, with or without a journal known', async () => {
    for (const withJournal of [false, true]) {
      const other = { name: 'Autre', origin: { row: 0, col: 0 }, rows: [[{ value: 'x' }]], merges: [] };
      const { wb, service } = setup([layoutAnnex(blankCodesSpec([2, 5])).grid, other], { readings });
      if (withJournal) {
        await service.fillCodes(await service.check('fr'), 'fr');
        wb.userEdit(SHEET, 'C27', { value: null });
      }
      const outcome = await service.check('fr');
      wb.sheets.splice(wb.sheets.indexOf(wb.sheet(SHEET)), 1);
      expect(await service.fillCodes(outcome, 'fr')).toEqual({ ok: false, message: "La feuille «\u00a0Annexe 9\u00a0» n’existe plus (renommée ou supprimée)\u00a0: relancez le contrôle." });
    }
  });

  it('« Effacer les marques » on a sheet the journal does not speak of writes nothing', async () => {
    const other = { name: 'Autre', origin: { row: 0, col: 0 }, rows: [[{ value: 'x' }]], merges: [] };
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid, other], { readings });
    await service.fillCodes(await service.check('fr'), 'fr');
    wb.setActive('Autre');
    const from = wb.recorder.syncCount;
    const parts = JSON.stringify(wb.customXmlParts);
    expect(await service.clear('fr')).toEqual({ ok: true, message: 'Aucune marque ni imputation du contrôle sur cette feuille.' });
    expect(JSON.stringify(wb.customXmlParts)).toBe(parts);
    expect(wb.recorder.syncs.slice(from).every((s) => !s.failed)).toBe(true);
  });
});

describe.each(READINGS)('defect 3, no API above the declared requirement set (%s)', (_, readings) => {
  it('on an ExcelApi 1.13 host every action works: check, mark, mark again, fill, clear, summary', async () => {
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { apiVersion: '1.13', readings }, { writeSummary: createSummaryWriter({ now: () => new Date(2026, 0, 5) }) });
    const outcome = await service.check('fr');
    expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true });
    const again = await service.check('fr');
    expect(await service.mark(again, 'fr')).toMatchObject({ ok: true });
    expect(await service.fillCodes(again, 'fr')).toMatchObject({ ok: true, filled: 1 });
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true });
    wb.setActive(SHEET);
    expect(await service.clear('fr')).toMatchObject({ ok: true });
    expect(wb.recorder.syncs.filter((s) => s.failed)).toEqual([]);
  });
});

describe.each(READINGS)(
  'defect 4, « Effacer les marques » after the user moved rows (%s)',
  (_, readings) => {
    const grid = () => layoutAnnex(blankCodesSpec([2, 5, 9])).grid;

    it('rows inserted above the filled cells: the codes are taken back where they are now, the user’s own code left alone', async () => {
      const { wb, service } = setup([grid()], { readings });
      const before = snapshot(wb);
      expect(await service.fillCodes(await service.check('fr'), 'fr')).toMatchObject({ filled: 3 });
      wb.insertRows(SHEET, 20); // everything from row 20 down moves one row
      // C24 now holds the code the user typed on the row above (same text as ours).
      expect(wb.cellState(SHEET, 'C24').value).toBe(CODE);
      const result = await service.clear('fr');
      expect(result).toMatchObject({ ok: true, skipped: [] });
      expect(result.message).toMatch(/imputations ajoutées par le contrôle effacées \(3\)/);
      expect(wb.cellState(SHEET, 'C24').value).toBe(CODE);
      for (const cell of ['C25', 'C28', 'C32']) expect(wb.cellState(SHEET, cell).value).toBeNull();
      // Delete the inserted row: the sheet is as it was.
      wb.deleteRows(SHEET, 20);
      expect(snapshot(wb)).toEqual(before);
    });

    it('rows deleted above: the same', async () => {
      const { wb, service } = setup([grid()], { readings });
      await service.fillCodes(await service.check('fr'), 'fr');
      wb.deleteRows(SHEET, 3); // a row above the table
      const result = await service.clear('fr');
      expect(result).toMatchObject({ ok: true, skipped: [] });
      for (const cell of ['C23', 'C26', 'C30']) expect(wb.cellState(SHEET, cell).value).toBeNull();
      for (const cell of ['C21', 'C22', 'C24', 'C25', 'C27']) expect(wb.cellState(SHEET, cell).value).toBe(CODE);
    });

    it('the row of a filled code deleted: nothing else is blanked, and the message says what could not be found', async () => {
      const { wb, service } = setup([grid()], { readings });
      await service.fillCodes(await service.check('fr'), 'fr');
      wb.deleteRows(SHEET, 27);
      const result = await service.clear('fr');
      expect(result.ok).toBe(true);
      expect(result.message).toMatch(/imputations ajoutées par le contrôle effacées \(2\)/);
      expect(result.message).toMatch(/introuvable/);
      expect(wb.cellState(SHEET, 'C24').value).toBeNull();
      expect(wb.cellState(SHEET, 'C30').value).toBeNull();
      expect(wb.cellState(SHEET, 'C26').value).toBe(CODE); // the user's, moved up from C27's neighbour
    });

    it('rows sorted: a code is taken back only where its own row still is; no code of the user’s is blanked', async () => {
      const { wb, service } = setup([grid()], { readings });
      await service.fillCodes(await service.check('fr'), 'fr');
      const title = (row: number) => wb.cellState(SHEET, `E${row}`).value;
      const filledTitles = [24, 27, 31].map(title);
      const codeRows = () => Array.from({ length: 12 }, (_, i) => 22 + i).filter((r) => wb.cellState(SHEET, `C${r}`).value === CODE);
      // Sort the block's action rows on their titles, descending: codes and titles move together.
      wb.sortRows(SHEET, 'C22:L33', 'E', false);
      const rowOfTitle = (t: unknown) => Array.from({ length: 12 }, (_, i) => 22 + i).find((r) => title(r) === t)!;
      const oursNow = filledTitles.map(rowOfTitle);
      const usersNow = codeRows().filter((r) => !oursNow.includes(r));
      expect(usersNow).toHaveLength(9);
      const result = await service.clear('fr');
      expect(result.ok).toBe(true);
      // Every code of the user's is still there.
      expect(codeRows().filter((r) => !oursNow.includes(r))).toEqual(usersNow);
      const takenBack = oursNow.filter((r) => wb.cellState(SHEET, `C${r}`).value === null);
      if (readings.sortedConditionalFormats === 'move') {
        expect(takenBack).toEqual(oursNow);
      } else {
        // The marks stayed behind: nothing is taken back blindly, and the message says so.
        expect(result.message).toMatch(/introuvable/);
      }
      expect(result.message).toMatch(new RegExp(`effacées \\(${takenBack.length}\\)`));
    });

    it('check, mark, a row inserted above a finding, fill, clear: everything the add-in wrote goes, the row stays', async () => {
      const { wb, service } = setup([grid()], { readings });
      const outcome = await service.check('fr');
      await service.mark(outcome, 'fr');
      wb.insertRows(SHEET, 50);
      expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 3 });
      await service.clear('fr');
      expect(ours(wb)).toEqual([]);
      for (const cell of ['C24', 'C27', 'C31']) expect(wb.cellState(SHEET, cell).value).toBeNull();
      wb.deleteRows(SHEET, 50);
      expect(snapshot(wb).cells).toEqual(snapshot(FakeWorkbook.fromGrids([grid()])).cells);
    });

    it('a row inserted above the cells to fill after the check: nothing is written on the wrong row', async () => {
      const { wb, service } = setup([grid()], { readings });
      const outcome = await service.check('fr');
      wb.insertRows(SHEET, 24); // C24 (to fill) is now C25; C24 is a new empty row
      const result = await service.fillCodes(outcome, 'fr');
      expect(wb.cellState(SHEET, 'C24').value).toBeNull();
      expect(result.filled ?? 0).toBe(0);
      expect(result.message).toMatch(/relancez le contrôle/);
    });
  },
);

describe.each(READINGS)('defect 5, the smaller points (%s)', (_, readings) => {
  it('a later chunk refused for its size is read again in smaller pieces', async () => {
    // Light rows first, then rows ten times heavier: the chunks sized on the first rows are too big.
    const spec = grownSpec(30000);
    const block = spec.body.find((e) => e.kind === 'block' && /Garantie d.activité/.test((e as { theme: string }).theme)) as unknown as { actions: Array<{ title: string }> };
    block.actions.slice(15000).forEach((a, i) => (a.title = `${'Action très détaillée, décrite longuement par le département. '.repeat(6)}${i}`));
    const grid = layoutAnnex(spec).grid;
    const wb = FakeWorkbook.fromGrids([grid], { readings });
    install(wb);
    const result = await Excel.run((context) => readSheet(context, context.workbook.worksheets.getActiveWorksheet()));
    expect(wb.recorder.syncs.some((s) => s.failed)).toBe(true);
    // Everything was read: every heavy title, the same findings as on the grid itself.
    const texts = (g: typeof grid) => g.rows.flatMap((r) => (r ?? []).map((c) => c?.value)).filter((v) => typeof v === 'string' && v.startsWith('Action très détaillée'));
    expect(texts(result.grid)).toHaveLength(block.actions.length - 15000);
    expect(brief(analyzeSheet(result.grid))).toEqual(brief(analyzeSheet(grid)));
  }, 120000);

  it('row tints go under the user’s own rules: their colours stay visible', async () => {
    const { wb, service } = setup([sampleGrid()], { readings });
    await userRule('F51:K51', '=$F$51>=0', '#00B050');
    await service.mark(await service.check('fr'), 'fr');
    expect(wb.cellState(SHEET, 'F51').displayFill).toBe('#00B050');
    expect(wb.cellState(SHEET, 'L51').displayFill).toBe(RULE_STYLES.ROW_TOTAL.fill);
    // Where no rule of the user's applies, a tint shows only when "no fill" can be told from white.
    expect(wb.cellState(SHEET, 'B51').displayFill).toBe(readings.noFill === 'white' ? null : ROW_TINT);
  });

  it('a white fill of the user’s is a colour: never tinted over', async () => {
    const { wb, service } = setup([sampleGrid()], { readings, fills: { [SHEET]: { G51: '#FFFFFF', B50: '#FFFFFF' } } });
    await service.mark(await service.check('fr'), 'fr');
    expect(wb.cellState(SHEET, 'G51').displayFill).toBe('#FFFFFF');
    expect(wb.cellState(SHEET, 'B50').displayFill).toBe('#FFFFFF');
  });

  it('Excel in cell-edit mode: a French message that says what to do, and nothing written', async () => {
    const { wb, service } = setup([sampleGrid()], { readings });
    const outcome = await service.check('fr');
    const before = snapshot(wb);
    wb.cellEditMode = true;
    if (readings.delayForCellEdit === 'honoured') {
      expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true });
      return;
    }
    const err = await service.check('fr').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnnexOfficeError);
    expect((err as Error).message).toMatch(/^Excel est en train de modifier une cellule\u00a0: validez la saisie \(Entrée\) ou appuyez sur Échap, puis recommencez/);
    expect(await service.mark(outcome, 'fr')).toEqual({ ok: false, message: expect.stringMatching(/^Excel est en train de modifier une cellule/) });
    expect(await service.clear('en')).toEqual({ ok: false, message: expect.stringMatching(/^Excel is editing a cell: press Enter/) });
    wb.cellEditMode = false;
    expect(snapshot(wb)).toEqual(before);
  });
});

describe.each(READINGS)('hidden and filtered rows (%s)', (_, readings) => {
  it('are in the grid, read within the check’s one sync', async () => {
    const { wb, service } = setup([sampleGrid()], { readings, hiddenRows: { [SHEET]: ['20:21'] }, filteredRows: { [SHEET]: ['30:30'] } });
    const outcome = await service.check('fr');
    expect(wb.recorder.syncCount).toBe(1);
    const read = await Excel.run((context) => readSheet(context, context.workbook.worksheets.getActiveWorksheet()));
    const origin = read.grid.origin.row;
    expect(read.grid.hiddenRows).toEqual([19 - origin, 20 - origin, 29 - origin]);
    expect(outcome.report).toBeDefined();
  });

  it('a sheet without hidden rows says so (an empty list)', async () => {
    setup([sampleGrid()], { readings });
    const read = await Excel.run((context) => readSheet(context, context.workbook.worksheets.getActiveWorksheet()));
    expect(read.grid.hiddenRows).toEqual([]);
  });
});

it('the least favourable reading is the fake’s default, and the sample passes under it', async () => {
  expect(new FakeWorkbook().readings).toEqual(LEAST_FAVOURABLE);
  const { service } = setup([layoutAnnex(sampleSpec()).grid]);
  expect(brief((await service.check('fr')).report!)).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
});

it('sync counts stay honest under the least favourable reading: check 1, first mark 1', async () => {
  const { wb, service } = setup([sampleGrid()]);
  const outcome = await service.check('fr');
  expect(wb.recorder.syncCount).toBe(1);
  const from = wb.recorder.syncCount;
  await service.mark(outcome, 'fr');
  expect(syncsSince(wb, from)).toBe(1);
});
