/**
 * Parts of the project the benchmark uses when they exist (summary builder, Office fake, demo page):
 * loaded at run time, so the bench compiles and runs before they are written.
 */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..');

/** The module at `rel` (from the project root, no extension), or a reason it is not there. */
export function tryRequire<T = Record<string, unknown>>(rel: string): { module: T } | { missing: string } {
  const base = path.join(ROOT, rel);
  const exists = ['.ts', '.tsx', '/index.ts', '/index.tsx'].some((ext) => fs.existsSync(base + ext));
  if (!exists) return { missing: `${rel} does not exist` };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { module: require(base) as T };
  } catch (e) {
    return { missing: `${rel} failed to load: ${(e as Error).message.split('\n')[0]}` };
  }
}
