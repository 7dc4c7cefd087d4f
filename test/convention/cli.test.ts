/** The command line with a convention as text: check, convention, fix, and what is refused. */
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { SAMPLE_XLSX, SEED_TEXT_FILE } from './seed';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-convention-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('annex9 check --convention (text)', () => {
  it('adds the convention section to the French report, each gap with its quote, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(['check', SAMPLE_XLSX, '--convention', SEED_TEXT_FILE]);
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout).toContain(
      "Convention «\u00a0deliberation-pas-de-calais-2023-06-12.txt\u00a0» (10534 lignes)\u00a0: soutien de l’État 6\u202f707\u202f058,00\u00a0€ (article 2, ligne 358)\u202f; 5 imputations à l’article 3.1\u202f; 23 fiches action.\n4 écarts avec la convention\u00a0:",
    );
    expect(stdout).toContain('         ligne 358\u00a0: «\u00a0Au titre de l\'année 2023, le soutien financier de l\'État s\'élève à un montant de 6 707 058 €.\u00a0»');
    // Each sentence is quoted once: the code findings after the split name their lines only.
    expect(stdout.match(/lignes 417 à 421\u00a0: “/g)).toHaveLength(1);
    expect(stdout).toContain('  fiche 8 «\u00a0Développement des Groupements Employeurs Insertion Qualifications dans le Pas de Calais\u00a0» ↔ ligne 29 «\u00a0Développement des GEIQ\u00a0» (par intitulé approché)');
    expect(stdout).toContain('Non lu dans la convention (1)\u00a0:');
  });

  it('in English too', async () => {
    const { stdout } = await runCli(['check', SAMPLE_XLSX, '--convention', SEED_TEXT_FILE, '--lang', 'en']);
    expect(stdout).toContain('4 gaps with the convention:');
    expect(stdout).toContain('Code 0304 50 19 19 07: annex column A €5,677,535.00 (F19 … F43, 21 cells), article 3.1 of the convention €6,067,058.00 (lines 435–439) — gap -€389,523.00.');
  });

  it('--notified alone compares the codes it names; an unknown code is refused with the valid ones', async () => {
    const typed = await runCli(['check', SAMPLE_XLSX, '--notified', '03=110000', '--json']);
    expect(typed.code).toBe(1);
    const findings = JSON.parse(typed.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('CONVENTION'));
    expect(findings).toEqual([
      {
        rule: 'CONVENTION_CODE',
        code: '0304 50 19 19 03',
        row: 13,
        column: 'A',
        cell: 'F13',
        expected: '110000',
        actual: '300000',
        difference: '190000',
        message: "Imputation 0304 50 19 19 03\u00a0: colonne A de l’annexe 300\u202f000,00\u00a0€ (F13, F14), montant notifié saisi 110\u202f000,00\u00a0€ — écart +190\u202f000,00\u00a0€.",
        sources: [{ typed: true }],
      },
    ]);
    const unknown = await runCli(['check', SAMPLE_XLSX, '--convention', SEED_TEXT_FILE, '--notified', '08=1000']);
    expect(unknown.code).toBe(64); // a usage error: nothing read
    expect(unknown.stderr).toContain("--notified «\u00a008\u00a0»\u00a0: le code 0304 50 19 19 08 n’est pas un code Chorus de l’annexe. Codes valides\u00a0: 02 (Formation travail social CD contract), 03 (1er accueil social inconditionnel)");
    const fix = await runCli(['fix', SAMPLE_XLSX, '--out', path.join(dir, 'jamais.xlsx'), '--notified', '9=1']);
    expect(fix.code).toBe(64);
    expect(fix.stderr).toContain("n’est pas un code Chorus de l’annexe. Codes valides\u00a0:");
  });

  it('a document that is not a convention: a clear French message, exit 2, no finding invented', async () => {
    const file = path.join(dir, 'compte-rendu.txt');
    await fs.writeFile(file, 'Compte rendu de la réunion du 3 mars.\nLe budget de la fête est de 1 200 €.\nAction 1 : installer les tables.\n');
    const r = await runCli(['check', SAMPLE_XLSX, '--convention', file, '--json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain("«\u00a0compte-rendu.txt\u00a0» ne ressemble pas à une convention d’appui à la lutte contre la pauvreté\u00a0: aucune phrase n’y donne le soutien financier de l’État");
    const c = await runCli(['convention', file, '--json']);
    expect(c.code).toBe(2);
    expect(JSON.parse(c.stdout)).toEqual({ file, error: expect.stringContaining('ne ressemble pas à une convention') });
  });
});

