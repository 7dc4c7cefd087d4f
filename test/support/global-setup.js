// The command line runs from its compiled form (bin/annex9.js → dist/node): build it once per test run.
const { execFileSync } = require('child_process');
const path = require('path');
module.exports = async () => {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, '..', '..', 'tsconfig.cli.json')], { stdio: 'inherit' });
};
