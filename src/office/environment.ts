/**
 * What the running Excel offers: requirement sets and the document's mode. Read through the
 * Office globals at call time, so the fake (tests, demo page) and real Office behave the same.
 */
import type { Lang } from '../domain/messages';
import { EXCEL_API_SET, MIN_EXCEL_API } from './requirements';

/**
 * Range.getMergedAreasOrNullObject is ExcelApi 1.13 (now MIN_EXCEL_API): without merged areas a
 * vertically merged Chorus code looks missing on every row but the first, so the check refuses to
 * run rather than report false findings on an Excel older than the manifest allows.
 */
export const MERGED_AREAS_API = '1.13';
/** Excel.run({ mergeUndoGroup: true }): one Ctrl+Z undoes one action. */
export const UNDO_GROUP_API = '1.20';

function officeGlobal(): typeof Office | undefined {
  return typeof Office === 'undefined' ? undefined : Office;
}

export function excelApiSupported(version: string): boolean {
  const office = officeGlobal();
  if (!office?.context?.requirements) return false;
  return office.context.requirements.isSetSupported(EXCEL_API_SET, version);
}

/** The highest of what the manifest declares and what reading a sheet needs. */
export function requiredExcelApi(): string {
  const [a, b] = [MIN_EXCEL_API, MERGED_AREAS_API].map((v) => v.split('.').map(Number));
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]) ? MIN_EXCEL_API : MERGED_AREAS_API;
}

/** The workbook was opened read-only (Protected View, a read-only file, Excel on the web in view mode). */
export function documentIsReadOnly(): boolean {
  const office = officeGlobal();
  const doc = office?.context?.document;
  if (!doc || !office?.DocumentMode) return false;
  return doc.mode === office.DocumentMode.ReadOnly;
}

/**
 * The pane opened outside Excel (in Word, PowerPoint… or a plain browser, where Office.onReady
 * says host null): what to tell the user, plainly; null in Excel.
 */
export function hostProblem(info: { host?: unknown } | null | undefined, lang: Lang): string | null {
  const host = info?.host ? String(info.host) : null;
  if (host === 'Excel') return null;
  if (!host) {
    return lang === 'fr'
      ? "Ce volet ne fonctionne que dans Excel\u00a0: ouvrez le classeur de l’annexe dans Excel, puis cliquez sur «\u00a0Contrôler l'annexe 9\u00a0» (onglet Accueil, groupe «\u00a0Annexe 9\u00a0»)."
      : 'This pane works only in Excel: open the annex workbook in Excel, then click "Check annex 9" (Home tab, "Annex 9" group).';
  }
  const name = host.slice(0, 40);
  return lang === 'fr'
    ? `Ce complément ne fonctionne que dans Excel, pas dans ${name}\u00a0: ouvrez le classeur de l’annexe dans Excel, puis cliquez sur «\u00a0Contrôler l'annexe 9\u00a0» (onglet Accueil, groupe «\u00a0Annexe 9\u00a0»).`
    : `This add-in works only in Excel, not in ${name}: open the annex workbook in Excel, then click "Check annex 9" (Home tab, "Annex 9" group).`;
}
