/** Timing helpers for the benchmark. */
import { performance } from 'perf_hooks';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Warm-up of every timed function (load, engine, peer alike), in ms; see timeRuns. */
export const WARMUP_MS = 300;
const MAX_WARMUP_RUNS = 50;

/**
 * Runs `fn` `warmup` times unmeasured (and on until WARMUP_MS have passed), then up to `reps` times; returns every duration (ms).
 * With a budget, stops early once the measured runs took longer than it (one run at least), and
 * skips the rest of the warm-up once one warm-up run took a quarter of it.
 */
export async function timeRuns<T>(
  reps: number,
  warmup: number,
  fn: () => T | Promise<T>,
  between?: () => void,
  budgetMs = Infinity,
  warmupMs = WARMUP_MS,
): Promise<{ ms: number[]; last: T }> {
  let last!: T;
  // Steady state: `warmup` runs, and more until WARMUP_MS have gone by, so that small sizes are not
  // timed while V8 is still compiling them (a run that takes a quarter of the budget ends it).
  const start = performance.now();
  for (let i = 0; warmup > 0 && i < MAX_WARMUP_RUNS && (i < warmup || performance.now() - start < warmupMs); i++) {
    const t = performance.now();
    last = await fn();
    between?.();
    if (performance.now() - t > budgetMs / 4) break;
  }
  const ms: number[] = [];
  let spent = 0;
  for (let i = 0; i < reps && (i === 0 || spent < budgetMs); i++) {
    const t = performance.now();
    last = await fn();
    const d = performance.now() - t;
    ms.push(d);
    spent += d;
    between?.();
  }
  return { ms, last };
}

/** A full collection when the process runs with --expose-gc; nothing otherwise. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

export function round(x: number | null | undefined, digits = 1): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const MB = 1024 * 1024;

/** Peak resident set size of this process so far, in MB. */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
