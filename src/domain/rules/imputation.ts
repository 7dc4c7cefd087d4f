/**
 * MISSING_IMPUTATION (docs/annexe9.md, règle 6): every action row with money on it carries its
 * Chorus code. A row inside a vertically merged code cell has its code; a blank, unmerged one is
 * missing. The finding says which code to write and where it comes from — its block, its theme,
 * the initiatives section — or, when the row or the code is not certain, proposes it with why:
 * a code is written only where nothing is in doubt (fills.ts turns these findings into the plan).
 */
import { CellRef, FillSource, FindingOf, ProposalReason } from '../findings';
import { AnnexRow, RowKind } from '../rows';
import { AnnexTemplate, ColumnKey, codesForTheme, sectionOf } from '../template';
import { shortText } from '../words/common';
import { Lang } from '../words/types';
import { CheckTable, Rule } from './types';
import { ownCell, sameCell } from './words';

/** The rows a block's merged code cell may cover: its actions, and its template rows (« Intitulé de l’action n°2 »). */
const ACTION_KINDS: ReadonlySet<RowKind> = new Set<RowKind>(['action', 'placeholder']);

/** A doubt about the row itself (not about which code its theme gives): the code is known, the row is not certain. */
const rowDoubt = (doubt: ProposalReason | undefined) => doubt !== undefined && doubt !== 'ambiguousTheme' && doubt !== 'noTheme';

/** Why the code cell, not empty, holds no code: « la cellule d’imputation contient « à compléter », … ». */
function cellWhy(f: FindingOf<'MISSING_IMPUTATION'>, template: AnnexTemplate, lang: Lang): string | null {
  const { doubt, mergedWith, shown } = f.args;
  if (doubt === 'mergedAcross') {
    const name = template.columnNames[mergedWith!]![lang];
    return lang === 'fr' ? `la cellule d’imputation est fusionnée avec la colonne «\u00a0${name}\u00a0»` : `the code cell is merged with the column "${name}"`;
  }
  if (doubt === 'notACode') {
    const words = shortText(shown!);
    return lang === 'fr' ? `la cellule d’imputation contient «\u00a0${words}\u00a0», qui n’est pas un code Chorus` : `the code cell holds "${words}", which is not a Chorus code`;
  }
  return null;
}

