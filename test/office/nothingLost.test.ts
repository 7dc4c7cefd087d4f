/**
 * Nothing lost, the Office side (issue 18): the guards that decide whether a cell may be written
 * or taken back, pinned one by one, like test/nothing-lost.test.ts does for the command line. The
 * user works in Excel while the pane works: whatever they typed between the check and the write,
 * or since the fill, is theirs and stays.
 */
import { FILLED_CODE } from '../../src/domain/marks';
import { READINGS } from '../../src/fake-excel';
import { journalFromXml, journalToXml } from '../../src/office/journal';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { SHEET, blankCodesSpec, install, setup, snapshot, uninstall } from './helpers';
import { FakeWorkbook } from '../../src/fake-excel';

afterEach(uninstall);

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';
const grid = () => layoutAnnex(blankCodesSpec([2, 5, 9])).grid;

describe.each(READINGS)('the fill guard: a cell the user filled between the check and the write is left alone (%s)', (_, readings) => {
  const typed: Array<[string, { value?: string | number; formula?: string }]> = [
    ['the number 0', { value: 0 }],
    ['a code typed as a number', { value: 30450191907 }],
    ['a formula showing nothing', { formula: '=""' }],
    ['a formula showing the code', { formula: '=C23' }],
    ['text', { value: 'voir avec la DDETS' }],
  ];
  it.each(typed)('%s', async (_what, edit) => {
    const { wb, service } = setup([grid()], { readings });
    const outcome = await service.check('fr');
    wb.userEdit(SHEET, 'C24', edit);
    const mine = wb.cellState(SHEET, 'C24');
    const result = await service.fillCodes(outcome, 'fr');
    expect(result).toMatchObject({ ok: true, filled: 2, skipped: ['C24'] });
    const now = wb.cellState(SHEET, 'C24');
    expect({ value: now.value, formula: now.formula, numberFormat: now.numberFormat }).toEqual({ value: mine.value, formula: mine.formula, numberFormat: mine.numberFormat });
    expect(now.conditionalFormats).toEqual([]);
    expect(wb.cellState(SHEET, 'C27')).toMatchObject({ value: CODE });
  });
});

