/**
 * Reports the tests can write into the tracked tree (docs/…): only when asked for with
 * `npm run report` (ANNEX9_REPORT=1). A plain `npm test` leaves the work tree unchanged, and a
 * run with a bug in place cannot overwrite the last good report by accident.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

export function reportsRequested(): boolean {
  return process.env.ANNEX9_REPORT === '1';
}

/** Writes `content` at `relativePath` (from the repository root) when reports were requested. */
export async function writeReport(relativePath: string, content: string | Buffer): Promise<boolean> {
  if (!reportsRequested()) return false;
  const file = path.join(ROOT, relativePath);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return true;
}
