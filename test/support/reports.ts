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

/**
 * Replaces one section of a report (from its `## title` line to the next `## ` line or the end),
 * or appends it, so that several test files can each keep their own part of one document.
 */
export async function writeReportSection(relativePath: string, title: string, body: string): Promise<boolean> {
  if (!reportsRequested()) return false;
  const file = path.join(ROOT, relativePath);
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    text = '';
  }
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  let next: string;
  if (start < 0) {
    next = `${text.replace(/\n*$/, '')}${text ? '\n\n' : ''}${section}`;
  } else {
    let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    if (end < 0) end = lines.length;
    const before = lines.slice(0, start).join('\n').replace(/\n*$/, '');
    const after = lines.slice(end).join('\n');
    next = `${before}${before ? '\n\n' : ''}${section}${after ? `\n${after}` : ''}`;
  }
  return writeReport(relativePath, next.endsWith('\n') ? next : `${next}\n`);
}
