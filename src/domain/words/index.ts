/** The engine's words by language (types.ts says what each must say). */
import { en } from './en';
import { fr } from './fr';
import { Lang, Words } from './types';

export type { Lang, Words } from './types';
export { LANGS } from './types';

export const WORDS: Record<Lang, Words> = { fr, en };

export function wordsFor(lang: Lang): Words {
  return WORDS[lang];
}
