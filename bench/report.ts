/** The benchmark's result: one JSON document, a table for the terminal, docs/benchmarks.md. */
import * as os from 'os';
import { BundleMeasure } from './bundle';
import { TtiMeasure } from './tti';
import { WARMUP_MS, round } from './stats';

export interface SizeRow {
  rows: number;
  loadMs: number | null;
  engineMs: number | null;
  cliMs: number | null;
  peerMs: number | null;
  syncs: number | null;
  maxPayloadBytes: number | null;
  /** Peak RSS (MB) of the `annex9 check` process on the file; see peakSource. */
  peakMB: number | null;
  peakSource: string;
  [extra: string]: unknown;
}

export interface Target {
  id: string;
  target: string;
  status: 'met' | 'missed' | 'not measured';
  detail: string;
  /** For a missed target: by how much, and why as far as the numbers tell. */
  shortfall?: string;
}

export interface BenchDocument {
  date: string;
  machine: { nproc: number; cpu: string; memGB: number; node: string; os: string; loadavgStart?: number[]; loadavgEnd?: number[] };
  sizes: SizeRow[];
  ratios: Array<{ rows: number; engineOverLoad: number | null; peerOverEngine: number | null; engineMsPer1k: number | null; loadMsPer1k: number | null }>;
  bundle: BundleMeasure | null;
  tti: TtiMeasure | null;
  profile: ProfileSummary | null;
  targets: Target[];
  notes: string[];
}

export interface ProfileSummary {
  rows: number;
  totalMs: number;
  self: Array<{ fn: string; ms: number }>;
  total: Array<{ fn: string; ms: number }>;
  /** Self time by source file. */
  byFile: Array<{ file: string; ms: number }>;
}

export function machine(): BenchDocument['machine'] {
  const cpus = os.cpus();
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memGB: round(os.totalmem() / 1024 ** 3, 1)!,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);

export function ratios(sizes: SizeRow[]): BenchDocument['ratios'] {
  return sizes.map((s) => ({
    rows: s.rows,
    engineOverLoad: round(ratio(s.engineMs, s.loadMs), 4),
    peerOverEngine: round(ratio(s.peerMs, s.engineMs), 2),
    engineMsPer1k: round(ratio(s.engineMs, s.rows / 1000), 2),
    loadMsPer1k: round(ratio(s.loadMs, s.rows / 1000), 1),
  }));
}

const MB = 1024 * 1024;
/** The adapter's budgets (src/office/readSheet.ts): one request up to SINGLE, then bands of at most BAND. */
const SINGLE = 4_000_000;
const BAND = 3_500_000;
/** What the fake refuses (src/fake-excel, FAKE_PAYLOAD_LIMIT). */
const REFUSED = 4_750_000;
const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }));

/** Where the engine's time went, from the profile: share of self time by file. */
function profileWhy(p: ProfileSummary | null | undefined): string {
  if (!p || !p.totalMs) return '';
  const parts = p.byFile.slice(0, 5).map((f) => `${f.file} ${Math.round((100 * f.ms) / p.totalMs)} %`);
  return ` Engine time by file at ${fmt(p.rows, 0)} rows (profile): ${parts.join(', ')}.`;
}

