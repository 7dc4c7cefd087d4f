/**
 * The pane's own words, French first. Findings' messages come from the engine (domain/messages.ts)
 * already in the right language; this module only holds the pane's labels and sentences.
 */
import type { Lang } from '../domain/messages';
import { isEnglishLocale } from '../office/locales';

export type { Lang };

/** English where the ribbon is English (the manifest's English locales, src/office/locales.ts), French otherwise. */
export function langFromDisplayLanguage(tag: string | undefined | null): Lang {
  return isEnglishLocale(tag) ? 'en' : 'fr';
}

/** The language Office shows its own interface in; French outside Office or before Office.onReady. */
export function detectLang(): Lang {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return langFromDisplayLanguage(office?.context?.displayLanguage);
  } catch {
    return 'fr';
  }
}

export type Task = 'check' | 'mark' | 'fill' | 'summary' | 'clear' | 'takeBack' | 'clearAll' | 'select';

export interface PaneStrings {
  appTitle: string;
  appSubtitle: string;
  actionsLabel: string;
  check: string;
  checkAgain: string;
  fill: string;
  summary: string;
  clear: string;
  takeBack: string;
  /** The toolbar's menu of the other commands: its accessible name, and the word it shows. */
  moreActions: string;
  moreActionsShort: string;
  /** Headers of the menu's groups: writing, reading other documents, taking back. */
  menuPanels: string;
  menuTakeBack: string;
  /** « Tout retirer… »: everything the add-in wrote for the checked sheet. */
  clearAll: string;
  clearAllNothing: string;
  writeCommandsLabel: string;
  reviewOnly: string;
  reviewOnlyHint: string;
  working: Record<Task, string>;
  /** Headline of a report: `2 anomalies sur 23 actions — annexe 9, feuille « Annexe 9 »`. */
  headline(findings: number, actions: number, sheet: string): string;
  /** The plain verdict of a clean sheet. */
  clean: string;
  cleanDetail(actions: number, subtotals: number): string;
  resultsLabel: string;
  findingsLabel: string;
  ruleGroup(title: string, count: number): string;
  cellLabel: string;
  goToCell(cell: string): string;
  rowLine(row: number): string;
  rowsLine(first: number, last: number): string;
  /** One merged cell standing for several actions (one card, one fill, one mark). */
  mergedCell(actions: number): string;
  fillsTitle(count: number): string;
  fillsIntro: string;
  proposalsTitle(count: number): string;
  noCandidate: string;
  or: string;
  confirmFillTitle(count: number): string;
  confirmFillIntro: string;
  confirmFill(count: number): string;
  codeLabel: string;
  confirmTakeBackTitle(count: number): string;
  confirmTakeBackIntro: string;
  confirmTakeBack(count: number): string;
  confirmClearAllTitle(sheet: string): string;
  confirmClearAllIntro: string;
  clearAllMarks(cells: number): string;
  clearAllCodes(count: number): string;
  clearAllSummaries(sheets: string[]): string;
  clearAllComparisons(sheets: string[]): string;
  clearAllConvention: string;
  clearAllKeptSheets(sheets: string[]): string;
  confirmClearAll: string;
  takeBackKept(cells: string[]): string;
  clearNothing: string;
  takeBackNothing: string;
  cancel: string;
  notAnnexTitle: string;
  notAnnexHint: string;
  errorTitle(task: Task): string;
  nothingChanged: string;
  staleTitle: string;
  staleBody: string;
  readOnlyTitle: string;
  readOnlyDefault: string;
  writingDisabledReview: string;
  writingDisabledReadOnly: string;
  fillNeedsCheck: string;
  fillNothing: string;
  summaryNeedsCheck: string;
  marked(count: number): string;
  reviewOnlyDone: string;
  notesTitle: string;
  legendTitle: string;
  legendRowTint: string;
  legendFilled: string;
  skipped(cells: string[]): string;
  intro: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const fr: PaneStrings = {
  appTitle: "Contrôle de l’annexe 9",
  appSubtitle: 'Tableau financier récapitulatif CALPAE',
  actionsLabel: 'Actions sur la feuille active',
  check: 'Vérifier la feuille',
  checkAgain: 'Vérifier à nouveau',
  fill: 'Compléter les imputations',
  summary: 'Insérer la synthèse',
  clear: 'Effacer les marques',
  takeBack: 'Retirer les imputations complétées',
  moreActions: 'Plus d’actions',
  moreActionsShort: 'Actions',
  menuPanels: 'Rapprocher et comparer',
  menuTakeBack: 'Retirer',
  clearAll: 'Tout retirer…',
  clearAllNothing: 'Rien à retirer\u00a0: ni marque, ni imputation, ni feuille du complément pour cette feuille.',
  writeCommandsLabel: 'Écrire dans le classeur',
  reviewOnly: 'Relecture seule',
  reviewOnlyHint: 'Contrôler sans rien écrire dans le classeur (fichier reçu par courriel, par exemple).',
  working: {
    check: 'Vérification de la feuille…',
    mark: 'Marquage des anomalies sur la feuille…',
    fill: 'Écriture des imputations…',
    summary: 'Insertion de la synthèse…',
    clear: 'Effacement des marques…',
    takeBack: 'Retrait des imputations complétées…',
    clearAll: 'Retrait de tout ce que le complément a écrit…',
    select: 'Sélection de la cellule…',
  },
  headline: (n, actions, sheet) =>
    `${n === 0 ? 'Aucune anomalie' : plural(n, 'anomalie', 'anomalies')} sur ${plural(actions, 'action', 'actions')} — annexe 9, feuille «\u00a0${sheet}\u00a0»`,
  clean: 'Aucune anomalie',
  cleanDetail: (actions, subtotals) =>
    `Les ${plural(actions, 'action', 'actions')} et ${plural(subtotals, 'sous-total', 'sous-totaux')} contrôlés sont justes\u00a0: totaux, cofinancement et imputations Chorus.`,
  resultsLabel: 'Résultats du contrôle',
  findingsLabel: 'Anomalies par règle',
  ruleGroup: (title, count) => `${title} (${count})`,
  cellLabel: 'Cellule',
  goToCell: (cell) => `Sélectionner la cellule ${cell}`,
  rowLine: (row) => `ligne ${row}`,
  rowsLine: (first, last) => `lignes ${first} à ${last}`,
  mergedCell: (n) => `1 cellule fusionnée pour ${n} actions`,
  fillsTitle: (n) => `Imputations Chorus à compléter (${n})`,
  fillsIntro: 'Codes déduits avec certitude de leur bloc ou de leur thème\u202f; «\u00a0Compléter les imputations\u00a0» les écrit.',
  proposalsTitle: (n) => `Imputations à choisir (${n})`,
  noCandidate: 'aucun thème reconnu\u00a0: code à saisir',
  or: ' ou ',
  confirmFillTitle: (n) => `Écrire ${plural(n, 'imputation', 'imputations')}\u202f?`,
  confirmFillIntro: "Seules les cellules encore vides au moment de l’écriture sont remplies\u202f; «\u00a0Retirer les imputations complétées\u00a0» les reprend.",
  confirmFill: (n) => `Écrire ${plural(n, 'code', 'codes')}`,
  codeLabel: 'Imputation Chorus',
  confirmTakeBackTitle: (n) => `Retirer ${plural(n, 'imputation complétée', 'imputations complétées')}\u202f?`,
  confirmTakeBackIntro: 'Ces cellules, remplies par le complément et inchangées depuis, redeviendront vides. Les marques des anomalies restent.',
  confirmTakeBack: (n) => `Vider ${plural(n, 'cellule', 'cellules')}`,
  confirmClearAllTitle: (sheet) => `Tout retirer pour la feuille «\u00a0${sheet}\u00a0»\u202f?`,
  confirmClearAllIntro: 'Le complément retire ce qu’il a écrit pour cette feuille, et seulement cela\u00a0:',
  clearAllMarks: (n) => `Marques des anomalies (${plural(n, 'cellule', 'cellules')})`,
  clearAllCodes: (n) => `${n > 1 ? 'Imputations complétées, qui redeviendront vides' : 'Imputation complétée, qui redeviendra vide'} (${n})`,
  clearAllSummaries: (sheets) => `${sheets.length > 1 ? 'Feuilles de synthèse' : 'Feuille de synthèse'} ${sheets.map((x) => `«\u00a0${x}\u00a0»`).join(', ')}, supprimée${sheets.length > 1 ? 's' : ''}`,
  clearAllComparisons: (sheets) => `${sheets.length > 1 ? 'Feuilles de comparaison' : 'Feuille de comparaison'} ${sheets.map((x) => `«\u00a0${x}\u00a0»`).join(', ')}, supprimée${sheets.length > 1 ? 's' : ''}`,
  clearAllConvention: 'Montants de la convention enregistrés pour cette feuille',
  clearAllKeptSheets: (sheets) =>
    `Conservée${sheets.length > 1 ? 's' : ''}, car modifiée${sheets.length > 1 ? 's' : ''} ou renommée${sheets.length > 1 ? 's' : ''} depuis l’insertion (ou protégée${sheets.length > 1 ? 's' : ''}, ou très masquée${sheets.length > 1 ? 's' : ''})\u00a0: ${sheets.map((x) => `«\u00a0${x}\u00a0»`).join(', ')}.`,
  confirmClearAll: 'Tout retirer',
  takeBackKept: (cells) => `Conservées car modifiées depuis\u00a0: ${cells.join(', ')}.`,
  clearNothing: 'Aucune marque sur la feuille.',
  takeBackNothing: 'Aucune imputation complétée par le complément sur la feuille.',
  cancel: 'Annuler',
  notAnnexTitle: "Cette feuille n’est pas une annexe 9",
  // The engine's message already says what was looked for and what to do.
  notAnnexHint: "Rien n’a été modifié dans le classeur.",
  errorTitle: (task) =>
    ({
      check: 'Le contrôle a échoué',
      mark: 'Le marquage a échoué',
      fill: "L’écriture des imputations a échoué",
      summary: "L’insertion de la synthèse a échoué",
      clear: "L’effacement des marques a échoué",
      takeBack: 'Le retrait des imputations complétées a échoué',
      clearAll: '«\u00a0Tout retirer\u00a0» a échoué',
      select: "La cellule n’a pas pu être sélectionnée",
    })[task],
  nothingChanged: "Rien n’a été modifié dans le classeur.",
  staleTitle: 'La feuille a changé depuis le contrôle',
  staleBody: 'Les résultats ci-dessous peuvent ne plus être à jour.',
  readOnlyTitle: 'Feuille en lecture seule',
  readOnlyDefault: 'Le classeur ne peut pas être modifié.',
  writingDisabledReview: '«\u00a0Relecture seule\u00a0» est activée\u00a0: rien ne sera écrit dans le classeur.',
  writingDisabledReadOnly: 'Écriture impossible\u00a0: les anomalies sont listées ici mais pas marquées sur la feuille.',
  fillNeedsCheck: "Vérifiez d’abord la feuille.",
  fillNothing: 'Aucune imputation à compléter.',
  summaryNeedsCheck: "Vérifiez d’abord la feuille.",
  marked: (n) => `${plural(n, 'cellule marquée', 'cellules marquées')} sur la feuille.`,
  reviewOnlyDone: 'Relecture seule\u00a0: rien n’a été écrit dans le classeur.',
  notesTitle: 'À savoir',
  legendTitle: 'Légende des couleurs sur la feuille',
  legendRowTint: 'Reste de la ligne concernée',
  legendFilled: 'Imputation complétée par le complément',
  skipped: (cells) => `Non remplies car saisies entre-temps\u00a0: ${cells.join(', ')}.`,
  intro:
    "Ouvrez la feuille de l’annexe 9 puis cliquez sur «\u00a0Vérifier la feuille\u00a0»\u00a0: les totaux, le cofinancement 50/50 et les imputations Chorus sont contrôlés au centime près.",
};

const en: PaneStrings = {
  appTitle: 'Annex 9 check',
  appSubtitle: 'CALPAE financial summary table',
  actionsLabel: 'Actions on the active sheet',
  check: 'Check the sheet',
  checkAgain: 'Check again',
  fill: 'Fill in Chorus codes',
  summary: 'Insert the summary',
  clear: 'Clear the marks',
  takeBack: 'Take back filled codes',
  moreActions: 'More actions',
  moreActionsShort: 'Actions',
  menuPanels: 'Reconcile and compare',
  menuTakeBack: 'Take back',
  clearAll: 'Remove everything…',
  clearAllNothing: 'Nothing to remove: no mark, code or sheet of the add-in for this sheet.',
  writeCommandsLabel: 'Write to the workbook',
  reviewOnly: 'Review only',
  reviewOnlyHint: 'Check without writing anything to the workbook (a file received by email, for instance).',
  working: {
    check: 'Checking the sheet…',
    mark: 'Marking the findings on the sheet…',
    fill: 'Writing the Chorus codes…',
    summary: 'Inserting the summary…',
    clear: 'Clearing the marks…',
    takeBack: 'Taking back the filled codes…',
    clearAll: 'Removing everything the add-in wrote…',
    select: 'Selecting the cell…',
  },
  headline: (n, actions, sheet) =>
    `${n === 0 ? 'No finding' : pluralEn(n, 'finding', 'findings')} in ${pluralEn(actions, 'action', 'actions')} — annex 9, sheet "${sheet}"`,
  clean: 'No finding',
  cleanDetail: (actions, subtotals) =>
    `The ${pluralEn(actions, 'action', 'actions')} and ${pluralEn(subtotals, 'subtotal', 'subtotals')} checked are right: totals, co-financing and Chorus codes.`,
  resultsLabel: 'Check results',
  findingsLabel: 'Findings by rule',
  ruleGroup: (title, count) => `${title} (${count})`,
  cellLabel: 'Cell',
  goToCell: (cell) => `Select cell ${cell}`,
  rowLine: (row) => `row ${row}`,
  rowsLine: (first, last) => `rows ${first} to ${last}`,
  mergedCell: (n) => `1 merged cell for ${n} actions`,
  fillsTitle: (n) => `Chorus codes to fill in (${n})`,
  fillsIntro: 'Codes inferred with certainty from their block or theme; "Fill in Chorus codes" writes them.',
  proposalsTitle: (n) => `Chorus codes to choose (${n})`,
  noCandidate: 'no theme recognised: type the code',
  or: ' or ',
  confirmFillTitle: (n) => `Write ${pluralEn(n, 'Chorus code', 'Chorus codes')}?`,
  confirmFillIntro: 'Only cells still empty at write time are filled; "Take back filled codes" removes them.',
  confirmFill: (n) => `Write ${pluralEn(n, 'code', 'codes')}`,
  codeLabel: 'Chorus code',
  confirmTakeBackTitle: (n) => `Take back ${pluralEn(n, 'filled code', 'filled codes')}?`,
  confirmTakeBackIntro: 'These cells, filled by the add-in and unchanged since, will be empty again. The marks of the findings stay.',
  confirmTakeBack: (n) => `Empty ${pluralEn(n, 'cell', 'cells')}`,
  confirmClearAllTitle: (sheet) => `Remove everything for sheet "${sheet}"?`,
  confirmClearAllIntro: 'The add-in removes what it wrote for this sheet, and only that:',
  clearAllMarks: (n) => `Marks of the findings (${pluralEn(n, 'cell', 'cells')})`,
  clearAllCodes: (n) => `${n === 1 ? 'Filled code, which will be empty again' : 'Filled codes, which will be empty again'} (${n})`,
  clearAllSummaries: (sheets) => `${sheets.length === 1 ? 'Summary sheet' : 'Summary sheets'} ${sheets.map((x) => `"${x}"`).join(', ')}, deleted`,
  clearAllComparisons: (sheets) => `${sheets.length === 1 ? 'Comparison sheet' : 'Comparison sheets'} ${sheets.map((x) => `"${x}"`).join(', ')}, deleted`,
  clearAllConvention: 'Convention amounts saved for this sheet',
  clearAllKeptSheets: (sheets) => `Kept, as changed or renamed since inserted (or protected, or very hidden): ${sheets.map((x) => `"${x}"`).join(', ')}.`,
  confirmClearAll: 'Remove everything',
  takeBackKept: (cells) => `Kept because changed since: ${cells.join(', ')}.`,
  clearNothing: 'No marks on the sheet.',
  takeBackNothing: 'No code filled in by the add-in on the sheet.',
  cancel: 'Cancel',
  notAnnexTitle: 'This sheet is not an annex 9',
  notAnnexHint: 'Nothing was changed in the workbook.',
  errorTitle: (task) =>
    ({
      check: 'The check failed',
      mark: 'Marking failed',
      fill: 'Writing the Chorus codes failed',
      summary: 'Inserting the summary failed',
      clear: 'Clearing the marks failed',
      takeBack: 'Taking back the filled codes failed',
      clearAll: '"Remove everything" failed',
      select: 'The cell could not be selected',
    })[task],
  nothingChanged: 'Nothing was changed in the workbook.',
  staleTitle: 'The sheet changed since the check',
  staleBody: 'The results below may be out of date.',
  readOnlyTitle: 'Read-only sheet',
  readOnlyDefault: 'The workbook cannot be changed.',
  writingDisabledReview: '"Review only" is on: nothing will be written to the workbook.',
  writingDisabledReadOnly: 'Writing is not possible: findings are listed here but not marked on the sheet.',
  fillNeedsCheck: 'Check the sheet first.',
  fillNothing: 'No Chorus code to fill in.',
  summaryNeedsCheck: 'Check the sheet first.',
  marked: (n) => `${pluralEn(n, 'cell', 'cells')} marked on the sheet.`,
  reviewOnlyDone: 'Review only: nothing was written to the workbook.',
  notesTitle: 'Good to know',
  legendTitle: 'Colour legend on the sheet',
  legendRowTint: 'Rest of the row concerned',
  legendFilled: 'Chorus code filled in by the add-in',
  skipped: (cells) => `Not filled because typed in meanwhile: ${cells.join(', ')}.`,
  intro:
    'Open the annex 9 sheet and click "Check the sheet": totals, 50/50 co-financing and Chorus codes are checked to the cent.',
};

export const STRINGS: Record<Lang, PaneStrings> = { fr, en };

export function strings(lang: Lang): PaneStrings {
  return STRINGS[lang];
}
