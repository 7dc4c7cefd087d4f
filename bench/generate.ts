/**
 * Annex workbooks of any size for the benchmark: socle blocks with subtotals, the socle sub-total,
 * initiative blocks, the initiative sub-total, the grand total; a few findings planted at known cells.
 */
import * as ExcelJS from 'exceljs';
import { columnLetters } from '../src/domain/grid';
import { RuleCode } from '../src/domain/findings';
import { AmountKey, AnnexSpec, LaidOutAnnex, LayoutOptions, SpecAction, SpecAmounts, SpecBlock, SpecTotal, layoutAnnex } from '../fixtures/annex-layout';
import { annexStyle } from '../fixtures/sample-workbook';
import { newWorkbook, writeGridToWorkbook } from '../fixtures/xlsx-writer';

/** Bump when the generated workbooks change (cached files are keyed by it). */
export const GENERATOR_VERSION = 1;
export const MIN_ROWS = 50;

const SOCLE_THEMES: Array<{ theme: string; code: string }> = [
  { theme: 'Maraudes mixtes', code: '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)' },
  { theme: 'Prévention spécialisée', code: '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée' },
  { theme: 'Refonder et revaloriser le travail social – Premier accueil social inconditionnel', code: '0304 50 19 19 03 - 1er accueil social inconditionnel' },
  { theme: 'Refonder et revaloriser le travail social – Référents de parcours', code: '0304 50 19 19 04 - Référents de parcours' },
  { theme: "Insertion des allocataires du RSA – Garantie d'activité", code: "0304 50 19 19 07 - Garantie d'activité et insertion des BRSA" },
  { theme: 'Mise en place du plan de formation des travailleurs sociaux', code: '0304 50 19 19 02 - Formation travail social CD contract' },
];
const INITIATIVE = { theme: "Engagements à l'initiative du département", code: '0304 50 19 19 10 - Initiatives locales' };
/** Block sizes, cycled (mean 15.1 actions). */
const BLOCK_SIZES = [12, 3, 25, 8, 17, 1, 30, 5, 40, 10];
const PARTS: AmountKey[] = ['A', 'B', 'C', 'D', 'E'];
const KEYS: AmountKey[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

/** Amounts in integer cents while generating; written as euros. */
type Cents = Record<AmountKey, number>;
/** A planted mistake, with the findings it must raise. */
export interface PlantedFinding {
  rule: RuleCode;
  cell: string;
}

export interface GeneratedAnnex {
  rows: number;
  spec: AnnexSpec;
  laid: LaidOutAnnex;
  /** Expected findings, in sheet order. */
  expected: PlantedFinding[];
  /** Body structure for the formula peer: kind of each body entry and its first grid row. */
  structure: Array<{ kind: 'block' | SpecTotal['kind']; rows: number[]; section: 'socle' | 'initiative' }>;
}

/** Deterministic pseudo-random numbers (LCG). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const euros = (c: number): number => c / 100;

function zeroCents(): Cents {
  return { A: 0, B: 0, C: 0, valorisation: 0, D: 0, E: 0, F: 0 };
}

function toSpec(c: Cents): SpecAmounts {
  const out: SpecAmounts = {};
  for (const k of KEYS) out[k] = euros(c[k]);
  return out;
}

/**
 * The spec of an annex with `rows` action rows (≥ MIN_ROWS). About 10 % of them are initiatives.
 * Planted: a wrong F on an action (reported there and on the subtotal, socle and grand total rows,
 * whose F carries it), A ≠ C, valorisation > C, a text amount, a wrong subtotal (A and F), an
 * initiative block without its Chorus code (two actions, one fill).
 */
export function generateAnnex(rows: number, seed = 9, layout: Partial<LayoutOptions> = {}): GeneratedAnnex {
  if (!Number.isInteger(rows) || rows < MIN_ROWS) throw new Error(`generateAnnex: at least ${MIN_ROWS} rows`);
  const rand = rng(seed);
  const money = (min: number, max: number) => Math.round(min * 100 + rand() * (max - min) * 100);
  const initiativeRows = Math.max(4, Math.round(rows * 0.1));
  const socleRows = rows - initiativeRows;

  const sizes = (total: number, first: number[] = []): number[] => {
    const out = [...first];
    let left = total - first.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0; i++) {
      const n = Math.min(BLOCK_SIZES[i % BLOCK_SIZES.length], left);
      out.push(n);
      left -= n;
    }
    return out;
  };
  const socleSizes = sizes(socleRows);
  const initiativeSizes = sizes(initiativeRows, [2]);
  const nb = socleSizes.length;
  // Planted mistakes, by socle block: distinct blocks as soon as there are five.
  const plant = { rowTotal: 0, aNeqC: Math.floor(nb / 4), valorisation: Math.floor(nb / 2), text: Math.floor((3 * nb) / 4), subtotal: nb - 1 };

  const body: Array<SpecBlock | SpecTotal> = [];
  const marks: Array<{ bodyIndex: number; action: number; rule: RuleCode; key: AmountKey | 'imputation' }> = [];
  let fiche = 0;

  const action = (blockNo: number, i: number): { action: SpecAction; cents: Cents } => {
    const c = zeroCents();
    c.A = money(1_000, 400_000);
    c.C = c.A;
    c.valorisation = rand() < 0.6 ? c.C : Math.round(c.C * rand());
    c.B = rand() < 0.2 ? money(0, 50_000) : 0;
    c.D = rand() < 0.2 ? money(0, 50_000) : 0;
    c.E = rand() < 0.3 ? money(0, 200_000) : 0;
    c.F = PARTS.reduce((s, k) => s + c[k], 0);
    fiche++;
    return { action: { fiche: `${blockNo + 1}.${i + 1}`, title: `Action ${fiche} – accompagnement et insertion, territoire ${1 + (fiche % 97)}`, amounts: toSpec(c) }, cents: c };
  };

  const section = (blockSizes: number[], first: number, themes: Array<{ theme: string; code: string }>, isInitiative: boolean): Cents => {
    const sectionSum = zeroCents();
    blockSizes.forEach((size, b) => {
      const blockNo = first + b;
      const t = themes[b % themes.length];
      const noCode = isInitiative && b === 0;
      const block: SpecBlock = { kind: 'block', theme: t.theme, imputation: noCode ? null : t.code, actions: [] };
      const bodyIndex = body.length;
      const sub = zeroCents();
      for (let i = 0; i < size; i++) {
        const { action: a, cents } = action(blockNo, i);
        let textE = false;
        if (!isInitiative) {
          if (b === plant.rowTotal && i === 1) {
            cents.F += 10_000; // F ≠ A+B+C+D+E
            marks.push({ bodyIndex, action: i, rule: 'ROW_TOTAL', key: 'F' });
          } else if (b === plant.aNeqC && i === 0) {
            cents.C = cents.A - 50_000;
            cents.valorisation = Math.min(cents.valorisation, cents.C);
            cents.F = PARTS.reduce((s, k) => s + cents[k], 0);
            marks.push({ bodyIndex, action: i, rule: 'A_NEQ_C', key: 'C' });
          } else if (b === plant.valorisation && i === 0) {
            cents.valorisation = cents.C + 100_000;
            marks.push({ bodyIndex, action: i, rule: 'VALORISATION_EXCEEDS_C', key: 'valorisation' });
          } else if (b === plant.text && i === 0) {
            cents.E = 0;
            cents.F = PARTS.reduce((s, k) => s + cents[k], 0);
            textE = true;
            marks.push({ bodyIndex, action: i, rule: 'UNREADABLE_AMOUNT', key: 'E' });
          }
        }
        a.amounts = toSpec(cents);
        if (textE) a.amounts.E = { text: 'voir fiche' }; // typed in an amount column
        if (noCode) marks.push({ bodyIndex, action: i, rule: 'MISSING_IMPUTATION', key: 'imputation' });
        block.actions.push(a);
        for (const k of KEYS) sub[k] += cents[k];
      }
      body.push(block);
      if (!isInitiative && b === plant.subtotal) {
        sub.A += 25_000;
        sub.F += 25_000; // the row still adds up: only the column sums are wrong
        marks.push({ bodyIndex: body.length, action: -1, rule: 'SUBTOTAL', key: 'A' });
        marks.push({ bodyIndex: body.length, action: -1, rule: 'SUBTOTAL', key: 'F' });
      }
      // Totals add up the rows as printed (SUM formulas): a wrong F carries up to each total's F.
      if (!isInitiative && b === plant.rowTotal) marks.push({ bodyIndex: body.length, action: -1, rule: 'ROW_TOTAL', key: 'F' });
      body.push({ kind: 'subtotal', label: 'Sous total', amounts: toSpec(sub) });
      for (const k of KEYS) sectionSum[k] += sub[k];
    });
    return sectionSum;
  };

  const socle = section(socleSizes, 0, SOCLE_THEMES, false);
  marks.push({ bodyIndex: body.length, action: -1, rule: 'ROW_TOTAL', key: 'F' });
  body.push({ kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: toSpec(socle) });
  const initiative = section(initiativeSizes, nb, [INITIATIVE], true);
  body.push({ kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: toSpec(initiative) });
  const grand = zeroCents();
  for (const k of KEYS) grand[k] = socle[k] + initiative[k];
  marks.push({ bodyIndex: body.length, action: -1, rule: 'ROW_TOTAL', key: 'F' });
  body.push({ kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: toSpec(grand) });
  body.push({ kind: 'control', label: 'Total de contrôle', amounts: null });

  const spec: AnnexSpec = {
    sheetName: 'Annexe 9',
    titleRows: [
      'ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL',
      `CONVENTION D’APPUI À LA LUTTE CONTRE LA PAUVRETÉ ET D’ACCÈS A L’EMPLOI - consolidation de ${rows} actions`,
      'Prévisionnel Année 2023',
    ],
    year: 2023,
    body,
  };
  const laid = layoutAnnex(spec, layout);
  const expected = marks
    .map((m) => {
      const row = m.action >= 0 ? laid.rowOf[m.bodyIndex][m.action] : laid.rowOf[m.bodyIndex][0];
      return { rule: m.rule, cell: `${columnLetters(laid.colOf[m.key]!)}${row + 1}`, row, col: laid.colOf[m.key]! };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(({ rule, cell }) => ({ rule, cell }));
  let inInitiative = false;
  const structure = body.map((entry, i) => {
    const s = { kind: entry.kind, rows: laid.rowOf[i], section: (inInitiative ? 'initiative' : 'socle') as 'socle' | 'initiative' };
    if (entry.kind === 'socleSubtotal') inInitiative = true;
    return s;
  });
  return { rows, spec, laid, expected, structure };
}

/** Theme and code repeated on every row, total labels unmerged: only the header's merges. */
export const FEW_MERGES: Partial<LayoutOptions> = { themeCells: 'everyRow', mergeTotalLabels: false };

/** The annex as an ExcelJS workbook, styled like the sample (borders, header fill, bold totals). */
export function annexWorkbook(annex: GeneratedAnnex): ExcelJS.Workbook {
  const workbook = newWorkbook();
  writeGridToWorkbook(annex.laid.grid, workbook, annexStyle(annex.spec, annex.laid));
  return workbook;
}

/** Writes the annex as .xlsx; returns the file size in bytes. */
export async function writeAnnexFile(annex: GeneratedAnnex, file: string): Promise<number> {
  const workbook = annexWorkbook(annex);
  await workbook.xlsx.writeFile(file);
  const { size } = await import('fs').then((fs) => fs.promises.stat(file));
  return size;
}
