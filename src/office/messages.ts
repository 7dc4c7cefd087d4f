/** What the Office side tells the user, French first, English when the pane is in English. */
import { Lang } from '../domain/messages';

type Action = 'mark' | 'fill' | 'clear' | 'summary';

const WHAT: Record<Action, Record<Lang, string>> = {
  mark: { fr: 'les marques ne peuvent pas être posées', en: 'the marks cannot be put on the sheet' },
  fill: { fr: 'les imputations ne peuvent pas être complétées', en: 'the Chorus codes cannot be filled in' },
  clear: { fr: 'les marques ne peuvent pas être effacées', en: 'the marks cannot be removed' },
  summary: { fr: 'la feuille de synthèse ne peut pas être insérée', en: 'the summary sheet cannot be inserted' },
};

/** At most 20 cells, then how many more (a forged journal may name thousands). */
const list = (cells: string[], lang: Lang = 'fr') => {
  const shown = cells.slice(0, 20).join(', ');
  const more = cells.length - 20;
  return more > 0 ? `${shown}${lang === 'fr' ? ` et ${more} autre${more > 1 ? 's' : ''}` : ` and ${more} more`}` : shown;
};

/** What « Effacer les marques » did, for its message. */
export interface ClearReport {
  marks: number;
  restored: number;
  /** Codes changed by the user since: kept. */
  kept: string[];
  /** Codes not found where they were written (rows deleted, moved, sorted): left as they are. */
  notFound: string[];
  /** Journal entries the sheet did not confirm, by cell where they name one. */
  ignored: string[];
  ignoredCount: number;
  /** Cells left formatted as text. */
  formatsLeft: string[];
}

const s = (n: number) => (n > 1 ? 's' : '');

