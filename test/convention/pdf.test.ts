/**
 * The seed as the real case: its text printed to PDF by LibreOffice (with a running header and
 * footer on every page, as the published PDF has), read back with pdf.js, then checked against
 * the sample annex from the command line. CI installs LibreOffice:
 *   apt-get install -y --no-install-recommends libreoffice-calc-nogui
 */
import { execFile } from 'child_process';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { textToPdf } from '../../scripts/convention-pdf';
import { ConventionExtraction, extractConvention } from '../../src/domain/convention';
import { readConventionFile } from '../../src/files/convention';
import { runCli } from '../support/cli';
import { ARTICLE_3_1, ROOT, SAMPLE_XLSX, SEED_TEXT_FILE, cents, fichesBudgets } from './seed';

let dir: string;
let pdf: string;
let extraction: ConventionExtraction;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-convention-pdf-'));
  pdf = await textToPdf(SEED_TEXT_FILE, dir);
  const doc = await readConventionFile(pdf);
  expect(doc.format).toBe('pdf');
  extraction = extractConvention(doc);
}, 240_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the seed printed to PDF, read with pdf.js', () => {
  it('reads article 2 with its page and sentence, the running headers left out', () => {
    expect(extraction.unit).toBe('page');
    expect(extraction.parts).toBeGreaterThan(100);
    // Header and footer on every page: two lines a page left out.
    expect(extraction.removedLines).toBe(2 * extraction.parts);
    expect(extraction.stateTotal?.cents).toBe(cents(6707058));
    expect(extraction.stateTotal?.source.quote).toBe("Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.");
    expect(extraction.stateTotal?.source.unit).toBe('page');
  });

  it('reads the five amounts of article 3.1 with their codes (sum 6 986 581 €)', () => {
    expect(extraction.codes.map((c) => [c.code, c.cents / 100])).toEqual(ARTICLE_3_1.map(([code, euros]) => [code, euros]));
    expect(extraction.codes.reduce((s, c) => s + c.cents, 0)).toBe(cents(6986581));
    for (const c of extraction.codes) expect(c.source.quote).toContain(`(code activité : ${c.shown})`);
  });

  it("reads the 23 fiches' budgets and State shares exactly as samples/fiches-budgets.json records them", () => {
    const expected = fichesBudgets();
    expect(extraction.fiches.map((f) => [f.number, f.total, f.stateShare])).toEqual(expected.map((e) => [e.number, cents(e.total2023), cents(e.stateShare)]));
    for (const f of extraction.fiches) expect(f.source?.unit).toBe('page');
    expect(extraction.unread.map((u) => u.reason)).toEqual(['boxOutsideFiche']);
  });
});