function shortfalls(targets: Target[], doc: Pick<BenchDocument, 'sizes' | 'ratios' | 'bundle' | 'tti' | 'profile'>): void {
  const why = profileWhy(doc.profile);
  for (const t of targets) {
    if (t.status !== 'missed') continue;
    if (t.id === 'engine-vs-load') {
      const worst = doc.ratios.filter((r) => r.engineOverLoad !== null).sort((a, b) => b.engineOverLoad! - a.engineOverLoad!)[0];
      t.shortfall = `${fmt(worst.engineOverLoad! / 0.1, 1)}× over the 10 % budget at ${fmt(worst.rows, 0)} rows.${why}`;
    } else if (t.id === 'engine-vs-peer') {
      const worst = doc.ratios.filter((r) => r.rows >= 10_000 && r.peerOverEngine !== null).sort((a, b) => a.peerOverEngine! - b.peerOverEngine!)[0];
      t.shortfall = `the engine would need to be ${fmt(10 / worst.peerOverEngine!, 1)}× faster at ${fmt(worst.rows, 0)} rows.${why}`;
    } else if (t.id === 'engine-100k') {
      const s = doc.sizes.find((x) => x.rows === 100_000)!;
      t.shortfall = `${fmt(s.engineMs! / 1000, 1)}× over the 1 s budget.${why}`;
    } else if (t.id === 'office-syncs') {
      const bits: string[] = [];
      const runs = doc.sizes.flatMap((s) => [officeRun(s, ''), officeRun(s, 'fewMerges')]);
      const marks = runs.filter((r) => r.syncs !== null && r.syncs - (r.readSyncs ?? 0) !== 1).map((r) => r.syncs! - (r.readSyncs ?? 0));
      if (marks.length) bits.push(`the mark takes ${[...new Set(marks)].join(' or ')} syncs, not 1 (src/office/excelService.ts)`);
      const oneRequest = runs.filter((r) => r.syncs !== null && (r.readBytes ?? 0) <= SINGLE && (r.readSyncs ?? 0) > 1);
      if (oneRequest.length) bits.push(`${oneRequest.length} read(s) of at most 4 000 000 bytes took more than one sync: the sheet has more rows than the first request takes whole at the cost per cell it assumes (PRIOR_BYTES_PER_CELL, src/office/readSheet.ts), or that request was refused`);
      const extra = runs.filter((r) => r.syncs !== null && (r.readBytes ?? 0) > SINGLE && (r.readSyncs ?? 0) > Math.ceil((r.readBytes ?? 0) / BAND) + 1);
      if (extra.length) bits.push(`${extra.length} read(s) past 4 000 000 bytes took more than ceil(bytes / 3 500 000) + 1 syncs (src/office/readSheet.ts)`);
      const merges = doc.sizes.filter((s) => s.syncs === null && /512/.test(String(s.officeNote ?? ''))).map((s) => fmt(s.rows, 0));
      if (merges.length) bits.push(`the check fails at ${merges.join(', ')} rows: Range.getMergedAreasOrNullObject refuses more than 512 merged areas (the generated annex merges theme and code cells per block and total labels)`);
      const fewFailed = doc.sizes.filter((s) => s.fewMergesSyncs === null && s.fewMergesNote).map((s) => `${fmt(s.rows, 0)} rows: ${s.fewMergesNote}`);
      if (fewFailed.length) bits.push(`without merges: ${fewFailed.join('; ')}`);
      const over = runs.flatMap((r) => (r.payloads ?? []).filter((p) => p.phase === 'check' && (p.failed || Math.max(p.request, p.response) > REFUSED)));
      if (over.length) bits.push(`${over.length} read sync(s) refused or over the fake's limit, up to ${fmt(Math.max(...over.map((p) => p.response)) / MB, 2)} MB: read bands are sized from an estimated cost per cell that these rows exceed (src/office/readSheet.ts)`);
      t.shortfall = `${bits.join('; ')}.`;
    } else if (t.id === 'pane-js') {
      t.shortfall = `${fmt((doc.bundle!.jsGzipBytes! - 300 * 1024) / 1024, 1)} KB over.`;
    } else if (t.id === 'pane-tti') {
      t.shortfall = `${fmt(doc.tti!.ttiMs! - 1000, 0)} ms over.`;
    }
  }
}

