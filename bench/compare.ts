/**
 * `npm run bench:compare`: how long `annex9 compare` takes next to the check itself, on generated
 * annexes of 1 000 and 10 000 action rows (bench/generate.ts) against a modified copy (a row
 * inserted in the middle, an amount changed, a title renamed, two rows swapped, another layout).
 * Engine timings are medians in this process; the command line is timed as whole processes.
 * Prints a Markdown table (copied into docs/compare.md by hand, with the machine it ran on).
 *
 *   ts-node --transpile-only bench/compare.ts [--sizes 1000,10000] [--no-cli]
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyzeSheet } from '../src/domain/analyze';
import { SheetGrid } from '../src/domain/grid';
import { compareTables } from '../src/domain/compare/compare';
import { comparableFromReport } from '../src/domain/compare/fromReport';
import { pairActions } from '../src/domain/compare/pair';
import { renderComparison } from '../src/domain/compare/render';
import { planComparisonSheet } from '../src/domain/compare/sheetPlan';
import { AnnexSpec, SpecBlock, layoutAnnex } from '../fixtures/annex-layout';
import { newWorkbook, writeGridToWorkbook } from '../fixtures/xlsx-writer';
import { generateAnnex, writeAnnexFile } from './generate';
import { ROOT } from './optional';
import { median, round, timeRuns } from './stats';

const log = (s: string) => process.stderr.write(`[bench:compare] ${s}\n`);

/** The generated annex with a few changes, as a reviewer would receive a second version. */
export function modifiedSpec(spec: AnnexSpec): { spec: AnnexSpec; inserted: string; renamed: string; amended: string } {
  const copy = JSON.parse(JSON.stringify(spec)) as AnnexSpec;
  const blocks = copy.body.filter((e): e is SpecBlock => e.kind === 'block' && e.actions.length >= 4);
  const mid = blocks[blocks.length >> 1];
  const inserted = 'Action insérée par le banc de mesure';
  mid.actions.splice(2, 0, { fiche: null, title: inserted, amounts: { A: '0.00', B: '0.00', C: '0.00', valorisation: '0.00', D: '0.00', E: '0.00', F: '0.00' } });
  const other = blocks[blocks.length >> 2];
  other.actions[1].amounts.E = '1.00';
  const last = blocks[blocks.length - 1];
  const renamed = `${last.actions[0].title} (renommée)`;
  last.actions[0].title = renamed;
  [other.actions[2], other.actions[3]] = [other.actions[3], other.actions[2]];
  return { spec: copy, inserted, renamed, amended: other.actions[1].title };
}

function runProcess(args: string[]): Promise<{ ms: number; code: number }> {
  const t = performance.now();
  return new Promise((resolve) =>
    execFile(process.execPath, [path.join(ROOT, 'bin', 'annex9.js'), ...args], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 }, (e) =>
      resolve({ ms: performance.now() - t, code: e ? (e as { code?: number }).code ?? 2 : 0 }),
    ),
  );
}

interface Row {
  rows: number;
  checkMs: number;
  compareMs: number;
  adaptMs: number;
  pairMs: number;
  compareOnlyMs: number;
  renderMs: number;
  planMs: number;
  cliCheckMs: number | null;
  cliCompareMs: number | null;
  ok: boolean;
}

