// The command line runs from its compiled form (bin/annex9.js → dist/node): build it once per test run.
// The old output goes first: a module turned into a folder (template.ts → template/index.ts) would
// otherwise still be found as its stale .js file.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
module.exports = async () => {
  fs.rmSync(path.join(__dirname, '..', '..', 'dist', 'node'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, '..', '..', 'tsconfig.cli.json')], { stdio: 'inherit' });
};
