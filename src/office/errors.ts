/**
 * Office errors in plain words. Excel reports a failure with a code (OfficeExtension.Error.code;
 * the list is the "Excel JavaScript API error codes" table of Microsoft's error-handling article):
 * each code the add-in can meet gets a French sentence saying what happened and what to do
 * (English for an English pane). Whether anything was written matters to the user: Excel does not
 * roll back a batch that failed half-way, so a write that failed says how to take back the rest.
 */
import { Lang } from '../domain/messages';

export type OfficeAction = 'check' | 'mark' | 'fill' | 'clear' | 'summary' | 'select' | 'diagnostic';

type Text = Record<Lang, string>;

/** What to say per code: the cause and what to do. */
const CODES: Record<string, Text> = {
  InvalidOperationInCellEditMode: {
    fr: 'Excel est en train de modifier une cellule\u00a0: validez la saisie (Entrée) ou appuyez sur Échap, puis recommencez.',
    en: 'Excel is editing a cell: press Enter to confirm or Esc to cancel, then try again.',
  },
  AccessDenied: {
    fr: "Excel a refusé l’écriture (feuille protégée ou classeur en lecture seule)\u00a0: ôtez la protection ou activez la modification, puis recommencez.",
    en: 'Excel refused to write (protected sheet or read-only workbook): unprotect the sheet or enable editing, then try again.',
  },
  ItemNotFound: {
    fr: "Un élément dont le complément avait besoin a disparu pendant l’opération (feuille supprimée ou renommée, lignes supprimées)\u00a0: relancez le contrôle.",
    en: 'Something the add-in needed disappeared during the operation (a sheet deleted or renamed, rows deleted): run the check again.',
  },
  ApiNotFound: {
    fr: "Cette version d’Excel ne connaît pas une fonction dont le complément a besoin\u00a0: mettez Excel à jour (Fichier > Compte > Options de mise à jour) ou ouvrez le classeur dans Excel sur le web.",
    en: 'This version of Excel lacks a function the add-in needs: update Excel (File > Account > Update Options) or open the workbook in Excel on the web.',
  },
  RequestPayloadSizeLimitExceeded: {
    fr: "La feuille est trop volumineuse pour les échanges avec Excel sur le web, même lue par morceaux\u00a0: supprimez les lignes et colonnes vides en fin de feuille (elles comptent dans la zone utilisée) ou ouvrez le classeur dans Excel pour Windows ou Mac.",
    en: 'The sheet is too large for Excel on the web, even read in pieces: delete the empty rows and columns at the end of the sheet (they count in the used range) or open the workbook in Excel for Windows or Mac.',
  },
  GeneralException: {
    fr: "Excel a signalé une erreur interne\u00a0: enregistrez le classeur, fermez-le puis rouvrez-le, et recommencez. Si l’erreur revient, lancez «\u00a0Diagnostic Excel\u00a0» (menu Aide) et transmettez le rapport.",
    en: 'Excel reported an internal error: save the workbook, close and reopen it, then try again. If it happens again, run "Excel diagnostic" (Help menu) and send the report.',
  },
  ActivityLimitReached: {
    fr: "Excel a atteint sa limite d’activité pour ce classeur\u00a0: attendez une minute, puis recommencez.",
    en: 'Excel reached its activity limit for this workbook: wait a minute, then try again.',
  },
  ServiceNotAvailable: {
    fr: "Excel sur le web est momentanément indisponible\u00a0: attendez un peu, puis recommencez.",
    en: 'Excel on the web is not available for the moment: wait a little, then try again.',
  },
  RequestAborted: {
    fr: "La demande a été interrompue (connexion, classeur fermé)\u00a0: vérifiez que le classeur est ouvert, puis recommencez.",
    en: 'The request was interrupted (connection, workbook closed): check the workbook is open, then try again.',
  },
  Unauthenticated: {
    fr: "Votre session a expiré\u00a0: reconnectez-vous (actualisez la page d’Excel sur le web), puis recommencez.",
    en: 'Your session expired: sign in again (refresh the Excel on the web page), then try again.',
  },
  InactiveWorkbook: {
    fr: "Le classeur n’est plus actif (une autre fenêtre a le focus ou il a été fermé)\u00a0: revenez dans le classeur, puis recommencez.",
    en: 'The workbook is no longer active (another window has the focus, or it was closed): go back to the workbook, then try again.',
  },
  Conflict: {
    fr: "Quelqu’un d’autre modifie le classeur en même temps\u00a0: attendez la fin de sa modification, puis recommencez.",
    en: 'Someone else is changing the workbook at the same time: wait until they are done, then try again.',
  },
  MemoryLimitReached: {
    fr: 'Excel manque de mémoire pour cette feuille\u00a0: fermez les autres classeurs, puis recommencez.',
    en: 'Excel ran out of memory for this sheet: close other workbooks, then try again.',
  },
  InvalidArgument: {
    fr: "Excel a refusé une demande du complément (argument non valide)\u00a0: relancez le contrôle\u202f; si l’erreur revient, lancez «\u00a0Diagnostic Excel\u00a0» (menu Aide) et transmettez le rapport.",
    en: 'Excel refused a request of the add-in (invalid argument): run the check again; if it happens again, run "Excel diagnostic" (Help menu) and send the report.',
  },
  InvalidOperation: {
    fr: "Excel a refusé une opération du complément dans l’état actuel du classeur\u00a0: relancez le contrôle\u202f; si l’erreur revient, lancez «\u00a0Diagnostic Excel\u00a0» (menu Aide) et transmettez le rapport.",
    en: 'Excel refused an operation of the add-in in the workbook\'s current state: run the check again; if it happens again, run "Excel diagnostic" (Help menu) and send the report.',
  },
  InvalidReference: {
    fr: "Une référence n’est plus valide (cellules supprimées ou déplacées)\u00a0: relancez le contrôle.",
    en: 'A reference is no longer valid (cells deleted or moved): run the check again.',
  },
  ItemAlreadyExists: {
    fr: 'Une feuille de ce nom existe déjà\u00a0: relancez l’opération (le complément choisit un autre nom).',
    en: 'A sheet of that name already exists: try again (the add-in picks another name).',
  },
  MergedRangeConflict: {
    fr: 'Des cellules fusionnées empêchent l’écriture\u00a0: relancez le contrôle.',
    en: 'Merged cells prevent the write: run the check again.',
  },
  UnsupportedSheet: {
    fr: "Cette feuille n’est pas une feuille de calcul ordinaire (feuille graphique, macro)\u00a0: activez la feuille de l’annexe, puis recommencez.",
    en: 'This is not an ordinary worksheet (chart or macro sheet): activate the annex sheet, then try again.',
  },
};
CODES.ResponsePayloadSizeLimitExceeded = CODES.RequestPayloadSizeLimitExceeded;
CODES.RangeExceedsLimit = CODES.RequestPayloadSizeLimitExceeded;
CODES.OperationCellsExceedLimit = CODES.RequestPayloadSizeLimitExceeded;