async function measure(rows: number, cli: boolean): Promise<Row> {
  const annex = generateAnnex(rows);
  const mod = modifiedSpec(annex.spec);
  const gridA = annex.laid.grid;
  const gridB: SheetGrid = layoutAnnex(mod.spec, { origin: { row: 3, col: 2 }, letters: 'inline' }).grid;
  const reps = rows >= 10_000 ? 7 : 21;

  const check = await timeRuns(reps, 2, () => analyzeSheet(gridA));
  const full = await timeRuns(reps, 2, () => {
    const ra = analyzeSheet(gridA);
    const rb = analyzeSheet(gridB);
    const ta = comparableFromReport(gridA, ra, ra.tables[0]);
    const tb = comparableFromReport(gridB, rb, rb.tables[0]);
    const result = compareTables(ta, tb);
    renderComparison(result);
    return result;
  });
  const ra = analyzeSheet(gridA);
  const rb = analyzeSheet(gridB);
  const adapt = await timeRuns(reps, 2, () => [comparableFromReport(gridA, ra, ra.tables[0]), comparableFromReport(gridB, rb, rb.tables[0])]);
  const [ta, tb] = adapt.last;
  const pair = await timeRuns(reps, 2, () => pairActions(ta, tb));
  const only = await timeRuns(reps, 2, () => compareTables(ta, tb));
  const render = await timeRuns(reps, 2, () => renderComparison(only.last));
  const plan = await timeRuns(reps, 2, () => planComparisonSheet(only.last));

  // What was reported must be exactly what was changed, at every size.
  const v = only.last.versions!;
  const changed = v.actions.filter((a) => a.status !== 'unchanged').map((a) => `${a.status}:${(a.new ?? a.old)!.title}`);
  const ok = changed.length === 3 && changed.includes(`added:${mod.inserted}`) && changed.some((c) => c.startsWith(`changed:${mod.renamed}`)) && v.counts.reordered === 1;
  if (!ok) log(`${rows} rows: unexpected report: ${changed.join(' | ')} (reordered ${v.counts.reordered})`);

  let cliCheckMs: number | null = null;
  let cliCompareMs: number | null = null;
  if (cli) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex9-bench-compare-'));
    try {
      const a = path.join(dir, 'a.xlsx');
      const b = path.join(dir, 'b.xlsx');
      await writeAnnexFile(annex, a);
      const wb = newWorkbook();
      writeGridToWorkbook(gridB, wb);
      await wb.xlsx.writeFile(b);
      const n = rows >= 10_000 ? 3 : 5;
      const checks: number[] = [];
      const compares: number[] = [];
      for (let i = 0; i < n; i++) {
        checks.push((await runProcess(['check', a])).ms);
        compares.push((await runProcess(['compare', a, b])).ms);
      }
      cliCheckMs = median(checks);
      cliCompareMs = median(compares);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    rows,
    checkMs: median(check.ms),
    compareMs: median(full.ms),
    adaptMs: median(adapt.ms),
    pairMs: median(pair.ms),
    compareOnlyMs: median(only.ms),
    renderMs: median(render.ms),
    planMs: median(plan.ms),
    cliCheckMs,
    cliCompareMs,
    ok,
  };
}

function table(rows: Row[]): string {
  const f = (x: number | null) => (x === null ? '—' : String(round(x, x < 10 ? 2 : 1)));
  const out = [
    '| action rows | check (1 table) | compare, whole (2 checks + adapt + compare + text) | adapt ×2 | pairing | compare (data) | text | sheet plan | `annex9 check` process | `annex9 compare` process | report exact |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.rows.toLocaleString('en').replace(/,/g, ' ')} | ${f(r.checkMs)} | ${f(r.compareMs)} | ${f(r.adaptMs)} | ${f(r.pairMs)} | ${f(r.compareOnlyMs)} | ${f(r.renderMs)} | ${f(r.planMs)} | ${f(r.cliCheckMs)} | ${f(r.cliCompareMs)} | ${r.ok ? 'yes' : 'NO'} |`,
    );
  }
  return out.join('\n');
}

async function main(argv: string[]): Promise<void> {
  let sizes = [1_000, 10_000];
  const at = argv.indexOf('--sizes');
  if (at >= 0) sizes = argv[at + 1].split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
  const cli = !argv.includes('--no-cli');
  if (cli && !fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js'))) throw new Error('build the command line first: npm run build:cli');
  const rows: Row[] = [];
  for (const n of sizes) {
    log(`${n} rows…`);
    rows.push(await measure(n, cli));
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`Times in ms (medians), ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}\n\n${table(rows)}\n`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(2);
  });
}
