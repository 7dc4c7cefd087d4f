/**
 * Nothing lost (file side): `annex9 fix` changes only what the review says (fills and notes of
 * marked cells, codes written into empty cells), never its input, and writes its copy whole or
 * not at all. Nothing let in: text the review writes is never a formula.
 */
import { createHash } from 'crypto';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { runCli } from './support/cli';
import { analyzeWorkbook, columnLetters, planMarks, FILLED_CODE } from '../src/domain';
import { applyReview } from '../src/files/review';
import { loadWorkbookFile, workbookToGrid, writeWorkbookAtomically } from '../src/files/xlsx';
import { layoutAnnex } from '../fixtures/annex-layout';
import { newWorkbook, writeGridToWorkbook } from '../fixtures/xlsx-writer';
import { CASES, CODE_07, miniSpec, writeCorpus } from '../fixtures/corpus/generate';

// ExcelJS's writer class: patched below to fail in the middle of a write.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XLSX = require('exceljs/lib/xlsx/xlsx.js') as { prototype: { write: (stream: NodeJS.WritableStream, options?: unknown) => Promise<void> } };

const run = runCli;

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');
const addr = (gridRow: number, gridCol: number) => `${columnLetters(gridCol)}${gridRow + 1}`; // file grids start at A1
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

interface CellModel {
  address: string;
  type: number;
  style?: Partial<ExcelJS.Style>;
  comment?: unknown;
  [k: string]: unknown;
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, CellModel> {
  const rows = (ws.model as unknown as { rows: Array<{ cells: CellModel[] }> }).rows;
  const map = new Map<string, CellModel>();
  for (const row of rows) for (const cell of row.cells) map.set(cell.address, cell);
  return map;
}

const content = (c: CellModel | undefined) => {
  if (!c || c.type === ExcelJS.ValueType.Null) return { type: ExcelJS.ValueType.Null }; // absent or styled only
  const { style: _s, comment: _c, ...rest } = c;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
};
const isBlank = (c: CellModel | undefined) => !c || c.type === ExcelJS.ValueType.Null;

/**
 * Differences between the input and the reviewed copy that the review did not announce.
 * `fills` may gain a value; `marked` and `filled` may change fill and note; `tinted` its fill.
 */
function unexpectedDifferences(
  input: ExcelJS.Workbook,
  output: ExcelJS.Workbook,
  formats?: { input: Map<string, Map<string, string>>; output: Map<string, Map<string, string>> },
): string[] {
  const diffs: string[] = [];
  const reports = analyzeWorkbook(workbookToGrid(input)).sheets;
  if (!isDeepStrictEqual(input.worksheets.map((w) => [w.name, w.state]), output.worksheets.map((w) => [w.name, w.state]))) diffs.push('sheets');
  const names = (wb: ExcelJS.Workbook) => (wb.definedNames as unknown as { model: unknown }).model;
  if (!isDeepStrictEqual(names(input), names(output))) diffs.push('defined names');
  for (const wsIn of input.worksheets) {
    const wsOut = output.getWorksheet(wsIn.name)!;
    const report = reports.find((r) => r.sheet === wsIn.name);
    const plan = report ? planMarks(report) : { cells: [], rows: [] };
    const marked = new Set(plan.cells.map((c) => addr(c.gridRow, c.gridCol)));
    const tinted = new Set(plan.rows.flatMap((t) => t.gridCols.map((c) => addr(t.gridRow, c))));
    const fills = new Map((report?.fills ?? []).map((f) => [f.cell, f.code]));
    const mIn = wsIn.model as unknown as Record<string, unknown>;
    const mOut = wsOut.model as unknown as Record<string, unknown>;
    for (const key of ['merges', 'cols', 'views', 'autoFilter', 'sheetProtection', 'pageSetup', 'dataValidations', 'conditionalFormattings', 'state']) {
      const a = key === 'merges' ? [...(mIn[key] as string[])].sort() : mIn[key];
      const b = key === 'merges' ? [...(mOut[key] as string[])].sort() : mOut[key];
      if (!isDeepStrictEqual(a, b)) diffs.push(`${wsIn.name}: ${key}`);
    }
    const rowsOf = (m: Record<string, unknown>) =>
      (m.rows as Array<{ number: number; height?: number; hidden?: boolean; outlineLevel?: number }>).map((r) => [r.number, r.height, r.hidden, r.outlineLevel]);
    const rowsIn = rowsOf(mIn).filter((r) => r[1] !== undefined || r[2] || r[3]);
    const rowsOut = rowsOf(mOut).filter((r) => r[1] !== undefined || r[2] || r[3]);
    if (!isDeepStrictEqual(rowsIn, rowsOut)) diffs.push(`${wsIn.name}: row heights, hidden rows or outline`);

    const a = cellsOf(wsIn);
    const b = cellsOf(wsOut);
    for (const address of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(address);
      const y = b.get(address);
      const where = `${wsIn.name}!${address}`;
      if (fills.has(address)) {
        // A code written into an empty cell, as text.
        if (!isBlank(x)) diffs.push(`${where}: filled though not empty`);
        if (y?.type !== ExcelJS.ValueType.String || y.value !== fills.get(address)) diffs.push(`${where}: fill not written as text`);
      } else if (!isDeepStrictEqual(content(x), content(y))) {
        diffs.push(`${where}: value or formula changed ${JSON.stringify(content(x))} → ${JSON.stringify(content(y))}`);
      }
      const sx = x?.style ?? {};
      const sy = y?.style ?? {};
      if ((sx.numFmt ?? 'General') !== (sy.numFmt ?? 'General')) diffs.push(`${where}: numFmt changed`);
      if (formats) {
        const fx = formats.input.get(wsIn.name)?.get(address) ?? formats.input.get(wsIn.name)?.get(PLAIN);
        const fy = formats.output.get(wsIn.name)?.get(address) ?? formats.output.get(wsIn.name)?.get(PLAIN);
        if (fx !== fy) {
          const [px, py] = [JSON.parse(fx ?? '{}'), JSON.parse(fy ?? '{}')] as Array<Record<string, unknown>>;
          const changed = Object.keys(px).filter((k) => !isDeepStrictEqual(px[k], py[k]));
          diffs.push(`${where}: ${changed.map((k) => `${k} ${JSON.stringify(px[k])} → ${JSON.stringify(py[k])}`).join(', ')}`);
        }
      }
      if (!isDeepStrictEqual(sx.fill, sy.fill) && !marked.has(address) && !tinted.has(address) && !fills.has(address)) diffs.push(`${where}: fill changed`);
      if (!isDeepStrictEqual(x?.comment, y?.comment) && !marked.has(address) && !fills.has(address)) diffs.push(`${where}: note changed`);
    }
    // And what was announced is there (a filled code cell shows as filled, not as missing).
    for (const mark of plan.cells.filter((m) => !fills.has(addr(m.gridRow, m.gridCol)))) {
      const at = addr(mark.gridRow, mark.gridCol);
      const cell = wsOut.getCell(at);
      if ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb !== argb(mark.fill)) diffs.push(`${wsIn.name}!${at}: mark missing`);
      if (!String((cell.note as unknown as { texts?: Array<{ text: string }> })?.texts?.map((t) => t.text).join('') ?? cell.note).includes(`[${mark.rules[0]}]`)) diffs.push(`${wsIn.name}!${at}: note missing`);
    }
    for (const fill of report?.fills ?? []) {
      const cell = wsOut.getCell(fill.cell);
      if ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb !== argb(FILLED_CODE)) diffs.push(`${wsIn.name}!${fill.cell}: filled colour missing`);
      if (!JSON.stringify(cell.note ?? '').includes('Imputation complétée')) diffs.push(`${wsIn.name}!${fill.cell}: filled note missing`);
    }
  }
  return diffs;
}

