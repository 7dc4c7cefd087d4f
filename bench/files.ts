/** The generated workbooks on disk: one per size, kept in a temp dir keyed by the generator's sources. */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GENERATOR_VERSION, generateAnnex, writeAnnexFile } from './generate';
import { ROOT } from './optional';

/** Sources whose change changes the generated files. */
const SOURCES = ['bench/generate.ts', 'fixtures/annex-layout.ts', 'fixtures/xlsx-writer.ts', 'fixtures/sample-workbook.ts'];

export function benchDir(): string {
  const h = createHash('sha256');
  h.update(String(GENERATOR_VERSION));
  for (const f of SOURCES) h.update(fs.existsSync(path.join(ROOT, f)) ? fs.readFileSync(path.join(ROOT, f)) : f);
  return path.join(os.tmpdir(), `annex9-bench-${h.digest('hex').slice(0, 12)}`);
}

export interface AnnexFile {
  rows: number;
  file: string;
  bytes: number;
  /** Time to generate and write it, when it was not already there (ms). */
  writtenMs: number | null;
}

/** The .xlsx of `rows` action rows: reused when present (writing 100 000 rows takes about a minute). */
export async function annexFile(rows: number, options: { dir?: string; fresh?: boolean } = {}): Promise<AnnexFile> {
  const dir = options.dir ?? benchDir();
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, `annex-${rows}.xlsx`);
  if (!options.fresh && fs.existsSync(file)) return { rows, file, bytes: fs.statSync(file).size, writtenMs: null };
  const t = Date.now();
  // Written under another name first: an interrupted run leaves no half file behind.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeAnnexFile(generateAnnex(rows), tmp);
  await fs.promises.rename(tmp, file);
  return { rows, file, bytes: fs.statSync(file).size, writtenMs: Date.now() - t };
}
