/**
 * « Effacer les marques » and « Retirer les imputations complétées » are two things (issue 14):
 * clearing the marks keeps the codes the add-in filled; taking codes back empties only the codes
 * still exactly as written and leaves the marks; a code the user changed or replaced with a
 * formula is never taken back. Counts agree: the cells marked are the cells cleared.
 */
import { READINGS } from '../../src/fake-excel';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { createSummaryWriter } from '../../src/office/summarySheet';
import { SHEET, blankCodesSpec, setup, snapshot, uninstall } from './helpers';

afterEach(uninstall);

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';
const grid = () => layoutAnnex(blankCodesSpec([2, 5, 9])).grid;
const FILLED = ['C24', 'C27', 'C31'];
const markRules = (wb: ReturnType<typeof setup>['wb']) => snapshot(wb).conditionalFormats.filter((cf) => cf.formula.includes('annexe9:marque'));
const codeRules = (wb: ReturnType<typeof setup>['wb']) => snapshot(wb).conditionalFormats.filter((cf) => cf.formula.includes('annexe9:code'));

describe.each(READINGS)('marks and filled codes apart (%s)', (_, readings) => {
  /** Checked, filled, checked again and marked: codes filled, marks on the other findings. */
  async function filledAndMarked() {
    const s = setup([grid()], { readings });
    await s.service.fillCodes(await s.service.check('fr'), 'fr');
    const again = await s.service.check('fr');
    const marked = await s.service.mark(again, 'fr');
    expect(marked.ok).toBe(true);
    return { ...s, marked: marked.marked ?? 0 };
  }

  it('« Effacer les marques » removes the marks only: the codes the add-in filled stay, with what takes them back', async () => {
    const { wb, service, marked } = await filledAndMarked();
    expect(marked).toBeGreaterThan(0);
    expect(markRules(wb).length).toBeGreaterThan(0);
    const codesBefore = codeRules(wb);
    expect(codesBefore).toHaveLength(3);

    const check = await service.check('fr');
    expect(check).toMatchObject({ markedCells: marked, filledCodes: 3 });

    const result = await service.clearMarks('fr');
    expect(result).toMatchObject({ ok: true, cleared: marked });
    expect(result.message).toContain(`Marques retirées (${marked} cellule${marked > 1 ? 's' : ''})`);
    expect(result.message).toContain('«\u00a0Retirer les imputations complétées\u00a0»');
    expect(markRules(wb)).toEqual([]);
    for (const cell of FILLED) expect(wb.cellState(SHEET, cell).value).toBe(CODE);
    expect(codeRules(wb)).toEqual(codesBefore);

    // Nothing left to clear: said so, nothing written.
    const again = await service.clearMarks('fr');
    expect(again).toMatchObject({ ok: true, cleared: 0 });
    expect(again.message).toContain('Aucune marque');

    // The codes can still be taken back afterwards.
    const back = await service.takeBackCodes('fr');
    expect(back).toMatchObject({ ok: true, restored: 3 });
    for (const cell of FILLED) expect(wb.cellState(SHEET, cell).value).toBeNull();
  });

  it('the cells marked are the cells cleared, whatever the rules per cell', async () => {
    const { service, marked } = await filledAndMarked();
    const cleared = await service.clearMarks('fr');
    expect(cleared.cleared).toBe(marked);
  });

  it('lists, before writing, exactly the codes it would take back (sheet, cell, code); a changed one is kept, not listed', async () => {
    const { wb, service } = await filledAndMarked();
    wb.userEdit(SHEET, 'C27', { formula: `="${CODE}"` });
    wb.userEdit(SHEET, 'C31', { value: '0304 50 19 19 08 - autre code' });
    const before = snapshot(wb);
    const preview = await service.previewTakeBack('fr');
    expect(snapshot(wb)).toEqual(before); // a preview writes nothing
    expect(preview).toEqual({ ok: true, codes: [{ sheet: SHEET, cell: 'C24', code: CODE }], kept: ['C27', 'C31'] });

    const marksBefore = markRules(wb);
    const result = await service.takeBackCodes('fr');
    expect(result).toMatchObject({ ok: true, restored: 1, skipped: ['C27', 'C31'] });
    expect(result.message).toContain('1 imputation complétée par le complément retirée');
    expect(result.message).toContain('C27');
    expect(wb.cellState(SHEET, 'C24').value).toBeNull();
    expect(wb.cellState(SHEET, 'C27')).toMatchObject({ value: CODE, formula: `="${CODE}"` });
    expect(wb.cellState(SHEET, 'C31').value).toBe('0304 50 19 19 08 - autre code');
    // The marks stay.
    expect(markRules(wb)).toEqual(marksBefore);
    expect(codeRules(wb)).toEqual([]);
  });

  it('with nothing filled, taking back says so and writes nothing', async () => {
    const { wb, service } = setup([grid()], { readings });
    await service.mark(await service.check('fr'), 'fr');
    const before = snapshot(wb);
    await expect(service.previewTakeBack('fr')).resolves.toMatchObject({ codes: [], kept: [] });
    const result = await service.takeBackCodes('fr');
    expect(result).toMatchObject({ ok: true, restored: 0 });
    expect(result.message).toContain('rien à retirer');
    expect(snapshot(wb)).toEqual(before);
  });
});

describe.each(READINGS)('the take-back commands work on the checked sheet (%s)', (_, readings) => {
  // After « Insérer la synthèse » the summary sheet is the active one: the commands must still act on
  // the annex the pane checked, and show it again so that the pane's check after them reads it.
  it('« Effacer les marques » and « Retirer les imputations complétées » after « Insérer la synthèse »', async () => {
    const writeSummary = createSummaryWriter({ now: () => new Date('2026-03-02T10:00:00Z'), workbookName: () => 'annexe.xlsx', notified: () => [] });
    const { wb, service } = setup([grid()], { readings }, { writeSummary });
    await service.fillCodes(await service.check('fr'), 'fr');
    const checked = await service.check('fr');
    const marked = (await service.mark(checked, 'fr')).marked ?? 0;
    expect(marked).toBeGreaterThan(0);
    expect(await service.insertSummary(checked, 'fr')).toMatchObject({ ok: true });
    expect(wb.activeSheet.name).not.toBe(SHEET);

    // Without the outcome, the active (summary) sheet: nothing of ours there.
    expect(await service.clearMarks('fr')).toMatchObject({ ok: true, cleared: 0 });
    expect(markRules(wb).length).toBeGreaterThan(0);

    const cleared = await service.clearMarks('fr', checked);
    expect(cleared).toMatchObject({ ok: true, cleared: marked });
    expect(markRules(wb)).toEqual([]);
    expect(wb.activeSheet.name).toBe(SHEET);

    wb.setActive('Synthèse annexe 9');
    expect(wb.activeSheet.name).toBe('Synthèse annexe 9');
    const preview = await service.previewTakeBack('fr', checked);
    expect(preview.codes.map((c) => `${c.sheet}!${c.cell}`)).toEqual(FILLED.map((c) => `${SHEET}!${c}`));
    const back = await service.takeBackCodes('fr', checked);
    expect(back).toMatchObject({ ok: true, restored: 3 });
    for (const cell of FILLED) expect(wb.cellState(SHEET, cell).value).toBeNull();
    expect(wb.activeSheet.name).toBe(SHEET);
  });
});
