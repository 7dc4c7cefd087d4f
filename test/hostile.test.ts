/**
 * Hostile files (issue 17): a workbook received by email is untrusted. Each attack is a crafted
 * file (or a crafted place on disk) given to the real command line in a child process, measured:
 * it must end with a French refusal that names the limit — or do no harm — within 30 s and 1 GB.
 * `npm run report` writes what happened to each in docs/robustness.md (« Fichiers hostiles »).
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { newWorkbook } from '../fixtures/xlsx-writer';
import { writeReportSection } from './support/reports';
import { MAX_MS, MAX_RSS_MB, MeasuredRun, costOf, runMeasured } from './security/measure';
import {
  SHEET_PART,
  afterSheetData,
  blankSheet,
  cellSheet,
  manyParts,
  miniAnnex,
  patchPart,
  rowSheet,
  withDefinedName,
  withFormulaRow1,
  withMerges,
  withExtraSheets,
  withSheetPart,
} from './security/hostileFiles';

jest.setTimeout(120_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-hostile-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The report: one row per attack, written only when every attack of this file has its row.
// ---------------------------------------------------------------------------------------------

interface Row {
  attack: string;
  happened: string;
  cost: string;
}
const rows = new Map<string, Row>();
const EXPECTED_ROWS: string[] = [];
const expectRow = (id: string) => EXPECTED_ROWS.push(id);

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const quoteOf = (text: string, max = 220) => {
  const line = text.trim().split('\n')[0];
  return `« ${line.length > max ? `${line.slice(0, max)}…` : line} »`;
};

afterAll(async () => {
  if (EXPECTED_ROWS.some((id) => !rows.has(id))) return; // a failed attack: keep the last good report
  const body = [
    '_Section écrite par `npm run report` depuis `test/hostile.test.ts` (ne pas la modifier à la main)._',
    '',
    'Un classeur reçu par courriel est traité comme hostile. Chaque attaque est un fichier (ou un emplacement sur le disque) fabriqué par `test/security/hostileFiles.ts`, donné à la vraie ligne de commande dans un processus séparé. Bornes vérifiées par le test : refus en français, nommant la limite, en moins de 30 s et sous 1 Go de mémoire (temps mesuré de l’extérieur, démarrage de Node compris ; mémoire : pic de mémoire résidente rapporté par le processus).',
    '',
    '| # | Attaque | Ce qui s’est passé | Temps ; mémoire |',
    '|---|---|---|---|',
    ...EXPECTED_ROWS.map((id, i) => {
      const r = rows.get(id)!;
      return `| ${i + 1} | ${cell(r.attack)} | ${cell(r.happened)} | ${cell(r.cost)} |`;
    }),
  ].join('\n');
  await writeReportSection('docs/robustness.md', 'Fichiers hostiles', body);
});

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

/** Control characters, DEL, C1 and bidirectional controls: nothing of these may reach a terminal. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function expectWithinBounds(run: MeasuredRun): void {
  expect(run.killed).toBeUndefined();
  expect(run.ms).toBeLessThan(MAX_MS);
  expect(run.maxRssMB).not.toBeNull();
  expect(run.maxRssMB!).toBeLessThan(MAX_RSS_MB);
}

// ---------------------------------------------------------------------------------------------
// Resource bombs: refused before they cost anything, with a French message naming the limit.
// ---------------------------------------------------------------------------------------------

interface Bomb {
  id: string;
  what: string;
  build: () => Promise<Buffer>;
  /** Fragments of the refusal: what was found and the limit. */
  says: string[];
}

