/**
 * « Diagnostic Excel » against the fake, under both readings: every assumption the add-in relies on
 * holds (✔), what only records a reading says which one the fake follows, the scratch sheet is
 * deleted and the workbook is left exactly as it was. `npm run report` writes the two reports into
 * docs/diagnostic-excel.md (real Excel's is for the first person who has it).
 */
import { FakeWorkbook, READINGS } from '../../src/fake-excel';
import { formatDiagnostic, runDiagnostic } from '../../src/office/diagnostic';
import { writeReportSection } from '../support/reports';
import { SHEET, install, sampleGrid, setup, uninstall } from './helpers';

afterEach(uninstall);

const AT = () => new Date('2026-03-02T10:00:00Z');
const IDS = ['A16', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12', 'A13', 'A13b', 'A14', 'A15', 'A17'];

describe.each(READINGS)('the diagnostic against the fake (%s reading)', (reading, readings) => {
  it('checks every assumption on a scratch sheet, deletes it, and leaves the workbook exactly as it was', async () => {
    const { wb } = setup([sampleGrid()], { readings });
    const before = JSON.stringify(wb.toJSON());
    const report = await runDiagnostic({ now: AT });
    expect(JSON.stringify(wb.toJSON())).toBe(before);
    expect(wb.activeSheet.name).toBe(SHEET);
    expect(report).toMatchObject({ host: 'Excel', platform: 'OfficeOnline', version: '16.0 (fake)', cleanedUp: true, at: '2026-03-02T10:00:00.000Z' });
    expect(report.apiSets).toEqual(Array.from({ length: 20 }, (_, i) => `1.${i + 1}`));
    expect(report.checks.map((c) => c.id)).toEqual(IDS);
    // Every assumption the add-in relies on holds in the fake, under this reading too.
    expect(report.checks.filter((c) => !c.informative && c.ok !== true).map((c) => `${c.id}: ${c.observed}`)).toEqual([]);
    // What the documentation leaves open: the report says which reading this "Excel" follows.
    const observed = Object.fromEntries(report.checks.map((c) => [c.id, c.observed]));
    const least = readings.conditionalFormatIds === 'position';
    expect(observed.A2).toMatch(least ? /\(positions\)/ : /\(not positions;/);
    expect(observed.A6).toMatch(least ? /the sync fails: InvalidOperation/ : /no error/);
    expect(observed.A8).toMatch(least ? /not told from white/ : /is told from white/);
    expect(observed.A11).toMatch(least ? /^stay/ : /^move/);
    expect(observed.A13b).toMatch(/refused: ResponsePayloadSizeLimitExceeded/);
    expect(observed.A15).toMatch(least ? /fit to pages ignored; scale 47/ : /fit to pages applied; scale 47/);

    const text = formatDiagnostic(report, 'fr');
    expect(text.split('\n')[0]).toBe('Diagnostic Excel — complément «\u00a0Contrôle de l’annexe 9\u00a0»');
    expect(text).toMatch(/^Feuille de test supprimée\u00a0: oui$/m);
    expect(text).toMatch(/^Résumé\u00a0: 15 ✔, 0 ✘, 3 ℹ\.$/m);
    expect(formatDiagnostic(report, 'en')).toMatch(/^Summary: 15 ✔, 0 ✘, 3 ℹ\.$/m);
    await writeReportSection('docs/diagnostic-excel.md', `Contre le faux Excel, lecture « ${reading} »`, `\`\`\`text\n${text}\n\`\`\``);
  }, 60000);

  it('runs from the pane’s entry (the service), in the pane’s language', async () => {
    const { service } = setup([sampleGrid()], { readings }, { now: AT });
    const text = await service.diagnose('en');
    expect(text.split('\n')[0]).toBe('Excel diagnostic — "Annex 9 check" add-in');
    expect(text).toMatch(/Scratch sheet deleted: yes/);
  }, 60000);
});

it('on an Excel below the requirement set, the report says what fails, and still cleans up', async () => {
  const wb = FakeWorkbook.fromGrids([sampleGrid()], { apiVersion: '1.12' });
  install(wb);
  const report = await runDiagnostic({ now: AT });
  const failed = report.checks.filter((c) => c.ok === false).map((c) => [c.id, c.observed]);
  expect(failed).toEqual([
    ['A7', 'ExcelApi 1.13 missing'],
    ['A17', 'could not run: ApiNotFound'],
  ]);
  expect(report.cleanedUp).toBe(true);
  expect(wb.sheets.map((s) => s.name)).toEqual([SHEET]);
  expect(formatDiagnostic(report, 'fr')).toMatch(/2 ✘.*Transmettez ce rapport/);
}, 60000);
