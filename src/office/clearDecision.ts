/**
 * What « Retirer les imputations complétées » and « Tout retirer… » may take back, decided from what the sheet shows now: the journal
 * in the workbook may be forged, so an entry is acted on only where the sheet confirms it.
 */
import { isBlankNow, isKnownChorusText } from './fills';
import { IgnoredEntry, JournalFill, cellAddress } from './journal';
import { CODE_TAG, CodeIdentity, isTagged, parseCodeIdentity } from './marks';

/** Filled codes identified at most per clear: a forged sheet cannot make it read more cells. */
const MAX_IDENTITIES = 2000;

/** The filled codes' identities the rules carry (at most MAX_IDENTITIES; the rest counted). */
export function codeIdentities(formulas: Array<string | null>): { identities: CodeIdentity[]; overLimit: number } {
  const identities: CodeIdentity[] = [];
  let overLimit = 0;
  for (const f of formulas) {
    const identity = isTagged(f, CODE_TAG) ? parseCodeIdentity(f) : null;
    if (!identity) continue;
    if (identities.length < MAX_IDENTITIES) identities.push(identity);
    else overLimit++;
  }
  return { identities, overLimit };
}

/** Text the add-in may put back where it wrote a code: what the cell held, if it was only spaces. */
const isBlankText = (s: string) => s.length <= 100 && s.trim() === '';

/**
 * A number format the add-in may put back on a cell it formatted as text: no literal text, no
 * empty section that hides the value, nothing that could make a figure look like another. The
 * formats a cell of an annex carries (General, amounts in euros, percentages) pass.
 */
export function isRestorableFormat(format: string): boolean {
  if (format === 'General' || format === 'Standard') return true;
  if (format.length > 64 || format.includes(';;') || /;\s*$/.test(format) || format.split(';').length > 4) return false;
  // Quoted text: currency signs and spaces only; escaped characters: a space or a currency sign.
  const withoutQuoted = format.replace(/"([^"]*)"/g, (_, inner: string) => (/^[\s€$£]*$/.test(inner) ? '' : '\u0000'));
  if (withoutQuoted.includes('\u0000') || withoutQuoted.includes('"')) return false;
  const withoutEscapes = withoutQuoted.replace(/\\(.)/g, (_, c: string) => (/[\s€$£]/.test(c) ? '' : '\u0000'));
  if (withoutEscapes.includes('\u0000')) return false;
  // What is left: digit placeholders, separators, signs, percent, exponents, colours and locales.
  return /^(?:[0#?.,%\s€$£()+\-/:Ee_*@]|\[(?:\$[^\]]{0,12}|Red|Black|Blue|Green|Rouge|Noir|Bleu|Vert|Couleur\d{1,2}|Color\d{1,2})\]|;)*$/i.test(withoutEscapes);
}

/** Dropped journal entries, by cell when they name one (at most 20 listed; the count says the rest). */
export function ignoredCells(entries: IgnoredEntry[]): string[] {
  return entries.map((i) => i.cell).filter((c): c is string => !!c);
}

export interface ClearDecision {
  restore: Array<{ fill: JournalFill; cell: string; range: Excel.Range; format?: string }>;
  /** Codes the user changed since (another value, a formula): kept. */
  kept: string[];
  /** Entries whose cell is gone, or no longer on its row (rows deleted, sorted): left as they are. */
  notFound: string[];
  /** Entries the sheet does not confirm as something the add-in could have written. */
  ignored: string[];
  /** Cells given back their content but left as text: the format the journal names is not one the add-in restores. */
  formatsLeft: string[];
}

/**
 * Which journal entries the sheet confirms. A code is taken back only where its rule (carrying
 * its id) is on exactly one cell, that cell holds exactly what was written, as a value, its row's
 * anchor still shows what it showed, what was written is a Chorus code of the template, and what
 * was there before is blank text. Its number format is put back only from text ('@', the
 * add-in's) to a format that cannot hide or change a figure.
 */
export function decideClear(fills: JournalFill[], identities: CodeIdentity[], cells: Map<string, Excel.Range>): ClearDecision {
  const out: ClearDecision = { restore: [], kept: [], notFound: [], ignored: [], formatsLeft: [] };
  const byId = new Map<string, CodeIdentity[]>();
  for (const identity of identities) byId.set(identity.id, [...(byId.get(identity.id) ?? []), identity]);
  const taken = new Set<string>();
  for (const fill of fills) {
    if (!isKnownChorusText(fill.written) || !isBlankText(fill.before) || !cellAddress(fill.cell)) {
      out.ignored.push(fill.cell);
      continue;
    }
    const found = byId.get(fill.id) ?? [];
    const identity = found.length === 1 ? found[0] : null;
    if (!identity?.cell || taken.has(identity.cell) || (fill.anchor && (!identity.hasAnchor || !identity.anchor))) {
      out.notFound.push(fill.cell);
      continue;
    }
    const range = cells.get(identity.cell);
    if (!range) {
      out.notFound.push(fill.cell);
      continue;
    }
    if (fill.anchor) {
      const anchorNow = cells.get(identity.anchor!)?.values[0][0];
      if (anchorNow !== fill.anchor.value) {
        out.notFound.push(fill.cell);
        continue;
      }
    }
    const value = range.values[0][0];
    const formula = range.formulas[0][0];
    const stillOurs = value === fill.written && !(typeof formula === 'string' && formula.startsWith('=')) && !isBlankNow(value, formula);
    if (!stillOurs) {
      out.kept.push(identity.cell);
      continue;
    }
    taken.add(identity.cell);
    let format: string | undefined;
    if (fill.numberFormatBefore !== undefined && range.numberFormat[0][0] === '@') {
      if (isRestorableFormat(fill.numberFormatBefore)) format = fill.numberFormatBefore;
      else out.formatsLeft.push(identity.cell);
    }
    out.restore.push({ fill, cell: identity.cell, range, format });
  }
  return out;
}