export function evaluateTargets(doc: Pick<BenchDocument, 'sizes' | 'ratios' | 'bundle' | 'tti'> & { profile?: ProfileSummary | null }): Target[] {
  const out: Target[] = [];
  const measured = doc.ratios.filter((r) => r.engineOverLoad !== null);
  const worstLoad = measured.reduce<(typeof measured)[number] | null>((w, r) => (!w || r.engineOverLoad! > w.engineOverLoad! ? r : w), null);
  out.push({
    id: 'engine-vs-load',
    target: 'engine ≤ 10 % of the ExcelJS load, at every size',
    status: !worstLoad ? 'not measured' : measured.every((r) => r.engineOverLoad! <= 0.1) ? 'met' : 'missed',
    detail: measured
      .map((r) => {
        const s = doc.sizes.find((x) => x.rows === r.rows)!;
        const analyze = ratio(s.analyzeMs as number | null, s.loadMs);
        const noMerge = ratio(s.engineMs, s.loadNoMergeCheckMs as number | null);
        return (
          `${fmt(r.rows, 0)} rows: ${fmt(r.engineOverLoad! * 100)} %` +
          (analyze !== null && s.summaryMs != null ? ` (analyze alone ${fmt(analyze * 100)} %)` : '') +
          (noMerge !== null ? `, ${fmt(noMerge * 100)} % of the load with the linear merge check` : '')
        );
      })
      .join('; '),
  });
  const big = doc.ratios.filter((r) => r.rows >= 10_000 && r.peerOverEngine !== null);
  out.push({
    id: 'engine-vs-peer',
    target: '≥ 10× faster than the HyperFormula peer from 10 000 rows',
    status: big.length === 0 ? 'not measured' : big.every((r) => r.peerOverEngine! >= 10) ? 'met' : 'missed',
    detail: big.length ? big.map((r) => `${fmt(r.rows, 0)} rows: ${fmt(r.peerOverEngine, 1)}×`).join('; ') : 'no size ≥ 10 000 rows in this run',
  });
  const s100k = doc.sizes.find((s) => s.rows === 100_000);
  const linear = doc.ratios.filter((r) => r.rows >= 1_000 && r.engineMsPer1k !== null);
  out.push({
    id: 'engine-100k',
    target: '100 000 rows by the engine in under 1 s (linear cost)',
    status: !s100k || s100k.engineMs === null ? 'not measured' : s100k.engineMs < 1000 ? 'met' : 'missed',
    detail:
      (s100k?.engineMs != null
        ? `${fmt(s100k.engineMs, 0)} ms at 100 000 rows${s100k.summaryMs != null ? ` (analyze ${fmt(s100k.analyzeMs as number, 0)} ms + summary ${fmt(s100k.summaryMs as number, 0)} ms)` : ''}; `
        : 'size 100 000 not in this run; ') +
      `ms per 1 000 rows: ${linear.map((r) => `${fmt(r.engineMsPer1k, 2)} at ${fmt(r.rows, 0)}`).join(', ')}`,
  });
  out.push(officeTarget(doc.sizes));
  const gz = doc.bundle?.jsGzipBytes ?? null;
  out.push({
    id: 'pane-js',
    target: 'pane first-load JS < 300 KB gzipped',
    status: gz === null ? 'not measured' : gz < 300 * 1024 ? 'met' : 'missed',
    detail: gz === null ? doc.bundle?.note ?? 'not built' : `${fmt(gz / 1024)} KB gzipped (${fmt((doc.bundle!.jsBytes ?? 0) / 1024)} KB raw)`,
  });
  const tti = doc.tti?.ttiMs ?? null;
  out.push({
    id: 'pane-tti',
    target: 'pane interactive < 1 s (headless Chromium, demo page)',
    status: tti === null ? 'not measured' : tti < 1000 ? 'met' : 'missed',
    detail: tti === null ? doc.tti?.note ?? 'not measured' : `${fmt(tti, 0)} ms`,
  });
  shortfalls(out, { ...doc, profile: doc.profile ?? null });
  return out;
}

const bytesText = (b: number) => (b < MB ? `${fmt(b / 1024, 0)} KB` : `${fmt(b / MB, 2)} MB`);

interface OfficeRun {
  syncs: number | null;
  readSyncs: number | null;
  writeSyncs: number | null;
  readBytes: number | null;
  payloads: Array<{ phase: string; request: number; response: number; failed?: string }> | null;
  note: string | null;
}

