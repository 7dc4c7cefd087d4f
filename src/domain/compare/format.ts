/**
 * Formatting for the comparison's renderers: amounts from integer cents (`1 362 035,00 €`, as the
 * rest of the product writes them), signed changes, rates, and cell text made safe to print.
 */
import Decimal from 'decimal.js';
import { formatCents as formatMoneyCents } from '../amounts';
import { Cents } from './comparable';

export type Lang = 'fr' | 'en';

/** `1 362 035,00 €` / `€1,362,035.00`, from integer cents (no float ever): the product's one money formatter. */
export function formatCents(c: Cents, lang: Lang): string {
  return formatMoneyCents(c, lang);
}

/** `+10 000,00 €`, `−2 500,00 €`, `0,00 €`. */
export function formatChange(c: Cents, lang: Lang): string {
  const sign = c > 0 ? '+' : c < 0 ? '−' : '';
  return `${sign}${formatCents(Math.abs(c), lang)}`;
}

/** `0.8750` → `87,5 %` / `87.5%`. */
export function formatRate(rate: string, lang: Lang): string {
  const pct = new Decimal(rate).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return lang === 'fr' ? `${pct.replace('.', ',')}\u202f%` : `${pct}%`;
}

// C0 and C1 controls (ESC starts a terminal sequence), and the marks that reorder text on screen.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text read from a workbook, safe to print: no control character, no direction override. */
export function plain(text: string): string {
  return text.replace(UNSAFE, ' ');
}

/** JSON with the same characters escaped (JSON.stringify leaves C1 controls and direction marks raw). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
