/**
 * The check of a template description (description.ts), for templates given by users
 * (`annex9 --template MODELE.json`): its shape with zod, then what a shape cannot say (a column
 * named that does not exist, a code outside the Chorus prefix, a pattern that does not compile).
 * Each problem is said in French and names the key at fault (« columns.3.letter »).
 */
import { z } from 'zod';
import { fr } from 'zod/locales';
import { AMOUNT_COLUMNS, TEMPLATE_COLUMN_KEYS, TemplateDescription } from './description';
import { AnnexTemplate, compileTemplate } from './compile';

const named = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();
const amountColumn = z.enum(AMOUNT_COLUMNS as [string, ...string[]]);
const columnKey = z.enum(TEMPLATE_COLUMN_KEYS as unknown as [string, ...string[]]);
const labels = z.array(z.string().min(1)).min(1);

const schema = z
  .object({
    id: z.string().min(1),
    name: named,
    notes: z.string().optional(),
    columns: z
      .array(
        z
          .object({
            key: columnKey,
            kind: z.enum(['text', 'amount']),
            letter: z.string().regex(/^[A-Za-z]$/).optional(),
            labels,
            name: named,
            short: named.optional(),
            header: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
    requiredColumns: z.array(columnKey),
    amountColumns: z.array(amountColumn).min(1),
    total: z.object({ column: amountColumn, parts: z.array(amountColumn).min(1) }).strict(),
    coFinancing: z
      .object({ state: amountColumn, departement: amountColumn, shares: z.object({ state: z.number().positive(), departement: z.number().positive() }).strict() })
      .strict(),
    capped: z.array(z.object({ column: amountColumn, max: amountColumn }).strict()),
    sectionNotes: z.string().optional(),
    sections: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
            name: named,
            starts: z.array(z.string().min(1)),
            code: z.string().optional(),
            total: z.object({ name: named, labels, adds: z.enum(['subtotals', 'rows']) }).strict(),
            summary: z.object({ lines: z.enum(['measures', 'actions']), title: named, total: named, printed: named }).strict(),
          })
          .strict(),
      )
      .min(1),
    subtotal: z.object({ name: named, shown: z.string().min(1), labels }).strict(),
    grandTotal: z.object({ name: named, shown: z.string().min(1), labels, summary: z.object({ total: named, printed: named }).strict() }).strict(),
    control: z.object({ name: named, labels: z.array(z.string().min(1)) }).strict(),
    rowLabelNotes: z.string().optional(),
    rowLabelPrefixes: z.record(z.string(), z.string()).optional(),
    themeTotal: z.array(z.string().min(1)).optional(),
    totalWords: z.array(z.string().min(1)).optional(),
    placeholders: z.object({ exact: z.array(z.string()), prefixes: z.array(z.string().min(1)) }).strict(),
    execution: z.object({ notes: z.string().optional(), markers: z.array(z.string().min(1)) }).strict().optional(),
    chorus: z
      .object({
        prefix: z.string().min(1),
        pattern: z.string().min(1),
        compactPattern: z.string().min(1),
        codes: z.array(z.object({ code: z.string().min(1), label: z.string().min(1), themes: z.array(z.string().min(1)) }).strict()),
      })
      .strict(),
    summary: z
      .object({
        derived: z.array(z.object({ kind: z.enum(['difference', 'share']), of: z.array(amountColumn).min(1), over: amountColumn.optional(), label: named }).strict()),
      })
      .strict(),
  })
  .strict();

export type TemplateReading = { ok: true; template: AnnexTemplate; description: TemplateDescription } | { ok: false; errors: string[] };

/** « columns.3.letter » for a path; « le modèle » for the whole. */
function where(path: ReadonlyArray<PropertyKey>): string {
  return path.length ? `«\u00a0${path.map(String).join('.')}\u00a0»` : 'le modèle';
}

/** The value at a path of the JSON read; undefined past a missing key (zod's paths end there). */
function valueAt(json: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  // Stryker disable next-line OptionalChaining: zod's paths end at the first missing key, so no step starts from undefined or null
  return path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | null | undefined)?.[k], json);
}