describe.each(READINGS)('« Effacer les marques » takes back only what is still the add-in’s (%s)', (_, readings) => {
  it('a code the user replaced by a formula showing the same text is kept', async () => {
    const { wb, service } = setup([grid()], { readings });
    await service.fillCodes(await service.check('fr'), 'fr');
    wb.userEdit(SHEET, 'C27', { formula: `="${CODE}"` });
    expect(wb.cellState(SHEET, 'C27').value).toBe(CODE);
    const result = await service.clear('fr');
    expect(result).toMatchObject({ ok: true, skipped: ['C27'] });
    expect(wb.cellState(SHEET, 'C27')).toMatchObject({ value: CODE, formula: `="${CODE}"` });
    expect(wb.cellState(SHEET, 'C24').value).toBeNull();
    expect(wb.cellState(SHEET, 'C31').value).toBeNull();
  });

  it('a code the user replaced by a number (0) is kept', async () => {
    const { wb, service } = setup([grid()], { readings });
    await service.fillCodes(await service.check('fr'), 'fr');
    wb.userEdit(SHEET, 'C24', { value: 0 });
    const result = await service.clear('fr');
    expect(result).toMatchObject({ ok: true, skipped: ['C24'] });
    expect(wb.cellState(SHEET, 'C24').value).toBe(0);
  });

  it('the journal split over several parts (workbooks merged, a write interrupted): every part counts', async () => {
    const { wb, service } = setup([grid()], { readings });
    const before = snapshot(wb);
    await service.fillCodes(await service.check('fr'), 'fr');
    expect(wb.customXmlParts).toHaveLength(1);
    const journal = journalFromXml(wb.customXmlParts[0].xml);
    const fills = journal.sheets[0].fills;
    expect(fills).toHaveLength(3);
    // One fill per part.
    wb.customXmlParts.length = 0;
    for (const fill of fills) wb.addXmlPart(journalToXml({ ...journal, sheets: [{ ...journal.sheets[0], fills: [fill] }] }));
    // A fresh add-in (the workbook reopened) reads them all.
    const reopened = install(wb.reopen());
    const result = await reopened.service.clear('fr');
    expect(result).toMatchObject({ ok: true, skipped: [] });
    expect(result.message).toMatch(/effacées \(3\)/);
    expect(snapshot(reopened.wb)).toEqual(before);
    expect(reopened.wb.customXmlParts).toEqual([]);
  });

  it('text with & < > in what the journal keeps survives the XML round trip (a title with « & »)', async () => {
    const spec = blankCodesSpec([2]);
    const block = spec.body.find((e) => e.kind === 'block' && /Garantie d.activité/.test((e as { theme: string }).theme)) as unknown as { actions: Array<{ title: string }> };
    block.actions[2].title = 'Accompagnement & suivi <renforcé> des "BRSA" ; 1 > 0 &amp;';
    const { wb, service } = setup([layoutAnnex(spec).grid], { readings });
    const before = snapshot(wb);
    expect(await service.fillCodes(await service.check('fr'), 'fr')).toMatchObject({ filled: 1 });
    expect(wb.customXmlParts[0].xml).toContain('&amp;');
    const reopened = install(wb.reopen());
    const result = await reopened.service.clear('fr');
    expect(result).toMatchObject({ ok: true, skipped: [] });
    expect(snapshot(reopened.wb)).toEqual(before);
  });

  it('journalFromXml undoes exactly what journalToXml does, whatever the text', () => {
    const texts = ['a & b', '&amp;', '&lt;x&gt;', '<![CDATA[', ']]>', '"quoted" \'single\'', 'é ’ € \u0000\u001b', '&#38;'];
    for (const text of texts) {
      const journal = journalFromXml(journalToXml({ version: 2, sheets: [{ sheetId: 's', sheetName: text, fills: [] }], summaries: [] }));
      expect(journal.sheets[0].sheetName).toBe(text);
    }
    // What Excel may hand back: a declaration, a prefix, CDATA, character references.
    const xml = `<?xml version="1.0"?><j:annexe9Journal xmlns:j="${'urn:annexe9-calpae:journal'}"><![CDATA[{"version":2,"sheets":[{"sheetId":"s","sheetName":"a & b < c","fills":[]}],"summaries":[]}]]></j:annexe9Journal>`;
    expect(journalFromXml(xml).sheets[0].sheetName).toBe('a & b < c');
    const refs = `<annexe9Journal xmlns="urn:annexe9-calpae:journal">{"version":2,"sheets":[{"sheetId":"s","sheetName":"&#38;&#x26;&amp;\\&quot;","fills":[]}],"summaries":[]}</annexe9Journal>`;
    expect(journalFromXml(refs).sheets[0].sheetName).toBe('&&&"');
  });
});

describe.each(READINGS)('a code Excel would read as a number is written as text, and its format given back (%s)', (_, readings) => {
  it('the block’s code typed without its label: written under the text format, cleared back to the cell’s own format', async () => {
    const spec = blankCodesSpec([2, 5]);
    const block = spec.body.find((e) => e.kind === 'block' && /Garantie d.activité/.test((e as { theme: string }).theme)) as unknown as { imputation: string; actions: Array<{ imputation: string | null }> };
    block.imputation = '0304 50 19 19 07';
    block.actions.forEach((a) => (a.imputation = a.imputation === null ? null : block.imputation));
    const { wb, service } = setup([layoutAnnex(spec).grid], { readings });
    const before = snapshot(wb);
    const outcome = await service.check('fr');
    expect(outcome.report!.fills.map((f) => [f.cell, f.code])).toEqual([
      ['C24', '0304 50 19 19 07'],
      ['C27', '0304 50 19 19 07'],
    ]);
    expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 2 });
    for (const c of ['C24', 'C27']) expect(wb.cellState(SHEET, c)).toMatchObject({ value: '0304 50 19 19 07', numberFormat: '@' });
    expect(journalFromXml(wb.customXmlParts[0].xml).sheets[0].fills.map((f) => f.numberFormatBefore)).toEqual(['General', 'General']);
    const reopened = install(wb.reopen());
    expect(await reopened.service.clear('fr')).toMatchObject({ ok: true, skipped: [] });
    expect(snapshot(reopened.wb)).toEqual(before);
  });
});

it('a filled cell shows its light green mark while it holds the add-in’s code', async () => {
  const { wb, service } = setup([grid()]);
  await service.fillCodes(await service.check('fr'), 'fr');
  expect(wb.cellState(SHEET, 'C24').displayFill).toBe(FILLED_CODE);
  wb.userEdit(SHEET, 'C24', { value: 'autre' });
  expect(wb.cellState(SHEET, 'C24').displayFill).toBeNull();
  expect(FakeWorkbook).toBeDefined();
});
