/**
 * A PDF page's text items (pdf.js's getTextContent) as lines: shared by the command line's reader
 * (conventionPdf.ts, Node) and the pane's (src/files/browser/pdfReader.ts, browser), so that a
 * page reads the same in both. Pure: no pdf.js here.
 */
export interface TextItem {
  str: string;
  hasEOL?: boolean;
  transform: number[];
  width: number;
  height: number;
}

/** One page's lines: items on one baseline joined, a line break where pdf.js marks one or the baseline moves. */
export function pageLines(items: Array<TextItem | { type: string }>): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEnd: number | null = null;
  const flush = () => {
    lines.push(line);
    line = '';
    lastY = null;
    lastEnd = null;
  };
  for (const raw of items) {
    if (!('str' in raw)) continue;
    const item = raw;
    const x = item.transform[4];
    const y = item.transform[5];
    const size = Math.max(1, Math.abs(item.height) || Math.abs(item.transform[3]) || 10);
    if (lastY !== null && Math.abs(y - lastY) > size * 0.5) flush();
    else if (lastEnd !== null && x - lastEnd > size * 0.25 && !line.endsWith(' ') && !item.str.startsWith(' ')) line += ' ';
    line += item.str;
    if (item.str !== '') {
      lastY = y;
      lastEnd = x + item.width;
    }
    if (item.hasEOL) flush();
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