describe('annex9 convention', () => {
  it('prints what was read, with sources, and exits 1 because the seed contradicts itself', async () => {
    const { code, stdout } = await runCli(['convention', SEED_TEXT_FILE]);
    expect(code).toBe(1);
    expect(stdout).toContain("Soutien financier de l’État (article 2)\u00a0:\n  6\u202f707\u202f058,00\u00a0€ — ligne 358\u00a0: «\u00a0Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €.\u00a0»");
    expect(stdout).toMatch(/ {2}0304 50 19 19 07 +6\u202f067\u202f058,00\u00a0€ — lignes 435 à 439\u00a0: “Les subventions d'un montant de 6 067 058 euros/);
    expect(stdout).toContain('  Total               6\u202f986\u202f581,00\u00a0€');
    expect(stdout).toContain('  14. Santé Employabilité — budget 414\u202f000,00\u00a0€, part État 207\u202f000,00\u00a0€ — lignes 6692 à 6694\u00a0: «\u00a02023 : 414 000 € dont 207 000 € de participation Etat\u00a0»');
    expect(stdout).toContain('Convention\u00a0: article 3.1 ≠ article 2 (1) [CONVENTION_SPLIT]');
  });

  it('exits 0 for a convention that agrees with itself, and takes one file only', async () => {
    const file = path.join(dir, 'coherente.txt');
    await fs.writeFile(
      file,
      "Le soutien financier de l'État s'élève à un montant de 190 000 €.\nLa subvention d'un montant de 110 000 euros est imputée (code activité : 030450191903).\nLa subvention d'un montant de 80 000 euros est imputée (code activité : 030450191904).\n",
    );
    expect((await runCli(['convention', file])).code).toBe(0);
    const two = await runCli(['convention', file, file]);
    expect(two.code).toBe(64);
    expect(two.stderr).toContain('«\u00a0convention\u00a0» prend un seul fichier');
  });
});

describe('annex9 fix --convention', () => {
  it('fills the summary’s notified amounts from the document, typed ones winning, and says where each comes from', async () => {
    const out = path.join(dir, 'relue.xlsx');
    const r = await runCli(['fix', SAMPLE_XLSX, '--out', out, '--convention', SEED_TEXT_FILE, '--notified', '03=300000']);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.getWorksheet('Synthèse annexe 9')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const row = (start: string) => rows.find((x) => typeof x[0] === 'string' && (x[0] as string).startsWith(start))!;
    expect([row('1er accueil social')[14], row('1er accueil social')[15]]).toEqual([300000, 0]);
    expect(row('Soutien financier de l’État — article 2')[0]).toBe("Soutien financier de l’État — article 2 de la convention (deliberation-pas-de-calais-2023-06-12.txt, ligne 358)");
    expect(row('Les montants notifiés par imputation')[0]).toBe(
      'Les montants notifiés par imputation totalisent 7\u202f176\u202f581,00\u00a0€, son article 2 annonce 6\u202f707\u202f058,00\u00a0€ (écart +469\u202f523,00\u00a0€).',
    );
    expect(row('Montants notifiés lus dans la convention')[0]).toBe(
      'Montants notifiés lus dans la convention\u00a0: 04 (deliberation-pas-de-calais-2023-06-12.txt, lignes 423 à 427), 02 (deliberation-pas-de-calais-2023-06-12.txt, lignes 429 à 433), 07 (deliberation-pas-de-calais-2023-06-12.txt, lignes 435 à 439), 10 (deliberation-pas-de-calais-2023-06-12.txt, lignes 442 à 450)\u202f; saisis à la main\u00a0: 03.',
    );
  });
});