export const missingImputation: Rule<'MISSING_IMPUTATION'> = {
  code: 'MISSING_IMPUTATION',
  priority: 8,
  title: { fr: () => 'Imputations Chorus manquantes', en: () => 'Missing Chorus codes' },
  message: {
    fr(f, w, t, cellShown) {
      const { code, source, candidates, doubt } = f.args;
      // The code goes into its target (a merged cell's top left): named unless shown beside the message.
      const merged = !sameCell(f.args.target, f.at);
      const cell = w.theCell(ownCell(f.args.target, cellShown), merged);
      const inCell = w.inCell(ownCell(f.args.target, cellShown), merged);
      let what: string;
      let advice: string;
      const why = cellWhy(f, t, 'fr');
      if (why) {
        // Never written over: what the cell holds, the code if one is likely, and what to do first.
        if (candidates.length === 1) what = `«\u00a0${candidates[0]}\u00a0» probable, non écrit (${why})`;
        else if (candidates.length) what = `le thème ne permet pas de choisir\u00a0: ${candidates.map((x) => `«\u00a0${x}\u00a0»`).join(' ou ')} (${why})`;
        else what = `à saisir (${why})`;
        advice = doubt === 'mergedAcross' ? `Défusionnez ${cell} avant d’y saisir le code.` : `Remplacez ce texte ${inCell} par le code.`;
      } else if (rowDoubt(doubt) && candidates.length) {
        what = `«\u00a0${candidates[0]}\u00a0» probable, non écrit (${w.doubt[doubt]})`;
        advice = `Vérifiez la ligne avant de saisir le code ${inCell}.`;
      } else if (code && source) {
        what = `à compléter par «\u00a0${code}\u00a0» (${w.fillSource[source]})`;
        advice = `Complétez ${cell} avec ce code.`;
      } else if (candidates.length) {
        what = `le thème ne permet pas de choisir\u00a0: ${candidates.map((x) => `«\u00a0${x}\u00a0»`).join(' ou ')}`;
        advice = `Choisissez le bon code et saisissez-le ${inCell}.`;
      } else {
        what = 'à saisir (aucun thème ne permet de la déduire)';
        // A theme that names no code is no doubt about the row: nothing to check, a code to type.
        advice = `Saisissez le code Chorus de l’action ${inCell}.`;
      }
      return { about: w.who(f, t), says: `imputation Chorus manquante, ${what}. ${advice}` };
    },
    en(f, w, t, cellShown) {
      const { code, source, candidates, doubt } = f.args;
      const merged = !sameCell(f.args.target, f.at);
      const cell = w.theCell(ownCell(f.args.target, cellShown), merged);
      const inCell = w.inCell(ownCell(f.args.target, cellShown), merged);
      let what: string;
      let advice: string;
      const why = cellWhy(f, t, 'en');
      if (why) {
        if (candidates.length === 1) what = `"${candidates[0]}" likely, not written (${why})`;
        else if (candidates.length) what = `the theme does not settle it: ${candidates.map((x) => `"${x}"`).join(' or ')} (${why})`;
        else what = `to be typed (${why})`;
        advice = doubt === 'mergedAcross' ? `Unmerge ${cell} before typing the code in it.` : `Replace this text ${inCell} with the code.`;
      } else if (rowDoubt(doubt) && candidates.length) {
        what = `"${candidates[0]}" likely, not written (${w.doubt[doubt]})`;
        advice = `Check the row before typing the code ${inCell}.`;
      } else if (code && source) {
        what = `to be filled with "${code}" (${w.fillSource[source]})`;
        advice = `Fill ${cell} with this code.`;
      } else if (candidates.length) {
        what = `the theme does not settle it: ${candidates.map((x) => `"${x}"`).join(' or ')}`;
        advice = `Choose the right code and type it ${inCell}.`;
      } else {
        what = 'to be typed (no theme to infer it from)';
        advice = `Type the action's Chorus code ${inCell}.`;
      }
      return { about: w.who(f, t), says: `Chorus code missing, ${what}. ${advice}` };
    },
  },
  mark: { fill: '#9FDCC8', symbol: '#' },
  doc: 'an action row with money and no Chorus code',
  // Text in the code cell (never written over) stays until the user replaces it or unmerges the cell.
  live: (f) => (f.args.shown !== undefined ? { kind: 'shows', text: f.args.shown } : { kind: 'blank' }),
  check(t) {
    if (t.layout.columns.imputation === undefined) return [];
    // Rows after the last total of a table with no grand total may be another block: not certain.
    const closedAt = t.table.hasGrandTotal ? null : t.table.lastTotal;
    const out = [];
    const codeCol = t.layout.columns.imputation;
    for (const row of t.table.rows) {
      // A code cell that shows words but no code (« à compléter », a title merged across) has no code either.
      if (row.kind !== 'action' || row.imputation.code !== null) continue;
      const hasMoney = t.amountColumns.some((k) => {
        const x = t.value(row, k);
        return typeof x === 'number' && x !== 0;
      });
      if (!hasMoney) continue;
      // Not empty: the code belongs in the code column, on the merge's top row when merged down.
      const gridTarget = row.imputation.target ?? { row: t.merges.areaAt(row.index, codeCol)?.top ?? row.index, col: codeCol };
      const target: CellRef = { row: t.origin.row + gridTarget.row, col: t.origin.col + gridTarget.col };
      const decision = decide(t, row, gridTarget, closedAt);
      const inCell = row.imputation.text ? notEmpty(t, row, codeCol, decision) : null;
      out.push(t.finding('MISSING_IMPUTATION', row, 'imputation', null, null, { ...(inCell ?? decision), target }));
    }
    return out;
  },
};

interface Decision {
  code: string | null;
  source: FillSource | null;
  candidates: string[];
  doubt?: ProposalReason;
  mergedWith?: ColumnKey;
  shown?: string;
  shownAt?: CellRef;
}

