/**
 * `annex9 check DOSSIER --out consolidation.xlsx`, in real processes, read back with ExcelJS: one
 * row per file and sheet (département, totals A, C, F, A − C in euros as numbers with a € format,
 * findings per rule, A per Chorus code), a row for each workbook not checked, a total row; written
 * like `fix` (atomically, never over an input, --force to replace, no wider permissions than the
 * inputs), and never taken for an annex by a later check of the same folder.
 */
import { createHash } from 'crypto';
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeSheet } from '../../src/domain/analyze';
import { worksheetToGrid } from '../../src/files/xlsx';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { SpecAmount, layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';
import { SAMPLE, expectFrench, runBin } from './run';

const FIXTURES = path.join(__dirname, 'fixtures');
const EURO = '#,##0.00 "€"';

let dir: string;
let folder: string;
let out: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-conso-'));
  folder = path.join(dir, 'annexes');
  out = path.join(dir, 'sortie', 'consolidation.xlsx');
  await fs.mkdir(folder);
  await fs.mkdir(path.dirname(out));
  await fs.copyFile(SAMPLE, path.join(folder, 'annexe-62.xlsx'));
  // The same annex kept in thousands of euros by the Nord (with the same two wrong totals).
  const spec = sampleSpec();
  spec.titleRows = ["ANNEXE 9 - TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL (en milliers d'euros)", 'Conseil départemental du Nord'];
  const thousands = (v: SpecAmount | undefined): SpecAmount | undefined => (typeof v === 'string' || typeof v === 'number' ? new Decimal(v).dividedBy(1000).toString() : v);
  for (const e of spec.body) {
    const rows = e.kind === 'block' ? e.actions.map((a) => a.amounts) : [e.amounts];
    for (const amounts of rows) if (amounts) for (const k of Object.keys(amounts) as Array<keyof typeof amounts>) amounts[k] = thousands(amounts[k]);
  }
  const nord = newWorkbook();
  writeGridToWorkbook(layoutAnnex(spec, { numFmt: '#,##0.000' }).grid, nord);
  await nord.xlsx.writeFile(path.join(folder, 'nord.xlsx'));
  const budget = newWorkbook();
  budget.addWorksheet('Budget').addRow(['Poste', 'Montant']);
  await budget.xlsx.writeFile(path.join(folder, 'budget.xlsx'));
  await fs.copyFile(path.join(FIXTURES, 'annexe-62.ods'), path.join(folder, 'annexe-62.ods'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

async function readBack(file: string): Promise<{ ws: ExcelJS.Worksheet; headers: string[]; row: (file: string) => Record<string, unknown>; cell: (file: string, header: string) => ExcelJS.Cell }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Consolidation annexes 9']);
  const ws = wb.worksheets[0];
  const headers = (ws.getRow(3).values as unknown[]).slice(1).map(String);
  const rowOf = (name: string): ExcelJS.Row => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === path.join(folder, name)) found = r;
    });
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };
  return {
    ws,
    headers,
    row: (name) => Object.fromEntries(headers.map((h, i) => [h, rowOf(name).getCell(i + 1).value ?? null])),
    cell: (name, header) => rowOf(name).getCell(headers.indexOf(header) + 1),
  };
}

