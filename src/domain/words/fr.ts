/** The engine's words in French, the product's first language (see types.ts). */
import Decimal from 'decimal.js';
import { CheckProblem, Finding, FormulaNote, Notice, PartRef, cellName, sheetRow } from '../findings';
import { columnLetters } from '../grid';
import { formulaForDisplay } from '../formulas';
import { rescale } from '../money';
import { AnnexTemplate } from '../template';
import { formatAmount, formatGap } from '../units';
import { Words } from './types';
import { columnTitle, headerName, shortText, tableName, totalName } from './common';

const and = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`);

/** « la ligne 46 », « les lignes 46 à 49 », « les lignes 12, 20 et 28 ». */
function lines(rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  if (sorted.length === 1) return `la ligne ${sorted[0]}`;
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (last - first + 1 === sorted.length || sorted.length > 6) return `les lignes ${first} à ${last}`;
  return `les lignes ${and(sorted.map(String))}`;
}

/**
 * « texte », with no-break spaces. Never « « doubled » »: a title in its own guillemets keeps them
 * alone; one with guillemets inside (« Solutions logement » pour les jeunes) goes in “ ”.
 */
const quote = (text: string) => (/^«[\s\S]*»$/.test(text.trim()) ? text : /[«»]/.test(text) ? `“${text}”` : `«\u00a0${text}\u00a0»`);

function partNames(parts: PartRef[], axis: FormulaNote['axis']): string {
  if (axis === 'columns') {
    const names = parts.map((p) => (p.label === 'valorisation' ? `${columnLetters(p.at.col)} (Dont valorisation CD)` : columnLetters(p.at.col)));
    return `${parts.length > 1 ? 'les colonnes' : 'la colonne'} ${and(names)}`;
  }
  if (parts.length === 1) {
    const label = parts[0].label ? ` (${parts[0].label})` : '';
    return `${lines([sheetRow(parts[0].at)])}${label}`;
  }
  return lines(parts.map((p) => sheetRow(p.at)));
}

function formulaClause(f: Finding, note: FormulaNote | undefined): string {
  if (!note) return '';
  // A formula the check does not read is shown as stored: translating it would be a guess.
  const shown = note.evaluated ? formulaForDisplay(note.text, 'fr') : note.text;
  if (!note.evaluated) return `\u202f; la formule ${shown} n’est pas évaluée par le contrôle`;
  const own = columnLetters(f.at.col);
  if (note.otherColumn !== undefined) return `\u202f; la formule ${shown} additionne la colonne ${columnLetters(note.otherColumn)}, pas la colonne ${own}`;
  // What it does, each said once: the formula named first, « elle » after.
  const does: string[] = [];
  const missing = note.missing;
  if (missing.length) {
    const what = partNames(missing, note.axis);
    const counted = `${what} ${missing.length > 1 ? 'ne sont pas comptées' : "n’est pas comptée"}`;
    const range = note.range;
    if (range && missing.every((p) => p.at.row > range.last)) does.push(`s’arrête à la ligne ${range.last + 1}\u00a0: ${counted}`);
    else if (range && missing.every((p) => p.at.row < range.first)) does.push(`commence à la ligne ${range.first + 1}\u00a0: ${counted}`);
    else does.push(`ne compte pas ${what}`);
  }
  if (note.extra.length) does.push(`compte aussi ${partNames(note.extra, note.axis)}`);
  if (note.textParts.length) does.push(`ignore ${and(note.textParts.map((p) => cellName(p.at)))}, saisi${note.textParts.length > 1 ? 's' : ''} en texte`);
  if (!does.length) return ` (formule ${shown})`;
  const [first, ...more] = does;
  return `\u202f; la formule ${shown} ${first}${more.map((d) => `\u202f; elle ${d}`).join('')}`;
}

function notice(n: Notice, template: AnnexTemplate): string {
  switch (n.code) {
    case 'SEVERAL_TABLES':
      return `La feuille «\u00a0${n.sheet}\u00a0» contient ${n.count} tableaux d’annexe 9\u00a0: chacun est contrôlé séparément.`;
    case 'MISSING_COLUMN':
      return `Tableau en ${tableName(n.table)}\u00a0: colonne ${columnTitle(template, n.column, 'fr')} introuvable\u202f; les contrôles qui en dépendent sont faits sans elle.`;
    case 'NO_IMPUTATION_COLUMN':
      return `Tableau en ${tableName(n.table)}\u00a0: pas de colonne «\u00a0${headerName(template, 'imputation')}\u00a0»\u202f; les codes ne sont ni contrôlés ni complétés.`;
    case 'NO_GRAND_TOTAL':
      return `Tableau en ${tableName(n.table)}\u00a0: pas de ligne «\u00a0${template.grandTotal.shown}\u00a0»\u202f; le total général n’est pas contrôlé.`;
    case 'THOUSANDS': {
      const said = n.said ? ` d’après ${quote(shortText(n.said))}${n.row !== null ? ` (ligne ${n.row + 1})` : ''}` : '';
      return `Tableau en ${tableName(n.table)}\u00a0: montants en milliers d’euros (k€)${said}\u202f; ils sont contrôlés et affichés dans cette unité, au dernier chiffre près.`;
    }
    case 'TABLE_ENDS': {
      const label = n.label ? ` (${quote(shortText(n.label))})` : '';
      return `Tableau en ${tableName(n.table)}\u00a0: le tableau s’arrête${n.lastRow !== null ? ` à la ligne ${n.lastRow + 1}` : ''}\u202f; le bloc qui commence ligne ${n.blockRow + 1}${label} n’est pas une annexe 9\u00a0: il n’est ni contrôlé ni complété.`;
    }
    case 'FORMULAS_COMPUTED': {
      const cells = n.cells.map(cellName);
      const shown = cells.length > 8 ? `${cells.slice(0, 8).join(', ')}…` : cells.join(', ');
      const s = cells.length > 1 ? 's' : '';
      return `Tableau en ${tableName(n.table)}\u00a0: ${cells.length} formule${s} sans valeur enregistrée (${shown}), contrôlée${s} sur ce que donne la formule\u202f; le fichier n’a pas été recalculé\u00a0: ouvrez-le et enregistrez-le dans Excel.`;
    }
    case 'UNCLASSIFIED_ROW': {
      const named = n.label ? ` (${quote(shortText(n.label))})` : ' (sans libellé)';
      const totals = n.totals.map((r) => r + 1);
      const which = totals.length ? `, ni ${totals.length > 1 ? 'les totaux' : 'le total'} qui l’englobe${totals.length > 1 ? 'nt' : ''} (${lines(totals)})` : '';
      const advice =
        n.labelRow !== undefined
          ? `Son libellé est celui de la ligne ${n.labelRow + 1}, fusionné jusqu’à elle\u00a0: défusionnez-le et donnez à cette ligne le sien (l’intitulé de son action, ou «\u00a0${template.subtotal.shown}\u00a0» si c’en est un).`
          : `Donnez-lui un libellé «\u00a0${template.subtotal.shown}\u00a0» si c’en est un.`;
      return `Ligne ${n.row + 1}${named}\u00a0: ligne de total que le contrôle ne reconnaît pas\u202f; elle n’est pas contrôlée${which}, et aucune imputation n’y est écrite. ${advice}`;
    }
    case 'ROW_READ_AS_TOTAL': {
      const named = n.label ? ` (${quote(shortText(n.label))})` : ' (sans libellé)';
      const as = n.as === 'subtotal' ? 'un sous-total' : 'le total général';
      const rows = lines(n.sumOf.map((r) => r + 1));
      return `Ligne ${n.row + 1}${named}\u00a0: lue comme ${as}, ses montants étant la somme ${rows.startsWith('les ') ? `des ${rows.slice(4)}` : `de ${rows}`}.`;
    }
  }
}

function problem(p: CheckProblem, template: AnnexTemplate): string {
  const names = (sheets: string[]) => sheets.map((s) => `«\u00a0${s}\u00a0»`).join(', ') || 'aucune';
  const { state, departement } = template.coFinancing;
  switch (p.kind) {
    case 'notAnnex':
      return `Aucune annexe 9 trouvée dans la feuille «\u00a0${p.sheet}\u00a0»\u00a0: le contrôle cherche une ligne d’en-tête où figurent au moins trois colonnes de montants, dont «\u00a0${headerName(template, state)}\u00a0» (${state}) et «\u00a0${headerName(template, departement)}\u00a0» (${departement}), avec par exemple «\u00a0${headerName(template, 'B')}\u00a0» (B) et «\u00a0${headerName(template, template.total.column)}\u00a0» (${template.total.column}). Ouvrez la feuille du tableau financier récapitulatif, ou vérifiez que l’en-tête n’a pas été supprimé.`;
    case 'summarySheet':
      return `La feuille «\u00a0${p.sheet}\u00a0» est une synthèse produite par le contrôle de l’annexe 9, pas une annexe\u00a0: contrôlez la feuille du tableau financier.`;
    case 'noSuchSheet':
      return `La feuille «\u00a0${p.sheet}\u00a0» n’existe pas dans ce classeur (feuilles\u00a0: ${names(p.sheets)}).`;
    case 'noAnnexInWorkbook':
      return `Aucune annexe 9 trouvée dans ce classeur (feuilles examinées\u00a0: ${names(p.sheets)}). Le contrôle cherche une ligne d’en-tête où figurent «\u00a0${headerName(template, state)}\u00a0» (${state}), «\u00a0${headerName(template, departement)}\u00a0» (${departement}) et au moins une autre colonne de montants comme «\u00a0${headerName(template, template.total.column)}\u00a0» (${template.total.column}).`;
  }
}

export const fr: Words = {
  lang: 'fr',
  quote,
  and,
  row: (n) => `ligne ${n}`,
  lines,
  amount: (m, unit) => formatAmount(m, unit, 'fr'),
  gap: (m, unit) => formatGap(m, unit, 'fr'),
  who: (f, template) => `${fr.name(f, template)} (ligne ${sheetRow(f.at)}${f.hidden ? ', ligne masquée' : ''})`,
  name(f, template) {
    if (f.rowKind === 'action' || f.rowKind === 'placeholder') return quote(f.rowLabel || 'action sans intitulé');
    return totalName(f, template, 'fr') ?? fr.kinds[f.rowKind];
  },
  colon: '\u00a0: ',
  about: (subject, says) => `${subject}${fr.colon}${says}`,
  theCell: (cell, merged) => (cell === null ? 'la cellule' : merged ? `la cellule fusionnée ${cell}` : cell),
  inCell: (cell, merged) => (cell === null ? 'dans la cellule' : merged ? `dans la cellule fusionnée ${cell}` : `en ${cell}`),
  // A column without a letter is named by its header, in guillemets (colonne « Dont valorisation CD »).
  column: (c) => (c === 'valorisation' ? quote('Dont valorisation CD') : c === 'imputation' ? quote('Imputation Chorus') : c),
  shownVersus(f, what) {
    const amount = (m: number | null) => (m !== null ? formatAmount(m, f.unit, 'fr') : '');
    const gap = f.difference !== null ? formatGap(f.difference, f.unit, 'fr') : '';
    return `${fr.column(f.column)} affiché ${amount(f.actual)}, ${what} ${amount(f.expected)} — écart ${gap}`;
  },
  adviceColumn: (f, template) => (f.column === 'valorisation' ? 'la valorisation' : f.column === 'imputation' ? fr.column(f.column) : (template.columnLetter[f.column] ?? f.column)),
  kinds: {
    action: 'Action',
    placeholder: 'Ligne modèle',
    themeHeader: 'Thème',
    subtotal: 'Sous-total',
    sectionTotal: 'Total de section',
    grandTotal: 'Total général',
    control: 'Total de contrôle',
    unclassified: 'Ligne non reconnue',
  },
  unreadable: {
    text: 'du texte, pas un montant',
    error: "une valeur d’erreur Excel",
    date: 'une date, pas un montant',
    boolean: 'une valeur logique, pas un montant',
    tooLarge: "un montant hors de portée (plus de 10\u202f000 milliards d’euros), que le contrôle ne peut pas additionner exactement",
    formulaWithoutValue: 'une formule sans valeur calculée, que le contrôle ne sait pas évaluer',
  },
  formula: (text) => formulaForDisplay(text, 'fr'),
  formulaClause,
  hiddenAmong(parts) {
    const hidden = parts.filter((p) => p.hidden).map((p) => sheetRow(p.at));
    return hidden.length ? ` (dont ${lines(hidden)}, masquée${hidden.length > 1 ? 's' : ''})` : '';
  },
  typedInEuros(f, typed, meant, column) {
    if (f.unit !== 'k€' || typed === null || meant === null || meant === 0) return '';
    const ratio = new Decimal(typed).dividedBy(meant).abs();
    if (ratio.lessThan(999) || ratio.greaterThan(1001)) return '';
    return ` Le montant de ${column} semble saisi en euros\u00a0: en milliers d’euros, ce serait ${formatAmount(rescale(typed, 3, 0), f.unit, 'fr')}.`;
  },
  proposalWhy: (reason, row) => `ligne ${row}\u00a0: ${fr.doubt[reason]}`,
  doubt: {
    ambiguousTheme: 'le thème correspond à plusieurs imputations',
    noTheme: "aucun thème ne permet de déduire l’imputation",
    noTitle: 'ni intitulé ni numéro de fiche, est-ce bien une action\u202f?',
    outsideTable: "hors du tableau de l’annexe\u202f? (après son dernier total)",
    sharedMerge: "la cellule d’imputation fusionnée couvre aussi des lignes qui ne sont pas des actions de ce bloc",
    mergedAcross: "la cellule d’imputation est fusionnée avec une autre colonne",
    notACode: "la cellule d’imputation contient un texte qui n’est pas un code Chorus",
  },
  fillSource: { block: 'repris du bloc', theme: 'déduit du thème', section: 'section des initiatives' },
  notice,
  problem,
};
