/**
 * The command line in a child process, measured: wall time, and peak resident memory as the child
 * reports it (process.resourceUsage().maxRSS). A child that goes past the bounds is killed (time,
 * or resident memory read from /proc), so a reproduction on the old code ends instead of taking
 * the machine with it.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const WRAPPER = path.join(__dirname, 'measured-cli.js');

/** The bounds of issue 17: no crafted file may take the command line past them before its refusal. */
export const MAX_MS = 30_000;
export const MAX_RSS_MB = 1024;

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time seen by the parent, node start-up included. */
  ms: number;
  /** Peak RSS reported by the child at exit (null when it did not exit by itself). */
  maxRssMB: number | null;
  /** Why the watchdog killed it, if it did. */
  killed?: 'time' | 'memory';
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra node options before the program (e.g. `--require` a test hook). */
  nodeArgs?: string[];
  /** Called once the child runs (to signal it, for example). */
  onSpawn?: (pid: number) => void;
  timeoutMs?: number;
  killAboveMB?: number;
}

async function residentMB(pid: number): Promise<number | null> {
  try {
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

export function runMeasured(args: string[], options: MeasureOptions = {}): Promise<MeasuredRun> {
  const timeoutMs = options.timeoutMs ?? MAX_MS + 5_000;
  const killAboveMB = options.killAboveMB ?? 1536;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // The heap cap only keeps a runaway child (old code) from eating the shared machine.
    const child = spawn(process.execPath, ['--max-old-space-size=1536', ...(options.nodeArgs ?? []), WRAPPER, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let report = '';
    let killed: MeasuredRun['killed'];
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (report += d));
    const timer = setTimeout(() => {
      killed = 'time';
      child.kill('SIGKILL');
    }, timeoutMs);
    const watch = setInterval(() => {
      void residentMB(child.pid!).then((mb) => {
        if (mb !== null && mb > killAboveMB && !killed) {
          killed = 'memory';
          child.kill('SIGKILL');
        }
      });
    }, 100);
    child.on('error', reject);
    if (child.pid) options.onSpawn?.(child.pid);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxRssMB: number | null = null;
      try {
        maxRssMB = (JSON.parse(report) as { maxRssKB: number }).maxRssKB / 1024;
      } catch {
        maxRssMB = null;
      }
      resolve({ code, signal, stdout, stderr, ms, maxRssMB, killed });
    });
  });
}

/** « 1,2 s ; 85 Mo » for the report. */
export function costOf(run: MeasuredRun): string {
  const s = (run.ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  const mb = run.maxRssMB === null ? '?' : Math.round(run.maxRssMB).toLocaleString('fr-FR');
  return `${s} s ; ${mb} Mo`;
}
