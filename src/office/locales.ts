/**
 * The pane speaks the ribbon's language. Office picks a manifest string by exact locale ("Users
 * would see the English description … for all locales unless the client computer's locale is
 * fr-fr", localization article): the manifest overrides its French strings in English for exactly
 * these locales, and the pane is in English for exactly these too (and for a bare `en`, which the
 * demo page uses). Anywhere else both are French.
 */
export const ENGLISH_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA', 'en-SG'] as const;

export function isEnglishLocale(tag: string | null | undefined): boolean {
  if (typeof tag !== 'string') return false;
  const t = tag.trim().toLowerCase();
  return t === 'en' || ENGLISH_LOCALES.some((l) => l.toLowerCase() === t);
}
