/**
 * The Script Lab snippet of « Diagnostic Excel » (docs/diagnostic-excel.scriptlab.yaml) is the
 * diagnostic module itself, current, and type-checks on its own (as Script Lab compiles it, with
 * the Office.js types and nothing of the add-in).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { SNIPPET, snippet } from '../../scripts/scriptlab-diagnostic';

it('is generated from src/office/diagnostic.ts, and current', () => {
  expect(fs.readFileSync(SNIPPET, 'utf8')).toBe(snippet());
});

it('its script compiles alone, with the Office.js types only', () => {
  const yaml = snippet();
  const start = yaml.indexOf('script:\n  content: |\n') + 'script:\n  content: |\n'.length;
  const end = yaml.indexOf('\n  language: typescript');
  const code = yaml
    .slice(start, end)
    .split('\n')
    .map((line) => line.slice(4))
    .join('\n');
  expect(code).toContain('async function runDiagnostic');
  const file = path.join(__dirname, '__snippet__.ts');
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'], strict: true, noEmit: true, types: ['office-js'], typeRoots: [path.join(__dirname, '../../node_modules/@types')], skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? code : read(f));
  host.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(host.fileExists.bind(host));
  host.getSourceFile = (f, v, onError, create) => (path.resolve(f) === file ? ts.createSourceFile(f, code, v) : getSource(f, v, onError, create));
  const program = ts.createProgram([file], options, host);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
}, 60000);
