#!/usr/bin/env node
// The command line is compiled by `npm run build:cli` (run by `npm ci`/`npm install` through `prepare`).
'use strict';
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write("annex9 : la ligne de commande n'est pas compilée. Lancez « npm run build:cli » (ou « npm install »).\n");
  process.exit(2);
}
require(main).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
