// The compiled command line (bin/annex9.js), reporting on fd 3 how long it ran and its peak memory:
// the hostile-file tests measure the real program in a child process, not the test runner.
'use strict';
const fs = require('fs');
const path = require('path');

const started = process.hrtime.bigint();
process.on('exit', () => {
  const report = { ms: Number(process.hrtime.bigint() - started) / 1e6, maxRssKB: process.resourceUsage().maxRSS };
  try {
    fs.writeSync(3, JSON.stringify(report));
  } catch {
    // fd 3 not open: run by hand
  }
});
require(path.join(__dirname, '..', '..', 'bin', 'annex9.js'));