function officeRun(s: SizeRow, prefix: '' | 'fewMerges'): OfficeRun {
  const get = (k: string) => s[prefix ? `${prefix}${k[0].toUpperCase()}${k.slice(1)}` : `office${k[0].toUpperCase()}${k.slice(1)}`] ?? null;
  return prefix
    ? { syncs: get('syncs') as number | null, readSyncs: get('readSyncs') as number | null, writeSyncs: null, readBytes: get('readBytes') as number | null, payloads: get('payloads') as OfficeRun['payloads'], note: get('note') as string | null }
    : { syncs: s.syncs ?? null, readSyncs: (s.readSyncs as number | null) ?? null, writeSyncs: (s.writeSyncs as number | null) ?? null, readBytes: get('readBytes') as number | null, payloads: get('payloads') as OfficeRun['payloads'], note: get('note') as string | null };
}

/**
 * One Office run against the target: the check reads in one sync up to 4 000 000 bytes (the
 * adapter's margin under Excel on the web's 5 MB), else in at most one more than
 * ceil(bytes / 3 500 000) syncs, none refused nor over the fake's limit; the mark writes in one sync.
 */
function judgeOffice(rows: number, r: OfficeRun): { ok: boolean | null; text: string } {
  if (r.syncs === null) return r.note ? { ok: false, text: `${fmt(rows, 0)} rows: ${r.note}` } : { ok: null, text: '' };
  const bytes = r.readBytes ?? 0;
  const reads = bytes <= SINGLE ? 1 : Math.ceil(bytes / BAND) + 1;
  const checkPayloads = (r.payloads ?? []).filter((p) => p.phase === 'check');
  const biggest = Math.max(0, ...checkPayloads.map((p) => Math.max(p.request, p.response)));
  const chunksOk = biggest <= REFUSED && checkPayloads.every((p) => !p.failed);
  // Without the split (older runs), the mark is taken to be the last sync.
  const readSyncs = r.readSyncs ?? r.syncs - 1;
  const ok = readSyncs <= reads && r.syncs - readSyncs === 1 && chunksOk;
  return {
    ok,
    text:
      `${fmt(rows, 0)} rows: ${r.syncs} syncs (check ${r.readSyncs}, mark ${r.syncs - (r.readSyncs ?? 0)}) for ${bytesText(bytes)} read, at most ${reads + 1}` +
      (bytes > SINGLE ? `; largest read ${bytesText(biggest)}${chunksOk ? '' : ' (refused or over the limit)'}` : ''),
  };
}

function officeTarget(sizes: SizeRow[]): Target {
  const target = 'Office: 1 read + 1 write sync up to 4 000 000 bytes (a margin under 5 MB); beyond, at most ceil(bytes / 3 500 000) + 1 reads, none refused';
  const main = sizes.map((s) => judgeOffice(s.rows, officeRun(s, '')));
  const few = sizes.map((s) => judgeOffice(s.rows, officeRun(s, 'fewMerges')));
  const all = [...main, ...few].filter((x) => x.ok !== null);
  if (!all.length) return { id: 'office-syncs', target, status: 'not measured', detail: 'Office fake / adapter not available' };
  const detail =
    `The annex as generated: ${main.filter((x) => x.text).map((x) => x.text).join('; ')}. ` +
    `The same annex with only the header merged (codes repeated, total labels unmerged): ${few.filter((x) => x.text).map((x) => x.text).join('; ')}.`;
  return { id: 'office-syncs', target, status: all.every((x) => x.ok) ? 'met' : 'missed', detail };
}

