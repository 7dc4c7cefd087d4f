/** The engine's words in English, the product's second language (see types.ts). */
import Decimal from 'decimal.js';
import { CheckProblem, Finding, FormulaNote, Notice, PartRef, cellName, sheetRow } from '../findings';
import { columnLetters } from '../grid';
import { rescale } from '../money';
import { AnnexTemplate } from '../template';
import { formatAmount, formatGap } from '../units';
import { Words } from './types';
import { columnTitle, headerName, shortText, tableName, totalName } from './common';

const and = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** `row 46`, `rows 46 to 49`, `rows 12, 20 and 28`. */
function lines(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return `row ${sorted[0]}`;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (last - first + 1 === sorted.length || sorted.length > 6) return `rows ${first} to ${last}`;
  return `rows ${and(sorted.map(String))}`;
}

/** "text"; a title that has its own quotes or guillemets keeps them alone (never doubled). */
const quote = (text: string) => (/^(«[\s\S]*»|"[\s\S]*"|“[\s\S]*”)$/.test(text.trim()) ? text : `"${text}"`);

function partNames(parts: PartRef[], axis: FormulaNote['axis']): string {
  if (axis === 'columns') {
    const names = parts.map((p) => (p.label === 'valorisation' ? `${columnLetters(p.at.col)} (the valued share)` : columnLetters(p.at.col)));
    return `column${parts.length > 1 ? 's' : ''} ${and(names)}`;
  }
  if (parts.length === 1) {
    const label = parts[0].label ? ` (${parts[0].label})` : '';
    return `${lines([sheetRow(parts[0].at)])}${label}`;
  }
  return lines(parts.map((p) => sheetRow(p.at)));
}

function formulaClause(f: Finding, note: FormulaNote | undefined): string {
  if (!note) return '';
  const shown = note.text;
  if (!note.evaluated) return `; the formula ${shown} is not evaluated by the check`;
  const own = columnLetters(f.at.col);
  if (note.otherColumn !== undefined) return `; the formula ${shown} adds up column ${columnLetters(note.otherColumn)}, not column ${own}`;
  const does: string[] = [];
  const missing = note.missing;
  if (missing.length) {
    const what = partNames(missing, note.axis);
    const counted = `${what} ${missing.length > 1 ? 'are' : 'is'} not counted`;
    const range = note.range;
    if (range && missing.every((p) => p.at.row > range.last)) does.push(`stops at row ${range.last + 1}: ${counted}`);
    else if (range && missing.every((p) => p.at.row < range.first)) does.push(`starts at row ${range.first + 1}: ${counted}`);
    else does.push(`leaves out ${what}`);
  }
  if (note.extra.length) does.push(`also counts ${partNames(note.extra, note.axis)}`);
  if (note.textParts.length) does.push(`skips ${and(note.textParts.map((p) => cellName(p.at)))}, typed as text`);
  if (!does.length) return ` (formula ${shown})`;
  const [first, ...more] = does;
  return `; the formula ${shown} ${first}${more.map((d) => `; it ${d}`).join('')}`;
}

function notice(n: Notice, template: AnnexTemplate): string {
  switch (n.code) {
    case 'SEVERAL_TABLES':
      return `Sheet "${n.sheet}" holds ${n.count} annex 9 tables: each is checked on its own.`;
    case 'MISSING_COLUMN':
      return `Table at ${tableName(n.table)}: column ${columnTitle(template, n.column, 'en')} not found; checks that need it run without it.`;
    case 'NO_IMPUTATION_COLUMN':
      return `Table at ${tableName(n.table)}: no "${headerName(template, 'imputation')}" column; codes are neither checked nor filled.`;
    case 'NO_GRAND_TOTAL':
      return `Table at ${tableName(n.table)}: no "${template.grandTotal.shown}" row; the grand total is not checked.`;
    case 'THOUSANDS': {
      const said = n.said ? ` as said by ${quote(shortText(n.said))}${n.row !== null ? ` (row ${n.row + 1})` : ''}` : '';
      return `Table at ${tableName(n.table)}: amounts in thousands of euros (k€)${said}; they are checked and shown in that unit, to the last digit.`;
    }
    case 'TABLE_ENDS': {
      const label = n.label ? ` (${quote(shortText(n.label))})` : '';
      return `Table at ${tableName(n.table)}: the table ends${n.lastRow !== null ? ` at row ${n.lastRow + 1}` : ''}; the block starting at row ${n.blockRow + 1}${label} is not an annex 9: it is neither checked nor filled.`;
    }
    case 'FORMULAS_COMPUTED': {
      const cells = n.cells.map(cellName);
      const shown = cells.length > 8 ? `${cells.slice(0, 8).join(', ')}…` : cells.join(', ');
      return `Table at ${tableName(n.table)}: ${cells.length} formula${cells.length > 1 ? 's' : ''} with no stored value (${shown}), checked on what the formula gives; the file was not recalculated: open and save it in Excel.`;
    }
    case 'UNCLASSIFIED_ROW': {
      const named = n.label ? ` (${quote(shortText(n.label))})` : ' (no label)';
      const totals = n.totals.map((r) => r + 1);
      const which = totals.length ? `, nor the total${totals.length > 1 ? 's' : ''} around it (${lines(totals)})` : '';
      const advice =
        n.labelRow !== undefined
          ? `Its label is row ${n.labelRow + 1}'s, merged down over it: unmerge it and give this row its own (its action's title, or "${template.subtotal.shown}" if it is one).`
          : `Label it "${template.subtotal.shown}" if it is one.`;
      return `Row ${n.row + 1}${named}: a total row the check does not recognise; it is not checked${which}, and no code is written there. ${advice}`;
    }
    case 'ROW_READ_AS_TOTAL': {
      const named = n.label ? ` (${quote(shortText(n.label))})` : ' (no label)';
      const as = n.as === 'subtotal' ? 'a subtotal' : 'the grand total';
      return `Row ${n.row + 1}${named}: read as ${as}, its amounts being the sum of ${lines(n.sumOf.map((r) => r + 1))}.`;
    }
  }
}

