/**
 * The convention's figures confirmed in the pane, as the journal keeps them (issue 15): checked
 * field by field on reading, like every journal entry. A received workbook is untrusted: a record
 * of another shape, a code the annex template does not know, an amount out of range or text with
 * control characters is ignored, never repaired. What a record says only feeds the check's
 * comparison and the summary sheet's amounts (written as numbers and text), never where to write.
 * Pure: no Office.
 */
import type { CodeFigure, ConventionFigures, FicheFigure, Figure, FigureSource } from '../domain/convention/figures';
import type { SourceRef, SourceUnit } from '../domain/convention/document';
import { CALPAE_TEMPLATE } from '../domain/template';
import type { ConventionRecord } from './journalData';

export const CONVENTION_RECORD_LIMITS = {
  codes: 32,
  sourcesPerCode: 16,
  fiches: 500,
  aliases: 8,
  title: 500,
  quote: 2000,
  document: 255,
  /** 10 000 billion euros, in cents: beyond, not an amount of a convention. */
  cents: 1e15,
} as const;

const UNITS: SourceUnit[] = ['page', 'paragraph', 'line'];
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const cleanText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max && !CONTROL.test(x);
const isCents = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= CONVENTION_RECORD_LIMITS.cents;
const isPart = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 1_000_000;

/** Text the add-in writes into a record: control and direction characters removed, cut to `max`. */
export function recordText(s: string, max: number): string {
  return s.replace(new RegExp(CONTROL.source, 'g'), ' ').slice(0, max);
}

function readRef(x: unknown): SourceRef | null {
  if (!isObject(x) || !UNITS.includes(x.unit as SourceUnit) || !isPart(x.first) || !isPart(x.last) || x.last < x.first) return null;
  if (!cleanText(x.quote, CONVENTION_RECORD_LIMITS.quote)) return null;
  return { unit: x.unit as SourceUnit, first: x.first, last: x.last, quote: x.quote };
}

function readSource(x: unknown): FigureSource | null {
  if (!isObject(x)) return null;
  if (x.kind === 'document') {
    const ref = readRef(x.ref);
    return ref ? { kind: 'document', ref } : null;
  }
  if (x.kind === 'typed') {
    if (x.replaces === undefined) return { kind: 'typed' };
    const replaces = readRef(x.replaces);
    return replaces ? { kind: 'typed', replaces } : null;
  }
  return null;
}

function readFigure(x: unknown): Figure | null {
  if (!isObject(x) || !isCents(x.cents)) return null;
  const source = readSource(x.source);
  return source ? { cents: x.cents, source } : null;
}

export const KNOWN_CODES = new Set(CALPAE_TEMPLATE.codes.map((c) => c.code));

function readCode(x: unknown): CodeFigure | null {
  if (!isObject(x) || typeof x.code !== 'string' || !KNOWN_CODES.has(x.code) || !isCents(x.cents)) return null;
  if (!Array.isArray(x.sources) || x.sources.length === 0 || x.sources.length > CONVENTION_RECORD_LIMITS.sourcesPerCode) return null;
  const sources = x.sources.map(readSource);
  if (sources.some((s) => s === null)) return null;
  return { code: x.code, cents: x.cents, sources: sources as FigureSource[] };
}

function readFiche(x: unknown): FicheFigure | null {
  if (!isObject(x)) return null;
  const number = x.number === null ? null : Number.isInteger(x.number) && (x.number as number) >= 0 && (x.number as number) <= 100_000 ? (x.number as number) : undefined;
  if (number === undefined || !cleanText(x.title, CONVENTION_RECORD_LIMITS.title)) return null;
  if (!Array.isArray(x.aliases) || x.aliases.length > CONVENTION_RECORD_LIMITS.aliases || !x.aliases.every((a) => cleanText(a, CONVENTION_RECORD_LIMITS.title))) return null;
  if (!(x.total === null || isCents(x.total)) || !(x.stateShare === null || isCents(x.stateShare))) return null;
  const source = x.source === null ? null : readSource(x.source);
  if (x.source !== null && !source) return null;
  return { number, title: x.title, aliases: [...(x.aliases as string[])], total: x.total as number | null, stateShare: x.stateShare as number | null, source };
}

/** The figures of a record, or null when anything in them is not of the shape the add-in writes. */
export function readConventionFigures(x: unknown): ConventionFigures | null {
  if (!isObject(x)) return null;
  if (!(x.document === null || cleanText(x.document, CONVENTION_RECORD_LIMITS.document))) return null;
  if (!UNITS.includes(x.unit as SourceUnit)) return null;
  if (!(x.year === null || (Number.isInteger(x.year) && (x.year as number) >= 1900 && (x.year as number) <= 2200))) return null;
  const stateTotal = x.stateTotal === null ? null : readFigure(x.stateTotal);
  if (x.stateTotal !== null && !stateTotal) return null;
  if (!Array.isArray(x.codes) || x.codes.length > CONVENTION_RECORD_LIMITS.codes) return null;
  if (!Array.isArray(x.fiches) || x.fiches.length > CONVENTION_RECORD_LIMITS.fiches) return null;
  const codes = x.codes.map(readCode);
  if (codes.some((c) => c === null) || new Set(codes.map((c) => c!.code)).size !== codes.length) return null;
  const fiches = x.fiches.map(readFiche);
  if (fiches.some((f) => f === null)) return null;
  return { document: x.document as string | null, unit: x.unit as SourceUnit, year: x.year as number | null, stateTotal, codes: codes as CodeFigure[], fiches: fiches as FicheFigure[] };
}

/** One journal entry, or null (ignored, counted as malformed). */
export function readConventionRecord(x: unknown): ConventionRecord | null {
  if (!isObject(x) || !cleanText(x.sheetId, 100) || !cleanText(x.sheetName, 100) || !cleanText(x.at, 40)) return null;
  const figures = readConventionFigures(x.figures);
  return figures ? { sheetId: x.sheetId, sheetName: x.sheetName, figures, at: x.at } : null;
}

/** The record of an annex sheet: by id, else by name (a workbook saved under another host). */
export function conventionRecordOf(records: ConventionRecord[] | undefined, sheetId: string, sheetName: string): ConventionRecord | null {
  const list = records ?? [];
  return list.find((r) => r.sheetId === sheetId) ?? list.find((r) => r.sheetName.toLowerCase() === sheetName.toLowerCase()) ?? null;
}

/** The records without the sheet's. */
export function withoutConventionOf(records: ConventionRecord[] | undefined, sheetId: string, sheetName: string): ConventionRecord[] {
  return (records ?? []).filter((r) => r.sheetId !== sheetId && r.sheetName.toLowerCase() !== sheetName.toLowerCase());
}

