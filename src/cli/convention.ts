/**
 * The command line's side of the convention: `annex9 convention FILE` (what was read, with its
 * sources), and for `check`/`fix` the convention named by --convention merged with the amounts
 * typed with --notified (those win for their codes), compared with each annex sheet.
 */
import * as path from 'path';
import { SheetReport } from '../domain/analyze';
import { decimalString } from '../domain/amounts';
import {
  CONVENTION_RULES,
  CONVENTION_RULE_TITLES,
  ConventionComparison,
  ConventionExtraction,
  ConventionFigures,
  ConventionFinding,
  FigureSource,
  SourceRef,
  annexFiguresFromReport,
  centsOf,
  checkConvention,
  compareWithAnnex,
  conventionFindingMessage,
  decimalOfCents,
  euro,
  extractConvention,
  figuresFromExtraction,
  matchMethodName,
  notConventionMessage,
  placeOf,
  sourceLine,
  sourcePlace,
  typedFigures,
  unreadMessage,
  withTypedCodes,
} from '../domain/convention';
import { Lang } from '../domain/messages';
import { NotifiedAmount, NotifiedTotal } from '../domain/summary';
import { AnnexTemplate } from '../domain/template';
import { UnreadableConventionError, readConventionFile } from '../files/convention';
import { JsonSheetReport } from './report';

/** A convention that cannot be used (unreadable, or not a convention): exit status 2. */
export class ConventionInputError extends Error {}

export interface LoadedConvention {
  file: string;
  extraction: ConventionExtraction;
}

export async function loadConvention(file: string, lang: Lang, template?: AnnexTemplate): Promise<LoadedConvention> {
  let text;
  try {
    text = await readConventionFile(file);
  } catch (e) {
    if (e instanceof UnreadableConventionError) throw new ConventionInputError(e.message);
    throw e;
  }
  const extraction = extractConvention(text, template);
  if (!extraction.isConvention) throw new ConventionInputError(notConventionMessage(path.basename(file), lang));
  return { file, extraction };
}

/** What `check` and `fix` compare with: the document's figures, the typed amounts winning for their codes. */
export interface ConventionContext {
  loaded: LoadedConvention | null;
  figures: ConventionFigures;
}

export async function conventionContext(file: string | undefined, typed: NotifiedAmount[], lang: Lang, template?: AnnexTemplate): Promise<ConventionContext | null> {
  if (!file && typed.length === 0) return null;
  const typedCents = typed.map((n) => ({ code: n.code, cents: centsOf(n.amount) }));
  if (!file) return { loaded: null, figures: typedFigures(typedCents) };
  const loaded = await loadConvention(file, lang, template);
  return { loaded, figures: withTypedCodes(figuresFromExtraction(loaded.extraction, path.basename(file)), typedCents) };
}

// ---- JSON -------------------------------------------------------------------------------------

type JsonSource = { unit: SourceRef['unit']; first: number; last: number; quote: string } | { typed: true };

function jsonSource(s: FigureSource): JsonSource {
  return s.kind === 'typed' ? { typed: true } : { unit: s.ref.unit, first: s.ref.first, last: s.ref.last, quote: s.ref.quote };
}

const money = (cents: number | null) => (cents === null ? null : decimalString(decimalOfCents(cents)));

/** A convention finding in the shape of `check --json`'s findings, with its sources. */
export interface JsonConventionFinding {
  rule: string;
  row: number | null;
  column: string | null;
  cell: string | null;
  expected: string | null;
  actual: string | null;
  difference: string | null;
  message: string;
  sources: JsonSource[];
  code?: string;
  fiche?: { number: number | null; title: string; match: string | null };
}

const COLUMN_OF: Record<string, string | null> = {
  CONVENTION_SPLIT: null,
  CONVENTION_TOTAL: 'A',
  CONVENTION_CODE: 'A',
  FICHE_BUDGET: 'F',
  FICHE_STATE_SHARE: 'A',
  FICHE_UNMATCHED: null,
  ROW_WITHOUT_FICHE: 'A',
};