/** What a shape cannot say: names that must exist, codes under the prefix, patterns that compile. */
function coherence(d: TemplateDescription): string[] {
  const out: string[] = [];
  const keys = new Set<string>(d.columns.map((c) => c.key));
  const amounts = new Set<string>(d.columns.filter((c) => c.kind === 'amount').map((c) => c.key));
  const must = (present: boolean, path: string, what: string) => !present && out.push(`«\u00a0${path}\u00a0»\u00a0: ${what}`);
  d.columns.forEach((c, i) => {
    must((AMOUNT_COLUMNS as readonly string[]).includes(c.key) === (c.kind === 'amount'), `columns.${i}.kind`, `la colonne ${c.key} est ${(AMOUNT_COLUMNS as readonly string[]).includes(c.key) ? 'une colonne de montants' : 'une colonne de texte'}.`);
    must(d.columns.findIndex((o) => o.key === c.key) === i, `columns.${i}.key`, `la colonne ${c.key} est décrite deux fois.`);
    must(!c.letter || d.columns.findIndex((o) => o.letter?.toLowerCase() === c.letter!.toLowerCase()) === i, `columns.${i}.letter`, `la lettre ${c.letter} est déjà celle d’une autre colonne.`);
  });
  const known = (k: string, path: string) => must(keys.has(k), path, `la colonne ${k} n’est pas décrite dans «\u00a0columns\u00a0».`);
  const amount = (k: string, path: string) => must(amounts.has(k), path, `la colonne ${k} n’est pas une colonne de montants décrite dans «\u00a0columns\u00a0».`);
  d.requiredColumns.forEach((k, i) => known(k, `requiredColumns.${i}`));
  d.amountColumns.forEach((k, i) => amount(k, `amountColumns.${i}`));
  amount(d.total.column, 'total.column');
  d.total.parts.forEach((k, i) => {
    amount(k, `total.parts.${i}`);
    // A part counted twice, or the total among its parts, would make every row's total look wrong.
    must(d.total.parts.indexOf(k) === i, `total.parts.${i}`, `la colonne ${k} est déjà comptée dans le total.`);
    must(k !== d.total.column, `total.parts.${i}`, `la colonne ${k} est le total lui-même.`);
  });
  amount(d.coFinancing.state, 'coFinancing.state');
  amount(d.coFinancing.departement, 'coFinancing.departement');
  d.capped.forEach((c, i) => {
    amount(c.column, `capped.${i}.column`);
    amount(c.max, `capped.${i}.max`);
  });
  d.summary.derived.forEach((x, i) => {
    x.of.forEach((k, j) => amount(k, `summary.derived.${i}.of.${j}`));
    if (x.kind === 'share') must(x.over !== undefined, `summary.derived.${i}.over`, 'une part dit sur quelle colonne elle est prise.');
    if (x.over) amount(x.over, `summary.derived.${i}.over`);
    if (x.kind === 'difference') must(x.of.length === 2, `summary.derived.${i}.of`, "un écart se fait entre deux colonnes.");
  });
  d.sections.forEach((s, i) => {
    must(d.sections.findIndex((o) => o.id === s.id) === i, `sections.${i}.id`, `la section ${s.id} est décrite deux fois.`);
    if (s.code) must(d.chorus.codes.some((c) => c.code === s.code), `sections.${i}.code`, `le code ${s.code} n’est pas dans «\u00a0chorus.codes\u00a0».`);
  });
  for (const key of ['pattern', 'compactPattern'] as const) {
    try {
      must(new RegExp(`${d.chorus[key]}|`).exec('')!.length === 2, `chorus.${key}`, "l’expression doit capturer les deux derniers chiffres du code, et eux seuls.");
    } catch (e) {
      out.push(`«\u00a0chorus.${key}\u00a0»\u00a0: expression régulière invalide (${(e as Error).message}).`);
    }
  }
  d.chorus.codes.forEach((c, i) => must(c.code.startsWith(`${d.chorus.prefix} `) && /^\d\d$/.test(c.code.slice(d.chorus.prefix.length + 1)), `chorus.codes.${i}.code`, `un code s’écrit «\u00a0${d.chorus.prefix}\u00a0» suivi de deux chiffres.`));
  return out;
}

/** A template description read and checked: the compiled template, or what is wrong, in French. */
export function readTemplate(json: unknown): TemplateReading {
  const parsed = schema.safeParse(json, { error: fr().localeError });
  if (!parsed.success) {
    // A key left out says so plainly, rather than zod's « indéfini reçu ».
    const missing = (path: ReadonlyArray<PropertyKey>) => path.length > 0 && valueAt(json, path) === undefined;
    return { ok: false, errors: parsed.error.issues.map((i) => `${where(i.path)}\u00a0: ${missing(i.path) ? 'clé manquante.' : i.message}`) };
  }
  const description = parsed.data as TemplateDescription;
  const errors = coherence(description);
  return errors.length ? { ok: false, errors } : { ok: true, template: compileTemplate(description), description };
}
