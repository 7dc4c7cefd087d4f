/**
 * The command line written wrong, in real processes: one French line and where the help is (exit
 * 64, nothing read), never the whole help; bare `annex9` shows the help and exits 64; the help
 * lists every command, in French and in English, with the exit statuses.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SAMPLE, expectFrench, runBin } from './run';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-usage-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('help', () => {
  it('bare annex9 prints the help and exits with the usage status, 64', async () => {
    const r = await runBin([]);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Utilisation\u00a0:');
    expect(r.stdout).toContain('64  commande mal écrite');
  });

  it.each([
    ['fr', ['--help'], ['annex9 check FICHIER.xlsx|DOSSIER…', 'annex9 fix FICHIER.xlsx --out COPIE.xlsx', 'annex9 convention CONVENTION.pdf', 'annex9 compare ANCIENNE.xlsx NOUVELLE.xlsx', '--out\u00a0: écrit aussi un classeur de consolidation', 'Codes de sortie\u00a0:', "2   un fichier n’a pas pu être contrôlé", '64  commande mal écrite', 'In English: annex9 --help --lang en']],
    ['en', ['--help', '--lang', 'en'], ['annex9 check FILE.xlsx|FOLDER…', 'annex9 fix FILE.xlsx --out COPY.xlsx', 'annex9 convention CONVENTION.pdf', 'annex9 compare OLD.xlsx NEW.xlsx', '--out also writes a consolidation workbook', 'Exit status:', '2   a file could not be checked', '64  the command line is wrong', 'En français\u00a0: annex9 --help']],
  ])('--help (%s) lists every command and the exit statuses', async (_lang, args, says) => {
    for (const variant of [args, ['help', ...args.slice(1)], ['check', ...args]]) {
      const r = await runBin(variant);
      expect([r.code, r.stderr]).toEqual([0, '']);
      for (const s of says) expect(r.stdout).toContain(s);
    }
  });

  it('compare has its own help, with the same exit statuses', async () => {
    const r = await runBin(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('annex9 compare ANCIENNE.xlsx NOUVELLE.xlsx [options]');
    expect(r.stdout).toContain('64 commande mal écrite');
  });
});

describe('usage errors: one French line, the way to the help, exit 64', () => {
  it.each([
    [['frob'], 'Commande inconnue «\u00a0frob\u00a0»\u00a0: les commandes sont check, fix, convention et compare.'],
    [['annexe.xlsx'], '«\u00a0annexe.xlsx\u00a0» n’est pas une commande\u00a0: pour le contrôler, écrivez annex9 check annexe.xlsx'],
    [['--json', 'annexe.xlsx'], "Indiquez d’abord la commande\u00a0: annex9 check FICHIER.xlsx (ou fix, convention, compare), puis «\u00a0--json\u00a0»."],
    [['check'], 'Indiquez au moins un fichier .xlsx ou un dossier à contrôler.'],
    [['check', SAMPLE, '--bogus'], 'Option inconnue «\u00a0--bogus\u00a0» pour «\u00a0check\u00a0».'],
    [['check', SAMPLE, '--sheet'], "L’option --sheet attend une valeur."],
    [['check', SAMPLE, '--lang', 'de'], 'Langue «\u00a0de\u00a0» inconnue\u00a0: fr ou en.'],
    [['check', SAMPLE, '--summary'], "L’option --summary sert avec «\u00a0fix\u00a0», qui écrit la feuille de synthèse dans la copie relue."],
    [['check', SAMPLE, '--out', 'consolidation.csv'], '--out consolidation.csv\u00a0: le fichier écrit est un classeur Excel, donnez-lui un nom en .xlsx.'],
    [['check', SAMPLE, '--json=oui'], "L’option --json ne prend pas de valeur."],
    [['fix', SAMPLE], 'Indiquez le fichier de sortie avec --out COPIE.xlsx (le fichier d’origine n’est jamais modifié).'],
    [['fix', SAMPLE, SAMPLE, '--out', 'x.xlsx'], '«\u00a0fix\u00a0» prend un seul fichier (pour plusieurs annexes\u00a0: annex9 check DOSSIER --out consolidation.xlsx).'],
    [['fix', SAMPLE, '--out', 'x.xlsx', '--json'], "L’option --json ne sert pas avec «\u00a0fix\u00a0»."],
    [['convention'], 'Indiquez la convention à lire (PDF, .docx ou .txt).'],
    [['convention', 'a.pdf', '--sheet', 'x'], "L’option --sheet ne sert pas avec «\u00a0convention\u00a0»."],
  ])('%j', async (args, line) => {
    const r = await runBin(args);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\nannex9 --help pour l’aide.\n`);
    expectFrench(r.stderr);
  });

  it.each([
    [['compare', SAMPLE], 'Avec un seul classeur, nommez les deux feuilles à comparer\u00a0: --sheet FEUILLE1 --sheet2 FEUILLE2.'],
    [['compare', SAMPLE, SAMPLE, '--bogus'], 'Option inconnue «\u00a0--bogus\u00a0» pour «\u00a0compare\u00a0».'],
    [['compare', SAMPLE, SAMPLE, '--execution', '--versions'], 'Choisissez --execution ou --versions, pas les deux.'],
  ])('compare %j points at its own help', async (args, line) => {
    const r = await runBin(args);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe(`${line}\nannex9 compare --help pour l’aide.\n`);
    expectFrench(r.stderr);
  });
});

describe('--notified with a code the annex does not have', () => {
  const VALID = "Codes valides\u00a0: 02 (Formation travail social CD contract), 03 (1er accueil social inconditionnel), 04 (Référents de parcours), 05 (Maraudes Etat (sans abri) / conseil départemental (ASE)), 06 (Soutien à des actions de prévention spécialisée), 07 (Garantie d'activité et insertion des BRSA), 10 (Initiatives locales).";

  it.each([
    ['check', () => ['check', SAMPLE, '--notified', '99=1000']],
    ['fix', () => ['fix', SAMPLE, '--out', path.join(dir, 'jamais.xlsx'), '--notified', '99=1000']],
    ['compare', () => ['compare', SAMPLE, SAMPLE, '--execution', '--notified', '99=1000']],
  ])('%s refuses it with the list of valid codes, and writes nothing', async (command, args) => {
    const r = await runBin(args());
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--notified «\u00a099\u00a0»\u00a0: le code 0304 50 19 19 99 n’est pas un code Chorus de l’annexe. ${VALID}`);
    expect(r.stderr).toContain(command === 'compare' ? "annex9 compare --help pour l’aide." : "annex9 --help pour l’aide.");
    expectFrench(r.stderr);
    expect(await fs.readdir(dir)).not.toContain('jamais.xlsx');
  });
});

describe('inputs that cannot be used are not usage errors: exit 2, a French reason', () => {
  it.each([
    ['a missing file', () => ['check', path.join(dir, 'absent.xlsx')], "absent.xlsx\u00a0: le fichier n’existe pas."],
    ['a missing template', () => ['check', SAMPLE, '--template', path.join(dir, 'modele.json')], "modele.json illisible\u00a0: le fichier n’existe pas."],
    ['a convention that is not one', () => ['convention', SAMPLE], ''],
    ['a damaged workbook', () => ['check', path.join(dir, 'abime.xlsx')], 'abime.xlsx\u00a0: classeur .xlsx endommagé ou illisible. Le fichier est peut-être incomplet'],
    ['a truncated workbook', () => ['check', path.join(dir, 'tronque.xlsx')], 'tronque.xlsx\u00a0: classeur .xlsx endommagé ou illisible.'],
    ['a damaged PDF convention', () => ['check', SAMPLE, '--convention', path.join(dir, 'abime.pdf')], "abime.pdf\u00a0: ce n’est pas un PDF lisible (fichier abîmé ou incomplet\u202f?)\u00a0: demandez une nouvelle copie"],
    ['a damaged Word convention', () => ['check', SAMPLE, '--convention', path.join(dir, 'abime.docx')], "abime.docx\u00a0: ce n’est pas un document Word .docx lisible"],
  ])('%s', async (_what, args, says) => {
    // What the libraries choke on, each with their English message kept from the user.
    await fs.writeFile(path.join(dir, 'abime.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x37)]));
    const whole = await fs.readFile(SAMPLE);
    await fs.writeFile(path.join(dir, 'tronque.xlsx'), whole.subarray(0, whole.length >> 1));
    await fs.writeFile(path.join(dir, 'abime.pdf'), '%PDF-1.7\nrien de plus\n');
    await fs.writeFile(path.join(dir, 'abime.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x37)]));
    const r = await runBin(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
    expectFrench(r.stderr);
  });
});
