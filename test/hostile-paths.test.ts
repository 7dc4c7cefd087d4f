/**
 * Where `annex9 fix` writes (issue 17): never over its input, whatever the spelling — also on a
 * case-insensitive file system, checked here through a file system view that behaves like one
 * (this machine's are case-sensitive; the real-path cases run against the real one in
 * hostile.test.ts) — and through a temporary file of its own, created exclusively.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileIdentity, FileSystemView, namesSameFile } from '../src/files/sameFile';
import { loadWorkbookFile, writeWorkbookAtomically } from '../src/files/xlsx';
import { runCli } from './support/cli';
import { miniAnnex } from './security/hostileFiles';

/**
 * A file system holding `files` (and their folders), comparing names the way `rule` says, as
 * NTFS (case) or APFS (case and Unicode normalization) do. `unseen` paths cannot be looked up
 * (a folder one may not list): the check must then decide from the folder and the name.
 */
function fileSystem(files: string[], rule: { ignoresCase?: boolean; ignoresNormalization?: boolean }, unseen: string[] = []): FileSystemView {
  const key = (p: string) => {
    let k = path.resolve(p);
    if (rule.ignoresNormalization) k = k.normalize('NFC');
    if (rule.ignoresCase) k = k.toLowerCase();
    return k;
  };
  const ids = new Map<string, FileIdentity>();
  let ino = 1;
  for (const file of files) {
    for (let p = path.resolve(file); ; p = path.dirname(p)) {
      if (!ids.has(key(p))) ids.set(key(p), { dev: 7, ino: ino++ });
      if (p === path.dirname(p)) break;
    }
  }
  return {
    identity: async (p) => (unseen.includes(p) ? null : ids.get(key(p)) ?? null),
    realpath: async (p) => (ids.has(key(p)) ? path.resolve(p) : null),
  };
}

describe('namesSameFile', () => {
  const input = '/dossier/annexe.xlsx';

  it('on a case-insensitive file system, IN.xlsx is in.xlsx', async () => {
    const ntfs = fileSystem([input], { ignoresCase: true });
    expect(await namesSameFile(input, '/dossier/ANNEXE.xlsx', ntfs)).toBe(true);
    expect(await namesSameFile(input, '/DOSSIER/Annexe.XLSX', ntfs)).toBe(true);
    expect(await namesSameFile(input, '/dossier/annexe-relue.xlsx', ntfs)).toBe(false);
    expect(await namesSameFile(input, '/autre/annexe.xlsx', ntfs)).toBe(false);
  });

  it('on a case-sensitive one, it is another file', async () => {
    const ext4 = fileSystem([input], {});
    expect(await namesSameFile(input, '/dossier/ANNEXE.xlsx', ext4)).toBe(false);
    expect(await namesSameFile(input, '/dossier/../dossier/annexe.xlsx', ext4)).toBe(true);
  });

  it('decides by the folder’s own rule when the copy cannot be looked up', async () => {
    const out = '/dossier/Annexe.xlsx';
    // The file system is asked how it compares names (the input under another case), not assumed.
    expect(await namesSameFile(input, out, fileSystem([input], { ignoresCase: true }, [out]))).toBe(true);
    expect(await namesSameFile(input, out, fileSystem([input], {}, [out]))).toBe(false);
  });

  it('on a file system that ignores Unicode normalization (macOS), é composed is é decomposed', async () => {
    const composed = '/dossier/annexe-\u00e9t\u00e9.xlsx';
    const decomposed = '/dossier/annexe-e\u0301te\u0301.xlsx';
    const apfs = fileSystem([composed], { ignoresCase: true, ignoresNormalization: true });
    expect(await namesSameFile(composed, decomposed, apfs)).toBe(true);
    expect(await namesSameFile(composed, decomposed.toUpperCase(), fileSystem([composed], { ignoresCase: true, ignoresNormalization: true }, [decomposed.toUpperCase()]))).toBe(true);
    expect(await namesSameFile(composed, decomposed, fileSystem([composed], {}))).toBe(false);
  });
});

describe('the temporary file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-paths-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is created exclusively: a link planted at its name is neither followed nor removed', async () => {
    const input = path.join(dir, 'annexe.xlsx');
    await fs.writeFile(input, await miniAnnex());
    const victim = path.join(dir, 'victime.txt');
    await fs.writeFile(victim, 'à ne pas écraser');
    const out = path.join(dir, 'relue.xlsx');
    const now = 1_700_000_000_000;
    const planted = path.join(dir, `.relue.xlsx.${process.pid}.${now}.tmp`);
    await fs.symlink(victim, planted);
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await writeWorkbookAtomically(await loadWorkbookFile(input), out);
    } finally {
      clock.mockRestore();
    }
    expect(await fs.readFile(victim, 'utf8')).toBe('à ne pas écraser');
    expect((await fs.lstat(out)).isFile()).toBe(true);
    expect((await loadWorkbookFile(out)).worksheets[0].name).toBe('Annexe 9');
    expect(await fs.readlink(planted)).toBe(victim);
    expect((await fs.readdir(dir)).sort()).toEqual(['.relue.xlsx.' + process.pid + '.' + now + '.tmp', 'annexe.xlsx', 'relue.xlsx', 'victime.txt'].sort());
  });

  it('fix refuses, without writing, an --out that is the input under another spelling', async () => {
    const input = path.join(dir, 'deux.xlsx');
    await fs.writeFile(input, await miniAnnex());
    const r = await runCli(['fix', input, '--out', `${dir}/./deux.xlsx`, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('La copie relue doit être un autre fichier que l’original');
  });
});
