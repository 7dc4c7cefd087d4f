/**
 * The engine compiles with no DOM, Node, Office or Jest types (tsconfig.domain.json, run by
 * `npm run lint` and `npm run typecheck`): a domain file that reaches for any of them does not
 * compile, and the domain as it is compiles.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

function domainConfig(): ts.ParsedCommandLine {
  const fail = (d: ts.Diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.domain.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  if (!parsed) throw new Error('tsconfig.domain.json unreadable');
  return parsed;
}

/** Diagnostics of `code` as a file of src/domain compiled under the domain's configuration. */
function compileInDomain(code: string): string[] {
  const { options } = domainConfig();
  const file = path.join(ROOT, 'src', 'domain', '__probe__.ts');
  const host = ts.createCompilerHost(options);
  const getSource = host.getSourceFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => path.resolve(f) === file || exists(f);
  host.getSourceFile = (f, v, onError, create) => (path.resolve(f) === file ? ts.createSourceFile(f, code, v) : getSource(f, v, onError, create));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

it('has no DOM, Node, Office or Jest types', () => {
  const { options } = domainConfig();
  expect(options.types).toEqual([]);
  expect((options.lib ?? []).some((lib) => /dom/i.test(lib))).toBe(false);
});

it.each([
  ['the DOM', 'export const title = document.title;', /Cannot find name 'document'/],
  ['Node', 'export const argv = process.argv;', /Cannot find name 'process'/],
  ['Node (Buffer)', 'export const b = Buffer.from("x");', /Cannot find name 'Buffer'/],
  ['Office.js', 'export const run = Excel.run;', /Cannot find name 'Excel'/],
  ['Jest', 'describe("x", () => undefined);', /Cannot find name 'describe'/],
])('a domain file using %s does not compile', (_what, code, error) => {
  expect(compileInDomain(code)).toEqual([expect.stringMatching(error)]);
});

it('a plain domain file compiles (the probe is sound)', () => {
  expect(compileInDomain("import { columnLetters } from './a1';\nexport const first = columnLetters(0);\n")).toEqual([]);
});

it('the domain as it is compiles under it', () => {
  const parsed = domainConfig();
  expect(parsed.fileNames.length).toBeGreaterThan(20);
  expect(parsed.fileNames.every((f) => f.split(path.sep).join('/').includes('/src/domain/'))).toBe(true);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
}, 120000);
