/**
 * `annex9 check a.xlsx b.xlsx` (issue 18): the exit status is the worst of the files, in any
 * order — a later file with findings never turns 2 (a file could not be checked) into 1.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { newWorkbook } from '../../fixtures/xlsx-writer';
import { runCli } from '../support/cli';

const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx'); // two findings: 1 alone

let dir: string;
let broken: string;
let notAnnex: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-exit-'));
  broken = path.join(dir, 'abime.xlsx');
  await fs.writeFile(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]));
  notAnnex = path.join(dir, 'budget.xlsx');
  const wb = newWorkbook();
  wb.addWorksheet('Budget').addRow(['Poste', 'Montant']);
  await wb.xlsx.writeFile(notAnnex);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('check with several files: the worst status wins, whatever the order', () => {
  it('findings alone: 1', async () => {
    expect((await runCli(['check', SAMPLE])).code).toBe(1);
  });

  it.each([
    ['an unreadable file first', () => [broken, SAMPLE]],
    ['an unreadable file last', () => [SAMPLE, broken]],
    ['a workbook without an annex first', () => [notAnnex, SAMPLE]],
    ['a workbook without an annex last', () => [SAMPLE, notAnnex]],
  ])('%s: 2, and the other file is still reported', async (_what, files) => {
    for (const json of [[], ['--json']]) {
      const r = await runCli(['check', ...files(), ...json]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(json.length ? '"rule": "SECTION_TOTAL"' : 'L50    Sous-total initiatives');
      expect(r.stderr).toContain(path.basename(files().find((f) => f !== SAMPLE)!));
    }
  });
});
