/**
 * Article 3.1: « La subvention d'un montant de 110 000 euros est imputée sur les crédits du
 * programme n° 304 … (code activité : 030450191903) … ». One sentence per code in the seed,
 * singular or plural; codes written in one piece or in groups (`0304 50 19 19 03`).
 */
import { TextStream, locate, quoteOf, sentenceBounds } from './document';
import { TextAmount, amountsIn } from './money';
import { CodeStatement, Unread } from './types';

// Twelve digits starting with the programme (0304), spaces or dots between groups allowed.
const CODE = /(?<!\d)0[ .-]?3[ .-]?0[ .-]?4(?:[ .-]?\d){8}(?!\d)/g;
/** The code is introduced as an activity code… */
const LABELLED = /(?:code\s+(?:d'\s*)?activit[ée]s?|activit[ée]\s*(?:chorus\s*)?:)\s*(?:n°\s*)?:?\s*\(?\s*$/i;
/** …or its sentence imputes money (a table of the annex does neither). */
const IMPUTES = /\bimput[ée]e?s?\b/i;
/** The amount the sentence designates, when it has several: « d'un montant de X », « X … est imputé ». */
const DESIGNATED_BEFORE = /montant\s+(?:total\s+)?(?:de\s+)?$/i;

export function canonicalActivityCode(shown: string): string {
  const d = shown.replace(/\D/g, '');
  return `${d.slice(0, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)} ${d.slice(8, 10)} ${d.slice(10, 12)}`;
}

export interface CodeReading {
  codes: CodeStatement[];
  unread: Unread[];
}

export function readCodeAmounts(stream: TextStream, knownCodes: string[]): CodeReading {
  const text = stream.text;
  const codes: CodeStatement[] = [];
  const unread: Unread[] = [];
  // Codes grouped by the sentence they are in.
  const sentences = new Map<number, { bounds: { start: number; end: number }; codes: Array<{ start: number; end: number; shown: string }> }>();
  CODE.lastIndex = 0;
  for (let m = CODE.exec(text); m; m = CODE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const bounds = sentenceBounds(stream, start, end);
    const before = text.slice(Math.max(bounds.start, start - 40), start);
    if (!LABELLED.test(before) && !IMPUTES.test(text.slice(bounds.start, bounds.end))) continue;
    const entry = sentences.get(bounds.start) ?? { bounds, codes: [] };
    entry.codes.push({ start, end, shown: m[0] });
    sentences.set(bounds.start, entry);
  }

  for (const { bounds, codes: found } of sentences.values()) {
    const source = locate(stream, bounds.start, bounds.end, quoteOf(stream, bounds));
    const amounts = amountsIn(text, bounds.start, bounds.end);
    const statement = (code: { shown: string }, amount: TextAmount) => {
      const canonical = canonicalActivityCode(code.shown);
      if (amount.cents === null) {
        unread.push({ subject: 'code', reason: 'amountUnreadable', source, code: canonical, seen: [amount.shown] });
        return;
      }
      // Shown as the stream reads it: one plain space wherever the document had spaces or a line break.
      codes.push({ code: canonical, shown: code.shown, known: knownCodes.includes(canonical), cents: amount.cents, source });
    };
    const pairs = pairUp(text, found, amounts);
    if (pairs) {
      for (const [code, amount] of pairs) statement(code, amount);
      continue;
    }
    for (const code of found) {
      unread.push({
        subject: 'code',
        reason: amounts.length === 0 ? 'amountMissing' : 'severalAmounts',
        source,
        code: canonicalActivityCode(code.shown),
        seen: amounts.map((a) => a.shown),
      });
    }
  }
  return { codes, unread };
}

type Span = { start: number; end: number; shown: string };

/**
 * Which amount goes with which code, when the sentence says it without doubt: one code and one
 * amount; one code and the one amount introduced as « montant de »; or as many amounts as codes,
 * each amount before its code and after the previous code. Otherwise null.
 */
function pairUp(text: string, codes: Span[], amounts: TextAmount[]): Array<[Span, TextAmount]> | null {
  // No amount: one code finds none designated, several codes not as many amounts.
  if (codes.length === 1) {
    if (amounts.length === 1) return [[codes[0], amounts[0]]];
    const designated = amounts.filter((a) => DESIGNATED_BEFORE.test(text.slice(Math.max(0, a.start - 30), a.start)));
    return designated.length === 1 ? [[codes[0], designated[0]]] : null;
  }
  if (codes.length !== amounts.length) return null;
  // Each amount before its code…
  if (codes.some((code, i) => amounts[i].end > code.start)) return null;
  // …and after the previous code.
  // Stryker disable next-line EqualityOperator: an amount never starts where a code ends (the code is followed by a non-digit, an amount starts with a digit), so < and <= agree
  if (codes.slice(0, -1).some((code, i) => amounts[i + 1].start < code.end)) return null;
  return codes.map((c, i) => [c, amounts[i]]);
}
