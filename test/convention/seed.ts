/** The seed (the Pas-de-Calais 2023 deliberation and convention) and what the tests expect of it. */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Public source text, kept in the repository (see samples/sources/README.md). */
export const SEED_TEXT_FILE = path.join(ROOT, 'samples', 'sources', 'deliberation-pas-de-calais-2023-06-12.txt');
export const SAMPLE_XLSX = path.join(ROOT, 'samples', 'annexe9-pas-de-calais-2023.xlsx');

export function seedText(): string {
  return fs.readFileSync(SEED_TEXT_FILE, 'utf8');
}

/** Article 3.1 of the seed's convention, in its order: code, amount in euros, lines (1-based) of its sentence. */
export const ARTICLE_3_1: Array<[string, number, number, number]> = [
  ['0304 50 19 19 03', 110000, 417, 421],
  ['0304 50 19 19 04', 80000, 423, 427],
  ['0304 50 19 19 02', 89523, 429, 433],
  ['0304 50 19 19 07', 6067058, 435, 439],
  ['0304 50 19 19 10', 640000, 442, 450],
];

export interface FicheBudget {
  number: number;
  title: string;
  budgetLine: number;
  stateShareLine: number;
  statement: string;
  total2023: string;
  stateShare: string;
  annexRow: string;
}

/** The fiches' budgets as transcribed by hand (samples/fiches-budgets.json). */
export function fichesBudgets(): FicheBudget[] {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'samples', 'fiches-budgets.json'), 'utf8')) as { fiches: FicheBudget[] }).fiches;
}

export const cents = (euros: number | string) => Math.round(Number(euros) * 100);
