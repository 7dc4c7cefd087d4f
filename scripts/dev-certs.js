'use strict';
/**
 * HTTPS options for the webpack dev server (https://localhost:3000).
 *
 * Office only loads add-ins over https. The usual source of certificates is office-addin-dev-certs: it generates
 * a development CA and a localhost certificate in ~/.office-addin-dev-certs and installs the CA in the system
 * trust store — with `sudo` on Linux, which many machines (containers, CI, locked-down workstations) lack.
 *
 * Order of preference:
 *   1. DEV_SERVER_HTTP=1              → plain http (only to look at the pane in a browser: Office refuses http);
 *   2. Linux, certificates already in ~/.office-addin-dev-certs and still valid → reuse them as they are
 *      (office-addin-dev-certs would otherwise regenerate a new CA at each start while the CA is not in the
 *      system store, breaking any trust the user gave it in the browser);
 *   3. office-addin-dev-certs getHttpsServerOptions() (generates + installs the CA when needed);
 *   4. it failed but generated the files (typically: "sudo: not found") → use them, explain how to trust the CA;
 *   5. nothing usable → let webpack-dev-server generate its own self-signed certificate, explain the warning.
 *
 * Returns a value for webpack-dev-server's `server` option: { type: 'http' } or { type: 'https', options? }.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const FILES = {
  ca: path.join(CERT_DIR, 'ca.crt'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  key: path.join(CERT_DIR, 'localhost.key'),
};
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function say(lines) {
  process.stderr.write(`\n[dev-certs] ${lines.join('\n[dev-certs] ')}\n\n`);
}

/** The certificates in ~/.office-addin-dev-certs, if all present, matching and valid for at least one more day. */
function readExistingCertificates() {
  try {
    const options = {
      ca: fs.readFileSync(FILES.ca),
      cert: fs.readFileSync(FILES.cert),
      key: fs.readFileSync(FILES.key),
    };
    const x509 = new crypto.X509Certificate(options.cert);
    if (Date.parse(x509.validTo) - Date.now() < ONE_DAY_MS) return null;
    if (!x509.checkPrivateKey(crypto.createPrivateKey(options.key))) return null;
    return options;
  } catch {
    return null;
  }
}

function trustHelp() {
  return [
    `Le navigateur (ou Excel) affichera un avertissement tant que l'autorité ${FILES.ca} n'est pas approuvée :`,
    '  - Linux, magasin système (root) : mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs &&',
    `      cp ${FILES.ca} /usr/local/share/ca-certificates/office-addin-dev-certs/ && update-ca-certificates`,
    '  - Chrome/Edge sous Linux (NSS) : certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ' + FILES.ca,
    '  - Firefox : Paramètres > Vie privée et sécurité > Certificats > Autorités > Importer (cocher « sites web »)',
    '  - ou ouvrez une fois https://localhost:3000/taskpane.html dans le navigateur et acceptez l\'exception.',
    'Sous Windows/macOS, « npx office-addin-dev-certs install » installe l\'autorité (droits administrateur).',
  ];
}

async function getDevServerHttps() {
  if (process.env.DEV_SERVER_HTTP === '1') {
    say([
      'DEV_SERVER_HTTP=1 : serveur en HTTP simple sur http://localhost:3000.',
      'Office (bureau comme web) refuse les compléments en http : ce mode sert seulement à afficher le volet',
      'dans un navigateur. Le manifeste, lui, pointe toujours vers https://localhost:3000/.',
    ]);
    return { type: 'http' };
  }

  if (process.platform === 'linux') {
    const existing = readExistingCertificates();
    if (existing) {
      say([`Certificats de développement réutilisés : ${CERT_DIR}`, ...trustHelp()]);
      return { type: 'https', options: existing };
    }
  }

  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    const reason = error instanceof Error ? error.message.trim() : String(error);
    const generated = readExistingCertificates();
    if (generated) {
      say([
        `office-addin-dev-certs n'a pas pu installer son autorité de certification (${reason.split('\n')[0]}).`,
        `Les certificats ont été générés dans ${CERT_DIR} et sont utilisés tels quels.`,
        ...trustHelp(),
      ]);
      return { type: 'https', options: generated };
    }
    say([
      `office-addin-dev-certs a échoué (${reason.split('\n')[0]}).`,
      'Repli : certificat auto-signé généré par webpack-dev-server (node_modules/.cache/webpack-dev-server).',
      'Ouvrez une fois https://localhost:3000/taskpane.html dans le navigateur et acceptez l\'avertissement,',
      'ou corrigez l\'installation : « npx office-addin-dev-certs install ».',
    ]);
    return { type: 'https' };
  }
}

module.exports = { getDevServerHttps, CERT_DIR };
