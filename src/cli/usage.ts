/**
 * The help text, the exit statuses and usage errors. A command line written wrong gets one French
 * line saying what is wrong and where to find the help, never the whole help: the help is
 * `annex9 --help` (in English with --lang en).
 */

/** Exit statuses, the same for every command (documented in the help and README). */
export const EXIT = {
  /** No finding (compare: no difference; convention: it agrees with itself). */
  clean: 0,
  /** Findings (or differences). */
  findings: 1,
  /** A file could not be checked (unreadable, another format, no annex in it, an output not written); the others were. */
  notChecked: 2,
  /** The command line itself is wrong: nothing was read. 64 is EX_USAGE of sysexits.h. */
  usage: 64,
} as const;

/** The command line is wrong (unknown option, missing value…): exit 64. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The subcommand whose help to point at (`compare` has its own). */
    readonly command?: 'compare',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a usage error prints: its line, and where the help is. */
export function usageErrorText(e: UsageError): string {
  return `${e.message}\n${e.command ? `annex9 ${e.command} --help` : 'annex9 --help'} pour l’aide.`;
}

export const USAGE = {
  fr: `Contrôle de l’annexe 9 CALPAE (tableau financier récapitulatif).

Utilisation\u00a0:
  annex9 check FICHIER.xlsx|DOSSIER… [--out CONSOLIDATION.xlsx [--force]] [--sheet NOM] [--json]
             [--convention CONVENTION.pdf|.docx|.txt] [--notified CODE=MONTANT]…
      Contrôle chaque classeur nommé, ou chaque classeur d’un dossier, et affiche les anomalies.
      Pour un dossier, chaque fichier non contrôlé est nommé avec la raison (.xls, .ods, .csv\u00a0:
      comment l’enregistrer en .xlsx\u202f; sous-dossier, autre document) et une ligne de total
      termine le rapport.
      --out\u00a0: écrit aussi un classeur de consolidation, une ligne par fichier et feuille
      (département, totaux A, C, F, A − C, anomalies par règle, A par imputation Chorus)\u202f;
      jamais par-dessus un classeur contrôlé, --force pour remplacer un fichier existant.
      --convention\u00a0: compare aussi l’annexe avec sa convention (soutien de l’État à l’article 2,
      montants par code activité à l’article 3.1, budgets des fiches action), chaque écart avec
      la phrase citée\u202f; --notified remplace le montant de la convention pour le code qu’il nomme.
  annex9 fix FICHIER.xlsx --out COPIE.xlsx [--sheet NOM] [--force]
             [--summary] [--notified CODE=MONTANT]… [--convention CONVENTION.pdf]
      Écrit une copie relue\u00a0: anomalies surlignées avec une note, imputations Chorus
      manquantes complétées (cellules vides seulement). L’original n’est jamais modifié.
      --summary\u00a0: ajoute la feuille «\u00a0Synthèse annexe 9\u00a0» (par mesure, par initiative, par
      imputation Chorus, rapprochement avec les totaux imprimés)\u202f; une synthèse déjà produite
      par le contrôle est remplacée, une feuille à vous du même nom n’est jamais touchée.
      --notified 03=110000\u00a0: montant notifié par l’État pour un code Chorus (article 3.1 de la
      convention), comparé à la colonne A dans la synthèse (implique --summary)\u202f; répétez
      l’option pour chaque code («\u00a0--notified "0304 50 19 19 07=6067058"\u00a0» marche aussi).
      --convention\u00a0: les montants notifiés et le total de l’article 2 sont lus dans la convention
      (implique --summary)\u202f; --notified l’emporte pour les codes qu’il nomme.
  annex9 convention CONVENTION.pdf|.docx|.txt [--json]
      Affiche ce qui a été lu dans la convention, chaque montant avec sa page et sa phrase.
  annex9 compare ANCIENNE.xlsx NOUVELLE.xlsx [--execution] [--out COMPARAISON.xlsx] [--json]…
      Compare deux versions de l’annexe action par action, ou le prévu et le réalisé
      (--execution). Toutes ses options\u00a0: annex9 compare --help.

Options communes\u00a0: --lang en (rapport en anglais), --template MODELE.json (un autre modèle
d’annexe\u00a0: libellés des colonnes, lignes de total, codes Chorus\u202f; par défaut l’annexe 9 CALPAE).

Codes de sortie\u00a0:
  0   aucune anomalie (compare\u00a0: aucune différence)
  1   anomalies trouvées (compare\u00a0: différences)
  2   un fichier n’a pas pu être contrôlé (illisible, autre format, sans annexe 9) ou une copie
      n’a pas pu être écrite\u202f; la raison est donnée, les autres fichiers sont contrôlés
  64  commande mal écrite (commande ou option inconnue, valeur manquante)\u00a0: rien n’est lu

In English: annex9 --help --lang en`,
  en: `CALPAE annex 9 check (financial summary table).

Usage:
  annex9 check FILE.xlsx|FOLDER… [--out CONSOLIDATION.xlsx [--force]] [--sheet NAME] [--json]
             [--convention CONVENTION.pdf|.docx|.txt] [--notified CODE=AMOUNT]…
      Checks each workbook named, or each workbook of a folder, and prints the findings. For a
      folder, every file not checked is named with why (.xls, .ods, .csv: how to save it as
      .xlsx; a sub-folder, another document), and a total line ends the report.
      --out also writes a consolidation workbook, one row per file and sheet (département,
      totals A, C, F, A − C, findings per rule, A per Chorus code); never over a checked
      workbook, --force to replace an existing file.
      --convention also compares the annex with its convention (article 2, article 3.1, the
      fiches' budgets), each gap with the sentence quoted; --notified wins for its code.
  annex9 fix FILE.xlsx --out COPY.xlsx [--sheet NAME] [--force]
             [--summary] [--notified CODE=AMOUNT]… [--convention CONVENTION.pdf]
      Writes a reviewed copy: findings marked, missing Chorus codes filled (empty cells only);
      the input is never modified. --summary adds an "Annex 9 summary" sheet; --notified
      03=110000 (implies --summary) gives the State's notified amount for a code (convention
      article 3.1), compared with column A; repeat it. --convention reads them in the convention.
  annex9 convention CONVENTION.pdf|.docx|.txt [--json]
      Prints what was read in the convention, each amount with its page and sentence.
  annex9 compare OLD.xlsx NEW.xlsx [--execution] [--out COMPARISON.xlsx] [--json]…
      Compares two versions of the annex action by action, or planned and spent (--execution).
      All its options: annex9 compare --help --lang en.

Common options: --lang en (report in English), --template TEMPLATE.json (another annex model).

Exit status:
  0   no finding (compare: no difference)
  1   findings (compare: differences)
  2   a file could not be checked (unreadable, another format, no annex 9) or a copy could not
      be written; the reason is given, the other files are checked
  64  the command line is wrong (unknown command or option, missing value): nothing is read

En français\u00a0: annex9 --help`,
};