const BOMBS: Bomb[] = [
  {
    id: 'fusion-feuille-entiere',
    what: 'Une zone fusionnée A1:XFD1048576 (la feuille entière) ajoutée à une petite annexe',
    build: async () => withMerges(await miniAnnex(), ['A1:XFD1048576']),
    says: ['zone fusionnée de 17\u202f179\u202f869\u202f184 cellules (A1:XFD1048576)', 'la limite du contrôle est de 100\u202f000 cellules par zone fusionnée', 'Défusionnez'],
  },
  {
    id: 'fusion-26-millions',
    what: 'Une zone fusionnée A1:Z1000000',
    build: async () => withMerges(await miniAnnex(), ['A1:Z1000000']),
    says: ['zone fusionnée de 26\u202f000\u202f000 cellules (A1:Z1000000)', '100\u202f000 cellules par zone fusionnée'],
  },
  {
    id: 'bombe-zip',
    what: 'Bombe de décompression : une feuille qui se décompresse en 1 Go de blancs (fichier de 1 Mo)',
    build: async () => withSheetPart(blankSheet(1024)),
    says: ['bombe de décompression', 'xl/worksheets/sheet1.xml', 'limite du contrôle\u00a0: 100 fois la taille du fichier'],
  },
  {
    id: 'bombe-zip-taille-mensongere',
    what: 'La même bombe, dont l’en-tête zip annonce 1 Ko (taille mensongère)',
    build: async () => withSheetPart(blankSheet(1024), 1000),
    says: ['bombe de décompression', 'limite du contrôle\u00a0: 100 fois la taille du fichier'],
  },
  {
    id: 'parties-innombrables',
    what: '20 000 parties internes dans l’archive',
    build: () => manyParts(20_000),
    says: ["plus de 10\u202f000 parties internes", 'la limite du contrôle est de 10\u202f000'],
  },
  {
    id: 'cellules-innombrables',
    what: '2 500 000 cellules remplies (250 000 lignes de 10 nombres)',
    build: async () => withSheetPart(cellSheet(250_000, 10)),
    says: ['ce classeur est trop grand pour être contrôlé', 'cellules remplies', "soit l’équivalent de", 'la limite du contrôle est de 1\u202f600\u202f000'],
  },
  {
    id: 'lignes-innombrables',
    what: '1 048 576 lignes vides avec une hauteur (le maximum d’Excel) sur une deuxième feuille',
    build: async () => withExtraSheets([{ name: 'Lignes', part: rowSheet(1_048_576) }]),
    says: ['ce classeur est trop grand pour être contrôlé', 'lignes', 'la limite du contrôle est de 1\u202f600\u202f000'],
  },
  {
    id: 'validation-feuille-entiere',
    what: 'Une validation de données sur A1:XFD1048576',
    build: async () =>
      afterSheetData(await miniAnnex(), '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'),
    says: ['cellules sous validation de données', 'la limite du contrôle est de 1\u202f600\u202f000'],
  },
  {
    id: 'nom-defini-feuille-entiere',
    what: 'Un nom défini sur $A$1:$XFD$1048576',
    build: async () => withDefinedName(await miniAnnex(), 'zone', "'Annexe 9'!$A$1:$XFD$1048576"),
    says: ['cellules de noms définis', 'la limite du contrôle est de 1\u202f600\u202f000'],
  },
  {
    id: 'formule-feuille-entiere',
    what: 'Une formule =SUM(A2:XFD1048576)',
    build: async () => withFormulaRow1(await miniAnnex(), 'A1', 'SUM(A2:XFD1048576)'),
    says: ['en A1 une formule qui porte sur 17\u202f179\u202f852\u202f800 cellules', 'la limite du contrôle est de 2\u202f097\u202f152 cellules par formule'],
  },
  {
    id: 'ligne-hors-excel',
    what: 'Une cellule à la ligne 2 000 000 000 (Excel en a 1 048 576)',
    build: async () =>
      patchPart(await miniAnnex(), SHEET_PART, (xml) => xml.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>')),
    says: ['la ligne 2000000000', "hors des limites d’Excel", '1\u202f048\u202f576 lignes'],
  },
  {
    id: 'fichier-enorme',
    what: 'Un fichier de 200 Mo',
    build: async () => Buffer.concat([await miniAnnex(), Buffer.alloc(1)]), // grown on disk below
    says: ['le fichier fait 200\u00a0Mo', 'la limite du contrôle est de 64\u00a0Mo'],
  },
];

async function writeBomb(b: Bomb, into = dir): Promise<string> {
  const file = path.join(into, `${b.id}.xlsx`);
  await fs.writeFile(file, await b.build());
  if (b.id === 'fichier-enorme') await fs.truncate(file, 200 * 1024 * 1024); // sparse: nothing to write
  return file;
}

describe('resource bombs: a French refusal naming the limit, within 30 s and 1 GB', () => {
  for (const b of BOMBS) expectRow(b.id);

  it.each(BOMBS.map((b) => [b.id, b] as const))('%s', async (_id, b) => {
    const file = await writeBomb(b);
    const run = await runMeasured(['check', file]);
    expectWithinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('Erreur inattendue');
    expect(run.stderr).toContain(file);
    for (const s of b.says) expect(run.stderr).toContain(s);
    rows.set(b.id, { attack: `${b.what} (\`${path.basename(file)}\`, ${Math.round((await fs.stat(file)).size / 1024)} Ko)`, happened: `refusé, code 2 : ${quoteOf(run.stderr.replace(`${file} : `, ''))}`, cost: costOf(run) });
  });

  expectRow('fix-bombe');
  it('fix refuses a bomb the same way and writes nothing', async () => {
    const file = await writeBomb(BOMBS[0], await fs.mkdtemp(path.join(dir, 'fix-')));
    const out = path.join(path.dirname(file), 'relu.xlsx');
    const run = await runMeasured(['fix', file, '--out', out]);
    expectWithinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('100\u202f000 cellules par zone fusionnée');
    expect(await fs.readdir(path.dirname(file))).toEqual([path.basename(file)]);
    rows.set('fix-bombe', { attack: '`annex9 fix` sur la zone fusionnée A1:XFD1048576', happened: 'refusé, code 2, même message ; aucune copie ni fichier temporaire écrit', cost: costOf(run) });
  });

  expectRow('fusions-100000');
  it('100 000 small merges load in linear time (and are checked)', async () => {
    const refs = Array.from({ length: 100_000 }, (_, i) => `N${i + 20}:O${i + 20}`);
    const file = path.join(dir, 'fusions-100000.xlsx');
    await fs.writeFile(file, await withMerges(await miniAnnex(), refs));
    const run = await runMeasured(['check', file]);
    expectWithinBounds(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Aucune anomalie.');
    rows.set('fusions-100000', { attack: '100 000 petites zones fusionnées (N20:O20, N21:O21…)', happened: 'contrôlé normalement (contrôle des fusions linéaire), code 0', cost: costOf(run) });
  });
});

describe('folder mode: one bad file is reported, the batch goes on, exit 2 at the end', () => {
  expectRow('dossier');
  it('bombs, a FIFO and a device among good annexes', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'lot-'));
    await fs.writeFile(path.join(folder, 'a-bonne.xlsx'), await miniAnnex());
    await writeBomb({ ...BOMBS[0], id: 'b-fusion' }, folder);
    execFileSync('mkfifo', [path.join(folder, 'c-tube.xlsx')]);
    await fs.symlink('/dev/zero', path.join(folder, 'd-zero.xlsx'));
    await writeBomb({ ...BOMBS[2], id: 'e-bombe' }, folder);
    await fs.writeFile(path.join(folder, 'f-bonne.xlsx'), await miniAnnex());
    const run = await runMeasured(['check', folder]);
    expectWithinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stdout.match(/Aucune anomalie\./g)).toHaveLength(2); // both good annexes checked
    expect(run.stdout).toContain('a-bonne.xlsx');
    expect(run.stdout).toContain('f-bonne.xlsx');
    const err = run.stderr.split('\n').filter(Boolean);
    expect(err.find((l) => l.includes('b-fusion.xlsx'))).toContain('zone fusionnée');
    expect(err.find((l) => l.includes('c-tube.xlsx'))).toContain("n’est pas un fichier ordinaire");
    expect(err.find((l) => l.includes('d-zero.xlsx'))).toContain("n’est pas un fichier ordinaire");
    expect(err.find((l) => l.includes('e-bombe.xlsx'))).toContain('bombe de décompression');
    expect(run.stderr).not.toContain('Erreur inattendue');
    rows.set('dossier', {
      attack: 'Un dossier : deux bonnes annexes, la zone fusionnée géante, un tube nommé (FIFO) `c-tube.xlsx`, un lien vers /dev/zero, la bombe zip',
      happened: 'les deux bonnes annexes contrôlées ; chaque autre fichier signalé sur sa ligne (tube et périphérique : « n’est pas un fichier ordinaire ») ; code 2 à la fin',
      cost: costOf(run),
    });
  });
});