function problem(p: CheckProblem, template: AnnexTemplate): string {
  // Sheets named as English names them ("Feuil1"), as the sheet of the sentence itself.
  const names = (sheets: string[]) => sheets.map((s) => `"${s}"`).join(', ') || 'none';
  const { state, departement } = template.coFinancing;
  switch (p.kind) {
    case 'notAnnex':
      return `No annex 9 found in sheet "${p.sheet}": the check looks for a header row naming at least three amount columns, including "${headerName(template, state)}" (${state}) and "${headerName(template, departement)}" (${departement}), with for instance "${headerName(template, 'B')}" (B) and "${headerName(template, template.total.column)}" (${template.total.column}). Open the sheet of the financial summary table, or check that its header was not deleted.`;
    case 'summarySheet':
      return `Sheet "${p.sheet}" is a summary made by the annex 9 check, not an annex: check the financial table sheet instead.`;
    case 'noSuchSheet':
      return `Sheet "${p.sheet}" does not exist in this workbook (sheets: ${names(p.sheets)}).`;
    case 'noAnnexInWorkbook':
      return `No annex 9 found in this workbook (sheets examined: ${names(p.sheets)}). The check looks for a header row with "${headerName(template, state)}" (${state}), "${headerName(template, departement)}" (${departement}) and at least one more amount column such as "${headerName(template, template.total.column)}" (${template.total.column}).`;
  }
}

export const en: Words = {
  lang: 'en',
  quote,
  and,
  row: (n) => `row ${n}`,
  lines,
  amount: (m, unit) => formatAmount(m, unit, 'en'),
  gap: (m, unit) => formatGap(m, unit, 'en'),
  who: (f, template) => `${en.name(f, template)} (row ${sheetRow(f.at)}${f.hidden ? ', hidden row' : ''})`,
  name(f, template) {
    if (f.rowKind === 'action' || f.rowKind === 'placeholder') return quote(f.rowLabel || 'untitled action');
    return totalName(f, template, 'en') ?? en.kinds[f.rowKind];
  },
  colon: ': ',
  about: (subject, says) => `${subject}${en.colon}${says}`,
  theCell: (cell, merged) => (cell === null ? 'the cell' : merged ? `the merged cell ${cell}` : cell),
  inCell: (cell, merged) => `in ${en.theCell(cell, merged)}`,
  column: (c) => (c === 'valorisation' ? 'Valued share' : c === 'imputation' ? 'Chorus code' : c),
  shownVersus(f, what) {
    const amount = (m: number | null) => (m !== null ? formatAmount(m, f.unit, 'en') : '');
    const gap = f.difference !== null ? formatGap(f.difference, f.unit, 'en') : '';
    return `${en.column(f.column)} shows ${amount(f.actual)}, ${what} ${amount(f.expected)} — gap ${gap}`;
  },
  adviceColumn: (f, template) => (f.column === 'valorisation' ? 'the valued share' : f.column === 'imputation' ? en.column(f.column) : (template.columnLetter[f.column] ?? f.column)),
  kinds: {
    action: 'Action',
    placeholder: 'Template row',
    themeHeader: 'Theme',
    subtotal: 'Subtotal',
    sectionTotal: 'Section total',
    grandTotal: 'Grand total',
    control: 'Control total',
    unclassified: 'Unrecognised row',
  },
  unreadable: {
    text: 'text, not an amount',
    error: 'an Excel error value',
    date: 'a date, not an amount',
    boolean: 'a logical value, not an amount',
    tooLarge: 'an amount out of range (over ten thousand billion euros), which the check cannot add up exactly',
    formulaWithoutValue: 'a formula with no computed value, which the check does not evaluate',
  },
  formula: (text) => text,
  formulaClause,
  hiddenAmong(parts) {
    const hidden = parts.filter((p) => p.hidden).map((p) => sheetRow(p.at));
    return hidden.length ? ` (including ${lines(hidden)}, hidden)` : '';
  },
  typedInEuros(f, typed, meant, column) {
    if (f.unit !== 'k€' || typed === null || meant === null || meant === 0) return '';
    const ratio = new Decimal(typed).dividedBy(meant).abs();
    if (ratio.lessThan(999) || ratio.greaterThan(1001)) return '';
    return ` The amount in ${column} looks typed in euros: in thousands, it would be ${formatAmount(rescale(typed, 3, 0), f.unit, 'en')}.`;
  },
  proposalWhy: (reason, row) => `row ${row}: ${en.doubt[reason]}`,
  doubt: {
    ambiguousTheme: 'the theme fits several codes',
    noTheme: 'no theme to infer the code from',
    noTitle: 'no title nor fiche number, is it an action?',
    outsideTable: 'outside the annex table? (after its last total)',
    sharedMerge: 'the merged code cell also covers rows that are not actions of this block',
    mergedAcross: 'the code cell is merged with another column',
    notACode: 'the code cell holds text that is not a Chorus code',
  },
  fillSource: { block: 'carried from its block', theme: 'inferred from the theme', section: 'initiatives section' },
  notice,
  problem,
};
