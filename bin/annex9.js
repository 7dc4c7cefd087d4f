#!/usr/bin/env node
// The command line runs from its compiled form, dist/node/. An installed package (npm pack, then
// npm install -g) ships it; in a clone of the repository it is compiled here on first use
// (`npm run build:cli` does the same), so that no install script is needed.
'use strict';
const path = require('path');
const fs = require('fs');
const root = path.join(__dirname, '..');
const main = path.join(root, 'dist', 'node', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  const config = path.join(root, 'tsconfig.cli.json');
  let tsc = null;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    // not a clone with its development packages
  }
  if (!fs.existsSync(config) || !tsc) {
    process.stderr.write("annex9 : la ligne de commande n'est pas compilée et ne peut pas l'être ici. Réinstallez-la depuis le paquet (npm install -g ./annexe9-controle-x.y.z.tgz).\n");
    process.exit(2);
  }
  process.stderr.write('annex9 : première utilisation dans ce dépôt, compilation de la ligne de commande (npm run build:cli)…\n');
  const built = require('child_process').spawnSync(process.execPath, [tsc, '-p', config], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !fs.existsSync(main)) {
    process.stderr.write("annex9 : la compilation a échoué. Lancez « npm ci » puis « npm run build:cli » à la racine du dépôt.\n");
    process.exit(2);
  }
}
require(main).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
