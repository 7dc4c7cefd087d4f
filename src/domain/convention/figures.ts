/**
 * The convention's figures as the comparison takes them: plain, editable data. The extraction
 * gives a first version, each figure with its quote; the user (the pane, later) confirms or
 * corrects them, amounts typed by hand (`--notified`) replace those of the document for their
 * codes; the comparison runs on whatever version it is given.
 */
import { SourceRef, SourceUnit } from './document';
import { Cents } from './money';
import { ConventionExtraction } from './types';

export type FigureSource =
  /** Read in the document, at this place. */
  | { kind: 'document'; ref: SourceRef }
  /** Typed by the user (`--notified`, or corrected in the pane: `replaces` is what the document said). */
  | { kind: 'typed'; replaces?: SourceRef };

export interface Figure {
  cents: Cents;
  source: FigureSource;
}

export interface CodeFigure {
  /** Canonical code, `0304 50 19 19 07`. */
  code: string;
  cents: Cents;
  /** One per statement added up (a code imputed twice), or the typed amount. */
  sources: FigureSource[];
}

export interface FicheFigure {
  number: number | null;
  title: string;
  aliases: string[];
  total: Cents | null;
  stateShare: Cents | null;
  source: FigureSource | null;
}

export interface ConventionFigures {
  /** The document's name, for messages (`convention.pdf`); null for pasted text. */
  document: string | null;
  unit: SourceUnit;
  year: number | null;
  stateTotal: Figure | null;
  /** Article 3.1, one per code, in the document's order; empty when the document has none. */
  codes: CodeFigure[];
  fiches: FicheFigure[];
}

export function figuresFromExtraction(x: ConventionExtraction, document: string | null): ConventionFigures {
  const codes: CodeFigure[] = [];
  for (const s of x.codes) {
    const source: FigureSource = { kind: 'document', ref: s.source };
    const same = codes.find((c) => c.code === s.code);
    if (same) {
      same.cents += s.cents;
      same.sources.push(source);
    } else codes.push({ code: s.code, cents: s.cents, sources: [source] });
  }
  return {
    document,
    unit: x.unit,
    year: x.year,
    stateTotal: x.stateTotal ? { cents: x.stateTotal.cents, source: { kind: 'document', ref: x.stateTotal.source } } : null,
    codes,
    fiches: x.fiches.map((f) => ({
      number: f.number,
      title: f.title,
      aliases: f.aliases,
      total: f.total,
      stateShare: f.stateShare,
      source: f.source ? { kind: 'document', ref: f.source } : null,
    })),
  };
}

/**
 * A figure typed by hand over `original`: it names what the document said, read there or already
 * replaced by an earlier typing, so a second correction does not lose the place of the first.
 */
export function typedOver(cents: Cents, original: { sources: FigureSource[] } | null): { cents: Cents; sources: FigureSource[] } {
  const replaces = original?.sources.map((s) => (s.kind === 'document' ? s.ref : s.replaces)).find((r) => r !== undefined);
  return { cents, sources: [replaces ? { kind: 'typed', replaces } : { kind: 'typed' }] };
}

/** Amounts typed per code win over the document's for the codes they name. */
export function withTypedCodes(figures: ConventionFigures, typed: Array<{ code: string; cents: Cents }>): ConventionFigures {
  const codes = figures.codes.map((c) => {
    const t = typed.find((x) => x.code === c.code);
    return t ? { code: c.code, ...typedOver(t.cents, c) } : c;
  });
  for (const t of typed) if (!codes.some((c) => c.code === t.code)) codes.push({ code: t.code, ...typedOver(t.cents, null) });
  return { ...figures, codes };
}

/** Figures with nothing from a document: the amounts typed by hand alone. */
export function typedFigures(typed: Array<{ code: string; cents: Cents }>): ConventionFigures {
  return withTypedCodes({ document: null, unit: 'line', year: null, stateTotal: null, codes: [], fiches: [] }, typed);
}