/**
 * A code cell that shows text but no code is never written over: the code (or the theme's
 * candidates) is proposed, saying whether the cell is merged with another column or holds words.
 */
function notEmpty(t: CheckTable, row: AnnexRow, codeCol: number, decision: Decision): Decision {
  const candidates = decision.code ? [decision.code] : decision.candidates;
  const area = t.merges.areaAt(row.index, codeCol);
  // The table's other columns under the same merge, the title first (the usual case).
  const others = area
    ? (Object.keys(t.layout.columns) as ColumnKey[])
        .filter((k) => k !== 'imputation' && t.layout.columns[k]! >= area.left && t.layout.columns[k]! <= area.right)
        .sort((a, b) => (a === 'title' ? -1 : b === 'title' ? 1 : t.layout.columns[a]! - t.layout.columns[b]!))
    : [];
  // The cell's own text, as Excel holds it (line breaks, no-break spaces): the mark compares it with
  // the cell; the message shortens it. A number shown there keeps the text the engine read.
  const value = t.merges.shownCell(row.index, codeCol)?.value;
  const shown = typeof value === 'string' ? value : row.imputation.text!;
  if (area && others.length) {
    const merged: Decision = { code: null, source: null, candidates, doubt: 'mergedAcross', mergedWith: others[0], shown };
    return area.left < codeCol ? { ...merged, shownAt: { row: t.origin.row + area.top, col: t.origin.col + area.left } } : merged;
  }
  return { code: null, source: null, candidates, doubt: 'notACode', shown };
}

/** Which code, from where, and whether the row is certain enough to write it. */
function decide(t: CheckTable, row: AnnexRow, target: { row: number; col: number }, closedAt: number | null): Decision {
  const { template, table } = t;
  const block = row.block !== null ? table.blocks[row.block] : null;
  let code: string | null = null;
  let source: FillSource | null = null;
  let reason: ProposalReason | null = null;
  let candidates: string[] = [];
  if (block?.codeText) {
    code = block.codeText;
    source = 'block';
  } else {
    const byTheme = block ? codesForTheme(template, block.themeNormalized) : [];
    // A section may give its rows a code of its own (the initiatives' « Initiatives locales »).
    const sectionCode = sectionOf(template, row.section)?.code;
    const ofSection = sectionCode ? template.codes.find((c) => c.code === sectionCode) : undefined;
    if (byTheme.length > 1) [reason, candidates] = ['ambiguousTheme', byTheme.map((c) => c.label)];
    else if (byTheme.length === 1) [code, source] = [byTheme[0].label, 'theme'];
    else if (ofSection) [code, source] = [ofSection.label, 'section'];
    else reason = 'noTheme';
  }
  // The code is known; is the row certainly an action of this table, and the cell only its own?
  if (code) {
    const doubt = doubtAbout(t, row, target, closedAt);
    if (doubt) return { code: null, source: null, candidates: [code], doubt };
  }
  return reason ? { code, source, candidates, doubt: reason } : { code, source, candidates };
}

/** What keeps a code from being written on this row, or null when nothing does. */
function doubtAbout(t: CheckTable, row: AnnexRow, target: { row: number; col: number }, closedAt: number | null): ProposalReason | null {
  if (!row.fiche && !row.label) return 'noTitle';
  // From the row after the closing total on (closedAt is a total's row: no action is on it).
  if (closedAt !== null && row.index >= closedAt + 1) return 'outsideTable';
  // Stryker disable next-line ConditionalExpression,EqualityOperator: rows.ts stops listing rows at table.end, so this guard of the write never fires today
  if (row.index >= t.table.end) return 'outsideTable';
  // A merged code cell is written once for all the rows it covers: each must be an action of the block.
  const area = t.merges.areaAt(target.row, target.col);
  if (area) {
    for (let r = area.top; r <= area.bottom; r++) {
      const other = t.rowAt(r);
      if (!other) continue; // a blank row inside the merge
      // (Totals and unread rows have no block, a theme header no title: the kind is a second guard.)
      if (!ACTION_KINDS.has(other.kind) || other.block !== row.block || (!other.label && !other.fiche)) return 'sharedMerge';
    }
  }
  return null;
}