describe('a value no date can show', () => {
  expectRow('date-1e20');
  it('a date-formatted cell holding 1e20 is reported as unreadable, not a crash', async () => {
    const file = path.join(dir, 'date-1e20.xlsx');
    await fs.writeFile(
      file,
      await miniAnnex(undefined, (ws) => {
        const c = ws.getCell('F5');
        c.value = 1e20;
        c.numFmt = 'dd/mm/yyyy';
      }),
    );
    const run = await runMeasured(['check', file]);
    expectWithinBounds(run);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.trim().startsWith('F5'))!;
    expect(line).toContain('«\u00a0########\u00a0»');
    rows.set('date-1e20', { attack: 'Une cellule de montant au format date contenant 1e20 (ExcelJS en fait une date invalide)', happened: `signalée comme illisible : ${quoteOf(line.trim())}`, cost: costOf(run) });
  });
});

// ---------------------------------------------------------------------------------------------
// Terminal escapes: nothing of the workbook reaches the terminal raw.
// ---------------------------------------------------------------------------------------------

/** ESC sequences as OOXML escapes them in shared strings (`_x001B_`): ExcelJS decodes them. */
const PAYLOAD =
  '_x001B_[2J_x001B_[H_x001B_]0;Annexe validée_x0007__x001B_]52;c;ZWNobyBwaWVnZQ==_x0007_&#10;&#10;Aucune anomalie.&#10;_x001B_[8m_x009B_2J&#x202E;';

