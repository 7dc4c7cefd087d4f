/**
 * The .xlsx adapter: reads a workbook file into the engine's plain grid, and writes a reviewed
 * copy (marks, notes, filled codes). ExcelJS does the file format; nothing here decides anything.
 */
import * as ExcelJS from 'exceljs';
import { WriteStream, constants as fsConstants, createWriteStream, promises as fs, rmSync } from 'fs';
import { once } from 'events';
import { finished } from 'stream/promises';
import * as path from 'path';
import { withLinearMergeCheck } from './linearMerges';
import { LIMITS, WorkbookLimitError, fileTooLargeMessage } from './workbookLimits';
import { checkWorkbookLimits } from './workbookScan';
import { FORMAT_ADVICE, compoundFileHolds, fileKind, openDocumentType } from './formats';

/** A file that could not be read, with a French reason for the user. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}

/**
 * ExcelJS drops every backslash escape from the number formats it reads (`0\ \%` comes back as
 * `0 %`, which shows 50 as 5000 %), so a reviewed copy would change how cells look. Keep the code
 * as the file has it; ExcelJS writes it back unchanged.
 */
function keepNumberFormatEscapes(): void {
  type XmlNode = { name: string; attributes: Record<string, string> };
  let xform: { prototype: { parseOpen(node: XmlNode): boolean } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    xform = require('exceljs/lib/xlsx/xform/style/numfmt-xform');
  } catch {
    return; // another ExcelJS layout: nothing to patch
  }
  if (!xform?.prototype?.parseOpen) return;
  xform.prototype.parseOpen = function (this: { model?: unknown }, node: XmlNode): boolean {
    if (node.name !== 'numFmt') return false;
    this.model = { id: parseInt(node.attributes.numFmtId, 10), formatCode: node.attributes.formatCode };
    return true;
  };
}
keepNumberFormatEscapes();

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The bytes of a file, if it is a regular file no larger than the limit. Opened without blocking
 * and checked through its handle: a FIFO or a device (`/dev/zero`) named .xlsx would otherwise
 * hang the command line for ever, and a check by name could be raced.
 */
