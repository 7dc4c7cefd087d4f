/** Chorus codes as the template describes them: read in a cell's text, found from a theme's words. */
import { AnnexTemplate, ChorusCode } from './compile';

/** Canonical Chorus code (`0304 50 19 19 07`) found in a cell's text, or null. */
export function parseChorusCode(template: AnnexTemplate, text: string): string | null {
  const m = template.chorusPattern.exec(text) ?? template.chorusCompactPattern.exec(text.replace(/\s/g, ''));
  // The pattern captures the code's last two digits (schema.ts): listed or not, the code is the prefix and them.
  return m ? `${template.chorusPrefix} ${m[1]}` : null;
}

/** Chorus codes whose theme words the (normalised) theme label contains. */
export function codesForTheme(template: AnnexTemplate, normalizedTheme: string): ChorusCode[] {
  if (!normalizedTheme) return [];
  return template.codes.filter((c) => c.themes.some((t) => ` ${normalizedTheme} `.includes(` ${t} `)));
}

/** Canonical code of a code typed by hand: `03`, `3`, `030450191903`, `0304 50 19 19 03 - …`. */
export function parseTypedCode(template: AnnexTemplate, text: string): string | null {
  const compact = text.replace(/\s/g, ''); // \s holds the no-break spaces
  if (/^\d{1,2}$/.test(compact)) return `${template.chorusPrefix} ${compact.padStart(2, '0')}`;
  return parseChorusCode(template, text);
}