describe('the consolidation workbook', () => {
  it('one row per file and sheet, French headers, euros as numbers in a € format, the total row', async () => {
    const r = await runBin(['check', folder, '--out', out]);
    expect(r.code).toBe(2); // budget.xlsx and the .ods could not be checked
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Total\u00a0: 2 fichiers contrôlés (2 feuilles), 4 anomalies\u202f; 2 fichiers non contrôlés\u202f; 0 fichier ignoré.',
      `Consolidation écrite\u00a0: ${out} (4 lignes).`,
    ]);
    const { ws, headers, row, cell } = await readBack(out);
    expect(ws.getCell('A1').value).toBe('Consolidation des annexes 9');
    expect(String(ws.getCell('A2').value)).toMatch(/^4 fichiers\u00a0: 2 contrôlés \(2 tableaux\), 2 non contrôlés — produite le \d\d\/\d\d\/\d{4} à \d\d:\d\d par annex9 check\./);
    expect(headers.slice(0, 12)).toEqual([
      'Fichier', 'Feuille', 'Département', 'Département lu dans', 'État', 'Remarques',
      'A – Participation de l’État (€)', 'C – Crédits du département (€)', 'F – Budget global (€)', 'A − C (€)', 'Anomalies', 'Montants illisibles',
    ]);
    expect(headers).toContain('Cofinancement 50/50 (A ≠ C)');
    expect(headers).toContain('A – 0304 50 19 19 07 Garantie d’activité et insertion des BRSA (€)');
    // Rows in the folder's order; the files not checked say why.
    expect(ws.getColumn(1).values.slice(4, 8)).toEqual(['annexe-62.ods', 'annexe-62.xlsx', 'budget.xlsx', 'nord.xlsx'].map((n) => path.join(folder, n)));

    expect(row('annexe-62.xlsx')).toMatchObject({
      Feuille: 'Annexe 9',
      Département: 'Pas-de-Calais (62)',
      'Département lu dans': 'B2',
      État: 'contrôlé',
      Remarques: null,
      'A – Participation de l’État (€)': 6707058,
      'C – Crédits du département (€)': 6707058,
      'F – Budget global (€)': 13414116,
      'A − C (€)': 0,
      Anomalies: 2,
      'Sous-totaux socle ou initiatives faux': 1,
      'Budget global F ≠ A+B+C+D+E': 1,
      'Cofinancement 50/50 (A ≠ C)': 0,
      'A – 0304 50 19 19 03 1er accueil social inconditionnel (€)': 300000,
      'A – 0304 50 19 19 07 Garantie d’activité et insertion des BRSA (€)': 5677535,
    });
    expect(cell('annexe-62.xlsx', 'A – Participation de l’État (€)').numFmt).toBe(EURO);
    expect(cell('annexe-62.xlsx', 'Anomalies').numFmt).toBe('0');

    // Thousands of euros: converted, exactly, and said.
    expect(row('nord.xlsx')).toMatchObject({
      Département: 'Nord (59)',
      'Département lu dans': 'B2',
      Remarques: 'tableau en milliers d’euros, converti en euros',
      'A – Participation de l’État (€)': 6707058,
      'F – Budget global (€)': 13414116,
      'A – 0304 50 19 19 07 Garantie d’activité et insertion des BRSA (€)': 5677535,
    });
    expect(row('budget.xlsx')).toMatchObject({ État: 'non contrôlé', 'A – Participation de l’État (€)': null, Anomalies: null });
    expect(String(row('budget.xlsx').Remarques)).toMatch(/^aucune annexe 9 trouvée dans ce classeur/);
    expect(String(row('annexe-62.ods').Remarques)).toMatch(/^classeur LibreOffice Calc \(\.ods\), non pris en charge\u00a0: .* «\u00a0Excel 2007-365 \(\.xlsx\)\u00a0»/);

    // The total row: Excel's formulas, with their exact results for readers that do not compute.
    const total = ws.getRow(8);
    expect(total.getCell(1).value).toBe('Total (2 tableaux contrôlés)');
    const a = headers.indexOf('A – Participation de l’État (€)') + 1;
    expect(total.getCell(a).value).toEqual({ formula: 'SUM(G4:G7)', result: 13414116 });
    expect(total.getCell(a).numFmt).toBe(EURO);
    expect((total.getCell(headers.indexOf('Anomalies') + 1).value as ExcelJS.CellFormulaValue).result).toBe(4);
  });

  it('is never taken for an annex: the engine finds none, a later check of the folder passes it over', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(analyzeSheet(worksheetToGrid(wb.worksheets[0])).isAnnex).toBe(false);
    const inside = path.join(folder, 'consolidation.xlsx');
    await fs.copyFile(out, inside);
    // Already there: replaced only with --force; and then it is no input, it is the output.
    const refused = await runBin(['check', folder, '--out', inside]);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe(`${inside} existe déjà\u00a0: ajoutez --force pour le remplacer.\n`);
    const forced = await runBin(['check', folder, '--out', inside, '--force']);
    expect(forced.stdout).toContain(`  ${inside} — classeur de consolidation écrit par annex9 check\u00a0: ignoré`);
    expect(forced.stdout).toContain(`Consolidation écrite\u00a0: ${inside} (4 lignes).`);
    const again = await readBack(inside);
    expect(again.ws.getColumn(1).values.slice(4, 8)).not.toContain(inside);
    await fs.rm(inside);
  });

  it('never over an input, even with --force: the annex is left as it was', async () => {
    const input = path.join(folder, 'annexe-62.xlsx');
    const before = await sha(input);
    const link = path.join(dir, 'lien.xlsx');
    await fs.symlink(input, link);
    for (const target of [input, `${folder}${path.sep}.${path.sep}annexe-62.xlsx`, link]) {
      const r = await runBin(['check', folder, '--out', target, '--force']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`--out ${target} désigne un des classeurs contrôlés (${input})\u00a0: choisissez un autre nom pour la consolidation.\n`);
    }
    expect(await sha(input)).toBe(before);
  });

  it('an output folder that does not exist is said before any annex is read', async () => {
    const r = await runBin(['check', folder, '--out', path.join(dir, 'absent', 'c.xlsx')]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`Impossible d’écrire la consolidation ${path.join(dir, 'absent', 'c.xlsx')}\u00a0: le dossier ${path.join(dir, 'absent')} n’existe pas.`);
    expectFrench(r.stderr);
  });

  it('is no more readable by others than the least readable input', async () => {
    const secret = path.join(dir, 'secret');
    await fs.mkdir(secret);
    await fs.copyFile(SAMPLE, path.join(secret, 'annexe.xlsx'));
    await fs.chmod(path.join(secret, 'annexe.xlsx'), 0o600);
    const target = path.join(dir, 'secret-consolidation.xlsx');
    const r = await runBin(['check', secret, '--out', target, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(2); // stdout is the JSON document alone
    expect(r.stderr).toContain(`Consolidation écrite\u00a0: ${target} (1 ligne).`);
    expect((await fs.stat(target)).mode & 0o077).toBe(0);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
