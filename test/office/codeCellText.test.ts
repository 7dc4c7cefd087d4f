/**
 * A code cell that shows text but no code (« à compléter », the title merged into it), in the fake
 * Excel: nothing is written there, and its mark shows while the text is there, not after.
 */
import { RULE_STYLES } from '../../src/domain/marks';
import { at, reference, sheet } from '../support/hand-table';
import { SHEET, setup, snapshot, uninstall } from './helpers';

afterEach(() => uninstall());

function annex() {
  const body = reference();
  at(body, 3)[1] = 'à compléter';
  // Row 5: the title typed in the code cell, merged over the fiche and title columns (B5:D5).
  at(body, 5)[1] = 'Éducateurs de rue';
  at(body, 5)[2] = null;
  at(body, 5)[3] = null;
  const grid = { ...sheet(body), name: SHEET };
  grid.merges = [{ top: 4, left: 1, bottom: 4, right: 3 }];
  return setup([grid]);
}

describe('text in a code cell, no code', () => {
  it('is proposed, never filled: the cells stay as they were', async () => {
    const { wb, service } = annex();
    const outcome = await service.check('fr');
    const before = snapshot(wb);
    expect(await service.fillCodes(outcome, 'fr')).toEqual({ ok: true, filled: 0, skipped: [], message: 'Aucune imputation Chorus à compléter.' });
    expect(snapshot(wb)).toEqual(before);
  });

  it('is marked while it shows that text; the mark goes once a code replaces it', async () => {
    const { wb, service } = annex();
    await service.mark(await service.check('fr'), 'fr');
    expect(['B3', 'B5'].map((c) => wb.cellState(SHEET, c).displayFill)).toEqual([RULE_STYLES.MISSING_IMPUTATION.fill, RULE_STYLES.MISSING_IMPUTATION.fill]);
    wb.userEdit(SHEET, 'B3', { value: '0304 50 19 19 05' });
    expect(wb.cellState(SHEET, 'B3').displayFill).toBeNull();
    expect(wb.cellState(SHEET, 'B5').displayFill).toBe(RULE_STYLES.MISSING_IMPUTATION.fill);
  });

  it('a code cell covered by a merge from its left (the theme typed in A2, A2:C2 merged): marked at A2, where Excel shows the merge', async () => {
    const body = reference();
    at(body, 2)[1] = null;
    at(body, 2)[2] = null;
    const grid = { ...sheet(body), name: SHEET };
    grid.merges = [{ top: 1, left: 0, bottom: 1, right: 2 }];
    const { wb, service } = setup([grid]);
    const outcome = await service.check('fr');
    expect(await service.mark(outcome, 'fr')).toMatchObject({ ok: true, marked: 1 });
    // B2, the code cell, is covered: its own colour would never show.
    expect(['A2', 'B2', 'C2'].map((c) => wb.cellState(SHEET, c).displayFill)).toEqual([RULE_STYLES.MISSING_IMPUTATION.fill, RULE_STYLES.MISSING_IMPUTATION.fill, RULE_STYLES.MISSING_IMPUTATION.fill]);
    expect(wb.cellState(SHEET, 'A2').conditionalFormats.map((cf) => cf.applies)).toEqual([true]);
  });

  it('text with a line break, a no-break space or quotes is marked too, while the cell is not empty', async () => {
    for (const text of ['  à  compléter ', 'à\ncompléter', 'à\u00a0compléter', 'voir "note"', 'x'.repeat(300)]) {
      const { wb, service } = annex();
      wb.userEdit(SHEET, 'B3', { value: text });
      await service.mark(await service.check('fr'), 'fr');
      expect([text, wb.cellState(SHEET, 'B3').displayFill]).toEqual([text, RULE_STYLES.MISSING_IMPUTATION.fill]);
      uninstall();
    }
  });

  it('spaces TRIM removes do not matter: the mark still goes once a code replaces the words', async () => {
    const { wb, service } = annex();
    wb.userEdit(SHEET, 'B3', { value: '  à  compléter ' });
    await service.mark(await service.check('fr'), 'fr');
    expect(wb.cellState(SHEET, 'B3').displayFill).toBe(RULE_STYLES.MISSING_IMPUTATION.fill);
    wb.userEdit(SHEET, 'B3', { value: '0304 50 19 19 05' });
    expect(wb.cellState(SHEET, 'B3').displayFill).toBeNull();
  });
});