export const officeText = {
  protectedSheet(lang: Lang, action: Action = 'mark'): string {
    return lang === 'fr'
      ? `Feuille protégée\u00a0: le contrôle a fonctionné mais ${WHAT[action].fr}. Ôtez la protection (Révision > Ôter la protection) ou utilisez la relecture seule.`
      : `Protected sheet: the check worked but ${WHAT[action].en}. Unprotect the sheet (Review > Unprotect Sheet) or use the read-only review.`;
  },
  readOnlyWorkbook(lang: Lang, action: Action = 'mark'): string {
    return lang === 'fr'
      ? `Classeur en lecture seule\u00a0: le contrôle a fonctionné mais ${WHAT[action].fr}. Activez la modification (ou enregistrez une copie modifiable), puis recommencez.`
      : `Read-only workbook: the check worked but ${WHAT[action].en}. Enable editing (or save an editable copy), then try again.`;
  },
  accessDenied(lang: Lang): string {
    return lang === 'fr'
      ? "Excel a refusé l’écriture (feuille protégée ou classeur en lecture seule)\u00a0: rien n’a été modifié."
      : 'Excel refused to write (protected sheet or read-only workbook): nothing was changed.';
  },
  apiTooOld(lang: Lang, version: string): string {
    return lang === 'fr'
      ? `Cette version d’Excel est trop ancienne pour le contrôle de l’annexe 9 (ensemble d’API ExcelApi ${version} requis, disponible dans Excel 2021, Microsoft 365 et Excel sur le web). Mettez Excel à jour ou ouvrez le classeur dans Excel sur le web.`
      : `This version of Excel is too old for the annex 9 check (ExcelApi ${version} is needed: Excel 2021, Microsoft 365 or Excel on the web). Update Excel or open the workbook in Excel on the web.`;
  },
  sheetGone(lang: Lang, sheet: string): string {
    return lang === 'fr'
      ? `La feuille «\u00a0${sheet}\u00a0» n’existe plus (renommée ou supprimée)\u00a0: relancez le contrôle.`
      : `Sheet "${sheet}" no longer exists (renamed or deleted): run the check again.`;
  },
  /** `where`: a cell (`L51`) or, from a change event, a range (`B5:C9`). */
  sheetChanged(lang: Lang, where: string): string {
    const range = where.includes(':');
    return lang === 'fr'
      ? `La feuille a été modifiée depuis le contrôle (${range ? 'cellules' : 'cellule'} ${where})\u00a0: relancez le contrôle avant de poser les marques. Rien n’a été modifié.`
      : `The sheet changed since the check (${range ? 'cells' : 'cell'} ${where}): run the check again before marking. Nothing was changed.`;
  },
  checkFirst(lang: Lang): string {
    return lang === 'fr'
      ? "Ce contrôle n’est plus celui de la feuille\u00a0: relancez le contrôle avant de poser les marques. Rien n’a été modifié."
      : 'This check is no longer the sheet\'s: run the check again before marking. Nothing was changed.';
  },
  notAnnex(lang: Lang): string {
    return lang === 'fr' ? "Aucune annexe 9 contrôlée\u00a0: lancez d’abord le contrôle sur la feuille du tableau." : 'No annex 9 checked: run the check on the table sheet first.';
  },
  nothingToMark(lang: Lang): string {
    return lang === 'fr' ? 'Aucune anomalie\u00a0: rien à marquer. Les marques éventuelles d’un contrôle précédent ont été retirées.' : 'No findings: nothing to mark. Marks left by an earlier check were removed.';
  },
  marked(lang: Lang, count: number, sheet: string): string {
    return lang === 'fr'
      ? `${count} cellule${count > 1 ? 's' : ''} marquée${count > 1 ? 's' : ''} sur la feuille «\u00a0${sheet}\u00a0». Une marque disparaît d’elle-même quand le chiffre est corrigé\u202f; «\u00a0Effacer les marques\u00a0» les retire toutes.`
      : `${count} cell${count > 1 ? 's' : ''} marked on sheet "${sheet}". A mark goes away by itself once the figure is corrected; "Clear marks" removes them all.`;
  },
  nothingToFill(lang: Lang): string {
    return lang === 'fr' ? 'Aucune imputation Chorus à compléter.' : 'No Chorus code to fill in.';
  },
  filled(lang: Lang, count: number, skipped: string[], moved: string[] = []): string {
    const head =
      lang === 'fr'
        ? count === 0
          ? 'Aucune imputation complétée.'
          : `${count} imputation${s(count)} Chorus complétée${s(count)} (cellules en vert clair).`
        : count === 0
          ? 'No Chorus code filled in.'
          : `${count} Chorus code${s(count)} filled in (light green cells).`;
    let out = head;
    if (skipped.length) {
      const n = skipped.length;
      out +=
        lang === 'fr'
          ? ` Laissée${s(n)} telle${s(n)} quelle${s(n)} car remplie${s(n)} depuis le contrôle\u00a0: ${list(skipped)}.`
          : ` Left as they are because they were filled since the check: ${list(skipped, 'en')}.`;
    }
    if (moved.length) {
      const n = moved.length;
      out +=
        lang === 'fr'
          ? ` Non complétée${s(n)} car la ligne a changé depuis le contrôle (lignes insérées, supprimées ou triées)\u00a0: ${list(moved)}\u202f; relancez le contrôle.`
          : ` Not filled because the row changed since the check (rows inserted, deleted or sorted): ${list(moved, 'en')}; run the check again.`;
    }
    return out;
  },
  nothingToClear(lang: Lang): string {
    return lang === 'fr' ? 'Aucune marque ni imputation du contrôle sur cette feuille.' : 'No marks or filled codes from the check on this sheet.';
  },
  /** Says exactly what was removed, and what was not and why. */
  cleared(lang: Lang, r: ClearReport): string {
    const complete = !r.kept.length && !r.notFound.length && !r.ignoredCount && !r.formatsLeft.length;
    const fr = lang === 'fr';
    const out = fr
      ? `Marques retirées (${r.marks}) et imputations ajoutées par le contrôle effacées (${r.restored})${complete ? "\u00a0: la feuille est revenue à son état d’avant." : '.'}`
      : `Marks removed (${r.marks}) and codes filled by the check cleared (${r.restored})${complete ? ': the sheet is back as it was.' : '.'}`;
    return out + clearTail(lang, r);
  },
  /** « Retirer les imputations complétées »: what was emptied, and what was not and why. */
  codesTakenBack(lang: Lang, r: ClearReport): string {
    const n = r.restored;
    const head =
      lang === 'fr'
        ? n === 0
          ? 'Aucune imputation retirée.'
          : `${n} imputation${s(n)} complétée${s(n)} par le complément retirée${s(n)}\u00a0: ${n > 1 ? 'ces cellules sont' : 'la cellule est'} de nouveau vide${s(n)}. Les marques des anomalies restent.`
        : n === 0
          ? 'No code taken back.'
          : `${n} code${s(n)} filled in by the add-in taken back: ${n > 1 ? 'these cells are' : 'the cell is'} empty again. The marks of the findings stay.`;
    return head + clearTail(lang, r);
  },
  nothingToTakeBack(lang: Lang): string {
    return lang === 'fr' ? 'Aucune imputation complétée par le complément sur cette feuille\u00a0: rien à retirer.' : 'No code filled in by the add-in on this sheet: nothing to take back.';
  },
  /** « Effacer les marques » with no mark on the sheet. */
  noMarks(lang: Lang, codes: number): string {
    return (lang === 'fr' ? 'Aucune marque sur cette feuille.' : 'No marks on this sheet.') + codesStay(lang, codes);
  },
  /** « Effacer les marques »: `cells` as counted when marking (« 2 cellules marquées » → « Marques retirées (2) »). */
  marksCleared(lang: Lang, cells: number, codes: number): string {
    return (
      (lang === 'fr'
        ? `Marques retirées (${cells} cellule${s(cells)}).`
        : `Marks removed (${cells} cell${s(cells)}).`) + codesStay(lang, codes)
    );
  },
  summaryUnavailable(lang: Lang): string {
    return lang === 'fr' ? "La feuille de synthèse n’est pas disponible dans cette version du complément." : 'The summary sheet is not available in this version of the add-in.';
  },
  journalUnreadable(lang: Lang): string {
    return lang === 'fr'
      ? "Le journal des modifications du contrôle, enregistré dans le classeur, est illisible\u00a0: rien n’a été modifié. Les marques restent retirables une à une (Accueil > Mise en forme conditionnelle > Gérer les règles)."
      : "The check's change log stored in the workbook cannot be read: nothing was changed. Marks can still be removed one by one (Home > Conditional Formatting > Manage Rules).";
  },
};