async function escapedTitleAnnex(): Promise<Buffer> {
  // A wrong F on the row of « Accompagnement global »: its finding quotes the title.
  const xlsx = await miniAnnex((spec) => {
    const block = spec.body.filter((e) => e.kind === 'block')[1];
    if (block.kind === 'block') block.actions[0].amounts.F = '350001';
  });
  return patchPart(xlsx, 'xl/sharedStrings.xml', (xml) => xml.replace('Accompagnement global', `Accompagnement global${PAYLOAD}`));
}

describe('terminal escapes', () => {
  expectRow('echappements-texte');
  it('the text report carries no control character and no fake line', async () => {
    const file = path.join(dir, 'titre-piege.xlsx');
    await fs.writeFile(file, await escapedTitleAnnex());
    const run = await runMeasured(['check', file]);
    expectWithinBounds(run);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stdout.split('\n').map((l) => l.trim())).not.toContain('Aucune anomalie.');
    const line = run.stdout.split('\n').find((l) => l.includes('Accompagnement global'))!;
    expect(line).toContain('Annexe validée'); // shown as text, on the finding's own line
    expect(run.stdout).toMatch(/\d anomalies?\u00a0:/);
    rows.set('echappements-texte', {
      attack: 'Titre d’action contenant `_x001B_[2J` (effacer l’écran), un titre de fenêtre (OSC 0), une écriture du presse-papiers (OSC 52), « Aucune anomalie. » sur sa propre ligne, du texte caché, un CSI 8 bits (U+009B) et U+202E',
      happened: 'caractères de contrôle et de sens d’écriture retirés, sauts de ligne remplacés par des espaces : le titre reste lisible sur la ligne de son anomalie',
      cost: costOf(run),
    });
  });

  expectRow('echappements-json');
  it('JSON keeps the title exactly, with every control escaped', async () => {
    const file = path.join(dir, 'titre-piege-json.xlsx');
    await fs.writeFile(file, await escapedTitleAnnex());
    const run = await runMeasured(['check', file, '--json']);
    expectWithinBounds(run);
    expect(run.stdout).not.toMatch(UNSAFE);
    const doc = JSON.parse(run.stdout) as { findings: Array<{ message: string }> };
    const message = doc.findings.map((f) => f.message).find((m) => m.includes('Accompagnement global'))!;
    expect(message).toContain('Accompagnement global\u001b[2J\u001b[H\u001b]0;Annexe validée\u0007');
    expect(message).toContain('\u009b2J\u202e');
    expect(run.stdout).toContain('\\u009b2J\\u202e');
    rows.set('echappements-json', { attack: 'Le même titre, `check --json`', happened: 'le titre est rendu à l’identique, chaque contrôle échappé en \\uXXXX (C1 et sens d’écriture compris)', cost: costOf(run) });
  });

  expectRow('echappements-erreurs');
  it('sheet names and file names in stderr messages are stripped too', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'noms-'));
    const wb = newWorkbook();
    wb.addWorksheet('Budget').addRow(['Poste', 'Montant']);
    const notAnnex = await patchPart(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'xl/workbook.xml', (xml) => xml.replace('name="Budget"', 'name="Budget&#x9b;2J&#x202e;"'));
    await fs.writeFile(path.join(folder, 'budget.xlsx'), notAnnex);
    const evil = '\u001b]0;piège\u0007\u001b[2Jabime.xlsx';
    await fs.writeFile(path.join(folder, evil), 'PK\u0003\u0004 pas un zip');
    const run = await runMeasured(['check', folder]);
    expectWithinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stderr).toContain('feuilles examinées\u00a0: «\u00a0Budget2J\u00a0»');
    expect(run.stderr).toContain(']0;piège[2Jabime.xlsx');
    rows.set('echappements-erreurs', {
      attack: 'Nom de feuille avec U+009B et U+202E ; nom de fichier avec ESC ] 0 … BEL et ESC [2J, dans un dossier',
      happened: 'messages d’erreur sur stderr sans aucun caractère de contrôle (le reste du nom est affiché)',
      cost: costOf(run),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// fix never writes over its input, whatever path reaches it.
// ---------------------------------------------------------------------------------------------

describe('fix --force never overwrites its own input', () => {
  const aliases: Array<[string, string, (input: string, folder: string) => Promise<string>]> = [
    ['alias-lien-dossier', 'Un lien symbolique vers le dossier de l’original (`ln -s a d`, `--out d/annexe.xlsx`)', async (input, folder) => {
      await fs.symlink(path.dirname(input), path.join(folder, 'd'));
      return path.join(folder, 'd', path.basename(input));
    }],
    ['alias-point-point', 'Un chemin avec `..` après un lien symbolique (`l -> a/b`, original `a/annexe.xlsx`, `--out l/../annexe.xlsx`)', async (input, folder) => {
      await fs.mkdir(path.join(path.dirname(input), 'b'));
      await fs.symlink(path.join(path.dirname(input), 'b'), path.join(folder, 'l'));
      return `${path.join(folder, 'l')}/../${path.basename(input)}`;
    }],
    ['alias-lien-dur', 'Un lien dur vers l’original', async (input, folder) => {
      const link = path.join(folder, 'lien.xlsx');
      await fs.link(input, link);
      return link;
    }],
    ['alias-lien-fichier', 'Un lien symbolique vers l’original', async (input, folder) => {
      const link = path.join(folder, 'lien.xlsx');
      await fs.symlink(input, link);
      return link;
    }],
  ];
  for (const [id] of aliases) expectRow(id);

  it.each(aliases)('%s', async (id, what, makeOut) => {
    const folder = await fs.mkdtemp(path.join(dir, 'alias-'));
    await fs.mkdir(path.join(folder, 'a'));
    const input = path.join(folder, 'a', 'annexe.xlsx');
    await fs.writeFile(input, await miniAnnex());
    const before = await sha(input);
    const out = await makeOut(input, folder);
    const run = await runMeasured(['fix', input, '--out', out, '--force']);
    expectWithinBounds(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('La copie relue doit être un autre fichier que l’original');
    expect(run.stderr).toContain('désigne le même fichier que');
    expect(await sha(input)).toBe(before);
    expect((await fs.readdir(path.dirname(input))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const shown = run.stderr.split(folder).join('…'); // the report stays the same from run to run
    rows.set(id, { attack: `\`fix --force\` : ${what}`, happened: `refusé, code 2 : ${quoteOf(shown)} ; original intact`, cost: costOf(run) });
  });
});

// ---------------------------------------------------------------------------------------------
// The temporary file and the reviewed copy.
// ---------------------------------------------------------------------------------------------

describe('the reviewed copy and its temporary file', () => {
  expectRow('mode-0600');
  it('keeps the input’s file mode (0600 stays 0600)', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'mode-'));
    const input = path.join(folder, 'annexe.xlsx');
    await fs.writeFile(input, await miniAnnex());
    await fs.chmod(input, 0o600);
    const out = path.join(folder, 'relue.xlsx');
    const run = await runMeasured(['fix', input, '--out', out]);
    expectWithinBounds(run);
    expect(run.code).toBe(0);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o600);
    rows.set('mode-0600', { attack: 'Un original lisible par son seul propriétaire (0600)', happened: 'la copie relue est écrite en 0600 elle aussi', cost: costOf(run) });
  });

  expectRow('interruption');
  it('Ctrl+C in the middle of the write removes the temporary file', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'sigint-'));
    const input = path.join(folder, 'annexe.xlsx');
    await fs.writeFile(input, await miniAnnex());
    const before = await sha(input);
    const out = path.join(folder, 'relue.xlsx');
    const tmpWritten = async () => {
      for (const n of await fs.readdir(folder).catch(() => [] as string[])) {
        if (n.endsWith('.tmp') && (await fs.stat(path.join(folder, n)).catch(() => null))?.size) return true;
      }
      return false;
    };
    let sent = false;
    const run = await runMeasured(['fix', input, '--out', out], {
      // The test's own hook (not the program's): writes to a .tmp file stall after their first chunk.
      nodeArgs: ['--require', path.join(__dirname, 'security', 'stall-tmp-writes.js')],
      onSpawn: (pid) => {
        const poll = setInterval(() => {
          void tmpWritten().then((yes) => {
            if (yes && !sent) {
              sent = true;
              clearInterval(poll);
              process.kill(pid, 'SIGINT');
            }
          });
        }, 20);
        setTimeout(() => clearInterval(poll), MAX_MS).unref();
      },
    });
    expect(sent).toBe(true);
    expect(run.killed).toBeUndefined();
    expect(run.signal === 'SIGINT' || run.code === 130).toBe(true);
    expect(run.stderr).toContain('Interrompu');
    expect(await fs.readdir(folder)).toEqual(['annexe.xlsx']);
    expect(await sha(input)).toBe(before);
    rows.set('interruption', { attack: 'Ctrl+C (SIGINT) pendant l’écriture de la copie (écriture ralentie par le test)', happened: 'fichier temporaire supprimé, ni copie ni original touchés, message « Interrompu »', cost: `${(run.ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s` });
  });
});