const COLUMNS: Array<[string, (s: SizeRow, r: BenchDocument['ratios'][number]) => string]> = [
  ['rows', (s) => fmt(s.rows, 0)],
  ['file KB', (s) => fmt((s.fileBytes as number) / 1024, 0)],
  ['loadMs', (s) => fmt(s.loadMs, 0)],
  ['loadNoMergeMs', (s) => fmt(s.loadNoMergeCheckMs as number | null, 0)],
  ['gridMs', (s) => fmt(s.gridMs as number | null, 0)],
  ['engineMs', (s) => fmt(s.engineMs, 1)],
  ['analyze', (s) => fmt(s.analyzeMs as number | null, 1)],
  ['summary', (s) => fmt(s.summaryMs as number | null, 1)],
  ['cliMs', (s) => fmt(s.cliMs, 0)],
  ['peerMs', (s) => fmt(s.peerMs, 0)],
  ['syncs', (s) => fmt(s.syncs, 0)],
  ['maxPayload KB', (s) => (s.maxPayloadBytes === null ? '–' : fmt(s.maxPayloadBytes / 1024, 0))],
  ['syncs flat', (s) => fmt(s.fewMergesSyncs as number | null, 0)],
  ['maxPayload flat KB', (s) => (s.fewMergesMaxPayloadBytes == null ? '–' : fmt((s.fewMergesMaxPayloadBytes as number) / 1024, 0))],
  ['peakMB', (s) => fmt(s.peakMB, 0)],
  ['engine/load', (_s, r) => (r.engineOverLoad === null ? '–' : `${fmt(r.engineOverLoad * 100, 1)} %`)],
  ['peer/engine', (_s, r) => (r.peerOverEngine === null ? '–' : `${fmt(r.peerOverEngine, 1)}×`)],
  ['engine ms/1k rows', (_s, r) => fmt(r.engineMsPer1k, 2)],
];