/** What was not taken back, and why (both ways of taking back say it the same way). */
function clearTail(lang: Lang, r: ClearReport): string {
  const fr = lang === 'fr';
  let out = '';
    if (r.formatsLeft.length) {
      out += fr
        ? ` Format texte laissé en place (le format d’origine noté dans le journal n’a pas été remis)\u00a0: ${list(r.formatsLeft)}.`
        : ` Text format left in place (the original format the log names was not put back): ${list(r.formatsLeft, 'en')}.`;
    }
    if (r.notFound.length) {
      const n = r.notFound.length;
      out += fr
        ? ` Imputation${s(n)} introuvable${s(n)} à sa place (lignes supprimées, déplacées ou triées depuis), laissée${s(n)} telle${s(n)} quelle${s(n)}\u00a0: ${list(r.notFound)}.`
        : ` Code${s(n)} not found where written (rows deleted, moved or sorted since), left as they are: ${list(r.notFound, 'en')}.`;
    }
    if (r.ignoredCount) {
      const n = r.ignoredCount;
      const where = r.ignored.length ? `${fr ? '\u00a0:' : ':'} ${list(r.ignored, lang)}` : '';
      out += fr
        ? ` ${n} entrée${s(n)} du journal ignorée${s(n)}, non confirmée${s(n)} par la feuille (rien n’y a été écrit)${where}.`
        : ` ${n} log entr${n > 1 ? 'ies' : 'y'} ignored, not confirmed by the sheet (nothing was written there)${where}.`;
    }
    if (r.kept.length) {
      const n = r.kept.length;
      out += fr ? ` Conservée${s(n)} car modifiée${s(n)} depuis\u00a0: ${list(r.kept)}.` : ` Kept because they were changed since: ${list(r.kept, 'en')}.`;
    }
  return out;
}

/** Filled codes stay when only the marks go: said, with how to take them back. */
function codesStay(lang: Lang, codes: number): string {
  if (!codes) return '';
  return lang === 'fr'
    ? ` Les imputations complétées par le complément restent en place (${codes}, en vert clair)\u202f; «\u00a0Retirer les imputations complétées\u00a0» les reprend.`
    : ` The codes filled in by the add-in stay (${codes}, light green); "Take back filled codes" removes them.`;
}
