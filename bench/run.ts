/**
 * `npm run bench`: annex workbooks of 100 to 100 000 action rows, each measured in the same run
 * against its limit (ExcelJS load) and a peer (HyperFormula). Prints a table, or with --json one
 * JSON document on stdout; writes docs/benchmarks.md. Progress goes to stderr.
 *
 *   ts-node --transpile-only bench/run.ts [--sizes 100,1000] [--json] [--quick] [--no-bundle]
 *     [--no-tti] [--no-build] [--no-profile] [--no-write] [--fresh]
 */
import { execFile, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BundleMeasure, measureBundle } from './bundle';
import { annexFile } from './files';
import { generateAnnex } from './generate';
import { CheckMeasure, CliMeasure, PeerMeasure, Reps, engineOnce, measureCheck, measureCli, measurePeer, repsFor } from './measure';
import { ROOT } from './optional';
import { profile } from './profile';
import { BenchDocument, ProfileSummary, SizeRow, evaluateTargets, machine, markdownReport, ratios, textReport } from './report';
import { round } from './stats';
import { summaryStep } from './summary';
import { TtiMeasure, measureTti } from './tti';
import { SheetGrid } from '../src/domain/grid';

export const DEFAULT_SIZES = [100, 1_000, 10_000, 100_000];
export const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

export interface Options {
  sizes: number[];
  json: boolean;
  quick: boolean;
  bundle: boolean;
  tti: boolean;
  build: boolean;
  profile: boolean;
  write: boolean;
  fresh: boolean;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: DEFAULT_SIZES, json: false, quick: false, bundle: true, tti: true, build: true, profile: true, write: true, fresh: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-bundle') o.bundle = false;
    else if (a === '--no-tti') o.tti = false;
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-profile') o.profile = false;
    else if (a === '--no-write') o.write = false;
    else if (a === '--fresh') o.fresh = true;
    else if (a === '--sizes' || a.startsWith('--sizes=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const sizes = (v ?? '').split(',').map((x) => Number(x.replace(/[_\s]/g, '')));
      if (!sizes.length || sizes.some((x) => !Number.isInteger(x) || x < 50)) throw new Error(`--sizes: whole numbers ≥ 50, comma-separated (got ${v})`);
      o.sizes = [...new Set(sizes)].sort((x, y) => x - y);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------------------------------------
// Child processes: one per measurement group, so that each peak RSS is its own.

type ChildKind = 'check' | 'peer';
type ChildResult = { check: CheckMeasure & { profile: ProfileSummary | null }; peer: PeerMeasure };

async function childMain(argv: string[]): Promise<void> {
  const kind = argv[argv.indexOf('--child') + 1] as ChildKind;
  const rows = Number(argv[argv.indexOf('--rows') + 1]);
  const reps = JSON.parse(argv[argv.indexOf('--reps') + 1]) as Reps;
  let result: unknown;
  if (kind === 'check') {
    const file = argv[argv.indexOf('--file') + 1];
    let prof: ProfileSummary | null = null;
    const profileIt = argv.includes('--profile') ? async (grid: SheetGrid) => void (prof = await profile(rows, () => engineOnce(grid))) : undefined;
    const check = await measureCheck(file, rows, reps, profileIt);
    result = { ...check, profile: prof };
  } else {
    result = await measurePeer(rows, reps);
  }
  await new Promise<void>((resolve) => process.send!({ ok: true, result }, () => resolve()));
}

function runChild<K extends ChildKind>(kind: K, args: string[]): Promise<ChildResult[K]> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', kind, ...args], {
      // The check runs with node's default heap, like the command line; HyperFormula needs more at 100 000 rows.
      execArgv: ['-r', 'ts-node/register/transpile-only', '--expose-gc', ...(kind === 'peer' ? ['--max-old-space-size=8192'] : [])],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      cwd: ROOT,
    });
    child.stdout?.on('data', (d: Buffer) => process.stderr.write(d)); // keep stdout for the report
    let got: ChildResult[K] | undefined;
    child.on('message', (m: { ok: boolean; result: ChildResult[K] }) => (got = m.result));
    child.on('error', reject);
    child.on('exit', (code) => (got !== undefined ? resolve(got) : reject(new Error(`bench child ${kind} exited ${code}`))));
  });
}

