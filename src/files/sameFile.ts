/**
 * Whether two paths name the same file, whatever the spelling: a symbolic link to the file or to
 * a folder on the way, `..` after such a link, a hard link, or another case on a case-insensitive
 * file system (Windows, macOS), where `IN.xlsx` is `in.xlsx`. `annex9 fix` must never write its
 * copy over its input. The file system's own answer decides (device and inode after following
 * links), never the spelling; for a copy not written yet, its folder is compared the same way and
 * the name by the folder's own rule, found by asking the file system rather than assumed.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

export interface FileIdentity {
  dev: number;
  ino: number;
}

/** What the check needs of a file system (Node's by default; tests give a case-insensitive one). */
export interface FileSystemView {
  /** Identity of what `p` names, links followed; null when nothing is there (or it cannot be seen). */
  identity(p: string): Promise<FileIdentity | null>;
  /** `p` with every link resolved; null when it cannot be. */
  realpath(p: string): Promise<string | null>;
}

export const nodeFileSystem: FileSystemView = {
  async identity(p) {
    try {
      const s = await fs.stat(p);
      return { dev: s.dev, ino: s.ino };
    } catch {
      return null;
    }
  },
  async realpath(p) {
    try {
      return await fs.realpath(p);
    } catch {
      return null;
    }
  },
};

const same = (a: FileIdentity | null, b: FileIdentity | null) => !!a && !!b && a.dev === b.dev && a.ino === b.ino;

/** `aBc.xlsx` → `AbC.XLSX`: a name the file system resolves to the same file only if it ignores case. */
function swapCase(name: string): string {
  return [...name].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
}

/**
 * How the folder of an existing file compares names: asked of the file system, by looking the
 * file up under another spelling of its own name.
 */
async function folderRule(file: string, fsView: FileSystemView): Promise<{ ignoresCase: boolean; ignoresNormalization: boolean }> {
  const dir = path.dirname(file);
  const name = path.basename(file);
  const me = await fsView.identity(file);
  const swapped = swapCase(name);
  const nfd = name.normalize('NFD');
  const other = nfd !== name ? nfd : name.normalize('NFC');
  return {
    ignoresCase: swapped !== name && same(me, await fsView.identity(path.join(dir, swapped))),
    ignoresNormalization: other !== name && same(me, await fsView.identity(path.join(dir, other))),
  };
}

/** True when writing `out` would write over `input` (or over another name for it). */
export async function namesSameFile(input: string, out: string, fsView: FileSystemView = nodeFileSystem): Promise<boolean> {
  const inputId = await fsView.identity(input);
  if (!inputId) return false; // nothing to protect; the load says the file is missing
  const outId = await fsView.identity(out);
  if (outId) return same(inputId, outId);

  // The copy does not exist yet: it would be the input only in the input's own folder, under a
  // name that folder takes for the input's.
  const realInput = await fsView.realpath(input);
  if (!realInput) return false;
  const outFolder = await fsView.identity(path.dirname(path.resolve(out)));
  if (!same(outFolder, await fsView.identity(path.dirname(realInput)))) return false;
  const a = path.basename(out);
  const b = path.basename(realInput);
  if (a === b) return true;
  const rule = await folderRule(realInput, fsView);
  const fold = (s: string) => {
    let t = s;
    if (rule.ignoresNormalization) t = t.normalize('NFC');
    if (rule.ignoresCase) t = t.toLowerCase();
    return t;
  };
  return (rule.ignoresCase || rule.ignoresNormalization) && fold(a) === fold(b);
}
