/** The sample annex (the seed's transcription) as a spec, and helpers to derive crafted variants. */
import sampleJson from '../../samples/annexe9-pas-de-calais-2023.json';
import { AnnexSpec, LayoutOptions, SpecAction, SpecBlock, SpecTotal, layoutAnnex } from './annex-layout';
import { FindingView, SheetReport, analyzeSheet, cellName, findingView } from '../../src/domain';

export function sampleSpec(): AnnexSpec {
  return JSON.parse(JSON.stringify(sampleJson)) as AnnexSpec;
}

/** The spec laid out and checked; `views` are its findings as the command line shows them, in `lang`. */
export function analyzeSpec(spec: AnnexSpec, options: Partial<LayoutOptions> = {}, lang: 'fr' | 'en' = 'fr') {
  const laid = layoutAnnex(spec, options);
  const report = analyzeSheet(laid.grid) as SheetReport;
  return { ...laid, report, views: views(report, lang) };
}

/** A report's findings as the command line's JSON gives them (cell, row, message…), in a language. */
export function views(report: SheetReport, lang: 'fr' | 'en' = 'fr'): FindingView[] {
  return report.findings.map((f) => findingView(f, lang, report.template));
}

/** The action of the sample whose title starts with `title`. */
export function findAction(spec: AnnexSpec, title: string): { block: SpecBlock; action: SpecAction; bodyIndex: number; actionIndex: number } {
  for (let i = 0; i < spec.body.length; i++) {
    const e = spec.body[i];
    if (e.kind !== 'block') continue;
    const j = e.actions.findIndex((a) => a.title.startsWith(title));
    if (j >= 0) return { block: e, action: e.actions[j], bodyIndex: i, actionIndex: j };
  }
  throw new Error(`no action ${title}`);
}

/** The n-th total of a kind (0-based) and its index in the body. */
export function findTotal(spec: AnnexSpec, kind: SpecTotal['kind'], n = 0): { total: SpecTotal; bodyIndex: number } {
  let seen = 0;
  for (let i = 0; i < spec.body.length; i++) {
    const e = spec.body[i];
    if (e.kind === kind && seen++ === n) return { total: e as SpecTotal, bodyIndex: i };
  }
  throw new Error(`no ${kind} #${n}`);
}

/** Compact view of findings for assertions: `RULE@CELL`. */
export function brief(report: SheetReport): string[] {
  return report.findings.map((f) => `${f.rule}@${cellName(f.at)}`);
}
