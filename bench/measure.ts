/**
 * One size's measurements. Each group runs in its own process (see run.ts) so that peak memory
 * belongs to it: `check` (ExcelJS load, grid, engine, Office fake), `peer` (HyperFormula), `cli`.
 */
import { execFile } from 'child_process';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { SheetGrid } from '../src/domain/grid';
import { SheetReport, analyzeSheet } from '../src/domain/analyze';
import { cellName } from '../src/domain/findings';
import { workbookToGrid } from '../src/files/xlsx';
import { withLinearMergeCheck } from '../src/files/linearMerges';
import { FEW_MERGES, generateAnnex } from './generate';
import { OfficeMeasure, measureOffice } from './office';
import { ROOT } from './optional';
import { peerSheet, runPeer } from './peer';
import { collect, median, peakRssMB, round, timeRuns } from './stats';
import { summaryStep } from './summary';

export interface Reps {
  load: number;
  engine: number;
  cli: number;
  peer: number;
}

/**
 * Fewer repetitions as files grow: 100 000 rows take about a minute to load. The engine is cheap to
 * repeat and its runs vary with where the garbage collector falls: more of them steady its median.
 */
export function repsFor(rows: number, quick = false): Reps {
  if (quick) return { load: 1, engine: 3, cli: 1, peer: 1 };
  if (rows <= 1_000) return { load: 7, engine: 31, cli: 3, peer: 5 };
  if (rows <= 10_000) return { load: 5, engine: 21, cli: 3, peer: 3 };
  return { load: 1, engine: 9, cli: 1, peer: 1 };
}