// ---------------------------------------------------------------------------------------------
// The summary marker: a user's sheet carrying our marker values is never replaced.
// ---------------------------------------------------------------------------------------------

describe('fix --summary and a sheet that carries the summary marker', () => {
  expectRow('marque-synthese');
  it('a user’s sheet with the marker values is kept; a new summary goes beside it', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'marque-'));
    const input = path.join(folder, 'annexe.xlsx');
    await fs.writeFile(
      input,
      await miniAnnex(undefined, (ws) => {
        const mine = ws.workbook.addWorksheet('Synthèse annexe 9');
        mine.getCell('A1').value = 'Mes notes de relecture : ne pas effacer';
        mine.getCell('B7').value = 123456;
        mine.getCell('Z1').value = 'annexe9-synthese/v1';
        mine.getCell('Z2').value = 'Annexe 9';
      }),
    );
    const out = path.join(folder, 'relue.xlsx');
    const run = await runMeasured(['fix', input, '--out', out, '--summary']);
    expectWithinBounds(run);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9', 'Synthèse annexe 9 (2)']);
    const mine = book.getWorksheet('Synthèse annexe 9')!;
    expect(mine.getCell('A1').value).toBe('Mes notes de relecture : ne pas effacer');
    expect(mine.getCell('B7').value).toBe(123456);
    expect(run.stdout).toContain('«\u00a0Synthèse annexe 9 (2)\u00a0»');
    rows.set('marque-synthese', {
      attack: 'Une feuille de l’utilisateur portant les valeurs de la marque de synthèse (Z1, Z2), puis `fix --summary`',
      happened: 'la feuille est gardée telle quelle ; la synthèse est écrite dans « Synthèse annexe 9 (2) »',
      cost: costOf(run),
    });
  });

  expectRow('synthese-modifiee');
  it('our own summary, edited since, is kept too; unchanged, it is replaced', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'modifiee-'));
    const input = path.join(folder, 'annexe.xlsx');
    await fs.writeFile(input, await miniAnnex());
    const first = path.join(folder, 'relue-1.xlsx');
    expect((await runMeasured(['fix', input, '--out', first, '--summary'])).code).toBe(0);
    // Unchanged: replaced in place.
    const again = path.join(folder, 'relue-2.xlsx');
    const replaced = await runMeasured(['fix', first, '--out', again, '--summary']);
    expect(replaced.stdout).toContain('remplacée dans la feuille «\u00a0Synthèse annexe 9\u00a0»');
    // Edited by its reader: kept as it is.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first);
    book.getWorksheet('Synthèse annexe 9')!.getCell('A2').value = 'Vu avec le pôle solidarités le 3 juillet';
    const edited = path.join(folder, 'annotee.xlsx');
    await book.xlsx.writeFile(edited);
    const out = path.join(folder, 'relue-3.xlsx');
    const run = await runMeasured(['fix', edited, '--out', out, '--summary']);
    expectWithinBounds(run);
    expect(run.stdout).toContain("La feuille «\u00a0Synthèse annexe 9\u00a0» porte la marque d’une synthèse mais son contenu n’est pas celui que le contrôle a écrit\u00a0: elle est gardée telle quelle.");
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(out);
    expect(reread.worksheets.map((w) => w.name)).toEqual(['Annexe 9', 'Synthèse annexe 9', 'Synthèse annexe 9 (2)']);
    expect(reread.getWorksheet('Synthèse annexe 9')!.getCell('A2').value).toBe('Vu avec le pôle solidarités le 3 juillet');
    rows.set('synthese-modifiee', {
      attack: 'Notre synthèse, annotée ensuite par son lecteur, puis `fix --summary` à nouveau',
      happened: 'gardée telle quelle (son contenu n’est plus celui que le contrôle a écrit : empreinte sous la marque) ; nouvelle synthèse à côté. Non modifiée, elle est remplacée',
      cost: costOf(run),
    });
  });
});

