/**
 * The reviewed copy opens in a second, independent program: LibreOffice (headless) converts every
 * copy `annex9 fix` writes from the corpus; the values it reads back equal ours, the marks and
 * notes survive, and the engine finds the same things in LibreOffice's copy. CI installs it:
 *   apt-get install -y --no-install-recommends libreoffice-calc-nogui
 */
import { execFile, execFileSync } from 'child_process';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { runCli } from './support/cli';
import { CellValue, SheetGrid, analyzeWorkbook, cellName, isCellError } from '../src/domain';
import { loadWorkbookFile, workbookToGrid } from '../src/files/xlsx';
import { CASES, writeCorpus } from '../fixtures/corpus/generate';

const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui';

function sofficeVersion(): string | null {
  try {
    return execFileSync('soffice', ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch {
    return null;
  }
}

function soffice(args: string[], profile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // A private profile: no clash with a running LibreOffice, nothing left in $HOME.
    execFile('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { timeout: 90_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`soffice a échoué : ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

const run = runCli;

/** A value the way a reader compares it: text of rich text and links, numbers to 1e-9. */
function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isCellError(a) || isCellError(b)) return isDeepStrictEqual(a, b);
  return (a ?? '') === (b ?? '');
}

/**
 * Cells whose value differs, leaving out what LibreOffice does on its own: it computes formulas
 * that have no stored result, recomputes those whose result is an error, and stores error and
 * logical constants as formulas (=#VALUE!, =TRUE()).
 */
function valueDifferences(ours: SheetGrid, theirs: SheetGrid): string[] {
  const diffs: string[] = [];
  const height = Math.max(ours.rows.length, theirs.rows.length);
  for (let r = 0; r < height; r++) {
    const width = Math.max(ours.rows[r]?.length ?? 0, theirs.rows[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const x = ours.rows[r]?.[c];
      const y = theirs.rows[r]?.[c];
      const at = `${ours.name}!${String.fromCharCode(65 + (c % 26))}${c >= 26 ? '…' : ''}${r + 1}`;
      const ov = x?.value ?? null;
      const tv = y?.value ?? null;
      const computedThere = !!x?.formula && (ov === null || (isCellError(ov) && isCellError(tv)));
      if (!computedThere && !same(ov, tv)) diffs.push(`${at}: ${JSON.stringify(ov)} → ${JSON.stringify(tv)}`);
      const constantAsFormula = !x?.formula && (isCellError(ov) || typeof ov === 'boolean');
      if (!!x?.formula !== !!y?.formula && !constantAsFormula) diffs.push(`${at}: formula ${x?.formula} → ${y?.formula}`);
    }
  }
  return diffs;
}

const noteText = (cell: ExcelJS.Cell): string => {
  const n = cell.note as unknown;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return ((n as { texts?: Array<{ text: string }> }).texts ?? []).map((t) => t.text).join('');
};

// Every workbook case but the 10 000 rows one (20 s in LibreOffice for the same checks).
const REVIEWED = CASES.filter((c) => c.workbook && c.expect.exit !== 2 && c.id !== 'dix-mille-lignes');

/** RFC 4180 rows: quoted fields may hold commas and line breaks (the header labels do). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('the reviewed copy in LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-lo-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is installed (CI: apt-get install libreoffice-calc-nogui)', () => {
    const version = sofficeVersion();
    if (!version) throw new Error(`LibreOffice (soffice) est introuvable : installez-le avec « ${INSTALL} » (la CI le fait dans .ci/run).`);
    expect(version).toMatch(/LibreOffice/);
  });

  it('reads back every value of every reviewed copy, with its marks and notes', async () => {
    if (!sofficeVersion()) throw new Error(`LibreOffice (soffice) est introuvable : ${INSTALL}`);
    const written = await writeCorpus(path.join(dir, 'in'), REVIEWED.map((c) => c.id));
    const reviewed = path.join(dir, 'reviewed');
    await fs.mkdir(reviewed);
    for (const w of written) {
      const r = await run(['fix', w.path, '--out', path.join(reviewed, w.case.file)]);
      expect(r.stderr).toBe('');
    }
    const converted = path.join(dir, 'lo');
    const files = written.map((w) => path.join(reviewed, w.case.file));
    await soffice(['--convert-to', 'xlsx', '--outdir', converted, ...files], path.join(dir, 'profile'));

    const problems: string[] = [];
    for (const w of written) {
      const oursFile = path.join(reviewed, w.case.file);
      const theirsFile = path.join(converted, w.case.file);
      const ours = await loadWorkbookFile(oursFile);
      let theirs: ExcelJS.Workbook;
      try {
        theirs = await loadWorkbookFile(theirsFile);
      } catch (e) {
        problems.push(`${w.case.id}: LibreOffice n'a pas produit de copie lisible (${(e as Error).message})`);
        continue;
      }
      const a = workbookToGrid(ours);
      const b = workbookToGrid(theirs);
      if (!isDeepStrictEqual(a.sheets.map((s) => s.name), b.sheets.map((s) => s.name))) problems.push(`${w.case.id}: sheets ${a.sheets.map((s) => s.name)} → ${b.sheets.map((s) => s.name)}`);
      a.sheets.forEach((s, i) => b.sheets[i] && problems.push(...valueDifferences(s, b.sheets[i]).map((d) => `${w.case.id}: ${d}`)));
      // The engine reads LibreOffice's copy as it reads ours.
      // (Formulas with no stored result are unreadable to us and computed by LibreOffice.)
      const brief = (wb: typeof a) =>
        analyzeWorkbook(wb)
          .sheets.flatMap((s) => s.findings)
          .filter((f) => !(f.rule === 'UNREADABLE_AMOUNT' && f.args.reason === 'formulaWithoutValue'))
          .map((f) => `${f.sheet}!${f.rule}@${cellName(f.at)}`);
      if (!isDeepStrictEqual(brief(a), brief(b))) problems.push(`${w.case.id}: findings ${brief(a)} → ${brief(b)}`);
      // Marks (colour) and notes survive the trip.
      for (const report of analyzeWorkbook(workbookToGrid(await loadWorkbookFile(w.path))).sheets) {
        const wsOurs = ours.getWorksheet(report.sheet)!;
        const wsTheirs = theirs.getWorksheet(report.sheet)!;
        const covered = (ws: ExcelJS.Worksheet, cell: string) => ws.getCell(cell).isMerged && ws.getCell(cell).master.address !== cell;
        for (const cell of [...new Set([...report.findings.map((f) => cellName(f.at)), ...report.fills.map((f) => f.cell)])]) {
          if (covered(wsOurs, cell)) continue; // a cell under a merge shows its merge's format, in any program
          const fillOf = (ws: ExcelJS.Worksheet) => (ws.getCell(cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (fillOf(wsOurs) !== fillOf(wsTheirs)) problems.push(`${w.case.id}: ${cell} colour ${fillOf(wsOurs)} → ${fillOf(wsTheirs)}`);
          const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
          if (norm(noteText(wsOurs.getCell(cell))) !== norm(noteText(wsTheirs.getCell(cell)))) problems.push(`${w.case.id}: ${cell} note differs`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows text that looks like a formula as text, and the filled codes, in its own export', async () => {
    if (!sofficeVersion()) throw new Error(`LibreOffice (soffice) est introuvable : ${INSTALL}`);
    // In corpus order: the codes case comes first.
    const [codes, rich] = await writeCorpus(path.join(dir, 'csv-in'), ['codes-premiere-ligne-seulement', 'texte-riche-liens-et-formules-textuelles']);
    const out = path.join(dir, 'csv-reviewed');
    await fs.mkdir(out);
    for (const w of [rich, codes]) await run(['fix', w.path, '--out', path.join(out, w.case.file)]);
    // CSV, UTF-8 (76), values as stored not as shown, every sheet (-1).
    await soffice(
      ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', path.join(dir, 'csv'), path.join(out, rich.case.file), path.join(out, codes.case.file)],
      path.join(dir, 'profile'),
    );
    const csvFiles = await fs.readdir(path.join(dir, 'csv'));
    const read = async (stem: string) => fs.readFile(path.join(dir, 'csv', csvFiles.find((f) => f.startsWith(stem))!), 'utf8');
    // Column E holds the titles, C the codes (index 4 and 2); row n is line n - 1.
    const richCsv = parseCsv(await read(path.basename(rich.case.file, '.xlsx')));
    expect([richCsv[5][4], richCsv[7][4], richCsv[8][4]]).toEqual(['=1+1', '@x', '-2']); // text, not 2
    expect(richCsv[4][4]).toBe('Accueil de proximité');
    const codesCsv = parseCsv(await read(path.basename(codes.case.file, '.xlsx')));
    expect([codesCsv[5][2], codesCsv[8][2], codesCsv[12][2]]).toEqual([
      '0304 50 19 19 03 - 1er accueil social inconditionnel',
      '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA',
      '0304 50 19 19 10 - Initiatives locales',
    ]);
  }, 60_000);
});
