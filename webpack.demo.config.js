'use strict';
/**
 * The demo page: the task pane beside an in-memory workbook (the fake Excel objects, loaded from
 * the sample .xlsx with ExcelJS in the browser). No Office, no https, no certificates.
 *
 *   npx webpack --config webpack.demo.config.js          builds dist/demo/ (static files, any web server)
 *   npx webpack serve --config webpack.demo.config.js    serves it on http://localhost:3001/
 *
 * env.outDir overrides the output directory (the end-to-end tests build into a temporary one).
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const SAMPLE = 'samples/annexe9-pas-de-calais-2023.xlsx';
const PORT = Number(process.env.DEMO_PORT || 3001);

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || (env.WEBPACK_SERVE ? 'development' : 'production');
  const dev = mode === 'development';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist', 'demo');
  const config = {
    mode,
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: dev ? 'source-map' : false,
    entry: { demo: './src/demo/demo.tsx' },
    output: { path: outDir, filename: dev ? '[name].js' : '[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'] },
    module: {
      // ExcelJS's browser build (its package.json "browser" field) is already bundled and minified.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: path.resolve(__dirname, 'tsconfig.webpack.json'), transpileOnly: true, onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/demo/index.html', chunks: ['demo'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: SAMPLE, to: path.basename(SAMPLE) },
          // pdf.js's worker, from the page's own origin (src/files/browser/pdfReader.ts).
          { from: require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), to: 'pdfjs/pdf.worker.min.js', info: { minimized: true } },
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      host: 'localhost',
      port: PORT,
      hot: false,
      liveReload: true,
      static: false,
      open: false,
      client: { overlay: { errors: true, warnings: false } },
    };
  }
  return config;
};
