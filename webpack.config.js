'use strict';
/**
 * Builds the Excel add-in (task pane + function file) into dist/addin/ — dist/node/ belongs to the CLI build.
 *
 *   npx webpack                          production build (mode production by default)
 *   npx webpack serve                    dev server on https://localhost:3000 (mode development by default)
 *
 * Environment:
 *   ADDIN_URL=https://host/path/  replaces https://localhost:3000/ in the copied manifest*.xml (production URL)
 *   OFFICE_JS_LOCAL=1             copies node_modules/@microsoft/office-js/dist to office-js/ and points the pages
 *                                 at it instead of the Microsoft CDN (intranets without CDN access; not supported
 *                                 by Microsoft — see docs/addin.md)
 *   DEV_SERVER_HTTP=1             dev server in plain http (see scripts/dev-certs.js)
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { getDevServerHttps } = require('./scripts/dev-certs');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL_DIR = 'office-js';
const OUTPUT_DIR = path.resolve(__dirname, 'dist', 'addin');
/** pdf.js's worker, copied as is (already minified) next to the pages: src/files/browser/pdfReader.ts. */
const PDF_WORKER = { from: require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), to: 'pdfjs/pdf.worker.min.js', info: { minimized: true } };

/** ADDIN_URL, checked and normalised with a trailing slash; undefined when not set. */
function productionUrl() {
  const raw = (process.env.ADDIN_URL || '').trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL n'est pas une URL valide : ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL doit être en https (Office refuse http) : ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL ne doit contenir ni « ? » ni « # » : ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Points the generated pages at the local office.js copy instead of the CDN. */
class LocalOfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('LocalOfficeJsPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tapAsync('LocalOfficeJsPlugin', (data, done) => {
        if (!data.html.includes(OFFICE_JS_CDN)) {
          done(new Error(`${data.outputName} : balise office.js du CDN introuvable (${OFFICE_JS_CDN})`));
          return;
        }
        data.html = data.html.split(OFFICE_JS_CDN).join(`${OFFICE_JS_LOCAL_DIR}/office.js`);
        done(null, data);
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || (env.WEBPACK_SERVE ? 'development' : 'production');
  const dev = mode === 'development';
  const addinUrl = productionUrl();
  const officeJsLocal = process.env.OFFICE_JS_LOCAL === '1';

  if (!dev && !addinUrl && !env.WEBPACK_SERVE) {
    process.stderr.write(
      `[webpack] ADDIN_URL non défini : dist/addin/manifest.xml pointe toujours vers ${DEV_URL}\n` +
        '[webpack] Pour un déploiement : ADDIN_URL=https://serveur/chemin/ npm run build\n',
    );
  }

  const copyPatterns = [
    { from: 'assets', to: 'assets' },
    // pdf.js's worker, served from the add-in's own origin; loaded only when a PDF convention is read.
    PDF_WORKER,
    {
      from: 'manifest*.xml',
      to: '[name][ext]',
      transform(content) {
        if (!addinUrl) return content;
        const escaped = addinUrl.replace(/&/g, '&amp;');
        return content.toString().split(DEV_URL).join(escaped);
      },
    },
  ];
  if (officeJsLocal) {
    copyPatterns.push({
      from: path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist'),
      to: OFFICE_JS_LOCAL_DIR,
      // Already minified by Microsoft: copy as is (Terser would take minutes over 30 MB of scripts).
      info: { minimized: true },
      // The *.debug.js variants are only loaded by office.debug.js: leave them out of production builds.
      globOptions: { ignore: dev ? [] : ['**/*.debug.js', '**/*-vsdoc.js'] },
    });
  }

  const config = {
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: OUTPUT_DIR,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
    module: {
      // ExcelJS's browser build (« Comparer avec… » a file, loaded on demand) is already bundled and minified.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.webpack.json'),
              // Type errors are reported by `tsc --noEmit -p .`; the bundle only needs transpilation.
              transpileOnly: true,
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      ...(officeJsLocal ? [new LocalOfficeJsPlugin()] : []),
    ],
    performance: {
      // React + Fluent UI make a ~1 MB pane; served from the add-in host and cached by Office.
      hints: dev ? false : 'warning',
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = {
      host: 'localhost',
      port: 3000,
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: await getDevServerHttps(),
      static: false,
    };
  }

  return config;
};
