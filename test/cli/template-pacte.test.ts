/** `annex9 check --template`: the 70/30 pact annex checked from its template file alone. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { pacteGrid } from '../../fixtures/pacte';
import { newWorkbook, writeGridToWorkbook } from '../../fixtures/xlsx-writer';

const ROOT = path.resolve(__dirname, '..', '..');
const TEMPLATE = path.join(ROOT, 'src', 'domain', 'templates', 'pacte-solidarites-70-30.json');
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-pacte-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('annex9 check --template pacte-solidarites-70-30.json', () => {
  it('checks the pact annex with its own rules and words; without the template its parts are not read', async () => {
    const book = newWorkbook();
    writeGridToWorkbook(pacteGrid, book);
    const xlsx = path.join(dir, 'pacte.xlsx');
    await book.xlsx.writeFile(xlsx);
    const withTemplate = await runCli(['check', xlsx, '--json', '--template', TEMPLATE]);
    expect(withTemplate.code).toBe(1);
    const doc = JSON.parse(withTemplate.stdout);
    expect(doc.findings.map((f: { rule: string; cell: string }) => `${f.rule}@${f.cell}`)).toEqual([
      'MISSING_IMPUTATION@B6',
      'A_NEQ_C@G6',
      'MISSING_IMPUTATION@B9',
      'MISSING_IMPUTATION@B12',
      'SECTION_TOTAL@K13',
      'GRAND_TOTAL@K14',
    ]);
    const text = await runCli(['check', xlsx, '--template', TEMPLATE]);
    expect(text.stdout).toContain('cofinancement 70/30 non respecté');
    expect(text.stdout).toContain('Total des expérimentations (ligne 13)');
    // The CALPAE template knows neither its totals nor its 70/30 share.
    const without = JSON.parse((await runCli(['check', xlsx, '--json'])).stdout);
    expect(without.findings).not.toEqual(doc.findings);
  });
});
