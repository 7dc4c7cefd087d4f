/**
 * Text normalisation for matching labels: people retype headers with other case, accents,
 * line breaks, apostrophes and years, so matching is done on a canonical form.
 */

/** Lower case, no accents, punctuation (apostrophes too: « l’action » is « l action ») as spaces, years as `yyyy`, single spaces. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(19|20)\d\d\b/g, 'yyyy')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The text of a cell value as shown, for labels; numbers and dates are not labels. */
export function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  return '';
}

/** Collapse whitespace (including line breaks) for display of a title read from a cell. */
export function displayText(text: string): string {
  // Most titles are already clean: a scan without a regular expression says so, and nothing is built.
  if (isClean(text)) return text;
  return /\s\s|[\t\n\r\f\v\u00A0\u202F]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** White space as `\s` means it (trim removes the same characters): ECMAScript's WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when displayText has nothing to do: no white space at either end, none doubled, no tab, line break or no-break space. */
function isClean(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  let previous = true; // white space first is not clean
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const space = isSpace(c);
    if (space && (previous || (c !== 32 && (c < 0x7f || c === 0xa0 || c === 0x202f)))) return false;
    previous = space;
  }
  return !previous;
}

/**
 * The first character normalizeLabel would keep (a–z or 0–9), or '' when it keeps none: a cheap
 * test run on every label cell before the full normalisation, which only a few need.
 */
export function leadingCharacter(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 97 && code <= 122) return text[i];
      if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
      if (code >= 48 && code <= 57) return text[i];
      continue; // spaces and punctuation are dropped
    }
    const c = text[i].normalize('NFD')[0].toLowerCase(); // É → e
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
  }
  return '';
}

/** True when `haystack` contains `needle` as whole words (both normalised). */
export function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return haystack === '';
  return ` ${haystack} `.includes(` ${needle} `);
}

/** True when `text` starts with `prefix` as whole words (both normalised). */
export function startsWithWords(text: string, prefix: string): boolean {
  return text === prefix || text.startsWith(`${prefix} `);
}
