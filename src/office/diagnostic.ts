/**
 * « Diagnostic Excel »: in the Excel it runs in, checks each assumption the add-in relies on
 * (docs/excel-assumptions.md, by row id A1…A17) on a scratch sheet of its own, deletes that
 * sheet, and returns a report anyone can copy. It writes nothing outside the scratch sheet and
 * leaves nothing behind (the sheet is deleted even when a check fails).
 *
 * A check is ✔ when the assumption holds, ✘ when it does not (the add-in may then misbehave in
 * this Excel: send the report), ℹ when it only records which reading this Excel follows of a
 * point the documentation leaves open (the add-in works under either).
 *
 * Self-contained on purpose (Office.js globals only; its one import is its checks,
 * diagnosticChecks.ts, as self-contained): scripts/scriptlab-diagnostic.ts copies both files into
 * a Script Lab snippet (docs/diagnostic-excel.scriptlab.yaml), so that anyone can run the same
 * checks in any Excel without installing the add-in.
 */
import { CHECKS, codeOf } from './diagnosticChecks';

type DiagnosticLang = 'fr' | 'en';

export interface DiagnosticCheck {
  /** Row of docs/excel-assumptions.md. */
  id: string;
  title: Record<DiagnosticLang, string>;
  /** true: the assumption holds; false: it does not; null: informative, or the check could not run. */
  ok: boolean | null;
  /** true for a check that only records which reading Excel follows. */
  informative: boolean;
  /** What Excel did, in a few words (English: it is for whoever reads the report). */
  observed: string;
}

export interface DiagnosticReport {
  at: string;
  host: string;
  platform: string;
  version: string;
  /** ExcelApi versions this Excel supports (1.1 … 1.20 tried). */
  apiSets: string[];
  checks: DiagnosticCheck[];
  /** The scratch sheet was deleted: nothing is left behind. */
  cleanedUp: boolean;
}

/** Run every check on a scratch sheet, delete it, and report. */
export async function runDiagnostic(options: { now?: () => Date } = {}): Promise<DiagnosticReport> {
  const info = (Office.context as unknown as { diagnostics?: { host?: string; platform?: string; version?: string } }).diagnostics ?? {};
  const apiSets: string[] = [];
  for (let minor = 1; minor <= 20; minor++) if (Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`)) apiSets.push(`1.${minor}`);
  const at = options.now?.() ?? new Date();
  // A name of its own (the time): never a sheet of the user's, and the same report for the same run.
  const name = `Diagnostic annexe 9 ${at.toISOString().slice(11, 19).replace(/:/g, '')}`;
  const checks: DiagnosticCheck[] = [];
  let cleanedUp = false;
  try {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
    for (const check of CHECKS) {
      let result: { ok: boolean | null; observed: string };
      try {
        result = await Excel.run(async (context) => check.step(context, context.workbook.worksheets.getItem(name), name));
      } catch (e) {
        result = { ok: check.informative ? null : false, observed: `could not run: ${codeOf(e)}` };
      }
      checks.push({ id: check.id, title: { fr: check.fr, en: check.en }, ok: check.informative ? null : result.ok, informative: !!check.informative, observed: result.observed });
    }
  } finally {
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject(name).delete();
        await context.sync();
        const gone = context.workbook.worksheets.getItemOrNullObject(name);
        gone.load('name');
        await context.sync();
        cleanedUp = gone.isNullObject;
      });
    } catch {
      cleanedUp = false;
    }
  }
  return {
    at: at.toISOString(),
    host: String(info.host ?? 'unknown'),
    platform: String(info.platform ?? 'unknown'),
    version: String(info.version ?? 'unknown'),
    apiSets,
    checks,
    cleanedUp,
  };
}

/** The report as plain text, to copy into an email. */
export function formatDiagnostic(report: DiagnosticReport, lang: DiagnosticLang): string {
  const fr = lang === 'fr';
  const mark = (c: DiagnosticCheck) => (c.informative || c.ok === null ? 'ℹ' : c.ok ? '✔' : '✘');
  const sets = report.apiSets.length ? `ExcelApi ${report.apiSets[0]} – ${report.apiSets[report.apiSets.length - 1]}` : fr ? 'aucun' : 'none';
  const failed = report.checks.filter((c) => !c.informative && c.ok === false).length;
  const passed = report.checks.filter((c) => !c.informative && c.ok === true).length;
  const informative = report.checks.length - failed - passed;
  const lines = [
    fr ? 'Diagnostic Excel — complément «\u00a0Contrôle de l’annexe 9\u00a0»' : 'Excel diagnostic — "Annex 9 check" add-in',
    `${fr ? 'Date\u00a0:' : 'Date:'} ${report.at}`,
    `${fr ? 'Application\u00a0:' : 'Application:'} ${report.host}, ${fr ? 'plateforme' : 'platform'} ${report.platform}, version ${report.version}`,
    `${fr ? 'Ensembles d’API pris en charge\u00a0:' : 'Supported API sets:'} ${sets}`,
    `${fr ? 'Feuille de test supprimée\u00a0:' : 'Scratch sheet deleted:'} ${report.cleanedUp ? (fr ? 'oui' : 'yes') : fr ? 'NON — supprimez-la à la main' : 'NO — delete it by hand'}`,
    '',
    ...report.checks.map((c) => `${mark(c)} ${c.id} ${c.title[lang]} — ${fr ? 'observé\u00a0:' : 'observed:'} ${c.observed}`),
    '',
    fr
      ? `Résumé\u00a0: ${passed} ✔, ${failed} ✘, ${informative} ℹ.${failed ? ' Transmettez ce rapport à l’administrateur du complément.' : ''}`
      : `Summary: ${passed} ✔, ${failed} ✘, ${informative} ℹ.${failed ? ' Send this report to the add-in’s administrator.' : ''}`,
  ];
  return lines.join('\n');
}
