/**
 * `annex9 check DOSSIER` on a folder as a reviewer's mailbox leaves it, in real processes: annexes
 * in .xlsx, the same annex saved by LibreOffice as .ods, .xls and .csv (test/cli/fixtures, made with
 * `soffice --convert-to` from the sample), a Numbers package, an .ods renamed .xlsx, a workbook that
 * is no annex, a sub-folder, the convention's PDF, a note, Excel's lock file, macOS's « ._ » file. Every file not checked
 * is named with its reason, a total line ends the report, the advice is French and says what to do.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';
import { BIN, SAMPLE, expectFrench, runBin } from './run';

const FIXTURES = path.join(__dirname, 'fixtures');

let dir: string;
let folder: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-folder-'));
  folder = path.join(dir, 'reçus');
  await fs.mkdir(folder);
  const put = (name: string, data: string | Buffer) => fs.writeFile(path.join(folder, name), data);
  await fs.copyFile(SAMPLE, path.join(folder, 'annexe-62.xlsx'));
  // A clean annex of another département.
  const spec = sampleSpec();
  spec.titleRows = ['ANNEXE 9 - TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL', 'Conseil départemental du Nord', 'Prévisionnel Année 2023'];
  for (const e of spec.body) {
    if (e.kind === 'initiativeSubtotal') e.amounts!.F = '1280000';
    if (e.kind === 'grandTotal') e.amounts!.F = '13414116';
  }
  const nord = newWorkbook();
  writeGridToWorkbook(layoutAnnex(spec).grid, nord);
  await nord.xlsx.writeFile(path.join(folder, 'annexe-59.xlsx'));
  const budget = newWorkbook();
  budget.addWorksheet('Budget').addRow(['Poste', 'Montant']);
  await budget.xlsx.writeFile(path.join(folder, 'budget.xlsx'));
  for (const ext of ['ods', 'xls', 'csv']) await fs.copyFile(path.join(FIXTURES, `annexe-62.${ext}`), path.join(folder, `annexe-62.${ext}`));
  await fs.copyFile(path.join(FIXTURES, 'annexe-62.ods'), path.join(folder, 'renommee.xlsx'));
  // Numbers saves a document as a folder (a package) as often as a file.
  await fs.mkdir(path.join(folder, 'annexe-33.numbers', 'Index'), { recursive: true });
  await fs.writeFile(path.join(folder, 'annexe-33.numbers', 'Index', 'Document.iwa'), Buffer.alloc(16));
  await fs.mkdir(path.join(folder, 'archives'));
  await fs.copyFile(SAMPLE, path.join(folder, 'archives', 'annexe-2022.xlsx'));
  await put('convention.pdf', '%PDF-1.4\n%…\n');
  await put('notes.txt', 'à relire\n');
  await put('~$annexe-62.xlsx', Buffer.alloc(165));
  await put('._annexe-62.xlsx', Buffer.alloc(4096)); // what macOS leaves beside a file on a USB key
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const at = (name: string) => path.join(folder, name);

const NOT_CHECKED = [
  ['annexe-33.numbers', 'document Apple Numbers, non pris en charge'],
  ['annexe-62.csv', 'fichier CSV (texte), non pris en charge'],
  ['annexe-62.ods', 'classeur LibreOffice Calc (.ods), non pris en charge'],
  ['annexe-62.xls', 'ancien format Excel (.xls), non pris en charge'],
  ['budget.xlsx', 'aucune annexe 9 trouvée dans ce classeur (feuilles examinées\u00a0: «\u00a0Budget\u00a0»)'],
  ['renommee.xlsx', 'classeur LibreOffice Calc (.ods), non pris en charge'],
];
// Sorted as a French reader sorts: « ~$ » before the letters.
const IGNORED = () => [
  ['._annexe-62.xlsx', 'fichier caché\u00a0: ignoré'],
  ['~$annexe-62.xlsx', 'fichier de verrouillage d’Excel ou de LibreOffice (le classeur est ouvert sur un poste)\u00a0: ignoré'],
  [`archives${path.sep}`, `sous-dossier, non parcouru\u00a0: contrôlez-le à part (annex9 check ${path.join(folder, 'archives')})`],
  ['convention.pdf', 'document .pdf, pas un classeur\u00a0: ignoré (une convention se compare avec --convention)'],
  ['notes.txt', 'pas un classeur (.txt)\u00a0: ignoré'],
];
const TOTAL = 'Total\u00a0: 2 fichiers contrôlés (2 feuilles), 2 anomalies\u202f; 6 fichiers non contrôlés\u202f; 5 fichiers ignorés.';

describe('a folder with mixed formats', () => {
  it('checks the annexes, names every file not checked with its reason, ends with the total', async () => {
    const r = await runBin(['check', folder]);
    expect(r.code).toBe(2); // files could not be checked
    // The reports, in the folder's order.
    expect(r.stdout.indexOf(`Fichier\u00a0: ${at('annexe-59.xlsx')}\n`)).toBeLessThan(r.stdout.indexOf(`Fichier\u00a0: ${at('annexe-62.xlsx')}\n`));
    expect(r.stdout).toContain('Aucune anomalie.');
    expect(r.stdout).toContain('L50    Sous-total initiatives (ligne 50)');
    expect(r.stdout).not.toContain('annexe-2022.xlsx'); // the sub-folder is not gone through
    // The recap: every file not checked, then every file ignored, each with why; the total last.
    const recap = r.stdout.slice(r.stdout.indexOf('Non contrôlés'));
    expect(recap).toBe(
      [
        'Non contrôlés (6)\u00a0:',
        ...NOT_CHECKED.map(([name, why]) => `  ${at(name)} — ${why}`),
        'Ignorés (5)\u00a0:',
        ...IGNORED().map(([name, why]) => `  ${at(name)} — ${why}`),
        TOTAL,
        '',
      ].join('\n'),
    );
    // Not a terminal: no progress line, no control character.
    expect(r.stdout + r.stderr).not.toMatch(/[\r\u001b]/);
    expect(r.stderr).not.toContain('Contrôle 1/');
  });

  it('says on stderr, in French, what to do with each: save as .xlsx, and how', async () => {
    const { stderr } = await runBin(['check', folder]);
    expectFrench(stderr);
    const line = (name: string) => stderr.split('\n').find((l) => l.startsWith(`${at(name)}\u00a0: `)) ?? '';
    expect(line('annexe-62.ods')).toContain('Ouvrez-le dans LibreOffice Calc et enregistrez-en une copie au format Excel (Fichier › Enregistrer sous › Type de fichier\u00a0: «\u00a0Excel 2007-365 (.xlsx)\u00a0»');
    expect(line('renommee.xlsx')).toContain('Ouvrez-le dans LibreOffice Calc'); // the content decides, not the name
    expect(line('annexe-62.xls')).toContain('Ouvrez-le dans Excel et enregistrez-en une copie au format .xlsx (Fichier › Enregistrer sous › Type\u00a0: «\u00a0Classeur Excel (*.xlsx)\u00a0»');
    expect(line('annexe-62.csv')).toContain('Contrôlez le classeur d’origine (.xlsx)\u202f; à défaut, ouvrez le CSV dans Excel et enregistrez-le au format .xlsx');
    expect(line('annexe-33.numbers')).toContain('Dans Numbers, choisissez Fichier › Exporter vers › Excel…');
    expect(line('budget.xlsx')).toContain('Le contrôle cherche une ligne d’en-tête');
    // The wrong advice of before, for an .ods: never.
    expect(stderr).not.toContain('Word ou PowerPoint');
  });

  it('--json: the document alone on stdout (an error entry per file not checked), the recap on stderr', async () => {
    const r = await runBin(['check', folder, '--json']);
    expect(r.code).toBe(2);
    const docs = JSON.parse(r.stdout) as Array<{ file: string; sheet?: string; error?: string }>;
    expect(docs.map((d) => [path.basename(d.file), d.error ? 'error' : d.sheet])).toEqual([
      ['annexe-33.numbers', 'error'],
      ['annexe-59.xlsx', 'Annexe 9'],
      ['annexe-62.csv', 'error'],
      ['annexe-62.ods', 'error'],
      ['annexe-62.xls', 'error'],
      ['annexe-62.xlsx', 'Annexe 9'],
      ['budget.xlsx', 'error'],
      ['renommee.xlsx', 'error'],
    ]);
    expect(r.stderr).toContain('Ignorés (5)\u00a0:');
    expect(r.stderr.trimEnd().endsWith(TOTAL)).toBe(true);
    expect(r.stdout + r.stderr).not.toMatch(/[\r\u001b]/);
  });

  it('a file named on its own: its advice, no recap nor total', async () => {
    const ods = await runBin(['check', at('annexe-62.ods')]);
    expect(ods.code).toBe(2);
    expect(ods.stdout).toBe('');
    expect(ods.stderr).toContain('classeur LibreOffice Calc (.ods), non pris en charge');
    expectFrench(ods.stderr);
    const pdf = await runBin(['check', at('convention.pdf')]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain(`convention.pdf\u00a0: ce n’est pas un classeur Excel .xlsx lisible. C’est un document PDF\u00a0: demandez l’annexe au format Excel (.xlsx). Pour comparer une annexe avec sa convention\u00a0: annex9 check ANNEXE.xlsx --convention ${at('convention.pdf')}`);
    expectFrench(pdf.stderr);
    const one = await runBin(['check', at('annexe-62.xlsx')]);
    expect(one.code).toBe(1);
    expect(one.stdout).not.toContain('Total\u00a0:');
  });

  it('a folder with nothing to check: exit 2 and why each file was passed over', async () => {
    const empty = path.join(dir, 'rien');
    await fs.mkdir(empty);
    await fs.writeFile(path.join(empty, 'lisez-moi.txt'), 'x');
    const r = await runBin(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Aucun classeur à contrôler dans ${empty}.\n  ${path.join(empty, 'lisez-moi.txt')} — pas un classeur (.txt)\u00a0: ignoré\n`);
  });
});

describe('progress on a terminal', () => {
  /** The check run under a pseudo-terminal (util-linux `script`), as a user at a terminal runs it. */
  function inTerminal(args: string[]): Promise<string> {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return new Promise((resolve, reject) => {
      execFile('script', ['-qec', command, '/dev/null'], { env: { ...process.env, COLUMNS: '100' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve(stdout);
      });
    });
  }

  it('shows « Contrôle n/N » for each workbook, erased before the report, and never with --json', async () => {
    const text = await inTerminal(['check', folder]);
    for (let n = 1; n <= 8; n++) expect(text).toContain(`\r\u001b[KContrôle ${n}/8\u00a0: `);
    // Each progress line is erased before anything else is written: the report lines start clean.
    expect(text).toContain(`\r\u001b[KFichier\u00a0: ${at('annexe-62.xlsx')}`);
    expect(text).toContain(TOTAL);
    const json = await inTerminal(['check', folder, '--json']);
    expect(json).not.toContain('Contrôle 1/');
    expect(json).not.toContain('\u001b');
  });
});
