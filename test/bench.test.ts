/**
 * The benchmark's own code, at a tiny size: the generated workbooks are valid annexes with the
 * planted findings where they should be, the peer's helper formulas flag the same rows, and
 * `bench/run.ts --json` prints one JSON document of the agreed shape. No timing is asserted.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Finding, analyzeSheet, cellName } from '../src/domain';
import { loadWorkbookFile, workbookToGrid } from '../src/files/xlsx';
import { annexFile } from '../bench/files';
import { MIN_ROWS, generateAnnex } from '../bench/generate';
import { peerSheet, runPeer } from '../bench/peer';
import { localScripts } from '../bench/bundle';
import { withLinearMergeCheck } from '../src/files/linearMerges';
import { loadOnce } from '../bench/measure';
import * as ExcelJS from 'exceljs';
import { assemble, parseArgs } from '../bench/run';
import { markdownReport, SizeRow } from '../bench/report';
import { kindName } from './support/kinds';

const ROOT = path.resolve(__dirname, '..');
const brief = (fs: Array<{ rule: string; cell: string } | Finding>) => fs.map((f) => `${f.rule}@${'at' in f ? cellName(f.at) : f.cell}`);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-bench-test-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the generator', () => {
  it.each([MIN_ROWS, 100, 333])('%i action rows: a whole annex, the planted findings and nothing else', (rows) => {
    const annex = generateAnnex(rows);
    const report = analyzeSheet(annex.laid.grid);
    expect(report.isAnnex).toBe(true);
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0];
    expect(t.stats.actions).toBe(rows);
    const kinds = t.classified.rows.map(kindName);
    for (const k of ['socleSubtotal', 'initiativeSubtotal', 'grandTotal', 'control']) expect(kinds.filter((x) => x === k)).toHaveLength(1);
    expect(t.stats.subtotals).toBe(annex.structure.filter((e) => e.kind === 'subtotal').length);
    expect(report.notices).toEqual([]);
    expect(brief(report.findings)).toEqual(brief(annex.expected));
    // One of each planted rule.
    expect(new Set(annex.expected.map((f) => f.rule))).toEqual(
      new Set(['ROW_TOTAL', 'A_NEQ_C', 'VALORISATION_EXCEEDS_C', 'UNREADABLE_AMOUNT', 'SUBTOTAL', 'MISSING_IMPUTATION']),
    );
    // The initiative block without a code gets it filled from its theme.
    expect(report.fills.map((f) => f.code)).toEqual([expect.stringMatching(/^0304 50 19 19 10/)]);
  });

  it('is deterministic and refuses sizes too small to plant everything', () => {
    expect(JSON.stringify(generateAnnex(120).laid.grid)).toBe(JSON.stringify(generateAnnex(120).laid.grid));
    expect(() => generateAnnex(MIN_ROWS - 1)).toThrow();
  });

  it('writes an .xlsx that reads back (ExcelJS, the file adapter) to the same findings', async () => {
    const f = await annexFile(100, { dir, fresh: true });
    expect(f.bytes).toBeGreaterThan(1000);
    const again = await annexFile(100, { dir });
    expect(again.writtenMs).toBeNull(); // reused
    const grid = workbookToGrid(await loadWorkbookFile(f.file)).sheets[0];
    const annex = generateAnnex(100);
    expect(grid.name).toBe('Annexe 9');
    expect(brief(analyzeSheet(grid).findings)).toEqual(brief(annex.expected));
    // The figures read back are the generated ones.
    const { colOf } = annex.laid;
    for (const entry of annex.structure) {
      for (const r of entry.rows) expect(grid.rows[r]?.[colOf.F!]?.value ?? null).toEqual(annex.laid.grid.rows[r]?.[colOf.F!]?.value ?? null);
    }
  });
});

describe('the load with the linear merge check', () => {
  it('reads the same grid, and puts the check back after', async () => {
    const f = await annexFile(100, { dir });
    const plain = workbookToGrid(await loadOnce(f.file)).sheets[0];
    const fast = workbookToGrid(await withLinearMergeCheck(() => loadOnce(f.file))).sheets[0];
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    ws.mergeCells('A1:B2');
    expect(() => ws.mergeCells('B2:C3')).toThrow(/already merged/);
  });
});

describe('the HyperFormula peer', () => {
  it('flags the rows of the planted arithmetic mistakes, from the figures of the loaded file', async () => {
    const annex = generateAnnex(100);
    const f = await annexFile(100, { dir });
    const grid = workbookToGrid(await loadWorkbookFile(f.file)).sheets[0];
    const result = runPeer(peerSheet(annex, grid));
    const arithmetic = annex.expected.filter((e) => !['UNREADABLE_AMOUNT', 'MISSING_IMPUTATION'].includes(e.rule));
    const rows = [...new Set(arithmetic.map((e) => Number(/\d+$/.exec(e.cell)![0]) - 1))].sort((a, b) => a - b);
    expect(result.flaggedRows).toEqual(rows);
    expect(result.formulas).toBeGreaterThan(3 * 100);
  });
});

describe('the report', () => {
  const row = (rows: number): SizeRow => ({
    rows,
    loadMs: 100,
    engineMs: 5,
    cliMs: 500,
    peerMs: 80,
    syncs: null,
    maxPayloadBytes: null,
    peakMB: 90,
    peakSource: 'test',
  });

  it('reads its options', () => {
    expect(parseArgs([]).sizes).toEqual([100, 1000, 10000, 100000]);
    expect(parseArgs(['--sizes', '1000,100', '--json']).sizes).toEqual([100, 1000]);
    expect(parseArgs(['--sizes=10_000']).sizes).toEqual([10000]);
    expect(() => parseArgs(['--sizes', 'abc'])).toThrow();
    expect(() => parseArgs(['--bogus'])).toThrow();
  });

  it('judges each target from the numbers, and says what it could not measure', () => {
    const slowPeer = { ...row(10_000), engineMs: 20, peerMs: 120 }; // 6× only
    const doc = assemble([row(100), slowPeer], null, null, null, []);
    const status = Object.fromEntries(doc.targets.map((t) => [t.id, t.status]));
    expect(status).toEqual({
      'engine-vs-load': 'missed', // 5 % at 100 rows, 20 % at 10 000
      'engine-vs-peer': 'missed',
      'engine-100k': 'not measured',
      'office-syncs': 'not measured',
      'pane-js': 'not measured',
      'pane-tti': 'not measured',
    });
    expect(doc.targets.find((t) => t.id === 'engine-vs-peer')!.detail).toContain('6×');
    const fast = assemble([row(100), { ...row(100_000), engineMs: 900, loadMs: 50_000, peerMs: 20_000, syncs: 2, maxPayloadBytes: 1_000_000 }], { jsBytes: 1, jsGzipBytes: 200 * 1024, files: [], buildMs: 1 }, { ttiMs: 800, ttiRunsMs: [800], firstCheckMs: 50 }, null, []);
    expect(fast.targets.every((t) => t.status === 'met')).toBe(true);
  });

  it('finds the scripts a page loads, not the CDN ones', () => {
    expect(localScripts('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script defer src=taskpane.1234.js></script>')).toEqual(['taskpane.1234.js']);
  });

  it('writes markdown with the table, the machine and each target', () => {
    const md = markdownReport(assemble([row(100)], null, null, null, ['a note']));
    expect(md).toContain('| rows |');
    expect(md).toMatch(/Node v\d+/);
    expect(md).toContain('engine ≤ 10 % of the ExcelJS load');
    expect(md).toContain('a note');
  });
});

describe('bench/run.ts --json', () => {
  it('prints exactly one JSON document with a row per size', async () => {
    const args = ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'bench', 'run.ts'),
      '--sizes', String(MIN_ROWS), '--json', '--quick', '--no-bundle', '--no-tti', '--no-build', '--no-profile', '--no-write'];
    const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
      execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (e, out, err) => (e ? reject(new Error(`${e.message}\n${err}`)) : resolve({ stdout: out }))),
    );
    const doc = JSON.parse(stdout) as { sizes: Array<Record<string, unknown>>; targets: unknown[] };
    expect(doc.sizes).toHaveLength(1);
    const s = doc.sizes[0];
    for (const k of ['rows', 'loadMs', 'engineMs', 'cliMs', 'peerMs', 'syncs', 'maxPayloadBytes', 'peakMB']) expect(s).toHaveProperty(k);
    expect(s.rows).toBe(MIN_ROWS);
    for (const k of ['loadMs', 'engineMs', 'cliMs', 'peerMs', 'peakMB']) expect(typeof s[k]).toBe('number');
    expect(s.findingsOk).toBe(true);
    expect(s.cliExit).toBe(1); // findings were planted
    expect(doc.targets.length).toBeGreaterThan(0);
  }, 120_000);
});