/** ExcelJS alone: read the file and parse it (the limit: nothing checks a file faster than it reads it). */
export async function loadOnce(file: string): Promise<ExcelJS.Workbook> {
  const data = await fs.readFile(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** The engine as the add-in and the command line run it: analyze, then the summary when it exists. */
export function engineOnce(grid: SheetGrid, analyzed?: () => void): { report: SheetReport; summary: unknown } {
  const report = analyzeSheet(grid);
  analyzed?.();
  const summary = summaryStep.run ? summaryStep.run(report, grid) : null;
  return { report, summary };
}

/** Time budgets per size: repetitions stop once the measured runs took that long. */
const ENGINE_BUDGET_MS = 20_000;
const LOAD_BUDGET_MS = 20_000;
const PEER_BUDGET_MS = 30_000;
const CLI_BUDGET_MS = 30_000;

export interface CheckMeasure {
  loadMs: number;
  loadRunsMs: number[];
  /** ExcelJS load with its merge overlap check made linear, as the command line loads (src/files/linearMerges.ts). */
  loadNoMergeCheckMs: number;
  gridMs: number;
  engineMs: number;
  engineRunsMs: number[];
  /** analyzeSheet alone (part of engineMs). */
  analyzeMs: number;
  /** Summary alone (part of engineMs), when the summary builder exists. */
  summaryMs: number | null;
  /** Heap kept by one engine result (report + summary), MB, when gc is exposed. */
  engineHeapMB: number | null;
  /** Peak RSS of this process after load + grid + engine, MB. */
  checkPeakMB: number;
  findings: Array<{ rule: string; cell: string }>;
  fills: number;
  office: OfficeMeasure;
  /** The Office adapter on the same annex laid out with only the header's merges. */
  officeFewMerges: OfficeMeasure;
}

/** `after` runs on the loaded grid once everything is measured (the profile of the largest size). */
export async function measureCheck(file: string, rows: number, reps: Reps, after?: (grid: SheetGrid) => Promise<void>): Promise<CheckMeasure> {
  // Load: warmed up when repeated; only the last workbook is kept. Every timed function starts after
  // one full collection and then runs as a program would (a forced collection between runs resets
  // V8's young generation and made every run, load and engine alike, up to twice as slow).
  const held: { workbook?: ExcelJS.Workbook } = {};
  collect();
  const load = await timeRuns(reps.load, reps.load > 1 ? 1 : 0, async () => {
    held.workbook = undefined;
    held.workbook = await loadOnce(file);
  }, undefined, LOAD_BUDGET_MS);
  const workbook = held.workbook!;
  // The same load with the merge check made linear, as our command line reads files: what reading the file really costs.
  collect();
  const fast = await timeRuns(reps.load, reps.load > 1 ? 1 : 0, () => withLinearMergeCheck(() => loadOnce(file)).then(() => undefined), undefined, LOAD_BUDGET_MS);
  const t = performance.now();
  const grid = workbookToGrid(workbook).sheets[0];
  const gridMs = performance.now() - t;

  // Each run times its two parts: analyze, then the summary (when there is a summary builder).
  const parts = { analyze: [] as number[], summary: [] as number[] };
  collect();
  const engine = await timeRuns(reps.engine, 2, () => {
    const t0 = performance.now();
    const out = engineOnce(grid, () => parts.analyze.push(performance.now() - t0));
    parts.summary.push(performance.now() - t0 - parts.analyze[parts.analyze.length - 1]);
    return out;
  }, undefined, ENGINE_BUDGET_MS);
  const measured = engine.ms.length;
  const analyzeMs = median(parts.analyze.slice(-measured));
  const summaryMs = summaryStep.run ? median(parts.summary.slice(-measured)) : null;
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = engineOnce(grid);
  collect();
  const engineHeapMB = (globalThis as { gc?: unknown }).gc ? (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024) : null;
  const checkPeakMB = peakRssMB();

  const office = await measureOffice(grid);
  // The same figures laid out with almost no merges: how the adapter reads past 5 MB.
  const fewMerges = await measureOffice(generateAnnex(rows, undefined, FEW_MERGES).laid.grid);
  if (after) await after(grid);
  const { report } = kept;
  return {
    loadMs: median(load.ms),
    loadRunsMs: load.ms.map((x) => round(x)!),
    loadNoMergeCheckMs: median(fast.ms),
    gridMs,
    engineMs: median(engine.ms),
    engineRunsMs: engine.ms.map((x) => round(x, 2)!),
    analyzeMs,
    summaryMs,
    engineHeapMB,
    checkPeakMB,
    findings: report.findings.map((f) => ({ rule: f.rule, cell: cellName(f.at) })),
    fills: report.fills.length,
    office,
    officeFewMerges: fewMerges,
  };
}

export interface PeerMeasure {
  peerMs: number;
  peerRunsMs: number[];
  peerFormulas: number;
  peerFlags: number;
  /** Grid rows (1-based sheet rows) the helper columns flag. */
  peerFlaggedRows: number[];
  peerPeakMB: number;
}

/** HyperFormula on the same figures (the generator's grid: the very cells written to the file). */
export async function measurePeer(rows: number, reps: Reps): Promise<PeerMeasure> {
  const annex = generateAnnex(rows);
  const sheet = peerSheet(annex, annex.laid.grid);
  collect();
  const runs = await timeRuns(reps.peer, reps.peer > 1 ? 1 : 0, () => runPeer(sheet), undefined, PEER_BUDGET_MS);
  return {
    peerMs: median(runs.ms),
    peerRunsMs: runs.ms.map((x) => round(x)!),
    peerFormulas: runs.last.formulas,
    peerFlags: runs.last.flags,
    peerFlaggedRows: runs.last.flaggedRows.map((r) => r + 1),
    peerPeakMB: peakRssMB(),
  };
}

export interface CliMeasure {
  cliMs: number;
  cliRunsMs: number[];
  /** Peak RSS of the `annex9 check` process (GNU time), MB; null without /usr/bin/time. */
  cliPeakMB: number | null;
  cliExit: number;
  cliFindings: number | null;
}

const BIN = path.join(ROOT, 'bin', 'annex9.js');
const GNU_TIME = '/usr/bin/time';

function runCliOnce(file: string, withTime: boolean): Promise<{ ms: number; code: number; stdout: string; stderr: string }> {
  const args = [BIN, 'check', file, '--json'];
  const [cmd, argv] = withTime ? [GNU_TIME, ['-f', 'annex9-bench-maxrss=%M', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve) => {
    const t = performance.now();
    execFile(cmd, argv, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - t;
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ ms, code, stdout, stderr });
    });
  });
}

/** The whole command line on the file, as a child process of the compiled bin. */
export async function measureCli(file: string, reps: Reps): Promise<CliMeasure> {
  const withTime = await fs.access(GNU_TIME).then(() => true, () => false);
  const runs: number[] = [];
  let last = { ms: 0, code: 0, stdout: '', stderr: '' };
  let peak: number | null = null;
  for (let i = 0, spent = 0; i < reps.cli && (i === 0 || spent < CLI_BUDGET_MS); i++) {
    last = await runCliOnce(file, withTime);
    spent += last.ms;
    runs.push(last.ms);
    const m = /annex9-bench-maxrss=(\d+)/.exec(last.stderr);
    if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1024);
  }
  if (last.code !== 0 && last.code !== 1) throw new Error(`annex9 check exited ${last.code}: ${last.stderr.slice(0, 500)}`);
  let cliFindings: number | null = null;
  try {
    const json = JSON.parse(last.stdout) as { findings?: unknown[] };
    cliFindings = Array.isArray(json.findings) ? json.findings.length : null;
  } catch {
    cliFindings = null;
  }
  return { cliMs: median(runs), cliRunsMs: runs.map((x) => round(x)!), cliPeakMB: peak, cliExit: last.code, cliFindings };
}
