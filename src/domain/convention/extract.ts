/** Reading a convention: the State's total (article 2), the amounts per code (article 3.1), the fiches. */
import { AnnexTemplate, CALPAE_TEMPLATE } from '../template';
import { ConventionText, buildStream } from './document';
import { readCodeAmounts } from './codes';
import { readFiches } from './fiches';
import { readStateTotal } from './stateTotal';
import { ConventionExtraction } from './types';

export function extractConvention(doc: ConventionText, template: AnnexTemplate = CALPAE_TEMPLATE): ConventionExtraction {
  const stream = buildStream(doc);
  const total = readStateTotal(stream);
  const codes = readCodeAmounts(stream, template.codes.map((c) => c.code));
  const fiches = readFiches(stream, total.year);
  const year = total.year ?? fiches.yearsSeen[0] ?? null;
  // A box stating the year's budget (its total read or not: a fiche has a total only with its statement).
  const financialFiches = fiches.fiches.filter((f) => f.source !== null);
  // Signs of a convention even when its figures cannot be read: an article 2 sentence or an
  // activity code whose amount is unreadable is listed, not taken for another kind of text.
  const signs = [...total.unread, ...codes.unread].some((u) => u.reason !== 'noStateTotal');
  const isConvention = total.mentions.length > 0 || codes.codes.length > 0 || financialFiches.length > 0 || signs;
  return {
    format: doc.format,
    unit: doc.unit,
    parts: doc.parts.length,
    year,
    stateTotal: total.chosen,
    stateTotalMentions: total.mentions,
    codes: codes.codes,
    fiches: fiches.fiches,
    // A text that is no convention has nothing worth listing as unread.
    unread: isConvention ? [...total.unread, ...codes.unread, ...fiches.unread] : [],
    isConvention,
    removedLines: stream.removedLines,
  };
}
