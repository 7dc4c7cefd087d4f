/**
 * The task pane's first-load JavaScript: the production build (webpack.config.js) into a temp dir,
 * then zlib gzip of every local script taskpane.html loads. office.js comes from Microsoft's CDN
 * and is not counted.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ROOT } from './optional';

export interface BundleMeasure {
  /** Sum over the pane's local scripts, bytes. */
  jsBytes: number | null;
  jsGzipBytes: number | null;
  files: Array<{ name: string; bytes: number; gzipBytes: number }>;
  buildMs: number | null;
  note?: string;
}

export function webpackBuild(args: string[]): Promise<{ ok: boolean; ms: number; output: string }> {
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const t = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } }, (error, stdout, stderr) => {
      resolve({ ok: !error, ms: Date.now() - t, output: `${stdout}\n${stderr}` });
    });
  });
}

/** Local scripts an HTML page loads, in order (absolute URLs left out). */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (!/^[a-z]+:\/\//i.test(m[1]) && !m[1].startsWith('//')) out.push(m[1]);
  }
  return out;
}

/** Size of the first-load scripts of an HTML page in `dir`. */
export function scriptSizes(dir: string, page: string): Pick<BundleMeasure, 'jsBytes' | 'jsGzipBytes' | 'files'> {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const files = localScripts(html).map((src) => {
    const data = fs.readFileSync(path.join(dir, src.split(/[?#]/)[0]));
    return { name: src, bytes: data.length, gzipBytes: zlib.gzipSync(data, { level: 9 }).length };
  });
  return {
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
  };
}

export async function measureBundle(): Promise<BundleMeasure> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'annex9-bench-addin-'));
  try {
    const build = await webpackBuild(['--mode', 'production', '--output-path', out]);
    if (!build.ok || !fs.existsSync(path.join(out, 'taskpane.html'))) {
      const why = build.output.split('\n').filter((l) => /error/i.test(l)).slice(0, 3).join(' | ');
      return { jsBytes: null, jsGzipBytes: null, files: [], buildMs: null, note: `production build failed: ${why || 'see npm run build'}` };
    }
    return { ...scriptSizes(out, 'taskpane.html'), buildMs: build.ms };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
