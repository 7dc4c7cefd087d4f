/**
 * `annex9 compare` run as a user runs it (the compiled bin, in a real process) on the sample
 * workbook and copies of it modified in the test; the finer cases in-process.
 */
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeSheet } from '../../src/domain/analyze';
import { worksheetToGrid } from '../../src/files/xlsx';
import { AnnexSpec, LayoutOptions, layoutAnnex } from '../../fixtures/annex-layout';
import { runCli } from '../support/cli';
import { sampleSpec } from '../../fixtures/sample';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { executionSpec, modifiedSpec } from './helpers';

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

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-compare-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeBook(name: string, sheets: Array<{ spec: AnnexSpec; layout?: Partial<LayoutOptions> }>): Promise<string> {
  const wb = newWorkbook();
  for (const s of sheets) writeGridToWorkbook(layoutAnnex(s.spec, s.layout).grid, wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('annex9 compare (command line)', () => {
  let modified: string;
  let execution: string;
  beforeAll(async () => {
    modified = await writeBook('nouvelle.xlsx', [{ spec: modifiedSpec(), layout: { origin: { row: 2, col: 3 }, letters: 'inline' } }]);
    execution = await writeBook('execution.xlsx', [{ spec: executionSpec() }]);
  });

  it('reports exactly the two modifications of a copy laid out elsewhere, in French, and exits 1', async () => {
    const { code, stdout, stderr } = await runBin(['compare', SAMPLE, modified]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Nouvelle version\u00a0: ' + modified + ', feuille «\u00a0Annexe 9 corrigée\u00a0», tableau en D7');
    expect(stdout).toContain('Différences\u00a0: 1 action ajoutée, 0 retirée, 1 modifiée\u202f;');
    expect(stdout).toContain('anomalies\u00a0: 0 apparue, 0 disparue.');
    expect(stdout).toMatch(/Actions ajoutées \(1\)\n {2}\+ ligne \d+\u00a0: «\u00a0Insertion par le sport\u00a0»/);
    expect(stdout).toContain('Actions modifiées (1)\n  ~ ligne 29 → ligne 31\u00a0: «\u00a0Développement des GEIQ\u00a0» (appariée par intitulé dans le thème)\n      A\u00a0: 57\u202f000,00\u00a0€ → 57\u202f500,00\u00a0€ (+500,00\u00a0€)');
    expect(stdout).not.toContain('Actions retirées');
    // Every other action, moved down by the insertion or by the new layout, is not reported.
    expect(stdout.match(/^ {2}[~+−] ligne/gm)).toHaveLength(2);
  });

  it('exits 0 with no difference between the sample and itself', async () => {
    const { code, stdout } = await runBin(['compare', SAMPLE, SAMPLE]);
    expect(code).toBe(0);
    expect(stdout).toContain('Aucune différence\u00a0: mêmes actions, mêmes montants, mêmes anomalies.');
  });

  it('gives the stable JSON document with --json', async () => {
    const { code, stdout } = await runBin(['compare', SAMPLE, modified, '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['format', 'mode', 'modeSource', 'identical', 'old', 'new', 'columns', 'notices', 'findings', 'versions', 'execution']);
    expect(doc).toMatchObject({ format: 'annex9-compare/1', mode: 'versions', modeSource: 'default', identical: false, execution: null });
    expect(doc.old).toMatchObject({ file: SAMPLE, sheet: 'Annexe 9', table: 'B5', actions: 23, execution: false });
    expect(doc.new).toMatchObject({ sheet: 'Annexe 9 corrigée', table: 'D7', actions: 24 });
    expect(doc.versions.actions.map((a: { status: string; new: { title: string } }) => `${a.status}:${a.new.title}`)).toEqual(['added:Insertion par le sport', 'changed:Développement des GEIQ']);
    const geiq = doc.versions.actions[1];
    expect(geiq).toMatchObject({ pairedBy: 'titleInTheme', changes: ['amounts'], old: { row: 29, code: '0304 50 19 19 07' }, new: { row: 31 } });
    expect(geiq.amounts[0]).toEqual({ column: 'A', old: '57000', new: '57500', change: '500' });
    expect(doc.versions.totals.map((t: { level: string }) => t.level)).toEqual(['socle', 'grand']);
  });

  it('writes the comparison sheet into a copy of the second workbook, changed cells coloured, inputs untouched', async () => {
    const out = path.join(dir, 'comparaison.xlsx');
    const before = [await sha(SAMPLE), await sha(modified)];
    const { code, stdout } = await runBin(['compare', SAMPLE, modified, '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toContain(`Comparaison écrite\u00a0: ${out} (feuille «\u00a0Comparaison annexe 9\u00a0»).`);
    expect([await sha(SAMPLE), await sha(modified)]).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annexe 9 corrigée', 'Comparaison annexe 9']);
    const ws = wb.getWorksheet('Comparaison annexe 9')!;
    let geiqRow: ExcelJS.Row | undefined;
    let addedRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Développement des GEIQ') geiqRow = row;
      if (row.getCell(2).value === 'Insertion par le sport') addedRow = row;
    });
    // Columns: status, item, theme, code, old row, new row, changes, then A old/new/change…
    expect(geiqRow!.getCell(1).value).toBe('Modifiée');
    expect(geiqRow!.getCell(8).value).toBe(57000);
    expect(geiqRow!.getCell(9).value).toBe(57500);
    expect(geiqRow!.getCell(10).value).toBe(500);
    expect((geiqRow!.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFE699');
    expect((geiqRow!.getCell(11).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined(); // B did not change
    const link = geiqRow!.getCell(6).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("#'Annexe 9 corrigée'!D31","ligne 31")`);
    expect((addedRow!.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    // The comparison sheet is never taken for an annex: checking the copy checks the annex only.
    expect(analyzeSheet(worksheetToGrid(ws)).isAnnex).toBe(false);
    const check = await runBin(['check', out]);
    expect(check.stdout).toContain('Feuille «\u00a0Annexe 9 corrigée\u00a0»');
    expect(check.stdout).not.toContain('Comparaison annexe 9');

    // An existing output is replaced only with --force; our earlier comparison sheet is replaced, not added again.
    const again = await runCli(['compare', SAMPLE, modified, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('existe déjà\u00a0: ajoutez --force');
    const copy = path.join(dir, 'copie.xlsx');
    await fs.copyFile(out, copy);
    const forced = await runCli(['compare', SAMPLE, copy, '--out', out, '--force']);
    expect(forced.code).toBe(1);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Annexe 9 corrigée', 'Comparaison annexe 9']);
  });

  it('never writes over a compared workbook', async () => {
    const victim = path.join(dir, 'victime.xlsx');
    await fs.copyFile(modified, victim);
    const before = await sha(victim);
    const { code, stderr } = await runCli(['compare', SAMPLE, victim, '--out', victim, '--force']);
    expect(code).toBe(2);
    expect(stderr).toContain('est un des classeurs comparés');
    const link = path.join(dir, 'lien.xlsx');
    await fs.symlink(victim, link);
    expect((await runCli(['compare', SAMPLE, victim, '--out', link, '--force'])).code).toBe(2);
    expect(await sha(victim)).toBe(before);
  });

  it('compares two sheets of one workbook (--sheet, --sheet2)', async () => {
    const book = await writeBook('deux-feuilles.xlsx', [{ spec: sampleSpec() }, { spec: modifiedSpec(), layout: { origin: { row: 0, col: 0 } } }]);
    const out = path.join(dir, 'deux-feuilles-comparees.xlsx');
    const { code, stdout } = await runBin(['compare', book, '--sheet', 'Annexe 9', '--sheet2', 'Annexe 9 corrigée', '--out', out]);
    expect(code).toBe(1);
    expect(stdout).toContain('Différences\u00a0: 1 action ajoutée, 0 retirée, 1 modifiée\u202f;');
    // Both sheets are in the output: a removed or changed row links to the old sheet too.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let oldLink: unknown;
    wb.getWorksheet('Comparaison annexe 9')!.eachRow((row) => {
      if (row.getCell(2).value === 'Développement des GEIQ') oldLink = (row.getCell(5).value as ExcelJS.CellFormulaValue).formula;
    });
    expect(oldLink).toBe(`HYPERLINK("#'Annexe 9'!B29","ligne 29")`);
    // Without the sheets named, a workbook with two annexes is refused with their names.
    const refused = await runCli(['compare', book, SAMPLE]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('contient plusieurs annexes 9 («\u00a0Annexe 9\u00a0», «\u00a0Annexe 9 corrigée\u00a0»)\u00a0: choisissez la feuille avec --sheet');
  });

  it('--execution: planned against spent, the amount that may be recovered per code with its formula', async () => {
    const { code, stdout, stderr } = await runBin(['compare', SAMPLE, execution, '--notified', '07=6067058']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain("Prévu et réalisé — annexe 9 et tableau d’exécution");
    expect(stdout).toContain("Reconnu comme tableau d’exécution\u00a0: «\u00a0Exécution 2023\u00a0» (nom de la feuille).");
    // 03: S = 500 000, P = 250 000, V = 300 000 → 50 000.
    expect(stdout).toContain('part État des dépenses\u00a0: 500\u202f000,00\u00a0€ × 300\u202f000,00\u00a0€ / 600\u202f000,00\u00a0€ = 250\u202f000,00\u00a0€');
    expect(stdout).toContain('montant susceptible de reversement (art. 5)\u00a0: 50\u202f000,00\u00a0€');
    // 02: S = 160 000,50, P = 80 000,25, V = 89 523 → 9 522,75.
    expect(stdout).toContain('montant susceptible de reversement (art. 5)\u00a0: 9\u202f522,75\u00a0€');
    // 07: spent as planned, but the State notified 6 067 058 (art. 3.1) against A 5 677 535 → 389 523.
    expect(stdout).toContain("versé par l’État\u00a0: 6\u202f067\u202f058,00\u00a0€ (montant notifié)");
    expect(stdout).toContain('montant susceptible de reversement (art. 5)\u00a0: 389\u202f523,00\u00a0€');
    // Total: 50 000 + 9 522,75 + 389 523 = 449 045,75.
    expect(stdout).toContain("montant susceptible de reversement (art. 5), sur l’ensemble\u00a0: 449\u202f045,75\u00a0€");
    expect(stdout).toContain('P = S × r, arrondie au centime');
    // Forced the other way, the same two tables are two versions.
    const versions = await runCli(['compare', SAMPLE, execution, '--versions']);
    expect(versions.stdout).toContain("Comparaison de deux versions de l’annexe 9");
    expect(versions.stdout).toContain('ressemble à un tableau d’exécution');
  });

  it('--execution writes the planned-against-spent sheet', async () => {
    const out = path.join(dir, 'prevu-realise.xlsx');
    const { code } = await runCli(['compare', SAMPLE, execution, '--execution', '--out', out]);
    expect(code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Comparaison annexe 9')!;
    let accueil: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (!accueil && row.getCell(2).value === '0304 50 19 19 03') accueil = row; // the code's line, before the actions'
    });
    expect(accueil!.getCell(14).value).toBe(250000); // P
    expect(accueil!.getCell(15).value).toBe(300000); // V
    expect(accueil!.getCell(17).value).toBe(50000); // V − P
    expect((accueil!.getCell(17).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8CBAD');
  });

  it('speaks English with --lang en', async () => {
    const { code, stdout } = await runCli(['compare', SAMPLE, modified, '--lang', 'en']);
    expect(code).toBe(1);
    expect(stdout).toContain('Two versions of annex 9 compared');
    expect(stdout).toContain('A: €57,000.00 → €57,500.00 (+€500.00)');
  });

  it('compares the first table of a sheet that holds two, and says so', async () => {
    const first = layoutAnnex(sampleSpec());
    const second = layoutAnnex(sampleSpec(), { origin: { row: 60, col: 1 } });
    const rows = second.grid.rows.map((r, i) => (i < 60 ? first.grid.rows[i] : r));
    const grid = { ...second.grid, name: 'Deux tableaux', rows, merges: [...first.grid.merges, ...second.grid.merges] };
    const wb = newWorkbook();
    writeGridToWorkbook(grid, wb);
    const file = path.join(dir, 'deux-tableaux.xlsx');
    await wb.xlsx.writeFile(file);
    const { code, stdout, stderr } = await runCli(['compare', file, SAMPLE]);
    expect(stderr).toContain('feuille «\u00a0Deux tableaux\u00a0»\u00a0: 2 tableaux\u202f; le premier (en B5) est comparé.');
    expect(code).toBe(0);
    expect(stdout).toContain('Aucune différence');
  });

  it('exits 2 with a French reason when the tables cannot be compared', async () => {
    const missing = await runCli(['compare', SAMPLE, path.join(dir, 'absent.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("absent.xlsx\u00a0: le fichier n’existe pas.");
    const notAnnex = path.join(dir, 'vide.xlsx');
    const wb = newWorkbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'rien';
    await wb.xlsx.writeFile(notAnnex);
    const none = await runCli(['compare', SAMPLE, notAnnex]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('aucune annexe 9 trouvée');
    expect((await runCli(['compare', SAMPLE, modified, '--execution', '--versions'])).code).toBe(64); // a usage error: nothing read
    expect((await runCli(['compare', SAMPLE])).stderr).toContain('nommez les deux feuilles');
    const wrongSheet = await runCli(['compare', SAMPLE, modified, '--sheet', 'Budget']);
    expect(wrongSheet.code).toBe(2);
    expect(wrongSheet.stderr).toContain("la feuille «\u00a0Budget\u00a0» n’existe pas (feuilles\u00a0: «\u00a0Annexe 9\u00a0»)");
    const notified = await runCli(['compare', SAMPLE, modified, '--notified', '07=1']);
    expect(notified.code).toBe(2);
    expect(notified.stderr).toContain('ajoutez --execution');
  });
});
