/**
 * The boundaries between the layers (eslint.config.mjs, BOUNDARIES) catch what they forbid and let
 * through what is allowed: each case is a one-line file linted with the project's own
 * configuration, as `npm run lint` does, under the path it would have in the tree. The
 * configuration is an ES module, so the cases are linted in one child Node process.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

interface Case {
  file: string;
  code: string;
}
interface Linted {
  file: string;
  code: string;
  messages: Array<{ ruleId: string | null; message: string; severity: number }>;
}

/** Lint every case with ESLint's API and the repository's eslint.config.mjs. */
function lint(cases: Case[]): Linted[] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.code, { filePath: c.file });
      out.push({ ...c, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, severity: m.severity })) });
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Linted[];
}

const imp = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

/** [file, import, what the error must say] */
const FORBIDDEN: Array<[string, string, RegExp]> = [
  // The engine imports no adapter, no Node, no UI, no file library.
  ['src/domain/checks.ts', '../office/marks', /engine \(src\/domain\) imports no adapter/],
  ['src/domain/checks.ts', '../files/xlsx', /imports no adapter/],
  ['src/domain/checks.ts', '../cli/report', /imports no adapter/],
  ['src/domain/checks.ts', '../taskpane/i18n', /imports no adapter/],
  ['src/domain/checks.ts', '../demo/format', /imports no adapter/],
  ['src/domain/checks.ts', '../fake-excel', /imports no adapter/],
  ['src/domain/rules/coFinancing.ts', '../../office/marks', /imports no adapter/],
  ['src/domain/rules/coFinancing.ts', '../../fake-excel/workbook/workbook', /imports no adapter/],
  ['src/domain/checks.ts', 'fs', /Node built-ins/],
  ['src/domain/checks.ts', 'node:path', /Node built-ins/],
  ['src/domain/checks.ts', 'fs/promises', /Node built-ins/],
  ['src/domain/checks.ts', 'react', /no React/],
  ['src/domain/checks.ts', 'exceljs', /no files \(ExcelJS/],
  ['src/domain/checks.ts', 'pdfjs-dist/legacy/build/pdf.mjs', /pdf\.js/],
  ['src/domain/checks.ts', 'mammoth', /mammoth/],
  ['src/domain/checks.ts', '../../test/support/cli', /does not import tests/],
  ['src/domain/checks.ts', '../../fixtures/sample', /does not import tests, fixtures/],
  // The pane never imports the fake.
  ['src/taskpane/index.tsx', '../fake-excel', /never to the fake/],
  ['src/taskpane/components/App.tsx', '../../fake-excel/workbook/workbook', /never to the fake/],
  // The command line and the file adapter import no Office code.
  ['src/cli/main.ts', '../office/marks', /command line does not import Office code/],
  ['src/cli/main.ts', '../fake-excel', /does not import Office code/],
  ['src/files/xlsx.ts', '../office/journal', /do not import Office code/],
  // The Office adapter does not lean on the fake; the fake is a component of its own.
  ['src/office/excelService.ts', '../fake-excel', /fake Excel is for tests, bench and demo/],
  ['src/office/excelService.ts', 'fs', /Node built-ins/],
  ['src/fake-excel/proxies/range.ts', '../../office/marks', /component of its own/],
  ['src/fake-excel/workbook/workbook.ts', 'path', /Node built-ins/],
  // The benchmark, the scripts and the fixtures do not reach into test/.
  ['bench/run.ts', '../test/support/cli', /benchmark imports its fixtures from fixtures\//],
  ['bench/run.ts', '../test/e2e/demo.test', /from fixtures\/, not from test\//],
  ['scripts/build-sample.ts', '../test/support/cli', /not from test\//],
  ['fixtures/corpus/generate.ts', '../../test/support/cli', /Fixtures do not import tests/],
];

const ALLOWED: Array<[string, string]> = [
  ['src/domain/checks.ts', './grid'],
  ['src/domain/checks.ts', 'decimal.js'],
  ['src/domain/rules/coFinancing.ts', '../a1'],
  ['src/office/excelService.ts', '../domain/analyze'],
  ['src/fake-excel/proxies/range.ts', '../../domain/a1'],
  ['src/taskpane/components/App.tsx', '../../office/excelService'],
  ['src/cli/main.ts', '../files/xlsx'],
  ['src/files/xlsx.ts', 'fs'],
  ['src/demo/demo.tsx', '../fake-excel'],
  ['bench/run.ts', '../fixtures/sample'],
  ['bench/office.ts', '../src/fake-excel'],
  // Tests may import anything.
  ['test/office/helpers.ts', '../../src/fake-excel'],
  ['test/engine/x.test.ts', '../../src/office/marks'],
  ['test/x.test.ts', '../bench/generate'],
];

const DYNAMIC: Array<[string, string]> = [
  ['src/domain/checks.ts', "export const load = () => import('../office/marks');\n"],
  ['src/domain/checks.ts', "export const load = () => require('fs');\n"],
];

let results: Linted[];

beforeAll(() => {
  results = lint([
    ...FORBIDDEN.map(([file, spec]) => ({ file, code: imp(spec) })),
    ...ALLOWED.map(([file, spec]) => ({ file, code: imp(spec) })),
    ...DYNAMIC.map(([file, code]) => ({ file, code })),
  ]);
}, 120000);

const boundaryErrors = (r: Linted) => r.messages.filter((m) => m.severity === 2 && (m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax'));

describe('forbidden imports are errors, with a message that says why', () => {
  it.each(FORBIDDEN.map((c, i) => [c[0], c[1], i] as const))('%s importing %s', (_file, _spec, i) => {
    const errors = boundaryErrors(results[i]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(FORBIDDEN[i][2]);
  });
});

describe('allowed imports pass', () => {
  it.each(ALLOWED.map((c, i) => [c[0], c[1], FORBIDDEN.length + i] as const))('%s importing %s', (_file, _spec, i) => {
    expect(results[i].messages.filter((m) => m.severity === 2)).toEqual([]);
  });
});

it('the engine loads no module at run time either (import(), require())', () => {
  const dynamic = results.slice(FORBIDDEN.length + ALLOWED.length);
  expect(dynamic).toHaveLength(DYNAMIC.length);
  for (const r of dynamic) expect(boundaryErrors(r).map((m) => m.message)).toEqual([expect.stringMatching(/loads no module at run time/)]);
});