/** The codes that get their own sentence. */
export const MAPPED_OFFICE_ERRORS = Object.keys(CODES);

/** The code of an Office error (OfficeExtension.Error, the fake's error), or null for anything else. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  const name = (e as { name?: unknown }).name;
  if (typeof code !== 'string' || !/^[A-Za-z]{2,64}$/.test(code)) return null;
  return name === 'RichApi.Error' || name === 'OfficeExtension.Error' || e instanceof Error ? code : null;
}

const WRITE_ACTIONS = new Set<OfficeAction>(['mark', 'fill', 'clear', 'summary']);

/** A sentence for a code (a general one for a code without its own), and whether anything may have been written. */
export function officeErrorMessage(code: string, lang: Lang, action: OfficeAction): string {
  const known = CODES[code]?.[lang];
  const cause =
    known ??
    (lang === 'fr'
      ? `Excel a renvoyé l’erreur «\u00a0${code}\u00a0»\u00a0: relancez le contrôle\u202f; si l’erreur revient, lancez «\u00a0Diagnostic Excel\u00a0» (menu Aide) et transmettez le rapport.`
      : `Excel returned the error "${code}": run the check again; if it happens again, run "Excel diagnostic" (Help menu) and send the report.`);
  if (!WRITE_ACTIONS.has(action) || code === 'InvalidOperationInCellEditMode' || code === 'AccessDenied' || code === 'ApiNotFound') {
    // Refused before anything was done (cell-edit mode, protection, a missing API fail the whole request).
    return `${cause} ${lang === 'fr' ? "Rien n’a été modifié." : 'Nothing was changed.'}`;
  }
  return `${cause} ${
    lang === 'fr'
      ? 'Si une partie a été écrite avant l’erreur, «\u00a0Tout retirer…\u00a0» la retire.'
      : 'If part of it was written before the error, "Remove everything…" takes it back.'
  }`;
}