// ---------------------------------------------------------------------------------------------

function buildCli(): Promise<{ ok: boolean; output: string }> {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  return new Promise((resolve) =>
    execFile(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: ROOT }, (e, out, err) => resolve({ ok: !e, output: `${out}${err}` })),
  );
}

/** One size: the file, then the three measurement groups. */
export async function measureSize(rows: number, o: Options, profileIt: boolean): Promise<{ row: SizeRow; profile: ProfileSummary | null; notes: string[] }> {
  const notes: string[] = [];
  const file = await annexFile(rows, { fresh: o.fresh });
  if (file.writtenMs !== null) log(`${rows} rows: wrote ${path.basename(file.file)} (${Math.round(file.bytes / 1024)} KB) in ${(file.writtenMs / 1000).toFixed(1)} s`);
  const reps = repsFor(rows, o.quick);
  const repsArg = ['--reps', JSON.stringify(reps), '--rows', String(rows)];
  log(`${rows} rows: load ×${reps.load}, engine ×${reps.engine}…`);
  const check = await runChild('check', [...repsArg, '--file', file.file, ...(profileIt ? ['--profile'] : [])]);
  log(`${rows} rows: annex9 check ×${reps.cli}…`);
  const cli: CliMeasure = await measureCli(file.file, reps);
  log(`${rows} rows: HyperFormula peer ×${reps.peer}…`);
  const peer = await runChild('peer', repsArg);

  const expected = generateAnnex(rows).expected;
  const same = JSON.stringify(check.findings) === JSON.stringify(expected);
  if (!same) notes.push(`${rows} rows: the engine's findings differ from the planted ones (${check.findings.length} found, ${expected.length} planted) — see findingsOk`);
  if (cli.cliFindings !== null && cli.cliFindings !== check.findings.length) notes.push(`${rows} rows: annex9 check reported ${cli.cliFindings} findings, the engine ${check.findings.length}`);

  const row: SizeRow = {
    rows,
    loadMs: round(check.loadMs),
    engineMs: round(check.engineMs, 2),
    cliMs: round(cli.cliMs),
    peerMs: round(peer.peerMs),
    syncs: check.office.syncs,
    maxPayloadBytes: check.office.maxPayloadBytes,
    peakMB: round(cli.cliPeakMB ?? check.checkPeakMB),
    peakSource: cli.cliPeakMB !== null ? 'annex9 check process (RSS, from GNU time)' : 'measuring process after load + grid + engine (RSS)',
    fileBytes: file.bytes,
    loadNoMergeCheckMs: round(check.loadNoMergeCheckMs),
    gridMs: round(check.gridMs),
    analyzeMs: round(check.analyzeMs, 2),
    summaryMs: round(check.summaryMs, 2),
    findings: check.findings.length,
    findingsOk: same,
    fills: check.fills,
    loadRunsMs: check.loadRunsMs,
    engineRunsMs: check.engineRunsMs,
    cliRunsMs: cli.cliRunsMs,
    peerRunsMs: peer.peerRunsMs,
    cliExit: cli.cliExit,
    checkPeakMB: round(check.checkPeakMB),
    engineHeapMB: round(check.engineHeapMB),
    peerPeakMB: round(peer.peerPeakMB),
    peerFormulas: peer.peerFormulas,
    peerFlags: peer.peerFlags,
    readSyncs: check.office.readSyncs,
    writeSyncs: check.office.writeSyncs,
    officeReadBytes: check.office.readBytes ?? null,
    officeWriteBytes: check.office.writeBytes ?? null,
    officePayloads: check.office.payloads ?? null,
    officeCheckMs: round(check.office.checkMs),
    officeMarkMs: round(check.office.markMs),
    officeNote: check.office.note ?? null,
    fewMergesSyncs: check.officeFewMerges.syncs,
    fewMergesReadSyncs: check.officeFewMerges.readSyncs,
    fewMergesMaxPayloadBytes: check.officeFewMerges.maxPayloadBytes,
    fewMergesReadBytes: check.officeFewMerges.readBytes ?? null,
    fewMergesPayloads: check.officeFewMerges.payloads ?? null,
    fewMergesNote: check.officeFewMerges.note ?? null,
  };
  if (check.office.note) notes.push(`${rows} rows: ${check.office.note}`);
  log(`${rows} rows: load ${row.loadMs} ms, engine ${row.engineMs} ms, cli ${row.cliMs} ms, peer ${row.peerMs} ms`);
  return { row, profile: check.profile, notes };
}