function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin', 'annex9.js'), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('annex9 check --convention with the PDF', () => {
  it('lists the article 3.1 disagreements and the article 2 inconsistency with their quotes (the compiled command)', async () => {
    const { code, stdout, stderr } = await runBin(['check', SAMPLE_XLSX, '--convention', pdf]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Convention\u00a0: article 3.1 ≠ article 2 (1) [CONVENTION_SPLIT]');
    expect(stdout).toMatch(/totalisent 6\u202f986\u202f581,00\u00a0€, l’article 2 \(page \d+\) annonce 6\u202f707\u202f058,00\u00a0€ de soutien de l’État — écart \+279\u202f523,00\u00a0€\./);
    expect(stdout).toMatch(/page \d+\u00a0: «\u00a0Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €\.\u00a0»/);
    expect(stdout).toContain('Colonne A par imputation ≠ article 3.1 (3) [CONVENTION_CODE]');
    expect(stdout).toMatch(/F13 +Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ \(F13, F14\), article 3\.1 de la convention 110\u202f000,00\u00a0€ \(page \d+\) — écart \+190\u202f000,00\u00a0€\./);
    expect(stdout).toMatch(/F16 +Imputation 0304 50 19 19 04\u00a0: colonne A de l’annexe 0,00\u00a0€ .* 80\u202f000,00\u00a0€ .* — écart -80\u202f000,00\u00a0€\./);
    expect(stdout).toMatch(/F19 +Imputation 0304 50 19 19 07\u00a0: colonne A de l’annexe 5\u202f677\u202f535,00\u00a0€ .* 6\u202f067\u202f058,00\u00a0€ .* — écart -389\u202f523,00\u00a0€\./);
    expect(stdout).toMatch(/page \d+\u00a0: “La subvention d'un montant de 110 000 euros est imputée .*\(code activité : 030450191903\)/);
    expect(stdout).toContain("Fiches action\u00a0: 23 sur 23 appariées à une ligne de l’annexe");
    expect(stdout).not.toMatch(/FICHE_|ROW_WITHOUT_FICHE|CONVENTION_TOTAL/);
  });

  it('adds the convention findings and what was read to the JSON report', async () => {
    const { code, stdout } = await runCli(['check', SAMPLE_XLSX, '--convention', pdf, '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    const rules = json.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(['SECTION_TOTAL', 'ROW_TOTAL', 'CONVENTION_SPLIT', 'CONVENTION_CODE', 'CONVENTION_CODE', 'CONVENTION_CODE']);
    const split = json.findings[2];
    expect(split).toMatchObject({ rule: 'CONVENTION_SPLIT', row: null, column: null, cell: null, expected: '6707058', actual: '6986581', difference: '279523' });
    expect(split.sources).toHaveLength(6);
    expect(split.sources[0]).toMatchObject({ unit: 'page', quote: "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €." });
    expect(json.findings[3]).toMatchObject({ rule: 'CONVENTION_CODE', code: '0304 50 19 19 03', row: 13, column: 'A', cell: 'F13', expected: '110000', actual: '300000', difference: '190000' });
    expect(json.convention.stateTotal.amount).toBe('6707058');
    expect(json.convention.codes.map((c: { code: string; amount: string }) => [c.code, c.amount])).toEqual(ARTICLE_3_1.map(([c, e]) => [c, String(e)]));
    expect(json.convention.fiches).toHaveLength(23);
    expect(json.convention.matches.filter((m: { row: number | null }) => m.row !== null)).toHaveLength(23);
  });

  it('annex9 convention prints what was read, and --notified still wins over the document', async () => {
    const read = await runCli(['convention', pdf, '--json']);
    expect(read.code).toBe(1); // the convention contradicts itself
    const json = JSON.parse(read.stdout);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['CONVENTION_SPLIT']);
    expect(json.fiches[16]).toMatchObject({ number: 17, total: '179046', stateShare: '89523' });

    const typed = await runCli(['check', SAMPLE_XLSX, '--convention', pdf, '--notified', '03=300000', '--json']);
    const codes = JSON.parse(typed.stdout).findings.filter((f: { rule: string }) => f.rule === 'CONVENTION_CODE');
    expect(codes.map((f: { code: string }) => f.code)).toEqual(['0304 50 19 19 04', '0304 50 19 19 07']);
  });

  it('fix --convention: the summary sheet shows the notified amount per code, A and the gap, and a line for article 2', async () => {
    const out = path.join(dir, 'relue.xlsx');
    const { code } = await runCli(['fix', SAMPLE_XLSX, '--out', out, '--convention', pdf]);
    expect(code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Synthèse annexe 9')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const row = (start: string) => rows.find((r) => typeof r[0] === 'string' && (r[0] as string).startsWith(start))!;
    expect([row('1er accueil social')[4], row('1er accueil social')[14], row('1er accueil social')[15]]).toEqual([300000, 110000, 190000]);
    const article2 = row('Soutien financier de l’État — article 2 de la convention');
    expect(article2[0]).toMatch(/^Soutien financier de l’État — article 2 de la convention \(deliberation-pas-de-calais-2023-06-12\.pdf, page \d+\)$/);
    expect([article2[4], article2[14], article2[15]]).toEqual([6707058, 6707058, 0]);
    expect(row('La convention se contredit')[0]).toBe(
      'La convention se contredit\u00a0: ses montants par imputation (article 3.1) totalisent 6\u202f986\u202f581,00\u00a0€, son article 2 annonce 6\u202f707\u202f058,00\u00a0€ (écart +279\u202f523,00\u00a0€).',
    );
  });
});

describe('PDFs that cannot be read', () => {
  it('a PDF without text (a scan) and a damaged PDF are refused with a French reason, exit 2', async () => {
    const blank = path.join(dir, 'scan.txt');
    await fs.writeFile(blank, '\n\n');
    const scan = await textToPdf(blank, dir, { header: '', footer: '' });
    const r = await runCli(['check', SAMPLE_XLSX, '--convention', scan]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scan.pdf\u00a0: le PDF ne contient pas de texte (c’est sans doute un document numérisé, une image)');
    const broken = path.join(dir, 'abime.pdf');
    await fs.writeFile(broken, '%PDF-1.7\nrien de plus\n');
    const b = await runCli(['convention', broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("abime.pdf\u00a0: ce n’est pas un PDF lisible (fichier abîmé ou incomplet\u202f?)");
  }, 120_000);
});