// ---------------------------------------------------------------------------------------------
// Formats as the file stores them. ExcelJS shows an unstyled cell's font as undefined and a
// styled one's as the font it points to, even when both use the same font: compare the file.
// ---------------------------------------------------------------------------------------------

const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const elements = (xml: string, tag: string) => xml.match(new RegExp(`<${tag}\\b[^>]*/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
const section = (xml: string, tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
const attributes = (element: string) => Object.fromEntries([...(/^<[^>]*>/.exec(element)?.[0] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], unescapeXml(m[2])]));

/** The key of the format of cells the sheet does not list. */
const PLAIN = 'plain';

/** Sheet name → cell address → everything its format says except the fill. */
async function formatsInFile(file: string): Promise<Map<string, Map<string, string>>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const text = (name: string) => zip.file(name)!.async('string');
  const styles = await text('xl/styles.xml');
  const numFmts = new Map(elements(section(styles, 'numFmts'), 'numFmt').map((e) => [attributes(e).numFmtId, attributes(e).formatCode]));
  const fonts = elements(section(styles, 'fonts'), 'font');
  const borders = elements(section(styles, 'borders'), 'border');
  const xfs = elements(section(styles, 'cellXfs'), 'xf').map((e) => {
    const { fillId: _f, applyFill: _a, numFmtId, fontId, borderId, ...rest } = attributes(e);
    const children = e.replace(/^<[^>]*>/, '').replace(/<\/xf>$/, '');
    const numFmt = numFmts.get(numFmtId) ?? `builtin ${numFmtId ?? 0}`;
    return JSON.stringify({ numFmt, font: fonts[Number(fontId ?? 0)], border: borders[Number(borderId ?? 0)], rest: Object.entries(rest).sort(), children });
  });
  const rels = new Map(elements(await text('xl/_rels/workbook.xml.rels'), 'Relationship').map((e) => [attributes(e).Id, attributes(e).Target]));
  const out = new Map<string, Map<string, string>>();
  for (const sheet of elements(section(await text('xl/workbook.xml'), 'sheets'), 'sheet')) {
    const a = attributes(sheet);
    const target = rels.get(a['r:id'])!.replace(/^\/?(xl\/)?/, '');
    const cells = new Map<string, string>([[PLAIN, xfs[0]]]);
    for (const m of (await text(`xl/${target}`)).matchAll(/<c r="([A-Z]+\d+)"([^>]*)>/g)) {
      cells.set(m[1], xfs[Number(/ s="(\d+)"/.exec(m[2])?.[1] ?? 0)]);
    }
    out.set(a.name, cells);
  }
  return out;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-lost-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const REVIEWABLE = CASES.filter((c) => c.workbook && c.expect.exit !== 2);

describe('after fix, every cell is as it was, except what the review announced', () => {
  it.each(REVIEWABLE.map((c) => [c.id, c] as const))('%s', async (id) => {
    const [written] = await writeCorpus(path.join(dir, id), [id]);
    const before = await sha(written.path);
    const out = path.join(dir, id, 'relu.xlsx');
    const fix = await run(['fix', written.path, '--out', out]);
    expect(fix.stderr).toBe('');
    expect(await sha(written.path)).toBe(before);
    const input = await loadWorkbookFile(written.path);
    const output = await loadWorkbookFile(out);
    const formats = { input: await formatsInFile(written.path), output: await formatsInFile(out) };
    expect(unexpectedDifferences(input, output, formats)).toEqual([]);
  });

  it('the comparison does see a change nobody announced', async () => {
    const [written] = await writeCorpus(path.join(dir, 'witness'), ['annexe-du-pas-de-calais']);
    const input = await loadWorkbookFile(written.path);
    const output = await loadWorkbookFile(written.path);
    const ws = output.worksheets[0];
    ws.getCell('F13').value = 300001; // a value
    // Fresh style objects: ExcelJS shares one between cells of the same format.
    ws.getCell('G13').style = { ...ws.getCell('G13').style, numFmt: '0.00' }; // a format
    ws.getCell('L14').value = { formula: 'SUM(F14:K14)', result: 0 } as ExcelJS.CellFormulaValue; // a formula
    ws.getCell('E13').style = { ...ws.getCell('E13').style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } } }; // a fill, on a row without finding
    ws.getRow(20).hidden = true;
    expect(unexpectedDifferences(input, output)).toEqual([
      'Annexe 9: row heights, hidden rows or outline',
      expect.stringContaining('Annexe 9!E13: fill changed'),
      expect.stringContaining('Annexe 9!F13: value or formula changed'),
      'Annexe 9!G13: numFmt changed',
      expect.stringContaining('Annexe 9!L14: value or formula changed'),
      // No review applied: the announced marks are missing too.
      'Annexe 9!L50: mark missing',
      'Annexe 9!L50: note missing',
      'Annexe 9!L51: mark missing',
      'Annexe 9!L51: note missing',
    ]);
  });
});

describe('fix writes its copy atomically', () => {
  const sample = async (name: string) => (await writeCorpus(path.join(dir, name), ['codes-premiere-ligne-seulement']))[0].path;

  it('a write that fails half-way leaves the previous copy intact and no temporary file', async () => {
    const input = await sample('half');
    const outDir = path.join(dir, 'half', 'copies');
    await fs.mkdir(outDir);
    const out = path.join(outDir, 'relu.xlsx');
    await fs.writeFile(out, 'copie précédente');
    const spy = jest.spyOn(XLSX.prototype, 'write').mockImplementation(async (stream: NodeJS.WritableStream) => {
      await new Promise((resolve) => stream.write(Buffer.alloc(2048, 0x50), resolve)); // half a file on disk, then the disk is full
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    try {
      const before = await sha(input);
      const r = await run(['fix', input, '--out', out, '--force']);
      expect(spy).toHaveBeenCalled();
      expect(r.code).toBe(2);
      expect(await fs.readFile(out, 'utf8')).toBe('copie précédente');
      expect(await fs.readdir(outDir)).toEqual(['relu.xlsx']);
      expect(await sha(input)).toBe(before);
    } finally {
      spy.mockRestore();
    }
  });

  it('a rename that fails leaves no copy and no temporary file', async () => {
    const input = await sample('rename');
    const out = path.join(dir, 'rename', 'relu.xlsx');
    const spy = jest.spyOn(fs, 'rename').mockRejectedValue(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }));
    try {
      const book = await loadWorkbookFile(input);
      await expect(writeWorkbookAtomically(book, out)).rejects.toThrow('EXDEV');
      expect((await fs.readdir(path.dirname(out))).sort()).toEqual([path.basename(input)]);
    } finally {
      spy.mockRestore();
    }
  });

  it('an output folder that does not exist: exit 2, a French message naming the copy, nothing written', async () => {
    const input = await sample('nofolder');
    const out = path.join(dir, 'nofolder', 'absent', 'relu.xlsx');
    const r = await run(['fix', input, '--out', out]);
    expect(r.code).toBe(2);
    await expect(fs.stat(path.dirname(out))).rejects.toThrow();
    // The reason in French, not a stack trace.
    expect(r.stderr).not.toContain('Erreur inattendue');
    expect(r.stderr).toContain(out);
  });
});

describe('a fill never writes into a non-empty cell', () => {
  it('also when the cell was typed into between the check and the write', async () => {
    const [written] = await writeCorpus(path.join(dir, 'race'), ['codes-premiere-ligne-seulement', 'theme-sans-code']);
    const book = await loadWorkbookFile(written.path);
    const [report] = analyzeWorkbook(workbookToGrid(book)).sheets;
    expect(report.fills.map((f) => f.cell)).toEqual(['C6', 'C9', 'C13']);
    const ws = book.getWorksheet(report.sheet)!;
    // Someone types a code, a formula and a zero while the review is on screen.
    ws.getCell('C6').value = 'saisi entre-temps';
    ws.getCell('C9').value = { formula: 'C8', result: CODE_07 } as ExcelJS.CellFormulaValue;
    const done = applyReview(ws, report);
    expect(done.skipped).toEqual(['C6', 'C9']);
    expect(done.filled).toBe(1);
    expect(ws.getCell('C6').value).toBe('saisi entre-temps');
    expect(ws.getCell('C9').formula).toBe('C8');
    expect(ws.getCell('C13').value).toBe('0304 50 19 19 10 - Initiatives locales');

    // A merged, empty code cell: its top-left cell is the target.
    const merged = await loadWorkbookFile(path.join(dir, 'race', 'theme-sans-code.xlsx'));
    const [r2] = analyzeWorkbook(workbookToGrid(merged)).sheets;
    expect(r2.fills.map((f) => f.cell)).toEqual(['C8']);
    const ws2 = merged.getWorksheet(r2.sheet)!;
    ws2.getCell('C8').value = 0;
    expect(applyReview(ws2, r2)).toMatchObject({ filled: 0, skipped: ['C8'] });
    expect(ws2.getCell('C8').value).toBe(0);
  });
});

describe('nothing let in: what fix writes is text, never a formula', () => {
  it('codes and notes that look like formulas stay text in the file', async () => {
    const spec = miniSpec();
    const [first, second, third] = spec.body.filter((e) => e.kind === 'block') as Array<Extract<(typeof spec.body)[number], { kind: 'block' }>>;
    // Only a text that holds a code is a block's code, carried down as typed.
    first.imputation = '=1+1 0304 50 19 19 03'; // carried down into C6 by the fill
    second.imputation = '+SUM(A1) 0304 50 19 19 07'; // into C9
    third.imputation = '@x 0304 50 19 19 10'; // into C13
    first.actions[0].title = '=HYPERLINK("http://exemple.invalid","clic")';
    first.actions[0].amounts.F = '200001'; // a finding on its row: its note quotes the title
    second.actions[1].title = '-2';
    second.actions[1].amounts.F = '1'; // and here
    const book = newWorkbook();
    writeGridToWorkbook(layoutAnnex(spec, { themeCells: 'firstRow' }).grid, book);
    const input = path.join(dir, 'injection.xlsx');
    await book.xlsx.writeFile(input);
    const out = path.join(dir, 'injection-relu.xlsx');
    const r = await run(['fix', input, '--out', out]);
    expect(r.stdout).toContain('3 imputation(s) complétée(s)');

    const formulas = async (file: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      return { sheet, count: (sheet.match(/<f[ >]/g) ?? []).length, zip };
    };
    const before = await formulas(input);
    const after = await formulas(out);
    expect(before.count).toBe(0);
    expect(after.count).toBe(0);
    // The filled cells are strings (shared or inline), as the titles are.
    for (const cell of ['C6', 'C9', 'C13', 'E5', 'E9']) {
      expect(after.sheet).toMatch(new RegExp(`<c r="${cell}"[^>]* t="(s|inlineStr|str)"`));
    }
    const reread = await loadWorkbookFile(out);
    const ws = reread.worksheets[0];
    expect([ws.getCell('C6').value, ws.getCell('C9').value, ws.getCell('C13').value]).toEqual(['=1+1 0304 50 19 19 03', '+SUM(A1) 0304 50 19 19 07', '@x 0304 50 19 19 10']);
    expect(ws.getCell('C6').type).toBe(ExcelJS.ValueType.String);
    // Notes quote the titles as plain text.
    const comments = await after.zip.file(/xl\/comments\d*\.xml/)[0].async('string');
    expect(comments).toContain('=HYPERLINK(&quot;http://exemple.invalid&quot;,&quot;clic&quot;)');
    expect(comments).toContain('«\u00a0-2\u00a0» (ligne 9)');
    expect(JSON.stringify(ws.getCell('L5').note ?? '')).toContain('[ROW_TOTAL]');
  });
});
