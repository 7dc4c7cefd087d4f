/**
 * What `check` was given, file by file: the files named, and the content of the folders named.
 * In a folder every spreadsheet is given to the loader, whatever its format (it says how to make
 * an .xlsx of an .xls, .ods, .csv or .numbers, and reads an .xlsx renamed .xls); everything else
 * is listed as not checked, with why — nothing is skipped in silence.
 */
import { Dirent, promises as fs } from 'fs';
import * as path from 'path';
import { fileKind, isOtherSpreadsheet } from '../files/formats';

export type InputEntry =
  /** Given to the loader. `named`: on the command line, not found in a folder. */
  | { kind: 'workbook'; file: string; named: boolean }
  /** Not read, and why (« sous-dossier, non parcouru… »). */
  | { kind: 'skipped'; file: string; why: string };

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function quoted(p: string): string {
  return /[\s"'$`\\]/.test(p) ? `"${p.replace(/(["$`\\])/g, '\\$1')}"` : p;
}

/** Why a folder's entry is not checked; null when it is a spreadsheet to give to the loader. */
function skipReason(file: string, isDirectory: boolean, isFile: boolean, hasConvention: boolean): string | null {
  const name = path.basename(file);
  const kind = fileKind(name);
  if (isDirectory) {
    // A Numbers document is often a folder: the loader names it for what it is.
    if (kind === 'numbers') return null;
    return `sous-dossier, non parcouru\u00a0: contrôlez-le à part (annex9 check ${quoted(file)})`;
  }
  if (kind === 'lock') return 'fichier de verrouillage d’Excel ou de LibreOffice (le classeur est ouvert sur un poste)\u00a0: ignoré';
  // « ._annexe.xlsx » is what macOS leaves beside a file on a USB key or in a zip: no workbook.
  if (name.startsWith('.')) return 'fichier caché\u00a0: ignoré';
  // A spreadsheet's name on a pipe or a device: the loader refuses it, without blocking, and says so.
  if (kind === 'xlsx' || isOtherSpreadsheet(kind)) return null;
  if (!isFile) return 'ni un fichier ni un dossier ordinaire\u00a0: ignoré';
  if (kind === 'pdf' || kind === 'word') {
    const ext = path.extname(name).toLowerCase();
    return `document ${ext}, pas un classeur\u00a0: ignoré${hasConvention ? '' : ' (une convention se compare avec --convention)'}`;
  }
  const ext = path.extname(name).toLowerCase();
  return `pas un classeur (${ext || 'fichier sans extension'})\u00a0: ignoré`;
}

/** The entries to go through, in order: each named file, each folder's entries sorted as in French. */
export async function listInputs(inputs: string[], options: { hasConvention: boolean }): Promise<{ entries: InputEntry[]; folders: number }> {
  const entries: InputEntry[] = [];
  let folders = 0;
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat || !stat.isDirectory() || fileKind(input) === 'numbers') {
      entries.push({ kind: 'workbook', file: input, named: true }); // a missing file is said so by the loader
      continue;
    }
    folders++;
    let names: Dirent[];
    try {
      names = await fs.readdir(input, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      entries.push({ kind: 'skipped', file: input, why: code === 'EACCES' || code === 'EPERM' ? 'dossier illisible\u00a0: lecture non autorisée' : `dossier illisible (${code ?? 'erreur'})` });
      continue;
    }
    names.sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of names) {
      const file = path.join(input, dirent.name);
      let isDirectory = dirent.isDirectory();
      let isFile = dirent.isFile();
      if (dirent.isSymbolicLink()) {
        // A link is what it points to; a broken one is given to the loader, which says it is missing.
        const target = await fs.stat(file).catch(() => null);
        isDirectory = !!target?.isDirectory();
        isFile = !target || target.isFile();
      }
      const why = skipReason(file, isDirectory, isFile, options.hasConvention);
      entries.push(why === null ? { kind: 'workbook', file, named: false } : { kind: 'skipped', file: isDirectory ? `${file}${path.sep}` : file, why });
    }
  }
  return { entries, folders };
}
