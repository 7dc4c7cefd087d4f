/**
 * The install path the README gives: `npm pack` makes a tarball holding only what runs (the
 * compiled command line, README, licence), and `npm install -g ./annexe9-controle-x.y.z.tgz`
 * installs it from an empty folder, with no install script and none of the add-in's packages;
 * `annex9` then runs from anywhere. The dependencies come from npm's cache (filled by `npm ci`),
 * else from the registry.
 */
import { execFile } from 'child_process';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, SAMPLE } from './run';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

/** npm as a user runs it: none of the npm_* settings `npm test` passes to its children. */
function npm(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env: { ...env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-install-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('npm pack, then npm install -g of the tarball', () => {
  let tarball: string;

  it('packs only what runs, compiled afresh: the command line, README, LICENSE', async () => {
    // `npm pack` as the README says, in a copy of the repository's sources (node_modules linked),
    // so that its prepack (clean, compile) does not touch dist/ while other tests run the bin.
    const copy = path.join(dir, 'depot');
    await fs.mkdir(copy);
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.cli.json', 'README.md', 'LICENSE', 'bin', 'src']) {
      await fs.cp(path.join(ROOT, f), path.join(copy, f), { recursive: true });
    }
    await fs.symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    // A file compiled from a source since removed: the pack must not carry it.
    await fs.mkdir(path.join(copy, 'dist', 'node', 'cli'), { recursive: true });
    await fs.writeFile(path.join(copy, 'dist', 'node', 'cli', 'ancien.js'), '');
    const r = await npm(['pack', '--json', '--pack-destination', dir], copy);
    expect(r.code).toBe(0);
    const [packed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(dir, packed.filename);
    expect(packed.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
    const files = packed.files.map((f) => f.path).sort();
    expect(files.filter((f) => !/^(bin\/|dist\/node\/)/.test(f))).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(files).toEqual(expect.arrayContaining(['bin/annex9.js', 'dist/node/cli/main.js', 'dist/node/domain/templates/calpae-annexe9.json']));
    expect(files).not.toContain('dist/node/cli/ancien.js');
    for (const f of files.filter((x) => x.startsWith('dist/node/') && x.endsWith('.js'))) {
      const source = path.join(ROOT, 'src', f.slice('dist/node/'.length).replace(/\.js$/, '.ts'));
      expect(await fs.stat(source).then(() => source, () => `${f}: no ${source}`)).toBe(source);
    }
  });

  it('installs from an empty folder, with no install script, and annex9 runs from anywhere', async () => {
    const empty = path.join(dir, 'vide');
    const prefix = path.join(dir, 'prefixe');
    await fs.mkdir(empty);
    const install = await npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], empty);
    if (install.code !== 0) throw new Error(`npm install of the tarball failed (the packages come from npm's cache, filled by npm ci, else from the registry):\n${install.stderr}`);
    // No install script for npm to warn about, no package of the add-in (React, Fluent UI, Office.js).
    expect(install.stderr).not.toMatch(/install-scripts|allow-scripts/);
    const installed = path.join(prefix, 'lib', 'node_modules', pkg.name);
    expect((await fs.readdir(installed)).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'node_modules', 'package.json']);
    const modules = await fs.readdir(path.join(installed, 'node_modules'));
    for (const webOnly of ['react', 'react-dom', '@fluentui', '@microsoft']) expect(modules).not.toContain(webOnly);
    // What the command line needs at run time, and nothing else: a package the add-in needs goes in
    // devDependencies (webpack bundles it), or every installed annex9 carries it.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['decimal.js', 'exceljs', 'jszip', 'mammoth', 'pdfjs-dist', 'zod']);

    const annex9 = path.join(prefix, 'bin', 'annex9');
    const help = await run(annex9, ['--help'], empty);
    expect([help.code, help.stderr]).toEqual([0, '']);
    for (const command of ['annex9 check', 'annex9 fix', 'annex9 convention', 'annex9 compare']) expect(help.stdout).toContain(command);
    const check = await run(annex9, ['check', SAMPLE], empty);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('L50    Sous-total initiatives (ligne 50)');
    const template = await run(annex9, ['check', SAMPLE, '--template', 'absent.json'], empty);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain("Modèle absent.json illisible\u00a0: le fichier n’existe pas.");
  });
});
