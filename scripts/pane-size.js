'use strict';
/**
 * The task pane's first load, measured: builds the add-in (production) into a temporary folder and
 * prints, for the `taskpane` entry, the files loaded with the page (minified and gzip bytes), then
 * the chunks loaded on demand. `node scripts/pane-size.js [--json]`.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');

async function main() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'annex9-pane-size-'));
  const configFn = require(path.resolve(__dirname, '..', 'webpack.config.js'));
  const config = await configFn({}, { mode: 'production' });
  config.output.path = out;
  config.plugins = config.plugins.filter((p) => p.constructor.name !== 'CopyWebpackPlugin');
  const stats = await new Promise((resolve, reject) => webpack(config, (e, s) => (e ? reject(e) : s.hasErrors() ? reject(new Error(s.toString('errors-only'))) : resolve(s))));
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true, assets: true, chunkGroupAuxiliary: false });
  const size = (file) => {
    const data = fs.readFileSync(path.join(out, file));
    return { file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  };
  const initial = json.entrypoints.taskpane.assets.map((a) => a.name).filter((n) => n.endsWith('.js')).map(size);
  const initialSet = new Set(initial.map((x) => x.file));
  const onDemand = json.assets.map((a) => a.name).filter((n) => /\.m?js$/.test(n) && !initialSet.has(n) && !/^commands\./.test(n)).map(size);
  const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
  const result = { firstLoad: { bytes: sum(initial, 'bytes'), gzip: sum(initial, 'gzip'), files: initial }, onDemand };
  fs.rmSync(out, { recursive: true, force: true });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(`first load: ${result.firstLoad.bytes} B minified, ${result.firstLoad.gzip} B gzip (${initial.map((x) => x.file).join(', ')})\n`);
    for (const x of onDemand.sort((a, b) => b.bytes - a.bytes)) process.stdout.write(`on demand: ${x.file} ${x.bytes} B, ${x.gzip} B gzip\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