async function readRegularFile(file: string, limit: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? "le fichier n’existe pas" : code === 'EISDIR' ? "c’est un dossier" : code === 'EACCES' ? 'lecture non autorisée' : `lecture impossible (${code ?? String(e)})`;
    throw new UnreadableFileError(`${file}\u00a0: ${why}.`, file);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new UnreadableFileError(`${file}\u00a0: c’est un dossier.`, file);
    if (!stat.isFile()) {
      throw new UnreadableFileError(`${file}\u00a0: ce n’est pas un fichier ordinaire (tube, périphérique ou socket)\u00a0: il n’est pas lu.`, file);
    }
    if (stat.size > limit) throw new UnreadableFileError(`${file}\u00a0: ${fileTooLargeMessage(stat.size)}`, file);
    // Read what the file holds now, one byte past the limit at most (it may be growing).
    const data = Buffer.alloc(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(data, length, data.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === data.length) break;
    }
    if (length > limit) throw new UnreadableFileError(`${file}\u00a0: ${fileTooLargeMessage(length)}`, file);
    return data.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Why ExcelJS or JSZip refused a file, in French: their own messages are English and technical. */
function damagedMessage(file: string, error: unknown): string {
  const detail = (error as Error)?.message ?? '';
  const why = /merge already merged/i.test(detail) ? ' (des cellules fusionnées se chevauchent)' : '';
  return `${file}\u00a0: classeur .xlsx endommagé ou illisible${why}. Le fichier est peut-être incomplet (pièce jointe ou téléchargement interrompu)\u00a0: demandez-en une nouvelle copie, ou ouvrez-le dans Excel, qui propose parfois de le réparer, et enregistrez-le à nouveau.`;
}

/** The first bytes of a file that is no zip: a PDF, or text (a CSV however named)? */
function notZipHint(data: Buffer): string {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return " C’est un document PDF\u00a0: demandez l’annexe au format Excel (.xlsx).";
  const head = data.subarray(0, 2048).toString('utf8');
  if (head.length > 0 && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(head) && /[;,\t]/.test(head)) {
    return ' Il contient du texte, comme un export CSV\u00a0: contrôlez le classeur Excel (.xlsx) d’origine.';
  }
  return '';
}

/** Read a workbook file; refuse with a clear French message what is not a readable .xlsx, or costs too much to open. */
export async function loadWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const kind = fileKind(file);
  // A Numbers document is often a folder (a package): named for what it is before it is read.
  if (kind === 'numbers') throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.numbers}`, file);
  const data = await readRegularFile(file, LIMITS.fileBytes);
  if (data.subarray(0, 4).equals(CFB_MAGIC)) {
    // The content decides: an encrypted workbook and an .xls are both compound files, whatever their name.
    if (compoundFileHolds(data, 'EncryptedPackage')) {
      throw new UnreadableFileError(`${file}\u00a0: classeur protégé par mot de passe (chiffré)\u00a0: le contrôle ne peut pas le lire. Enregistrez une copie sans mot de passe au format .xlsx (dans Excel\u00a0: Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, videz le mot de passe).`, file);
    }
    if (kind === 'xls' || compoundFileHolds(data, 'Workbook') || compoundFileHolds(data, 'Book')) {
      throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.xls}`, file);
    }
    if (compoundFileHolds(data, 'WordDocument')) {
      throw new UnreadableFileError(`${file}\u00a0: ancien document Word (.doc), pas un classeur\u00a0: demandez l’annexe au format Excel (.xlsx).`, file);
    }
    throw new UnreadableFileError(
      `${file}\u00a0: classeur protégé par mot de passe (chiffré) ou ancien format .xls. Enregistrez une copie sans mot de passe au format .xlsx (Fichier › Enregistrer sous › Type\u00a0: «\u00a0Classeur Excel (*.xlsx)\u00a0»).`,
      file,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (kind === 'csv') throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.csv}`, file);
    if (kind === 'ods') throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.ods}`, file); // a flat .fods is XML, no zip
    throw new UnreadableFileError(`${file}\u00a0: ce n’est pas un classeur Excel .xlsx lisible.${notZipHint(data)}`, file);
  }
  const openDocument = openDocumentType(data);
  if (openDocument === 'spreadsheet') throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.ods}`, file);
  if (openDocument) throw new UnreadableFileError(`${file}\u00a0: document OpenDocument (LibreOffice Writer ou autre), pas un classeur\u00a0: demandez l’annexe au format Excel (.xlsx).`, file);
  if (kind === 'xlsb') throw new UnreadableFileError(`${file}\u00a0: ${FORMAT_ADVICE.xlsb}`, file);
  // What opening it would cost, before ExcelJS builds anything.
  try {
    await checkWorkbookLimits(data);
  } catch (e) {
    if (e instanceof WorkbookLimitError) throw new UnreadableFileError(`${file}\u00a0: ${e.message}`, file);
    throw new UnreadableFileError(damagedMessage(file, e), file);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await withLinearMergeCheck(() => workbook.xlsx.load(data as unknown as ArrayBuffer));
  } catch (e) {
    throw new UnreadableFileError(damagedMessage(file, e), file);
  }
  // A zip with no worksheet (a Word or PowerPoint file renamed .xlsx) loads without error.
  if (workbook.worksheets.length === 0) {
    throw new UnreadableFileError(`${file}\u00a0: ce n’est pas un classeur Excel (aucune feuille de calcul dans le fichier\u202f; un document Word ou PowerPoint renommé en .xlsx\u202f?). Demandez l’annexe au format Excel (.xlsx).`, file);
  }
  return workbook;
}

// Reading a worksheet into a grid needs no Node API: it lives in gridFromExcelJs.ts, shared with the demo page.
export { worksheetToGrid, workbookToGrid } from './gridFromExcelJs';

// ---------------------------------------------------------------------------------------------
// Writing: a temporary file of our own, renamed over the copy, removed if we are interrupted.
// ---------------------------------------------------------------------------------------------

/** Temporary files being written, removed on Ctrl+C or SIGTERM before the process ends. */
const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let interruptNotice: ((signal: NodeJS.Signals) => void) | undefined;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done on the way out
    }
  }
  pending.clear();
  interruptNotice?.(signal);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal); // end as the signal would have, now that nothing is left behind
}

function track(tmp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Opens a new file next to `out`, exclusively (never an existing file, never through a symbolic link). */
async function createTemporary(out: string, mode: number): Promise<{ tmp: string; stream: WriteStream }> {
  const base = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.${Date.now()}`);
  for (let n = 0; n < 100; n++) {
    const tmp = n === 0 ? `${base}.tmp` : `${base}-${n}.tmp`;
    const stream = createWriteStream(tmp, { flags: 'wx', mode });
    try {
      await once(stream, 'open');
      return { tmp, stream };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  throw Object.assign(new Error('EEXIST: no free temporary name'), { code: 'EEXIST' });
}

export interface AtomicWriteOptions {
  /** File mode of the copy (the input's: a 0600 original gives a 0600 copy); less what the umask removes. */
  mode?: number;
  /** Called just before the rename; throwing stops it (the temporary file is removed). */
  beforeRename?: () => Promise<void>;
  /** Told when Ctrl+C or SIGTERM interrupts the write, after the temporary file is removed. */
  onInterrupt?: (signal: NodeJS.Signals) => void;
}

/** Write a workbook to `out` through a temporary file and a rename: never a half-written file. */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, out: string, options: AtomicWriteOptions = {}): Promise<void> {
  for (const ws of workbook.worksheets) {
    // ExcelJS reads an absent first page number as 1 and writes useFirstPageNumber="1" whenever
    // one is set: that would turn a sheet's automatic page numbering into "start at 1".
    const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
    if (!setup.useFirstPageNumber) delete setup.firstPageNumber;
  }
  const { tmp, stream } = await createTemporary(out, options.mode ?? 0o666);
  track(tmp);
  interruptNotice = options.onInterrupt;
  try {
    const failed = new Promise<never>((_resolve, reject) => stream.once('error', reject));
    failed.catch(() => undefined);
    await Promise.race([
      (async () => {
        // What ExcelJS's writeFile does, into our own exclusively created file.
        await workbook.xlsx.write(stream);
        stream.end();
        await finished(stream);
      })(),
      failed,
    ]);
    await options.beforeRename?.();
    await fs.rename(tmp, out);
  } catch (e) {
    stream.destroy();
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    untrack(tmp);
    interruptNotice = undefined;
  }
}
