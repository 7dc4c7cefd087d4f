/** `annex9 fix --summary / --notified`: the same summary sheet from the command line. */
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rowStartingWith, runCli } from './support/cli';

const SAMPLE = path.resolve(__dirname, '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const ARTICLE_3_1 = ['03=110000', '04=80000', '02=89523', '0304 50 19 19 07=6067058', '10=640000'];

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-summary-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const rowOf = rowStartingWith;

describe('annex9 fix with the summary', () => {
  it('adds the summary sheet with the notified amounts compared per code', async () => {
    const out = path.join(dir, 'relu.xlsx');
    const { code, stdout, stderr } = await run(['fix', SAMPLE, '--out', out, ...ARTICLE_3_1.flatMap((n) => ['--notified', n])]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Synthèse de «\u00a0Annexe 9\u00a0» écrite dans la feuille «\u00a0Synthèse annexe 9\u00a0».');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9']);
    const ws = book.getWorksheet('Synthèse annexe 9')!;
    expect(ws.getCell('A2').value).toMatch(/^Classeur\u00a0: annexe9-pas-de-calais-2023\.xlsx — générée le \d\d\/\d\d\/\d{4} à \d\d:\d\d$/);
    const g = rowOf(ws, 'Insertion des allocataires du RSA – Garantie d’activité');
    expect([g.getCell(4).value, g.getCell(5).value]).toEqual([17, 5677535]);
    const byCode = (label: string) => {
      const r = rowOf(ws, label);
      return [r.getCell(5).value, r.getCell(15).value, r.getCell(16).value];
    };
    expect(byCode('1er accueil social inconditionnel')).toEqual([300000, 110000, 190000]);
    expect(byCode('Référents de parcours')).toEqual([0, 80000, -80000]);
    expect(byCode("Garantie d'activité et insertion des BRSA")).toEqual([5677535, 6067058, -389523]);
    expect(rowOf(ws, 'Sous-total initiatives — écart').getCell(11).value).toBe(-320000);

    // The reviewed copy checked again: the summary is not taken for an annex.
    const again = await run(['check', out, '--json']);
    expect(again.code).toBe(1);
    const json = JSON.parse(again.stdout);
    expect(json.sheet).toBe('Annexe 9');
    expect(json.findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
    const named = await run(['check', out, '--sheet', 'Synthèse annexe 9']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('est une synthèse produite par le contrôle');

    // Fixing the reviewed copy again replaces the summary, it does not add a second one.
    const out2 = path.join(dir, 'relu2.xlsx');
    const second = await run(['fix', out, '--out', out2, '--summary', '--lang', 'en']);
    expect(second.stdout).toContain('Summary of "Annexe 9" replaced in sheet "Synthèse annexe 9".');
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.readFile(out2);
    expect(book2.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9']);
    expect(book2.getWorksheet('Synthèse annexe 9')!.getCell('A1').value).toBe('Annex 9 summary — sheet "Annexe 9"');
  });

  it('writes no summary unless asked', async () => {
    const out = path.join(dir, 'sans.xlsx');
    const { code, stdout } = await run(['fix', SAMPLE, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).not.toContain('Synthèse');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Annexe 9']);
  });

  it('refuses a notified amount it cannot read, and the summary options on check', async () => {
    const out = path.join(dir, 'jamais.xlsx');
    const bad = await run(['fix', SAMPLE, '--out', out, '--notified', '03:110000']);
    expect(bad.code).toBe(64); // usage errors: nothing read
    expect(bad.stderr).toContain('--notified «\u00a003:110000\u00a0»\u00a0: écrivez CODE=MONTANT');
    const twice = await run(['fix', SAMPLE, '--out', out, '--notified', '03=1', '--notified', '0304 50 19 19 03=2']);
    expect(twice.code).toBe(64);
    expect(twice.stderr).toContain('le code 0304 50 19 19 03 est donné deux fois');
    const check = await run(['check', SAMPLE, '--summary']);
    expect(check.code).toBe(64);
    expect(check.stderr).toContain('--summary sert avec «\u00a0fix\u00a0»');
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
