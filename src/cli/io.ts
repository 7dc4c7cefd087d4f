/**
 * Where the command line writes: the report on stdout, reasons on stderr, and — only when stderr
 * is a terminal — one progress line for a long folder check, rewritten in place and erased before
 * anything else is written, so that it never mixes with the report nor reaches a file or a pipe.
 */
import { terminalLine, terminalText } from './terminalText';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Shows (or, with null, erases) the progress line; absent when stderr is not a terminal. */
  progress?: (line: string | null) => void;
}

const withNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** The process's own streams. */
export function processIo(): Io {
  const stderr = process.stderr;
  let shown = false;
  const erase = () => {
    if (shown) stderr.write('\r\u001b[K');
    shown = false;
  };
  return {
    out: (s) => {
      erase();
      process.stdout.write(withNewline(s));
    },
    err: (s) => {
      erase();
      stderr.write(withNewline(s));
    },
    progress: stderr.isTTY
      ? (line) => {
          if (line === null) return erase();
          // One screen line: longer text would wrap, and \r would rewrite only its last part.
          const width = Math.max(20, (stderr.columns || 80) - 1);
          const shownLine = line.length > width ? `${line.slice(0, width - 1)}…` : line;
          stderr.write(`\r\u001b[K${shownLine}`);
          shown = true;
        }
      : undefined,
  };
}

/** Last net before the terminal: what a workbook's text still carries of controls goes here. */
export function safeIo(raw: Io): Io {
  const progress = raw.progress;
  return {
    out: (s) => raw.out(terminalText(s)),
    err: (s) => raw.err(terminalText(s)),
    progress: progress ? (line) => progress(line === null ? null : terminalLine(line)) : undefined,
  };
}
