/** The command line, run as a user runs it (the compiled bin) and in-process for the finer cases. */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { LayoutOptions, layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const BIN = path.join(ROOT, 'bin', 'annex9.js');

function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

const run = runCli;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeVariant(name: string, options: Partial<LayoutOptions>, sheetName = 'Annexe 9'): Promise<string> {
  const spec = { ...sampleSpec(), sheetName };
  const wb = newWorkbook();
  writeGridToWorkbook(layoutAnnex(spec, options).grid, wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

describe('annex9 check', () => {
  it('prints a French report of the sample and exits 1 (findings)', async () => {
    const { code, stdout, stderr } = await runBin(['check', SAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Feuille «\u00a0Annexe 9\u00a0», tableau en B5');
    expect(stdout).toContain('23 actions');
    expect(stdout).toContain('2 anomalies');
    expect(stdout).toContain('L50    Sous-total initiatives (ligne 50)\u00a0: F affiché 960\u202f000,00\u00a0€, somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart -320\u202f000,00\u00a0€.');
    expect(stdout).toContain('L51    TOTAUX FINANCIERS (ligne 51)\u00a0: F affiché 13\u202f094\u202f116,00\u00a0€, A+B+C+D+E = 13\u202f414\u202f116,00\u00a0€ — écart -320\u202f000,00\u00a0€.');
  });

  it('gives the stable JSON document with --json', async () => {
    const { code, stdout } = await runBin(['check', SAMPLE, '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc).toEqual({
      file: SAMPLE,
      sheet: 'Annexe 9',
      unit: '€',
      findings: [
        {
          rule: 'SECTION_TOTAL',
          row: 50,
          column: 'F',
          cell: 'L50',
          expected: '1280000',
          actual: '960000',
          difference: '-320000',
          unit: '€',
          hidden: false,
          message: 'Sous-total initiatives (ligne 50)\u00a0: F affiché 960\u202f000,00\u00a0€, somme des lignes 1\u202f280\u202f000,00\u00a0€ — écart -320\u202f000,00\u00a0€. Corrigez F en 1\u202f280\u202f000,00\u00a0€ ou vérifiez les lignes 46 à 49.',
        },
        {
          rule: 'ROW_TOTAL',
          row: 51,
          column: 'F',
          cell: 'L51',
          expected: '13414116',
          actual: '13094116',
          difference: '-320000',
          unit: '€',
          hidden: false,
          message: 'TOTAUX FINANCIERS (ligne 51)\u00a0: F affiché 13\u202f094\u202f116,00\u00a0€, A+B+C+D+E = 13\u202f414\u202f116,00\u00a0€ — écart -320\u202f000,00\u00a0€. Corrigez F en 13\u202f414\u202f116,00\u00a0€ ou vérifiez les montants A à E de cette ligne.',
        },
      ],
      fills: [],
      proposals: [],
      notices: [],
    });
  });

  it('speaks English with --lang en', async () => {
    const { stdout } = await run(['check', SAMPLE, '--lang', 'en']);
    expect(stdout).toContain('2 findings');
    expect(stdout).toContain('Initiatives subtotal (row 50): F shows €960,000.00');
  });

  it('checks several files and the .xlsx files of a folder; JSON becomes an array', async () => {
    const moved = await writeVariant('deplace.xlsx', { origin: { row: 12, col: 4 }, letters: 'inline' }, 'Tableau financier');
    const { code, stdout } = await run(['check', SAMPLE, moved, '--json']);
    expect(code).toBe(1);
    const docs = JSON.parse(stdout);
    expect(docs).toHaveLength(2);
    expect(docs[1].sheet).toBe('Tableau financier');
    expect(docs[1].findings.map((f: { rule: string }) => f.rule)).toEqual(['SECTION_TOTAL', 'ROW_TOTAL']);
    const folder = await run(['check', dir, '--json']);
    expect(JSON.parse(folder.stdout).file).toBe(moved);
  });

  it('lists the codes it would fill', async () => {
    const firstRow = await writeVariant('codes-premiere-ligne.xlsx', { themeCells: 'firstRow' });
    const { stdout } = await run(['check', firstRow]);
    expect(stdout).toContain('Imputations Chorus manquantes (18) [MISSING_IMPUTATION]');
    expect(stdout).toContain('Imputations Chorus à compléter (18)\u00a0:');
    expect(stdout).toMatch(/C23 +0304 50 19 19 07 - Garantie d’activité et insertion des BRSA/);
    const json = JSON.parse((await run(['check', firstRow, '--json'])).stdout);
    expect(json.fills[0]).toEqual({ cell: 'C23', code: '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA', source: 'block' });
  });

  it('exits 0 on a clean annex', async () => {
    const spec = sampleSpec();
    const init = spec.body.find((e) => e.kind === 'initiativeSubtotal')!;
    const grand = spec.body.find((e) => e.kind === 'grandTotal')!;
    if (init.kind !== 'block') init.amounts!.F = '1280000';
    if (grand.kind !== 'block') grand.amounts!.F = '13414116';
    const book = newWorkbook();
    writeGridToWorkbook(layoutAnnex(spec).grid, book);
    const clean = path.join(dir, 'clean', 'propre.xlsx');
    await fs.mkdir(path.dirname(clean), { recursive: true });
    await book.xlsx.writeFile(clean);
    const { code, stdout } = await run(['check', clean]);
    expect(code).toBe(0);
    expect(stdout).toContain('Aucune anomalie.');
  });

  it.each([
    ['a missing file', 'absent.xlsx', null, 'n’existe pas'],
    ['a CSV file', 'annexe.csv', Buffer.from('Thème;Montant\nA;1\n'), 'fichier CSV (texte), non pris en charge'],
    ['an old .xls file', 'annexe.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'ancien format Excel (.xls)'],
    ['a password-protected .xlsx', 'chiffre.xlsx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'protégé par mot de passe'],
    ['a corrupted .xlsx', 'abime.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]), 'endommagé ou illisible'],
  ])('exits 2 with a French reason on stderr for %s', async (_what, name, content, reason) => {
    const file = path.join(dir, 'bad', name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    if (content) await fs.writeFile(file, content);
    const { code, stderr, stdout } = await run(['check', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(reason);
    expect(stderr).toContain(name);
  });

  it('exits 2 when no sheet is an annex, or the named sheet does not exist', async () => {
    const book = newWorkbook();
    book.addWorksheet('Budget').addRow(['Poste', 'Montant']);
    const file = path.join(dir, 'pas-une-annexe.xlsx');
    await book.xlsx.writeFile(file);
    const notAnnex = await run(['check', file]);
    expect(notAnnex.code).toBe(2);
    expect(notAnnex.stderr).toContain('pas-une-annexe.xlsx\u00a0: aucune annexe 9 trouvée dans ce classeur (feuilles examinées\u00a0: «\u00a0Budget\u00a0»)');
    const missing = await run(['check', SAMPLE, '--sheet', 'Annexe 10']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('annexe9-pas-de-calais-2023.xlsx\u00a0: la feuille «\u00a0Annexe 10\u00a0» n’existe pas dans ce classeur');
  });

  it('refuses bad usage with exit 64 and one line, not the whole help', async () => {
    const unknown = await run(['verifier', SAMPLE]);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toBe("Commande inconnue «\u00a0verifier\u00a0»\u00a0: les commandes sont check, fix, convention et compare.\nannex9 --help pour l’aide.\n");
    expect((await run(['check'])).stderr).toContain('Indiquez au moins un fichier');
    expect((await run(['check', SAMPLE, '--lang', 'de'])).stderr).toContain('Langue «\u00a0de\u00a0» inconnue');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('annex9 check FICHIER.xlsx');
  });
});

describe('annex9 fix', () => {
  it('writes a reviewed copy, never touching the input', async () => {
    const input = await writeVariant('a-relire.xlsx', { themeCells: 'firstRow' });
    const before = await sha(input);
    const out = path.join(dir, 'relu.xlsx');
    const { code, stdout } = await run(['fix', input, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toContain('20 cellule(s) surlignée(s), 18 imputation(s) complétée(s)');
    expect(await sha(input)).toBe(before);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet('Annexe 9')!;
    expect(ws.getCell('C23').value).toBe('0304 50 19 19 07 - Garantie d’activité et insertion des BRSA');
    expect(ws.getCell('C22').value).toBe('0304 50 19 19 07 - Garantie d’activité et insertion des BRSA'); // the block's own, untouched
    const marked = ws.getCell('L50');
    expect((marked.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE9B3D3');
    expect(String(marked.note)).toContain('Sous-total initiatives (ligne 50)');
    // The rest of the row is tinted, the values are as they were.
    expect((ws.getCell('F50').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF3DC');
    expect(ws.getCell('L50').value).toBe(960000);
    // No temporary file left behind.
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('does not replace an existing file without --force, nor the input itself', async () => {
    const out = path.join(dir, 'deja-la.xlsx');
    await fs.writeFile(out, 'ancien contenu');
    const refused = await run(['fix', SAMPLE, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('existe déjà\u00a0: ajoutez --force');
    expect(await fs.readFile(out, 'utf8')).toBe('ancien contenu');
    expect((await run(['fix', SAMPLE, '--out', out, '--force'])).code).toBe(1);
    const self = await run(['fix', SAMPLE, '--out', SAMPLE]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('un autre fichier que l’original');
  });
});

describe('annex9 --template', () => {
  it('reads another annex model from its description, and refuses a description that is not one', async () => {
    const description = JSON.parse(await fs.readFile(path.join(ROOT, 'src/domain/templates/calpae-annexe9.json'), 'utf8'));
    description.grandTotal.labels = ['total du pacte'];
    const file = path.join(dir, 'modele.json');
    await fs.writeFile(file, JSON.stringify(description));
    const spec = sampleSpec();
    const grand = spec.body.find((e) => e.kind === 'grandTotal');
    if (grand && grand.kind === 'grandTotal') grand.label = 'Total du pacte';
    const book = newWorkbook();
    writeGridToWorkbook(layoutAnnex(spec).grid, book);
    const xlsx = path.join(dir, 'pacte.xlsx');
    await book.xlsx.writeFile(xlsx);
    const withModel = JSON.parse((await run(['check', xlsx, '--json', '--template', file])).stdout);
    expect(withModel.findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual(['SECTION_TOTAL@L50', 'ROW_TOTAL@L51']);
    // Without it, "Total du pacte" is not a total row: the table reads differently.
    const without = JSON.parse((await run(['check', xlsx, '--json'])).stdout);
    expect(without.findings).not.toEqual(withModel.findings);
    await fs.writeFile(file, '{"columns": []}');
    const bad = await run(['check', xlsx, '--template', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Modèle ${file} invalide`);
    expect(bad.stderr).toContain('«\u00a0amountColumns\u00a0»\u00a0: clé manquante.');
    expect(bad.stderr).toContain('«\u00a0columns\u00a0»\u00a0: Trop petit');
  });
});
