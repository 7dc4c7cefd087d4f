/** What the Office side tells the user, French first, English when the pane is in English. */
import { Lang } from '../domain/messages';

type Action = 'mark' | 'fill' | 'clear' | 'summary';

const WHAT: Record<Action, Record<Lang, string>> = {
  mark: { fr: 'les marques ne peuvent pas être posées', en: 'the marks cannot be put on the sheet' },
  fill: { fr: 'les imputations ne peuvent pas être complétées', en: 'the Chorus codes cannot be filled in' },
  clear: { fr: 'les marques ne peuvent pas être effacées', en: 'the marks cannot be removed' },
  summary: { fr: 'la feuille de synthèse ne peut pas être insérée', en: 'the summary sheet cannot be inserted' },
};

const list = (cells: string[]) => cells.join(', ');

export const officeText = {
  protectedSheet(lang: Lang, action: Action = 'mark'): string {
    return lang === 'fr'
      ? `Feuille protégée : le contrôle a fonctionné mais ${WHAT[action].fr}. Ôtez la protection (Révision > Ôter la protection) ou utilisez la relecture seule.`
      : `Protected sheet: the check worked but ${WHAT[action].en}. Unprotect the sheet (Review > Unprotect Sheet) or use the read-only review.`;
  },
  readOnlyWorkbook(lang: Lang, action: Action = 'mark'): string {
    return lang === 'fr'
      ? `Classeur en lecture seule : le contrôle a fonctionné mais ${WHAT[action].fr}. Activez la modification (ou enregistrez une copie modifiable), puis recommencez.`
      : `Read-only workbook: the check worked but ${WHAT[action].en}. Enable editing (or save an editable copy), then try again.`;
  },
  accessDenied(lang: Lang): string {
    return lang === 'fr'
      ? "Excel a refusé l'écriture (feuille protégée ou classeur en lecture seule) : rien n'a été modifié."
      : 'Excel refused to write (protected sheet or read-only workbook): nothing was changed.';
  },
  apiTooOld(lang: Lang, version: string): string {
    return lang === 'fr'
      ? `Cette version d'Excel est trop ancienne pour le contrôle de l'annexe 9 (ensemble d'API ExcelApi ${version} requis, disponible dans Excel 2021, Microsoft 365 et Excel sur le web). Mettez Excel à jour ou ouvrez le classeur dans Excel sur le web.`
      : `This version of Excel is too old for the annex 9 check (ExcelApi ${version} is needed: Excel 2021, Microsoft 365 or Excel on the web). Update Excel or open the workbook in Excel on the web.`;
  },
  sheetGone(lang: Lang, sheet: string): string {
    return lang === 'fr'
      ? `La feuille « ${sheet} » n'existe plus (renommée ou supprimée) : relancez le contrôle.`
      : `Sheet "${sheet}" no longer exists (renamed or deleted): run the check again.`;
  },
  /** `where`: a cell (`L51`) or, from a change event, a range (`B5:C9`). */
  sheetChanged(lang: Lang, where: string): string {
    const range = where.includes(':');
    return lang === 'fr'
      ? `La feuille a été modifiée depuis le contrôle (${range ? 'cellules' : 'cellule'} ${where}) : relancez le contrôle avant de poser les marques. Rien n'a été modifié.`
      : `The sheet changed since the check (${range ? 'cells' : 'cell'} ${where}): run the check again before marking. Nothing was changed.`;
  },
  checkFirst(lang: Lang): string {
    return lang === 'fr'
      ? "Ce contrôle n'est plus celui de la feuille : relancez le contrôle avant de poser les marques. Rien n'a été modifié."
      : 'This check is no longer the sheet\'s: run the check again before marking. Nothing was changed.';
  },
  notAnnex(lang: Lang): string {
    return lang === 'fr' ? "Aucune annexe 9 contrôlée : lancez d'abord le contrôle sur la feuille du tableau." : 'No annex 9 checked: run the check on the table sheet first.';
  },
  nothingToMark(lang: Lang): string {
    return lang === 'fr' ? 'Aucune anomalie : rien à marquer. Les marques éventuelles d\'un contrôle précédent ont été retirées.' : 'No findings: nothing to mark. Marks left by an earlier check were removed.';
  },
  marked(lang: Lang, count: number, sheet: string): string {
    return lang === 'fr'
      ? `${count} cellule${count > 1 ? 's' : ''} marquée${count > 1 ? 's' : ''} sur la feuille « ${sheet} ». Une marque disparaît d'elle-même quand le chiffre est corrigé ; « Effacer les marques » les retire toutes.`
      : `${count} cell${count > 1 ? 's' : ''} marked on sheet "${sheet}". A mark goes away by itself once the figure is corrected; "Clear marks" removes them all.`;
  },
  nothingToFill(lang: Lang): string {
    return lang === 'fr' ? 'Aucune imputation Chorus à compléter.' : 'No Chorus code to fill in.';
  },
  filled(lang: Lang, count: number, skipped: string[]): string {
    const head =
      lang === 'fr'
        ? count === 0
          ? 'Aucune imputation complétée.'
          : `${count} imputation${count > 1 ? 's' : ''} Chorus complétée${count > 1 ? 's' : ''} (cellules en vert clair).`
        : count === 0
          ? 'No Chorus code filled in.'
          : `${count} Chorus code${count > 1 ? 's' : ''} filled in (light green cells).`;
    if (!skipped.length) return head;
    return lang === 'fr'
      ? `${head} Laissée${skipped.length > 1 ? 's' : ''} telle${skipped.length > 1 ? 's' : ''} quelle${skipped.length > 1 ? 's' : ''} car remplie${skipped.length > 1 ? 's' : ''} depuis le contrôle : ${list(skipped)}.`
      : `${head} Left as they are because they were filled since the check: ${list(skipped)}.`;
  },
  nothingToClear(lang: Lang): string {
    return lang === 'fr' ? 'Aucune marque ni imputation du contrôle sur cette feuille.' : 'No marks or filled codes from the check on this sheet.';
  },
  cleared(lang: Lang, marks: number, codes: number, kept: string[]): string {
    const head =
      lang === 'fr'
        ? `Marques retirées (${marks}) et imputations ajoutées par le contrôle effacées (${codes}) : la feuille est revenue à son état d'avant.`
        : `Marks removed (${marks}) and codes filled by the check cleared (${codes}): the sheet is back as it was.`;
    if (!kept.length) return head;
    return lang === 'fr'
      ? `${head} Conservée${kept.length > 1 ? 's' : ''} car modifiée${kept.length > 1 ? 's' : ''} depuis : ${list(kept)}.`
      : `${head} Kept because they were changed since: ${list(kept)}.`;
  },
  summaryUnavailable(lang: Lang): string {
    return lang === 'fr' ? "La feuille de synthèse n'est pas disponible dans cette version du complément." : 'The summary sheet is not available in this version of the add-in.';
  },
  journalUnreadable(lang: Lang): string {
    return lang === 'fr'
      ? "Le journal des modifications du contrôle, enregistré dans le classeur, est illisible : rien n'a été modifié. Les marques restent retirables une à une (Accueil > Mise en forme conditionnelle > Gérer les règles)."
      : "The check's change log stored in the workbook cannot be read: nothing was changed. Marks can still be removed one by one (Home > Conditional Formatting > Manage Rules).";
  },
};