export function assemble(
  sizes: SizeRow[],
  bundle: BundleMeasure | null,
  tti: TtiMeasure | null,
  prof: ProfileSummary | null,
  notes: string[],
): BenchDocument {
  const r = ratios(sizes);
  const doc: BenchDocument = { date: new Date().toISOString(), machine: machine(), sizes, ratios: r, bundle, tti, profile: prof, targets: [], notes };
  doc.targets = evaluateTargets(doc);
  return doc;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--child')) return childMain(argv);
  const o = parseArgs(argv);
  const notes: string[] = [];
  const loadavgStart = os.loadavg().map((x) => round(x, 2)!);
  if (o.build) {
    log('compiling the command line (tsconfig.cli.json)…');
    const b = await buildCli();
    if (!b.ok) notes.push(`the CLI build reported errors; measured the compiled bin as emitted: ${b.output.split('\n').slice(0, 2).join(' ')}`);
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js'))) throw new Error('dist/node is missing: npm run build:cli');
  if (summaryStep.note) notes.push(summaryStep.note);

  const sizes: SizeRow[] = [];
  let prof: ProfileSummary | null = null;
  const largest = o.sizes[o.sizes.length - 1];
  for (const rows of o.sizes) {
    const m = await measureSize(rows, o, o.profile && rows === largest);
    sizes.push(m.row);
    notes.push(...m.notes);
    prof = m.profile ?? prof;
  }
  let bundle: BundleMeasure | null = null;
  if (o.bundle) {
    log('pane production build…');
    bundle = await measureBundle();
    if (bundle.note) notes.push(`pane JS: ${bundle.note}`);
  }
  let tti: TtiMeasure | null = null;
  if (o.tti) {
    log('demo page in headless Chromium…');
    tti = await measureTti();
    if (tti.note) notes.push(`pane interactive: ${tti.note}`);
  }
  notes.push(
    'ExcelJS checks every merge it reads against all the earlier ones (quadratic in merges): at 100 000 rows that check is most of the load, so the load baseline grows faster than the row count. `loadNoMergeMs` is the same load with that check made linear, as the command line (`cliMs`) reads files (src/files/linearMerges.ts: overlapping merges are still refused): what reading the file costs otherwise. Targets are judged against the stock load (`loadMs`); the ratio to the other is given alongside.',
  );
  const loadavgEnd = os.loadavg().map((x) => round(x, 2)!);
  const nproc = machine().nproc;
  if (Math.max(loadavgStart[0], loadavgEnd[0]) > nproc) {
    notes.push(`the machine was busy with other work (load average ${loadavgStart[0]} → ${loadavgEnd[0]} on ${nproc} CPU): times are noisier than usual`);
  }
  const doc = assemble(sizes, bundle, tti, prof, notes);
  doc.machine.loadavgStart = loadavgStart;
  doc.machine.loadavgEnd = loadavgEnd;
  if (o.write) {
    fs.writeFileSync(DOC, markdownReport(doc));
    log(`wrote ${path.relative(process.cwd(), DOC)}`);
  }
  process.stdout.write(o.json ? `${JSON.stringify(doc, null, 2)}\n` : `${textReport(doc)}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`[bench] ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
