/**
 * The comparison as text for the terminal, French first, English second. Everything read from a
 * workbook (titles, themes, sheet names, the engine's messages that quote them) goes through
 * `plain` before it is printed. Unchanged lines are left out unless asked for.
 */
import { AmountKey, Cents } from './comparable';
import { isZeroRow } from './cents';
import { CompareNotice, CompareResult, TableRef } from './compare';
import { ExecutionActionLine, ExecutionCodeLine, ExecutionGroupLine, PlannedSpent } from './execution';
import { FindingChange } from './findings';
import { Lang, formatCents, formatChange, formatRate, plain } from './format';
import { PairedBy } from './pair';
import { ActionChange, ActionSide, AmountChange, GroupChange, isEmptyGroup } from './versions';
import { WORDS } from '../words';

export interface RenderOptions {
  lang?: Lang;
  /** Show unchanged lines too. */
  showUnchanged?: boolean;
}

type T = Record<Lang, string>;
const pick = (t: T, lang: Lang) => t[lang];

const COLUMN: Record<AmountKey, T> = {
  A: { fr: 'A', en: 'A' },
  B: { fr: 'B', en: 'B' },
  C: { fr: 'C', en: 'C' },
  valorisation: { fr: 'dont valorisation CD', en: 'valued share' },
  D: { fr: 'D', en: 'D' },
  E: { fr: 'E', en: 'E' },
  F: { fr: 'F', en: 'F' },
};

export const PAIRED_BY: Record<PairedBy, T> = {
  fiche: { fr: 'appariée par n° de fiche', en: 'paired by fiche number' },
  titleInTheme: { fr: 'appariée par intitulé dans le thème', en: 'paired by title within its theme' },
  title: { fr: 'appariée par intitulé, dans un autre thème', en: 'paired by title, in another theme' },
  position: { fr: 'appariée par position dans le bloc', en: 'paired by position within its block' },
};

