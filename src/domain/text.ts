/**
 * Text normalisation for matching labels: people retype headers with other case, accents,
 * line breaks, apostrophes and years, so matching is done on a canonical form.
 */

const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4`']/g;

/** Lower case, no accents, punctuation as spaces, years as `yyyy`, single spaces. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(APOSTROPHES, ' ')
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
  // Most titles are already clean: test before building a new string.
  return /\s\s|[\t\n\r\f\v\u00A0\u202F]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
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
  if (haystack === needle) return true;
  return ` ${haystack} `.includes(` ${needle} `);
}

/** True when `text` starts with `prefix` as whole words (both normalised). */
export function startsWithWords(text: string, prefix: string): boolean {
  return text === prefix || text.startsWith(`${prefix} `);
}