function table(doc: BenchDocument, markdown: boolean): string {
  const head = COLUMNS.map(([h]) => h);
  const body = doc.sizes.map((s, i) => COLUMNS.map(([, f]) => f(s, doc.ratios[i])));
  if (markdown) {
    return [`| ${head.join(' | ')} |`, `|${head.map(() => '---:').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  }
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => c.padStart(widths[j])).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

export function textReport(doc: BenchDocument): string {
  const lines = [table(doc, false), ''];
  for (const t of doc.targets) {
    lines.push(`${t.status === 'met' ? 'MET   ' : t.status === 'missed' ? 'MISSED' : 'n/a   '} ${t.target}: ${t.detail}`);
    if (t.shortfall) lines.push(`       → ${t.shortfall}`);
  }
  if (doc.bundle?.jsGzipBytes != null) lines.push(`pane JS: ${doc.bundle.files.map((f) => `${f.name} ${fmt(f.gzipBytes / 1024)} KB gz`).join(', ')}`);
  if (doc.profile) {
    lines.push(`engine profile at ${fmt(doc.profile.rows, 0)} rows (${fmt(doc.profile.totalMs, 0)} ms, self time):`);
    for (const f of doc.profile.self.slice(0, 8)) lines.push(`  ${fmt(f.ms, 0).padStart(6)} ms  ${f.fn}`);
  }
  for (const n of doc.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

export function markdownReport(doc: BenchDocument): string {
  const m = doc.machine;
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); the latest run replaces this file. Speed is a benchmark, not a test:',
    'nothing here fails a build. Targets come from issue 7.',
    '',
    `Run of ${doc.date} on ${m.nproc} CPU (${m.cpu}), ${m.memGB} GB, Node ${m.node}, ${m.os}.` +
      (m.loadavgStart ? ` Load average (1 min) ${m.loadavgStart[0].toFixed(1)} at the start, ${m.loadavgEnd?.[0].toFixed(1) ?? '?'} at the end.` : ''),
    '',
    '## Results',
    '',
    table(doc, true),
    '',
    `Columns (times are medians of repeated runs, in ms, each timed function started after one full garbage collection and warmed up for at least ${WARMUP_MS} ms, then run back to back as a program would, the same for the load, the engine and the peer; the one run of the largest sizes is not warmed up):`,
    '',
    '- **loadMs**: ExcelJS alone, read the file and parse it (the limit). **loadNoMergeMs**: the same with ExcelJS\'s quadratic merge check made linear, as the command line loads (see the notes). **gridMs**: ExcelJS workbook → engine grid (the file adapter; not in engineMs).',
    '- **engineMs**: `analyzeSheet` (locate, classify, check, fill plan) then the summary (`summarySheetPlan`: the summary and its sheet layout), on the loaded grid; **analyze** and **summary** are its two parts.',
    '- **cliMs**: the whole `annex9 check FILE --json` as a child process of the compiled bin (node start-up included; its file load uses the linear merge check, see the notes).',
    '- **peerMs**: HyperFormula building and computing the same checks written as helper formulas (per row `=F-SUM(A:C,D:E)`, `=A-C`, `=MAX(0,val-C)`; per subtotal `=X-SUM(rows)`; per section `=X-SUMIF(labels,"Sous total",X)`; grand total), then reading them back.',
    '- **syncs / maxPayload**: `context.sync()` calls of the Office adapter (check then mark) through the fake Excel (payloads over 5 MB refused, as Excel on the web does), and the largest request or response of one sync; `–` when the adapter failed (see targets). **flat**: the same annex laid out with only the header merged (theme and code repeated on every row, total labels unmerged). Every sync\'s bytes are in the JSON (`officePayloads`, `fewMergesPayloads`). MB here are 2^20 bytes, as the adapter counts them.',
    `- **peakMB**: peak RSS of the ${doc.sizes[0]?.peakSource ?? 'annex9 check process'}. Heap kept by one engine result and the peer's peak RSS are in the JSON (\`engineHeapMB\`, \`peerPeakMB\`).`,
    '',
    '## Targets',
    '',
    '| target | status | measured | missed by, and why |',
    '|---|---|---|---|',
    ...doc.targets.map((t) => `| ${t.target} | ${t.status === 'met' ? '**met**' : t.status === 'missed' ? '**missed**' : 'not measured'} | ${t.detail} | ${t.shortfall ?? ''} |`),
    '',
  ];
  if (doc.bundle && doc.bundle.files.length) {
    out.push('## Task pane', '', `Production build (\`webpack --mode production\`), scripts of taskpane.html, zlib gzip level 9 (office.js from Microsoft's CDN not counted):`, '');
    for (const f of doc.bundle.files) out.push(`- ${f.name}: ${fmt(f.bytes / 1024)} KB, ${fmt(f.gzipBytes / 1024)} KB gzipped`);
    out.push('');
  }
  if (doc.tti && doc.tti.ttiMs !== null) {
    out.push(`Demo page (production build), headless Chromium, cold context each load: interactive (the check button enabled) at ${fmt(doc.tti.ttiMs, 0)} ms after navigation start (median of ${doc.tti.ttiRunsMs.join(', ')} ms); first check on the sample, click to findings: ${fmt(doc.tti.firstCheckMs, 0)} ms. The demo page's scripts (pane, ExcelJS, fake workbook) weigh ${fmt((doc.tti.demoJsGzipBytes ?? 0) / 1024)} KB gzipped; in Excel the pane loads only its own.`, '');
  }
  if (doc.profile) {
    out.push(`## Where the engine's time goes (${fmt(doc.profile.rows, 0)} rows)`, '', `V8 CPU profile of one engine run (${fmt(doc.profile.totalMs, 0)} ms under the profiler).`, '', '| self ms | function | | total ms | function |', '|---:|---|---|---:|---|');
    const n = Math.max(doc.profile.self.length, doc.profile.total.length);
    for (let i = 0; i < Math.min(n, 12); i++) {
      const a = doc.profile.self[i];
      const b = doc.profile.total[i];
      out.push(`| ${a ? fmt(a.ms, 0) : ''} | ${a ? `\`${a.fn}\`` : ''} | | ${b ? fmt(b.ms, 0) : ''} | ${b ? `\`${b.fn}\`` : ''} |`);
    }
    out.push('');
  }
  if (doc.notes.length) {
    out.push('## Notes', '');
    for (const n of doc.notes) out.push(`- ${n}`);
    out.push('');
  }
  out.push('## Running it', '', '```', 'npm run bench                      # 100, 1 000, 10 000, 100 000 rows: about 4 min, 1 min more when the workbooks are written (once, then reused from the temp dir)', 'npm run bench -- --sizes 100,1000  # smaller run', 'npm run -s bench -- --json         # one JSON document on stdout (-s: without npm\'s own banner)', '```', '');
  out.push('Options: `--no-bundle` (skip the pane build), `--no-tti`, `--no-build` (use the compiled CLI as is), `--no-profile`, `--fresh` (rewrite the workbooks), `--quick` (one run of each), `--no-write` (leave this file alone).', '');
  return out.join('\n');
}
