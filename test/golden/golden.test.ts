/**
 * The command line's JSON, byte for byte: `check --json` of the sample and of every corpus case
 * (French and English), the comparison and convention runs on the sample. The JSON is a stable
 * interface other tools read: a change of the engine's insides must not change a byte of it.
 *
 * The files under test/golden/ were recorded once; `ANNEX9_GOLDEN=1 npx jest test/golden`
 * records them again (only for a change of the contract itself, said in the commit). Paths are
 * written relative: `<repo>/` for the repository, `<tmp>/` for the files this test writes.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { CASES, writeCorpus } from '../../fixtures/corpus/generate';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';
import { executionSpec, modifiedSpec } from '../compare/helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const GOLDEN = __dirname;
const RECORD = process.env.ANNEX9_GOLDEN === '1';
const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');
const SEED = path.join(ROOT, 'samples', 'sources', 'deliberation-pas-de-calais-2023-06-12.txt');

interface Run {
  /** Golden file, relative to test/golden. */
  name: string;
  args: () => string[];
}

interface Index {
  /** Exit status of each run, by golden file. */
  exits: Record<string, number>;
}

let tmp: string;
const normalise = (text: string) => text.split(`${tmp}${path.sep}`).join('<tmp>/').split(`${ROOT}${path.sep}`).join('<repo>/');

const at = (name: string) => path.join(tmp, name);

const SAMPLE_RUNS: Run[] = [
  { name: 'sample/check.fr.json', args: () => ['check', SAMPLE, '--json'] },
  { name: 'sample/check.en.json', args: () => ['check', SAMPLE, '--json', '--lang', 'en'] },
  { name: 'convention/check-convention.fr.json', args: () => ['check', SAMPLE, '--convention', SEED, '--json'] },
  { name: 'convention/check-convention.en.json', args: () => ['check', SAMPLE, '--convention', SEED, '--json', '--lang', 'en'] },
  { name: 'convention/check-notified.fr.json', args: () => ['check', SAMPLE, '--notified', '03=110000', '--notified', '07=6067058', '--json'] },
  { name: 'convention/convention.fr.json', args: () => ['convention', SEED, '--json'] },
  { name: 'compare/versions.fr.json', args: () => ['compare', SAMPLE, at('nouvelle.xlsx'), '--json'] },
  { name: 'compare/versions-all.en.json', args: () => ['compare', SAMPLE, at('nouvelle.xlsx'), '--json', '--all', '--lang', 'en'] },
  { name: 'compare/identical.fr.json', args: () => ['compare', SAMPLE, SAMPLE, '--json'] },
  { name: 'compare/execution.fr.json', args: () => ['compare', SAMPLE, at('execution.xlsx'), '--execution', '--notified', '07=6067058', '--json'] },
];

const CORPUS_RUNS: Run[] = CASES.flatMap((c) =>
  (['fr', 'en'] as const).map((lang) => ({
    name: `corpus/${c.id}.${lang}.json`,
    args: () => ['check', at(path.join('corpus', c.file)), '--json', ...(lang === 'en' ? ['--lang', 'en'] : [])],
  })),
);

const RUNS = [...SAMPLE_RUNS, ...CORPUS_RUNS];
const INDEX = path.join(GOLDEN, 'index.json');

beforeAll(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-golden-')));
  await writeCorpus(at('corpus'));
  for (const [name, spec, layout] of [
    ['nouvelle.xlsx', modifiedSpec(), { origin: { row: 2, col: 3 }, letters: 'inline' as const }],
    ['execution.xlsx', executionSpec(), {}],
  ] as const) {
    const wb = newWorkbook();
    writeGridToWorkbook(layoutAnnex(spec, layout).grid, wb);
    await wb.xlsx.writeFile(at(name));
  }
}, 120_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the command line JSON is byte-identical to the recorded golden files', () => {
  const recorded: Index = { exits: {} };
  afterAll(async () => {
    if (RECORD) await fs.writeFile(INDEX, `${JSON.stringify(recorded, null, 2)}\n`);
  });

  it('records every corpus case (no case left without its golden file)', async () => {
    if (RECORD) return;
    const index = JSON.parse(await fs.readFile(INDEX, 'utf8')) as Index;
    expect(Object.keys(index.exits).sort()).toEqual(RUNS.map((r) => r.name).sort());
  });

  it.each(RUNS.map((r) => [r.name, r] as const))('%s', async (_name, run) => {
    const { code, stdout } = await runCli(run.args());
    const text = normalise(stdout);
    const file = path.join(GOLDEN, run.name);
    if (RECORD) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      recorded.exits[run.name] = code;
      return;
    }
    const index = JSON.parse(await fs.readFile(INDEX, 'utf8')) as Index;
    expect(code).toBe(index.exits[run.name]);
    // A string comparison shows the first line that differs; the JSON is compared as bytes.
    expect(text).toBe(await fs.readFile(file, 'utf8'));
  });
});
