/**
 * Building blocks of the corpus: the mini annex (the sample's vocabulary on 11 rows), its totals
 * recomputed, and workbooks made from specs or hand-typed grids.
 */
import Decimal from 'decimal.js';
import * as ExcelJS from 'exceljs';
import { Cell, MergedArea, SheetGrid } from '../../src/domain/grid';
import { AMOUNT_KEYS, AmountKey, AnnexSpec, LayoutOptions, SpecAction, SpecAmount, SpecBlock, SpecTotal, layoutAnnex } from '../support/annex-layout';
import { newWorkbook, writeGridToWorkbook } from '../../scripts/xlsx-writer';

// ---------------------------------------------------------------------------------------------
// The mini annex: the sample's vocabulary on 11 rows. With the default layout (table at B1:
// title row 1, letters row 3, labels row 4) its cells are:
//   row  5  2.1 Accueil de proximité           (theme « Premier accueil … », code 03)
//   row  6  2.2 Formation des agents d'accueil
//   row  7  Sous total
//   row  8  5.1 Accompagnement global          (theme « Garantie d'activité », code 07)
//   row  9  5.2 Mobilité des demandeurs d'emploi
//   row 10  Sous total
//   row 11  Sous-total engagements des mesures socle
//   row 12  Premières Heures                   (« Engagements à l'initiative du département », code 10)
//   row 13  Coup de pouce compétences
//   row 14  Sous total engagements à l'initiative du département
//   row 15  TOTAUX FINANCIERS
// Columns: B theme, C code, D fiche, E title, F=A, G=B, H=C, I=valorisation, J=D, K=E, L=F.
// ---------------------------------------------------------------------------------------------

export const CODE_03 = '0304 50 19 19 03 - 1er accueil social inconditionnel';
export const CODE_07 = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';
export const CODE_10 = '0304 50 19 19 10 - Initiatives locales';

export type Money = Partial<Record<Exclude<AmountKey, 'F'>, number>>;

export function act(fiche: string | null, title: string, m: Money): SpecAction {
  const amounts: Record<string, SpecAmount> = {};
  for (const k of AMOUNT_KEYS) if (k !== 'F') amounts[k] = String(m[k] ?? 0);
  return { fiche, title, amounts };
}

export const total = (kind: SpecTotal['kind'], label: string): SpecTotal => ({ kind, label, amounts: {} });

/** A consistent mini annex: every F, subtotal and total computed by `recompute`. */
export function miniSpec(): AnnexSpec {
  const spec: AnnexSpec = {
    sheetName: 'Annexe 9',
    titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'],
    year: 2023,
    body: [
      {
        kind: 'block',
        theme: 'Premier accueil social inconditionnel de proximité',
        imputation: CODE_03,
        actions: [
          act('2.1', 'Accueil de proximité', { A: 100000, C: 100000 }),
          act('2.2', "Formation des agents d'accueil", { A: 20000, B: 5000, C: 20000, valorisation: 10000 }),
        ],
      },
      total('subtotal', 'Sous total'),
      {
        kind: 'block',
        theme: 'Insertion des allocataires du RSA – Garantie d’activité',
        imputation: CODE_07,
        actions: [
          act('5.1', 'Accompagnement global', { A: 300000, C: 300000, E: 50000 }),
          act('5.2', "Mobilité des demandeurs d'emploi", { A: 40000.5, C: 40000.5, D: 2000 }),
        ],
      },
      total('subtotal', 'Sous total'),
      total('socleSubtotal', 'Sous-total engagements des mesures socle'),
      {
        kind: 'block',
        theme: "Engagements à l'initiative du département",
        imputation: CODE_10,
        actions: [act(null, 'Premières Heures', { A: 50000, C: 50000 }), act(null, 'Coup de pouce compétences', { A: 25000, C: 25000 })],
      },
      total('initiativeSubtotal', "Sous total engagements à l'initiative du département"),
      total('grandTotal', 'TOTAUX FINANCIERS'),
    ],
  };
  return recompute(spec);
}

const dec = (a: SpecAmount | undefined): Decimal => {
  if (a === undefined || a === null) return new Decimal(0);
  if (typeof a === 'number' || typeof a === 'string') return new Decimal(a);
  throw new Error('recompute: amounts must be numbers');
};
type Sums = Record<AmountKey, Decimal>;
const zero = (): Sums => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, new Decimal(0)])) as Sums;
const plus = (x: Sums, y: Sums): Sums => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, x[k].plus(y[k])])) as Sums;
const written = (s: Sums): Record<AmountKey, SpecAmount> => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, s[k].toFixed()])) as Record<AmountKey, SpecAmount>;

/** Sets every action's F to A+B+C+D+E and every total to the sum of its parts. */
export function recompute(spec: AnnexSpec): AnnexSpec {
  let sub = zero();
  let section = zero();
  let socle = zero();
  for (const e of spec.body) {
    if (e.kind === 'block') {
      for (const a of e.actions) {
        const f = (['A', 'B', 'C', 'D', 'E'] as AmountKey[]).reduce((s, k) => s.plus(dec(a.amounts[k])), new Decimal(0));
        a.amounts.F = f.toFixed();
        const row = Object.fromEntries(AMOUNT_KEYS.map((k) => [k, dec(a.amounts[k])])) as Sums;
        sub = plus(sub, row);
      }
    } else if (e.kind === 'subtotal') {
      e.amounts = written(sub);
      section = plus(section, sub);
      sub = zero();
    } else if (e.kind === 'socleSubtotal') {
      socle = plus(section, sub);
      e.amounts = written(socle);
      section = zero();
      sub = zero();
    } else if (e.kind === 'initiativeSubtotal') {
      section = plus(section, sub);
      e.amounts = written(section);
      sub = zero();
    } else if (e.kind === 'grandTotal') {
      e.amounts = written(plus(socle, section));
    }
  }
  return spec;
}

