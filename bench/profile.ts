/** A V8 CPU profile of a function, summed by function: where the engine's time goes. */
import * as inspector from 'inspector';
import * as path from 'path';
import { ProfileSummary } from './report';
import { ROOT } from './optional';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

export async function profile(rows: number, fn: () => unknown, top = 15): Promise<ProfileSummary> {
  const session = new inspector.Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(session, 'Profiler.start');
    fn();
    const { profile: p } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    return summarize(rows, p, top);
  } finally {
    session.disconnect();
  }
}

function name(n: ProfileNode): string {
  const f = n.callFrame;
  if (!f.url) return f.functionName || '(native)';
  let file = f.url.replace(/^file:\/\//, '');
  file = file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
  file = file.replace(/^node_modules\//, '');
  // Lines of transpiled TypeScript are only near the source's: kept for anonymous functions alone.
  return f.functionName ? `${f.functionName} ${file}` : `(anonymous) ${file}:~${f.lineNumber + 1}`;
}

const PROFILER = /^\((program|idle|root)\)$|^dispatch$/;

export function summarize(rows: number, p: CpuProfile, top: number): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let kept = 0;
  for (const [id, ms] of time) {
    const k = name(byId.get(id)!);
    if (PROFILER.test(k)) continue; // the profiler starting and stopping
    kept += ms;
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = name(byId.get(cur)!);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + ms);
    }
  }
  const skip = /^\((root|program|idle)\)$|bench\/| node:|^dispatch$/;
  const sorted = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !skip.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
  // Self time by file (the garbage collector on its own line).
  const files = new Map<string, number>();
  for (const [k, ms] of self) {
    const file = k.startsWith('(') ? k : k.split(' ')[1]?.split(':')[0] ?? k;
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  const byFile = [...files].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([file, ms]) => ({ file, ms: Math.round(ms) }));
  return { rows, totalMs: kept, self: sorted(self), total: sorted(total), byFile };
}