function jsonFinding(f: ConventionFinding, lang: Lang): JsonConventionFinding {
  const cell = f.actual.annex?.cell ?? null;
  const row = f.actual.annex?.row ?? (cell ? Number(/\d+$/.exec(cell)![0]) : null);
  return {
    rule: f.rule,
    row,
    column: cell ? COLUMN_OF[f.rule] : null,
    cell,
    expected: money(f.expected.cents),
    actual: money(f.actual.cents),
    difference: money(f.difference),
    message: conventionFindingMessage(f, lang),
    sources: [...(f.expected.sources ?? []), ...(f.actual.sources ?? [])].map(jsonSource),
    ...(f.code ? { code: f.code } : {}),
    ...(f.fiche ? { fiche: { ...f.fiche, match: f.match?.method ?? null } } : {}),
  };
}

function jsonFigures(figures: ConventionFigures, extraction: ConventionExtraction | null, lang: Lang) {
  return {
    file: figures.document,
    year: figures.year,
    stateTotal: figures.stateTotal ? { amount: money(figures.stateTotal.cents), source: jsonSource(figures.stateTotal.source) } : null,
    codes: figures.codes.map((c) => ({ code: c.code, amount: money(c.cents), sources: c.sources.map(jsonSource) })),
    fiches: figures.fiches.map((f) => ({
      number: f.number,
      title: f.title,
      total: money(f.total),
      stateShare: money(f.stateShare),
      source: f.source ? jsonSource(f.source) : null,
    })),
    unread: (extraction?.unread ?? []).map((u) => ({
      subject: u.subject,
      reason: u.reason,
      message: unreadMessage(u, lang),
      source: u.source ? jsonSource({ kind: 'document', ref: u.source }) : null,
    })),
  };
}

// ---- check --------------------------------------------------------------------------------------

export interface SheetAgainstConvention {
  comparison: ConventionComparison;
  /** Number of convention findings (for the exit status). */
  findings: number;
  text: string;
  /** The sheet's JSON report with the convention's findings added and what was read. */
  json: (base: JsonSheetReport) => unknown;
}

