/** The command line as a user runs it: `bin/annex9.js` in a process of its own, its output as bytes. */
import { execFile } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'annex9.js');
export const SAMPLE = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/**
 * What libraries and Node say when they fail, in English: none of it may reach a user. Matched on
 * words that never occur in our French messages.
 */
const ENGLISH = [
  /\b(?:Error|TypeError|RangeError|SyntaxError):/,
  /\bat (?:Object\.|async |new |\/)/, // a stack trace
  /\b(?:ENOENT|EACCES|EISDIR|EEXIST|ENOTDIR|EPERM)\b:/,
  /no such file or directory/i,
  /\b(?:cannot|can't|could not|failed|unexpected|invalid|undefined is not|is not a function|not found|end of data|corrupted)\b/i,
  /\bCorrupted zip\b/,
];

/** A failure's message: present, French, and no English from a library or from Node. */
export function expectFrench(stderr: string): void {
  expect(stderr.trim()).not.toBe('');
  for (const pattern of ENGLISH) expect(stderr).not.toMatch(pattern);
  // Words of our French messages (every one of them has at least one).
  expect(stderr).toMatch(/ (?:le|la|les|du|de|des|un|une|au|pour|pas|est|sont) /);
}