export function block(spec: AnnexSpec, n: number): SpecBlock {
  const blocks = spec.body.filter((e): e is SpecBlock => e.kind === 'block');
  return blocks[n];
}
export function totalOf(spec: AnnexSpec, kind: SpecTotal['kind'], n = 0): SpecTotal {
  return spec.body.filter((e): e is SpecTotal => e.kind === kind)[n];
}

// ---------------------------------------------------------------------------------------------
// Building workbooks.
// ---------------------------------------------------------------------------------------------

export async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One sheet laid out from a spec, optionally touched up through ExcelJS. */
export function specBook(spec: AnnexSpec, options: Partial<LayoutOptions> = {}, touch?: (ws: ExcelJS.Worksheet, grid: SheetGrid) => void | Promise<void>) {
  return async () => {
    const wb = newWorkbook();
    const grid = layoutAnnex(spec, options).grid;
    const ws = writeGridToWorkbook(grid, wb);
    await touch?.(ws, grid);
    return bufferOf(wb);
  };
}

export function gridBook(...grids: SheetGrid[]) {
  return async () => {
    const wb = newWorkbook();
    for (const g of grids) writeGridToWorkbook(g, wb);
    return bufferOf(wb);
  };
}

/** A hand-typed sheet: rows of values (null: empty), cells given as-is when objects. */
export function typed(name: string, raw: Array<Array<string | number | null | Cell>>, merges: MergedArea[] = []): SheetGrid {
  return {
    name,
    origin: { row: 0, col: 0 },
    rows: raw.map((r) => r.map((v) => (v === null ? undefined : typeof v === 'object' ? v : { value: v }))),
    merges,
  };
}

/** Sets a grid cell (0-based) to a cell of our choosing. */
export function put(grid: SheetGrid, a1: string, cell: Cell | null): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - 1;
  while (grid.rows.length <= r) grid.rows.push([]);
  const row = (grid.rows[r] ??= []);
  row[col - 1] = cell;
}

/** Inserts an empty column at a sheet column (0-based), shifting cells and merges right. */
export function insertColumn(grid: SheetGrid, at: number, cells: Record<number, Cell>): void {
  grid.rows = grid.rows.map((row, r) => {
    const copy = [...(row ?? [])];
    if (copy.length >= at) copy.splice(at, 0, undefined);
    if (cells[r]) copy[at] = cells[r];
    return copy;
  });
  grid.merges = grid.merges.map((m) => ({ ...m, left: m.left >= at ? m.left + 1 : m.left, right: m.right >= at ? m.right + 1 : m.right }));
}

/** SUM formulas, with their results, on every total row of the mini annex (default layout). */
export function formulaTotals(g: SheetGrid, withResults: boolean): void {
  const sums: Record<number, (col: string) => string> = {
    7: (c) => `SUM(${c}5:${c}6)`,
    10: (c) => `SUM(${c}8:${c}9)`,
    11: (c) => `${c}7+${c}10`,
    14: (c) => `SUM(${c}12:${c}13)`,
    15: (c) => `${c}11+${c}14`,
  };
  for (const [row, formula] of Object.entries(sums)) {
    for (const col of ['F', 'G', 'H', 'I', 'J', 'K', 'L']) {
      const r = Number(row) - 1;
      const c = col.charCodeAt(0) - 65;
      const old = g.rows[r]?.[c];
      put(g, `${col}${row}`, { value: withResults ? old?.value ?? 0 : null, formula: `=${formula(col)}`, numFmt: old?.numFmt });
    }
  }
}

/** The number a grid cell holds (0 when empty), for caches computed by hand. */
function numberAt(g: SheetGrid, a1: string): Decimal {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const v = g.rows[Number(m[2]) - 1]?.[col - 1]?.value;
  return typeof v === 'number' ? new Decimal(v) : new Decimal(0);
}

/**
 * Puts formulas (`SUM(L8:L9)`, `L7+L11`, `SUM(F5:K5)`) into cells, each with the result Excel
 * would store, computed here by hand in the order given (so that later formulas see earlier ones).
 */
export function withFormulas(g: SheetGrid, formulas: Array<[string, string]>): void {
  for (const [at, formula] of formulas) {
    let value = new Decimal(0);
    const sum = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
    if (sum) {
      const [c1, c2] = [sum[1], sum[3]].map((l) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
      for (let r = Number(sum[2]); r <= Number(sum[4]); r++) {
        for (let c = c1; c <= c2; c++) value = value.plus(numberAt(g, `${String.fromCharCode(64 + c)}${r}`));
      }
    } else {
      for (const ref of formula.split('+')) value = value.plus(numberAt(g, ref));
    }
    const old = (g.rows[Number(/\d+$/.exec(at)![0]) - 1] ?? [])[[...(/^[A-Z]+/.exec(at)![0])].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1];
    put(g, at, { value: value.toNumber(), formula: `=${formula}`, numFmt: old?.numFmt });
  }
}

/** Every amount cell of a grid (numbers) divided by 1000: the same annex kept in thousands. */
export function inThousands(g: SheetGrid, fromRow: number, numFmt = '#,##0.000\\ "k€"'): void {
  g.rows.forEach((row, r) => {
    if (!row || r < fromRow) return;
    row.forEach((cell, c) => {
      if (cell && typeof cell.value === 'number') row[c] = { ...cell, value: new Decimal(cell.value).dividedBy(1000).toNumber(), numFmt };
    });
  });
}
