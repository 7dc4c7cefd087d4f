/**
 * Article 2: « Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de
 * 6 707 058 € ». Also the report's « L'enveloppe financière allouée par l'État … s'élève à un
 * total de … € », « la participation financière de l'État est fixée à … € », « … est de … € ».
 */
import { TextStream, locate, quoteOf, sentenceBounds } from './document';
import { TextAmount, amountAt } from './money';
import { Statement, Unread } from './types';

const SUBJECT =
  /\b(?:soutien|participation|contribution|concours|enveloppe|engagement|financement|dotation)s?\s+(?:financi(?:er|[èe]re)s?\s+)?(?:total[e]?\s+)?(?:de\s+l'|(?:allou[ée]e?s?|apport[ée]e?s?|accord[ée]e?s?|vers[ée]e?s?)\s+par\s+l')[ÉéEe]tat\b/gi;

// The verb and what may stand between it and the figure: « s'élève à un montant de », « est fixé à ».
const VERB =
  /(?:s'[ée]l[èe]ve|s'[ée]tablit|se\s+monte|est\s+(?:fix[ée]e?|arr[êe]t[ée]e?|port[ée]e?)|atteint|repr[ée]sente|est)\s+(?:à\s+|de\s+)?(?:(?:un|au)\s+)?(?:(?:montant|total)\s+(?:total\s+)?(?:de\s+)?|la\s+somme\s+de\s+)?/iy;

/** True for the article 2 phrasing proper (« soutien financier de l'État »), preferred to the others. */
const ARTICLE_2 = /soutien\s+financier\s+de\s+l'[ÉéEe]tat/i;

export interface StateTotalReading {
  chosen: Statement | null;
  mentions: Statement[];
  unread: Unread[];
  /** The year the chosen sentence names (« Au titre de l'année 2023 »). */
  year: number | null;
}

export function readStateTotal(stream: TextStream): StateTotalReading {
  const text = stream.text;
  const mentions: Array<Statement & { article2: boolean }> = [];
  const unread: Unread[] = [];
  const seenSentences = new Set<number>();
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(text); m; m = SUBJECT.exec(text)) {
    const bounds = sentenceBounds(stream, m.index, m.index + m[0].length);
    if (seenSentences.has(bounds.start)) continue;
    // The verb follows the subject within the sentence, possibly after a complement (« allouée par
    // l'État au Département … »), and the figure follows the verb; « est de 50 % » is no amount.
    let amount: TextAmount | null = null;
    const from = m.index + m[0].length;
    for (let i = from; i < bounds.end && i - from < 200 && !amount; i++) {
      if (text[i - 1] !== ' ') continue;
      VERB.lastIndex = i;
      const v = VERB.exec(text);
      if (v) amount = amountAt(text, i + v[0].length, 4);
    }
    if (!amount) continue;
    seenSentences.add(bounds.start);
    const source = locate(stream, bounds.start, bounds.end, quoteOf(stream, bounds));
    if (amount.cents === null) {
      unread.push({ subject: 'stateTotal', reason: 'amountUnreadable', source, seen: [amount.shown] });
      continue;
    }
    mentions.push({ cents: amount.cents, source, article2: ARTICLE_2.test(text.slice(bounds.start, bounds.end)) });
  }

  // Article 2 phrasing first; the total is taken only when those sentences agree.
  const preferred = mentions.some((s) => s.article2) ? mentions.filter((s) => s.article2) : mentions;
  const amounts = new Set(preferred.map((s) => s.cents));
  let chosen: Statement | null = null;
  if (amounts.size > 1) {
    unread.push({ subject: 'stateTotal', reason: 'conflictingTotals', source: preferred[0].source, seen: preferred.map((s) => s.source.quote) });
  } else if (amounts.size === 1) {
    chosen = strip(preferred[0]);
  } else if (unread.length === 0) {
    // An unreadable figure (all `unread` holds so far) is said as such, not as a missing total.
    unread.push({ subject: 'stateTotal', reason: 'noStateTotal', source: null });
  }
  const ordered = [...mentions.filter((s) => s.article2), ...mentions.filter((s) => !s.article2)].map(strip);
  const year = chosen ? yearOf(chosen.source.quote) : null;
  return { chosen, mentions: ordered, unread, year };
}

function strip(s: Statement & { article2?: boolean }): Statement {
  return { cents: s.cents, source: s.source };
}

/** The sentence is quoted from the stream: one plain space between words. */
function yearOf(sentence: string): number | null {
  const m = /(?:ann[ée]e|exercice|titre de) ((?:19|20)\d\d)\b/i.exec(sentence) ?? /\b(?:en|pour) ((?:19|20)\d\d)\b/i.exec(sentence);
  return m ? Number(m[1]) : null;
}