export function columnName(k: AmountKey, lang: Lang): string {
  return pick(COLUMN[k], lang);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function line(row: number, lang: Lang): string {
  return lang === 'fr' ? `ligne ${row}` : `row ${row}`;
}

/** `ligne 30 → ligne 31`, `ligne 30` when it did not move or is on one side only (never on neither). */
export function rows(old: number | null, neu: number | null, lang: Lang): string {
  if (old !== null && neu !== null) return old === neu ? line(neu, lang) : `${line(old, lang)} → ${line(neu, lang)}`;
  return line((old ?? neu)!, lang);
}

export function quote(text: string, lang: Lang): string {
  return WORDS[lang].quote(plain(text));
}

function actionTitle(a: ActionSide, lang: Lang): string {
  if (!a.title) return lang === 'fr' ? 'action sans intitulé' : 'untitled action';
  return quote(a.title, lang);
}

function eur(c: Cents | null, lang: Lang): string {
  return c === null ? (lang === 'fr' ? 'illisible' : 'unreadable') : formatCents(c, lang);
}

/** `A : 100 000,00 € → 110 000,00 € (+10 000,00 €)`. */
function changeText(c: AmountChange, lang: Lang): string {
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  const delta = c.change === null ? '' : ` (${formatChange(c.change, lang)})`;
  return `${columnName(c.column, lang)}${sep}${eur(c.old, lang)} → ${eur(c.new, lang)}${delta}`;
}

/**
 * `A 10 000,00 € · C 10 000,00 € · F 20 000,00 €` (columns at zero left out). Every compared column
 * has its key on both sides (a table's rows hold each of its columns, and only shared ones are compared).
 */
function figures(values: Partial<Record<AmountKey, Cents | null>>, columns: readonly AmountKey[], lang: Lang): string {
  const parts = columns.filter((k) => values[k] !== 0).map((k) => `${columnName(k, lang)} ${eur(values[k]!, lang)}`);
  return parts.length ? parts.join(' · ') : lang === 'fr' ? 'aucun montant' : 'no amount';
}

export function codeName(result: CompareResult, code: string | null, lang: Lang): string {
  if (code === null) return lang === 'fr' ? 'Sans imputation Chorus' : 'No Chorus code';
  const name = result.codeNames[code];
  return name ? `${code} — ${plain(name)}` : code;
}

export function groupName(result: CompareResult, g: { kind: string; theme: string | null; code: string | null; level: string | null; old?: { firstRow: number | null } | null; new?: { firstRow: number | null } | null; plan?: { firstRow: number | null } | null; execution?: { firstRow: number | null } | null }, lang: Lang): string {
  const fr = lang === 'fr';
  if (g.kind === 'code') return codeName(result, g.code, lang);
  if (g.kind === 'section') return g.level === 'socle' ? (fr ? 'Mesures socles' : 'Core measures') : fr ? 'Initiatives du département' : "Département's initiatives";
  if (g.kind === 'grand') return fr ? 'Total du tableau' : 'Whole table';
  const theme = g.theme ? plain(g.theme) : fr ? 'Mesure sans thème' : 'Measure with no theme';
  return g.code ? `${theme} [${g.code}]` : theme;
}

function tableLine(label: string, t: TableRef, lang: Lang): string {
  const fr = lang === 'fr';
  const where = fr ? `feuille ${quote(t.sheet, lang)}, tableau en ${t.headerCell}` : `sheet ${quote(t.sheet, lang)}, table at ${t.headerCell}`;
  // Stryker disable next-line ConditionalExpression: firstRow is null only with no body rows known, and then lastRow is null too (fromReport.ts)
  const span = t.firstRow !== null && t.lastRow !== null ? (fr ? ` (lignes ${t.firstRow} à ${t.lastRow})` : ` (rows ${t.firstRow} to ${t.lastRow})`) : '';
  const file = t.file ? `${plain(t.file)}, ` : '';
  return `  ${label}${fr ? '\u00a0: ' : ': '}${file}${where}${span}, ${plural(t.actions, 'action', 'actions')}`;
}

export function noticeText(n: CompareNotice, lang: Lang): string {
  const fr = lang === 'fr';
  switch (n.code) {
    case 'COLUMN_ONLY_ONE_SIDE': {
      const which = n.side === 'old' ? (fr ? "l’ancienne version" : 'the old version') : fr ? 'la nouvelle version' : 'the new version';
      return fr
        ? `La colonne ${columnName(n.column, lang)} n’existe que dans ${which}\u00a0: elle n’est pas comparée.`
        : `Column ${columnName(n.column, lang)} exists only in ${which}: it is not compared.`;
    }
    case 'FIRST_LOOKS_LIKE_EXECUTION':
      return fr
        ? `Le premier tableau ressemble à un tableau d’exécution (${quote(n.evidence.text, lang)})\u00a0: mettez le prévisionnel en premier, l’exécution en second.`
        : `The first table looks like an execution table (${quote(n.evidence.text, lang)}): give the plan first and the execution table second.`;
    case 'SECOND_LOOKS_LIKE_EXECUTION':
      return fr
        ? `Le second tableau ressemble à un tableau d’exécution (${quote(n.evidence.text, lang)})\u00a0: comparé ici comme une version, à votre demande (--execution pour le prévu et le réalisé).`
        : `The second table looks like an execution table (${quote(n.evidence.text, lang)}): compared as a version here, as asked (--execution for planned against spent).`;
    case 'BOTH_LOOK_LIKE_EXECUTION':
      return fr
        ? `Les deux tableaux ressemblent à des tableaux d’exécution (${quote(n.old.text, lang)}, ${quote(n.new.text, lang)})\u00a0: comparés comme deux versions. Pour le prévu et le réalisé, indiquez que le second est le tableau d’exécution (--execution, ou la case du volet).`
        : `Both tables look like execution tables (${quote(n.old.text, lang)}, ${quote(n.new.text, lang)}): compared as two versions. For planned against spent, say the second is the execution table (--execution, or the pane's check box).`;
    case 'NO_F_COLUMN':
      return fr ? "Pas de colonne F commune aux deux tableaux\u00a0: le taux de réalisation n’est pas calculé." : 'No column F in both tables: the spending rate is not computed.';
  }
}

function findingLines(findings: FindingChange[], lang: Lang): string[] {
  const fr = lang === 'fr';
  const out: string[] = [];
  const gone = findings.filter((f) => f.status === 'disappeared');
  const come = findings.filter((f) => f.status === 'appeared');
  if (gone.length) {
    out.push('', fr ? `Anomalies disparues (${gone.length}) — dans l’ancien tableau\u00a0:` : `Findings gone (${gone.length}) — in the old table:`);
    for (const f of gone) out.push(`  − ${f.cell.padEnd(6)} [${f.rule}] ${plain(f.message)}`);
  }
  if (come.length) {
    out.push('', fr ? `Anomalies apparues (${come.length}) — dans le nouveau tableau\u00a0:` : `New findings (${come.length}) — in the new table:`);
    for (const f of come) out.push(`  + ${f.cell.padEnd(6)} [${f.rule}] ${plain(f.message)}`);
  }
  return out;
}

// ---- two versions ---------------------------------------------------------------------------

export function actionBlock(a: ActionChange, result: CompareResult, lang: Lang): string[] {
  const fr = lang === 'fr';
  const cols = result.columns.compared;
  const s = (a.new ?? a.old)!;
  const sep = fr ? '\u00a0: ' : ': ';
  const where = `${s.theme ? `${fr ? 'thème' : 'theme'} ${quote(s.theme, lang)}` : fr ? 'sans thème' : 'no theme'} — ${s.code ?? (fr ? 'sans imputation' : 'no code')}`;
  if (a.status === 'added') {
    const values = Object.fromEntries(a.amounts.map((c) => [c.column, c.new]));
    return [`  + ${line(s.row, lang)}${sep}${actionTitle(s, lang)} — ${where}`, `      ${figures(values, cols, lang)}`];
  }
  if (a.status === 'removed') {
    const values = Object.fromEntries(a.amounts.map((c) => [c.column, c.old]));
    return [`  − ${line(s.row, lang)}${sep}${actionTitle(s, lang)} — ${where}`, `      ${figures(values, cols, lang)}`];
  }
  const o = a.old!;
  const n = a.new!;
  // A pair always says how it was made (pair.ts).
  const how = ` (${pick(PAIRED_BY[a.pairedBy!], lang)})`;
  const out = [`  ${a.status === 'changed' ? '~' : '='} ${rows(o.row, n.row, lang)}${sep}${actionTitle(n, lang)}${how}`];
  if (a.changes.includes('renamed')) out.push(`      ${fr ? 'intitulé' : 'title'}${sep}${actionTitle(o, lang)} → ${actionTitle(n, lang)}`);
  if (a.changes.includes('movedTheme')) {
    const th = (x: ActionSide) => (x.theme ? quote(x.theme, lang) : fr ? '(sans thème)' : '(no theme)');
    out.push(`      ${fr ? 'thème' : 'theme'}${sep}${th(o)} → ${th(n)}`);
  }
  if (a.changes.includes('codeChanged')) out.push(`      ${fr ? 'imputation' : 'code'}${sep}${o.code ?? '—'} → ${n.code ?? '—'}`);
  if (a.changes.includes('ficheChanged')) out.push(`      ${fr ? 'fiche' : 'fiche'}${sep}${o.fiche ? plain(o.fiche) : '—'} → ${n.fiche ? plain(n.fiche) : '—'}`);
  for (const c of a.amounts) if (c.old !== c.new) out.push(`      ${changeText(c, lang)}`);
  return out;
}

export function groupBlock(g: GroupChange, result: CompareResult, lang: Lang): string[] {
  const fr = lang === 'fr';
  const mark = g.status === 'added' ? '+' : g.status === 'removed' ? '−' : g.status === 'changed' ? '~' : '=';
  const totalName = g.kind === 'grand' ? 'TOTAUX FINANCIERS' : fr ? 'sous-total' : 'subtotal';
  const totalRows = g.old?.totalRow != null || g.new?.totalRow != null ? ` — ${totalName} ${rows(g.old?.totalRow ?? null, g.new?.totalRow ?? null, lang)}` : '';
  const out = [`  ${mark} ${groupName(result, g, lang)}${totalRows}`];
  if (g.status === 'added' || g.status === 'removed') {
    // A group on one side only: its figures there (as for an action), never "unreadable" for the side it is not on.
    const on = (list: AmountChange[]) => Object.fromEntries(list.map((c) => [c.column, g.status === 'added' ? c.new : c.old]));
    const values = on(g.amounts);
    out.push(`      ${figures(values, result.columns.compared, lang)}`);
    const printed = g.printed && on(g.printed);
    if (printed && g.amounts.some((c) => printed[c.column] !== values[c.column])) {
      out.push(`      ${fr ? 'total imprimé' : 'printed total'}${fr ? '\u00a0: ' : ': '}${figures(printed, result.columns.compared, lang)}`);
    }
    return out;
  }
  for (const c of g.amounts) if (c.old !== c.new) out.push(`      ${changeText(c, lang)}`);
  // The printed total tells something of its own when it moved apart from its rows, or when its move
  // cannot be set beside theirs (unreadable on a side). Both lists hold the compared columns in order.
  (g.printed ?? []).forEach((c, i) => {
    if (c.old !== c.new && (c.change === null || c.change !== g.amounts[i].change)) {
      out.push(`      ${fr ? 'total imprimé, ' : 'printed total, '}${changeText(c, lang)}`);
    }
  });
  return out;
}

function renderVersions(result: CompareResult, lang: Lang, showUnchanged: boolean): string[] {
  const fr = lang === 'fr';
  const v = result.versions!;
  const c = v.counts;
  const out: string[] = [fr ? "Comparaison de deux versions de l’annexe 9" : 'Two versions of annex 9 compared'];
  out.push(tableLine(fr ? 'Ancienne version' : 'Old version', result.old, lang), tableLine(fr ? 'Nouvelle version' : 'New version', result.new, lang));
  for (const n of result.notices) out.push(`  ! ${noticeText(n, lang)}`);
  out.push('');
  if (result.identical) {
    out.push(fr ? 'Aucune différence\u00a0: mêmes actions, mêmes montants, mêmes anomalies.' : 'No difference: same actions, same amounts, same findings.');
  } else {
    const appeared = result.findings.filter((f) => f.status === 'appeared').length;
    const gone = result.findings.length - appeared;
    out.push(
      fr
        ? `Différences\u00a0: ${plural(c.actionsAdded, 'action ajoutée', 'actions ajoutées')}, ${plural(c.actionsRemoved, 'retirée', 'retirées')}, ${plural(c.actionsChanged, 'modifiée', 'modifiées')}\u202f; ${plural(c.measuresChanged, 'mesure', 'mesures')}, ${plural(c.codesChanged, 'imputation', 'imputations')} et ${plural(c.totalsChanged, 'total', 'totaux')} dont les montants changent\u202f; anomalies\u00a0: ${plural(appeared, 'apparue', 'apparues')}, ${plural(gone, 'disparue', 'disparues')}.`
        : `Differences: ${c.actionsAdded} action(s) added, ${c.actionsRemoved} removed, ${c.actionsChanged} changed; ${c.measuresChanged} measure(s), ${c.codesChanged} code(s) and ${c.totalsChanged} total(s) with other amounts; findings: ${appeared} new, ${gone} gone.`,
    );
  }
  const section = (title: string, list: string[][]) => {
    if (!list.length) return;
    out.push('', `${title} (${list.length})`);
    for (const b of list) out.push(...b);
  };
  const real = v.actions.filter((a) => !a.template || a.status === 'changed');
  section(fr ? 'Actions ajoutées' : 'Actions added', real.filter((a) => a.status === 'added').map((a) => actionBlock(a, result, lang)));
  section(fr ? 'Actions retirées' : 'Actions removed', real.filter((a) => a.status === 'removed').map((a) => actionBlock(a, result, lang)));
  section(fr ? 'Actions modifiées' : 'Actions changed', real.filter((a) => a.status === 'changed').map((a) => actionBlock(a, result, lang)));
  if (showUnchanged) section(fr ? 'Actions inchangées' : 'Actions unchanged', v.actions.filter((a) => a.status === 'unchanged').map((a) => actionBlock(a, result, lang)));
  const groups = (list: GroupChange[]) => list.filter((g) => (showUnchanged || g.status !== 'unchanged') && !isEmptyGroup(g)).map((g) => groupBlock(g, result, lang));
  section(fr ? "Par mesure (montants recalculés depuis les lignes d’action)" : 'By measure (amounts recomputed from the action rows)', groups(v.measures));
  section(fr ? 'Par imputation Chorus' : 'By Chorus code', groups(v.codes));
  section(fr ? 'Totaux' : 'Totals', groups(v.totals));
  out.push(...findingLines(result.findings, lang));
  const moved = v.actions.filter((a) => a.reordered && a.status === 'unchanged');
  if (moved.length) {
    out.push('', fr ? `Ordre des lignes changé, sans autre modification (${moved.length})\u00a0:` : `Row order changed, nothing else (${moved.length}):`);
    for (const a of moved) out.push(`  ↕ ${rows(a.old!.row, a.new!.row, lang)}${fr ? '\u00a0: ' : ': '}${actionTitle(a.new!, lang)}`);
  }
  if (c.templateRowsAdded + c.templateRowsRemoved > 0) {
    out.push(
      '',
      fr
        ? `Lignes modèles vides (sans intitulé propre ni montant, pas une différence)\u00a0: ${plural(c.templateRowsRemoved, 'retirée', 'retirées')}, ${plural(c.templateRowsAdded, 'ajoutée', 'ajoutées')}.`
        : `Empty template rows (no title of their own, no amount; not a difference): ${c.templateRowsRemoved} removed, ${c.templateRowsAdded} added.`,
    );
  }
  return out;
}

// ---- planned against spent ------------------------------------------------------------------

/** The formula, written out once. */
export function executionFormula(lang: Lang): string[] {
  return lang === 'fr'
    ? [
        "Estimation à confirmer par l’ordonnateur — comment elle est calculée, par imputation Chorus\u00a0:",
        '  dépense cofinancée réalisée  S = A réalisé + C réalisé (crédits de la convention de l’année\u202f; reports B, D et autres financeurs E exclus)',
        '  taux État                    r = A prévu / (A prévu + C prévu)   (50\u202f% si le prévu n’a ni A ni C\u00a0: règle 50/50 de la convention)',
        '  part État des dépenses       P = S × r, arrondie au centime (au plus proche, la moitié vers le haut)',
        "  versé par l’État             V = montant notifié (--notified), à défaut A prévu",
        '  montant susceptible de reversement (art. 5) = V − P lorsqu’il est positif, sinon aucun',
        '  Total\u00a0: ΣV − ΣP sur l’ensemble de la convention (art. 5), et à côté la somme des montants par imputation, sans compensation entre imputations.',
      ]
    : [
        'Estimate for the authorising officer to confirm — how it is computed, per Chorus code:',
        "  co-financed spending  S = A spent + C spent (the year's convention credits; carry-overs B, D and other funders E left out)",
        '  State rate            r = A planned / (A planned + C planned)   (50% when the plan has neither: the convention\'s 50/50 rule)',
        '  State share spent     P = S × r, rounded to the cent (to nearest, half up)',
        '  paid by the State     V = notified amount (--notified), else A planned',
        '  amount that may be recovered (art. 5) = V − P when positive, else none',
        '  Total: ΣV − ΣP over the whole convention (art. 5), beside the sum of the per-code amounts, with no offsetting between codes.',
      ];
}

function plannedSpentLines(p: PlannedSpent, columns: readonly AmountKey[], lang: Lang, formula: boolean): string[] {
  const fr = lang === 'fr';
  const sep = fr ? '\u00a0: ' : ': ';
  const rate = p.rate !== null ? ` — ${fr ? 'taux de réalisation (F)' : 'spending rate (F)'} ${formatRate(p.rate, lang)}` : '';
  const out = [
    `      ${fr ? 'prévu' : 'planned'}${sep}${figures(p.planned, columns, lang)}`,
    `      ${fr ? 'réalisé' : 'spent'}${sep}${figures(p.spent, columns, lang)}${rate}`,
  ];
  if (p.stateShareSpent !== null) {
    const { num, den, source } = p.stateRate;
    const r = source === 'plan' ? `${formatCents(num, lang)} / ${formatCents(den, lang)}` : '1/2';
    // P is computed from S: S is there when P is.
    out.push(
      formula
        ? `      ${fr ? 'part État des dépenses' : 'State share spent'}${sep}${formatCents(p.coFinancedSpent!, lang)} × ${r} = ${formatCents(p.stateShareSpent, lang)}`
        : `      ${fr ? 'part État des dépenses' : 'State share spent'}${sep}${formatCents(p.stateShareSpent, lang)}`,
    );
  } else out.push(`      ${fr ? 'part État des dépenses\u00a0: non calculée (montant illisible)' : 'State share spent: not computed (unreadable amount)'}`);
  return out;
}

export function codeBlock(c: ExecutionCodeLine, result: CompareResult, lang: Lang): string[] {
  const fr = lang === 'fr';
  const sep = fr ? '\u00a0: ' : ': ';
  const out = [`  ${codeName(result, c.code, lang)}`, ...plannedSpentLines(c, result.columns.compared, lang, true)];
  const source = c.paidSource === 'notified' ? (fr ? 'montant notifié' : 'notified amount') : fr ? 'A prévu' : 'A planned';
  out.push(`      ${fr ? "versé par l’État" : 'paid by the State'}${sep}${c.paid === null ? eur(null, lang) : formatCents(c.paid, lang)} (${source})`);
  out.push(reversementLine(c.reversement, c.balance, lang, fr ? 'montant susceptible de reversement (art. 5)' : 'amount that may be recovered (art. 5)'));
  return out;
}

function reversementLine(rev: Cents | null, balance: Cents | null, lang: Lang, label: string): string {
  const fr = lang === 'fr';
  const sep = fr ? '\u00a0: ' : ': ';
  if (rev === null || balance === null) return `      ${label}${sep}${fr ? 'non calculé (montant illisible)' : 'not computed (unreadable amount)'}`;
  if (rev > 0) return `      ${label}${sep}${formatCents(rev, lang)}`;
  return `      ${label}${sep}${fr ? 'aucun' : 'none'} (${fr ? 'part État des dépenses ≥ versé' : 'State share spent ≥ paid'}${balance < 0 ? `, ${fr ? 'écart' : 'gap'} ${formatCents(-balance, lang)}` : ''})`;
}

export function executionActionBlock(a: ExecutionActionLine, result: CompareResult, lang: Lang): string[] {
  const fr = lang === 'fr';
  const s = (a.execution ?? a.plan)!;
  const sep = fr ? '\u00a0: ' : ': ';
  const mark = a.status === 'plannedOnly' ? '−' : a.status === 'spentOnly' ? '+' : a.differs ? '~' : '=';
  const what =
    a.status === 'plannedOnly' ? (fr ? ' — prévue, absente du tableau d’exécution' : ' — planned, not in the execution table') : a.status === 'spentOnly' ? (fr ? ' — réalisée, non prévue' : ' — spent, not planned') : '';
  const how = a.pairedBy ? ` (${pick(PAIRED_BY[a.pairedBy], lang)})` : '';
  return [`  ${mark} ${rows(a.plan?.row ?? null, a.execution?.row ?? null, lang)}${sep}${actionTitle(s, lang)}${what}${how}`, ...plannedSpentLines(a, result.columns.compared, lang, false)];
}

export function executionGroupBlock(g: ExecutionGroupLine, result: CompareResult, lang: Lang): string[] {
  return [`  ${g.differs ? '~' : '='} ${groupName(result, g, lang)}`, ...plannedSpentLines(g, result.columns.compared, lang, false)];
}

function renderExecution(result: CompareResult, lang: Lang, showUnchanged: boolean): string[] {
  const fr = lang === 'fr';
  const x = result.execution!;
  const out: string[] = [fr ? "Prévu et réalisé — annexe 9 et tableau d’exécution" : 'Planned against spent — annex 9 and its execution table'];
  out.push(tableLine(fr ? 'Prévisionnel' : 'Plan', result.old, lang), tableLine(fr ? 'Exécution' : 'Execution', result.new, lang));
  const ev = result.recognition.new.evidence;
  // Planned against spent is said by the option or recognised, and what is recognised has its evidence.
  if (result.modeSource === 'recognised' && ev) {
    const where = ev.where === 'sheet' ? (fr ? 'nom de la feuille' : 'sheet name') : ev.where === 'title' ? (fr ? 'titre' : 'title') : fr ? 'en-tête' : 'header';
    out.push(fr ? `  Reconnu comme tableau d’exécution\u00a0: ${quote(ev.text, lang)} (${where}).` : `  Recognised as an execution table: ${quote(ev.text, lang)} (${where}).`);
  } else out.push(fr ? "  Tableau d’exécution indiqué par l’option --execution." : '  Execution table as said by --execution.');
  for (const n of result.notices) out.push(`  ! ${noticeText(n, lang)}`);

  out.push('', fr ? 'Par imputation Chorus' : 'By Chorus code');
  // A code with nothing planned, spent or notified (the template's empty measures) says nothing.
  const empty = (c: ExecutionCodeLine) => c.paidSource !== 'notified' && isZeroRow(c.planned) && isZeroRow(c.spent);
  for (const c of x.codes) if (showUnchanged || !empty(c)) out.push(...codeBlock(c, result, lang));
  const quiet = showUnchanged ? 0 : x.codes.filter(empty).length;
  if (quiet) out.push(fr ? `  (${plural(quiet, 'imputation', 'imputations')} sans montant prévu, réalisé ni notifié\u00a0: non détaillée${quiet > 1 ? 's' : ''})` : `  (${quiet} code(s) with nothing planned, spent or notified: not detailed)`);

  const t = x.total;
  const sep = fr ? '\u00a0: ' : ': ';
  out.push('', fr ? 'Total de la convention' : 'Whole convention', ...plannedSpentLines(t, result.columns.compared, lang, false));
  out.push(`      ${fr ? "versé par l’État" : 'paid by the State'}${sep}${eur(t.paid, lang)}`);
  out.push(reversementLine(t.reversement, t.balance, lang, fr ? "montant susceptible de reversement (art. 5), sur l’ensemble" : 'amount that may be recovered (art. 5), overall'));
  if (t.reversementByCode !== null) {
    out.push(`      ${fr ? 'somme des montants par imputation, sans compensation' : 'sum of the per-code amounts, no offsetting'}${sep}${formatCents(t.reversementByCode, lang)}`);
  }
  out.push('', ...executionFormula(lang));

  const measures = x.measures.filter((g) => showUnchanged || g.differs);
  if (measures.length) {
    out.push('', fr ? `Par mesure (${measures.length})` : `By measure (${measures.length})`);
    for (const g of measures) out.push(...executionGroupBlock(g, result, lang));
  }
  // --all shows every row, empty template rows included, as the sheet, the outline and --json do.
  const actions = x.actions.filter((a) => showUnchanged || ((a.differs || a.status !== 'paired') && !(a.template && !a.differs)));
  if (actions.length) {
    out.push('', fr ? `Par action${showUnchanged ? '' : ' (réalisé différent du prévu)'} (${actions.length})` : `By action${showUnchanged ? '' : ' (spent differs from planned)'} (${actions.length})`);
    for (const a of actions) out.push(...executionActionBlock(a, result, lang));
  }
  out.push(...findingLines(result.findings, lang));
  return out;
}

/** The whole comparison as text. */
export function renderComparison(result: CompareResult, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const lines = result.mode === 'versions' ? renderVersions(result, lang, !!options.showUnchanged) : renderExecution(result, lang, !!options.showUnchanged);
  return lines.join('\n');
}