export function checkAgainstConvention(ctx: ConventionContext, report: SheetReport, lang: Lang, template?: AnnexTemplate): SheetAgainstConvention {
  const comparison = compareWithAnnex(ctx.figures, annexFiguresFromReport(report, template));
  return {
    comparison,
    findings: comparison.findings.length,
    text: comparisonText(ctx, comparison, lang),
    json: (base) => ({
      ...base,
      findings: [...base.findings, ...comparison.findings.map((f) => jsonFinding(f, lang))],
      convention: {
        ...jsonFigures(ctx.figures, ctx.loaded?.extraction ?? null, lang),
        matches: comparison.matches.map((m) => ({
          fiche: ctx.figures.fiches[m.fiche].number,
          title: ctx.figures.fiches[m.fiche].title,
          row: m.rowNumber,
          rowTitle: m.rowTitle,
          match: m.method,
        })),
      },
    }),
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The findings of one rule after another, each with the quotes it rests on. */
function findingsText(findings: ConventionFinding[], lang: Lang): string[] {
  const out: string[] = [];
  // A sentence is quoted once; later findings resting on it name its place only.
  const quoted = new Set<string>();
  for (const rule of CONVENTION_RULES) {
    const of = findings.filter((f) => f.rule === rule);
    if (of.length === 0) continue;
    out.push('', `${CONVENTION_RULE_TITLES[rule][lang]} (${of.length}) [${rule}]`);
    for (const f of of) {
      out.push(`  ${(f.actual.annex?.cell ?? '—').padEnd(6)} ${conventionFindingMessage(f, lang)}`);
      for (const s of [...(f.expected.sources ?? []), ...(f.actual.sources ?? [])]) {
        const line = sourceLine(s, lang);
        if (quoted.has(line)) continue;
        quoted.add(line);
        out.push(`         ${line}`);
      }
    }
  }
  return out;
}

function headline(ctx: ConventionContext, lang: Lang): string {
  const fr = lang === 'fr';
  const f = ctx.figures;
  if (!ctx.loaded) {
    return fr
      ? `Montants notifiés saisis à la main (--notified)\u00a0: ${f.codes.map((c) => `${c.code} ${euro(c.cents, lang)}`).join(', ')}.`
      : `Notified amounts typed by hand (--notified): ${f.codes.map((c) => `${c.code} ${euro(c.cents, lang)}`).join(', ')}.`;
  }
  const x = ctx.loaded.extraction;
  const size = plural(x.parts, fr ? (x.unit === 'page' ? 'page' : x.unit === 'paragraph' ? 'paragraphe' : 'ligne') : x.unit, fr ? (x.unit === 'page' ? 'pages' : x.unit === 'paragraph' ? 'paragraphes' : 'lignes') : `${x.unit}s`);
  const total = f.stateTotal ? `${euro(f.stateTotal.cents, lang)} (article 2, ${sourcePlace(f.stateTotal.source, lang)})` : fr ? 'non lu' : 'not read';
  return fr
    ? `Convention «\u00a0${path.basename(ctx.loaded.file)}\u00a0» (${size})\u00a0: soutien de l’État ${total}\u202f; ${plural(f.codes.length, 'imputation', 'imputations')} à l’article 3.1\u202f; ${plural(f.fiches.length, 'fiche action', 'fiches action')}.`
    : `Convention "${path.basename(ctx.loaded.file)}" (${size}): State support ${total}; ${plural(f.codes.length, 'code', 'codes')} in article 3.1; ${plural(f.fiches.length, 'fiche action', 'fiches action')}.`;
}

function comparisonText(ctx: ConventionContext, c: ConventionComparison, lang: Lang): string {
  const fr = lang === 'fr';
  const out: string[] = [headline(ctx, lang)];
  const n = c.findings.length;
  out.push(n === 0 ? (fr ? 'Aucun écart avec la convention.' : 'No gap with the convention.') : fr ? `${plural(n, 'écart', 'écarts')} avec la convention\u00a0:` : `${plural(n, 'gap', 'gaps')} with the convention:`);
  out.push(...findingsText(c.findings, lang));
  if (c.matches.length) {
    const matched = c.matches.filter((m) => m.row !== null);
    const by = (method: string) => matched.filter((m) => m.method === method).length;
    const counts = (['number', 'title', 'similarTitle'] as const)
      .filter((m) => by(m) > 0)
      .map((m) => `${by(m)} ${matchMethodName(m, lang)}`)
      .join(', ');
    out.push(
      '',
      fr
        ? `Fiches action\u00a0: ${matched.length} sur ${c.matches.length} appariées à une ligne de l’annexe${counts ? ` (${counts})` : ''}.`
        : `Fiches action: ${matched.length} of ${c.matches.length} matched with an annex row${counts ? ` (${counts})` : ''}.`,
    );
    // The pairs a reader may want to check: those not made on an identical title.
    for (const m of matched.filter((x) => x.method !== 'title')) {
      const f = ctx.figures.fiches[m.fiche];
      out.push(fr ? `  fiche ${f.number} «\u00a0${f.title}\u00a0» ↔ ligne ${m.rowNumber} «\u00a0${m.rowTitle}\u00a0» (${matchMethodName(m.method, lang)})` : `  fiche ${f.number} "${f.title}" ↔ row ${m.rowNumber} "${m.rowTitle}" (${matchMethodName(m.method, lang)})`);
    }
  }
  out.push(...unreadText(ctx.loaded?.extraction ?? null, lang));
  return out.join('\n');
}

function unreadText(x: ConventionExtraction | null, lang: Lang): string[] {
  if (!x || x.unread.length === 0) return [];
  return ['', lang === 'fr' ? `Non lu dans la convention (${x.unread.length})\u00a0:` : `Not read in the convention (${x.unread.length}):`, ...x.unread.map((u) => `  ${unreadMessage(u, lang)}`)];
}

// ---- fix --summary ------------------------------------------------------------------------------

/** The summary sheet's notified amounts per code and article 2's total, with where each was read. */
export function summaryInputs(ctx: ConventionContext | null, lang: Lang): { notified: NotifiedAmount[]; notifiedTotal?: NotifiedTotal } {
  if (!ctx) return { notified: [] };
  const name = ctx.figures.document;
  const where = (s: FigureSource) => (s.kind === 'typed' ? undefined : `${name ? `${name}, ` : ''}${placeOf(s.ref, lang)}`);
  const notified = ctx.figures.codes.map((c) => {
    const read = c.sources.filter((s) => s.kind === 'document').map(where);
    const amount: NotifiedAmount = { code: c.code, amount: decimalOfCents(c.cents) };
    if (read.length && c.sources.every((s) => s.kind === 'document')) amount.source = read.join(' ; ');
    return amount;
  });
  const total = ctx.figures.stateTotal;
  return {
    notified,
    ...(total ? { notifiedTotal: { amount: decimalOfCents(total.cents), source: where(total.source) ?? (lang === 'fr' ? 'saisi à la main' : 'typed by hand') } } : {}),
  };
}

// ---- annex9 convention --------------------------------------------------------------------------

export interface ConventionCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `annex9 convention FILE [--json]`: what was read, with sources. Exit 0, 1 (it contradicts itself), 2. */
export async function conventionCommand(file: string, options: { json: boolean; lang: Lang; template?: AnnexTemplate }, io: ConventionCommandIo): Promise<number> {
  const { lang } = options;
  const fr = lang === 'fr';
  let loaded: LoadedConvention;
  try {
    loaded = await loadConvention(file, lang, options.template);
  } catch (e) {
    if (!(e instanceof ConventionInputError)) throw e;
    io.err(e.message);
    if (options.json) io.out(JSON.stringify({ file, error: e.message }, null, 2));
    return 2;
  }
  const figures = figuresFromExtraction(loaded.extraction, path.basename(file));
  const findings = checkConvention(figures);
  if (options.json) {
    io.out(JSON.stringify({ ...jsonFigures(figures, loaded.extraction, lang), file, findings: findings.map((f) => jsonFinding(f, lang)) }, null, 2));
    return findings.length ? 1 : 0;
  }
  const x = loaded.extraction;
  const out: string[] = [headline({ loaded, figures }, lang)];
  out.push('', fr ? "Soutien financier de l’État (article 2)\u00a0:" : 'State support (article 2):');
  if (figures.stateTotal) out.push(`  ${euro(figures.stateTotal.cents, lang)} — ${sourceLine(figures.stateTotal.source, lang)}`);
  else out.push(fr ? '  non lu (voir ci-dessous)' : '  not read (see below)');
  for (const m of x.stateTotalMentions.slice(1)) {
    out.push(`  ${fr ? 'aussi' : 'also'} ${euro(m.cents, lang)} — ${placeOf(m.source, lang)}\u00a0: «\u00a0${m.source.quote}\u00a0»`);
  }
  out.push('', fr ? 'Montants par imputation (article 3.1)\u00a0:' : 'Amounts per code (article 3.1):');
  if (figures.codes.length === 0) out.push(fr ? '  aucun' : '  none');
  for (const c of figures.codes) {
    for (const s of c.sources) out.push(`  ${c.code}  ${euro(c.cents, lang).padStart(16)} — ${sourceLine(s, lang)}`);
  }
  if (figures.codes.length) {
    const sum = figures.codes.reduce((s, c) => s + c.cents, 0);
    out.push(`  ${(fr ? 'Total' : 'Total').padEnd(16)}  ${euro(sum, lang).padStart(16)}`);
  }
  out.push('', fr ? `Fiches action (${figures.fiches.length})\u00a0:` : `Fiches action (${figures.fiches.length}):`);
  for (const f of figures.fiches) {
    const budget =
      f.total === null
        ? fr ? 'budget non lu' : 'budget not read'
        : `${fr ? 'budget' : 'budget'} ${euro(f.total, lang)}, ${fr ? 'part État' : 'State share'} ${f.stateShare === null ? (fr ? 'non lue' : 'not read') : euro(f.stateShare, lang)}`;
    out.push(`  ${String(f.number).padStart(2)}. ${f.title} — ${budget}${f.source ? ` — ${sourceLine(f.source, lang)}` : ''}`);
  }
  out.push(...unreadText(x, lang));
  if (findings.length) out.push('', fr ? 'Anomalie de la convention\u00a0:' : 'Finding in the convention:', ...findingsText(findings, lang).slice(1));
  io.out(out.join('\n'));
  return findings.length ? 1 : 0;
}
