/**
 * Properties over the layouts départements really use (issue 12). The sample annex with its header
 * cut at random over two or three rows, or its total labels retyped the way people type them,
 * gives exactly the sample's findings, fills and proposals. And over generated annexes with codes
 * left out, recap tables below or to the right, signature blocks, uncertain total rows: no code is
 * ever planned anywhere but the empty code cell of an action row of the annex.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { SheetGrid, analyzeSheet, parseAddress } from '../../src/domain';
import { AnnexSpec, ColumnRole, LayoutOptions, SpecBlock, layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec, views } from '../../fixtures/sample';
import { CODE_03, CODE_07, CODE_10, recompute } from '../../fixtures/corpus/build';

const RUNS = { seed: 20230612, numRuns: 120 };

/** What a report says, to compare two layouts of the same annex. */
function said(grid: SheetGrid) {
  const report = analyzeSheet(grid);
  const t = report.tables[0];
  return {
    findings: views(report).map((f) => ({ at: `${f.rule}@${f.cell}`, message: f.message, expected: f.expected, actual: f.actual })),
    fills: report.fills.map((f) => `${f.cell}=${f.code}`),
    proposals: report.proposals.map((p) => `${p.cell}:${p.reason}`),
    kinds: t?.classified.rows.map((r) => `${r.index}:${r.kind}`),
  };
}

/** A label cut at random word boundaries into at most `rows` parts (the seed picks the cuts). */
function randomSplit(seed: number) {
  return (_role: ColumnRole, label: string, rows: number): string[] => {
    const words = label.replace(/\s+/g, ' ').trim().split(' ');
    let x = (seed * 2654435761 + label.length * 40503) >>> 0;
    const next = () => (x = (Math.imul(x ^ (x >>> 15), 2246822519) + 3266489917) >>> 0);
    const cuts = new Set<number>();
    const n = 1 + (next() % rows);
    while (cuts.size < Math.min(n - 1, words.length - 1)) cuts.add(1 + (next() % (words.length - 1)));
    const sorted = [...cuts].sort((a, b) => a - b);
    const parts: string[] = [];
    let at = 0;
    for (const c of [...sorted, words.length]) {
      parts.push(words.slice(at, c).join(' '));
      at = c;
    }
    return parts;
  };
}

/** A random change of one action amount, applied to a spec (or none). */
const changeArb = fc.option(fc.record({ pick: fc.nat(), column: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const), delta: fc.integer({ min: -5_000_000, max: 5_000_000 }).filter((d) => d !== 0) }), { nil: null });

function applyChange(spec: AnnexSpec, change: { pick: number; column: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; delta: number } | null): AnnexSpec {
  if (!change) return spec;
  const actions = spec.body.flatMap((e) => (e.kind === 'block' ? e.actions : []));
  const a = actions[change.pick % actions.length];
  const old = a.amounts[change.column];
  const base = typeof old === 'string' || typeof old === 'number' ? new Decimal(old) : new Decimal(0);
  a.amounts[change.column] = base.plus(change.delta).toFixed();
  return spec;
}

describe('the sample with its header written over several rows', () => {
  it('gives the same findings, fills and proposals as the sample itself', () => {
    fc.assert(
      fc.property(
        fc.record({
          headerRows: fc.constantFrom(2, 3),
          letters: fc.constantFrom('row' as const, 'inline' as const, 'none' as const),
          mergeShortLabels: fc.boolean(),
          themeCells: fc.constantFrom('merged' as const, 'firstRow' as const),
          seed: fc.nat(),
        }),
        changeArb,
        (o, change) => {
          const baseline = said(layoutAnnex(applyChange(sampleSpec(), change), { themeCells: o.themeCells }).grid);
          // Data starts at row 7 in both: fewer title rows and no gap make room for the taller header.
          const letterRows = o.letters === 'row' ? 1 : 0;
          const spec = applyChange(sampleSpec(), change);
          let gap = 6 - spec.titleRows.length - letterRows - o.headerRows;
          if (gap < 0) {
            spec.titleRows = spec.titleRows.slice(0, spec.titleRows.length + gap);
            gap = 0;
          }
          const options: Partial<LayoutOptions> = { ...o, gapAfterTitle: gap, splitLabel: randomSplit(o.seed) };
          expect(said(layoutAnnex(spec, options).grid)).toEqual(baseline);
        },
      ),
      RUNS,
    );
  });
});

const SUBTOTALS = ['Sous total', 'Ss-total', 'S/Total', 'S-total', 'Sous total :', 'SOUS-TOTAL', 'sous total', 'Sous-Total:', 'S/TOTAL', 'Soustotal', 'Sous-totaux', 'Ss total :', 'Total partiel'];
const SOCLE = ['Sous-total engagements des mesures socle', 'SOUS-TOTAL ENGAGEMENTS DES MESURES SOCLE :', 'S/Total mesures socle', 'Ss-total socle', 'Total des mesures socle', 'TOTAL SOCLE'];
const INITIATIVES = ["Sous total engagements à l'initiative du département", 'S/total initiatives', 'SOUS TOTAL INITIATIVES :', 'Total des initiatives', "TOTAL ENGAGEMENTS A L'INITIATIVE DU DEPARTEMENT"];
const GRAND = ['TOTAUX FINANCIERS', 'Total général', 'TOTAL GENERAL', 'Totaux financiers :', 'TOTAL GLOBAL', 'Total financier'];

describe('the sample with its total labels typed as people type them', () => {
  it('gives the same findings, fills and proposals as the sample itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('merged' as const, 'firstRow' as const),
        changeArb,
        (picks, themeTotals, themeCells, change) => {
          const baseline = said(layoutAnnex(applyChange(sampleSpec(), change), { themeCells }).grid);
          const spec = applyChange(sampleSpec(), change);
          let i = 0;
          let lastTheme = '';
          for (const e of spec.body) {
            if (e.kind === 'block') {
              lastTheme = e.theme;
              continue;
            }
            const pick = picks[i++ % picks.length];
            if (e.kind === 'subtotal') e.label = themeTotals && pick % 3 === 0 ? `TOTAL ${lastTheme}` : SUBTOTALS[pick % SUBTOTALS.length];
            else if (e.kind === 'socleSubtotal') e.label = SOCLE[pick % SOCLE.length];
            else if (e.kind === 'initiativeSubtotal') e.label = INITIATIVES[pick % INITIATIVES.length];
            else if (e.kind === 'grandTotal') e.label = GRAND[pick % GRAND.length];
          }
          expect(said(layoutAnnex(spec, { themeCells }).grid)).toEqual(baseline);
        },
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fills over generated annexes: the truth is the layout's own record of its action rows.
// ---------------------------------------------------------------------------------------------

const THEMES: Array<[string, string]> = [
  ['Premier accueil social inconditionnel de proximité', CODE_03],
  ['Insertion des allocataires du RSA – Garantie d’activité', CODE_07],
  ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)'],
  ['Actions transversales', '0304 50 19 19 04 - Référents de parcours'],
];

const genArb = fc.record({
  blocks: fc.array(
    fc.record({
      theme: fc.nat(THEMES.length - 1),
      codeShown: fc.boolean(),
      actions: fc.array(fc.record({ amount: fc.integer({ min: 0, max: 900_000 }), titled: fc.boolean(), fiche: fc.boolean() }), { minLength: 1, maxLength: 4 }),
      label: fc.nat(),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  initiatives: fc.array(fc.record({ amount: fc.integer({ min: 1, max: 90_000 }), titled: fc.boolean(), fiche: fc.boolean() }), { maxLength: 3 }),
  initiativeCode: fc.boolean(),
  grandTotal: fc.boolean(),
  recap: fc.constantFrom('none' as const, 'below' as const, 'right' as const),
  signature: fc.boolean(),
  uncertainRow: fc.boolean(),
  layout: fc.record({
    themeCells: fc.constantFrom('merged' as const, 'firstRow' as const, 'everyRow' as const),
    letters: fc.constantFrom('row' as const, 'inline' as const, 'none' as const),
    headerRows: fc.constantFrom(1, 2, 3),
    mergeTotalLabels: fc.boolean(),
  }),
});

type Gen = typeof genArb extends fc.Arbitrary<infer T> ? T : never;

function annexOf(gen: Gen): AnnexSpec {
  const body: AnnexSpec['body'] = [];
  let n = 0;
  const money = (x: number) => ({ A: String(x), B: '0', C: String(x), valorisation: '0', D: '0', E: '0' });
  for (const b of gen.blocks) {
    const [theme, code] = THEMES[b.theme];
    const block: SpecBlock = {
      kind: 'block',
      theme,
      imputation: b.codeShown ? code : null,
      actions: b.actions.map((a) => ({ fiche: a.fiche ? `${++n}.1` : null, title: a.titled ? `Action ${++n}` : '', amounts: money(a.amount) })),
    };
    body.push(block, { kind: 'subtotal', label: SUBTOTALS[b.label % SUBTOTALS.length], amounts: {} });
  }
  body.push({ kind: 'socleSubtotal', label: SOCLE[gen.blocks.length % SOCLE.length], amounts: {} });
  if (gen.initiatives.length) {
    body.push({
      kind: 'block',
      theme: "Engagements à l'initiative du département",
      imputation: gen.initiativeCode ? CODE_10 : null,
      actions: gen.initiatives.map((a, i) => ({ fiche: a.fiche ? `9.${i + 1}` : null, title: a.titled ? `Initiative ${i + 1}` : '', amounts: money(a.amount) })),
    });
  }
  body.push({ kind: 'initiativeSubtotal', label: INITIATIVES[gen.initiatives.length % INITIATIVES.length], amounts: {} });
  if (gen.grandTotal) body.push({ kind: 'grandTotal', label: GRAND[gen.blocks.length % GRAND.length], amounts: {} });
  return recompute({ sheetName: 'Annexe 9', titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], year: 2023, body });
}

const put = (g: SheetGrid, r: number, c: number, value: string | number) => {
  while (g.rows.length <= r) g.rows.push([]);
  (g.rows[r] ??= [])[c] = { value };
};

describe('fills on generated annexes with other blocks around them', () => {
  it('are planned only in the empty code cell of an action row of the annex (title or fiche, in its block)', () => {
    fc.assert(
      fc.property(genArb, (gen) => {
        const spec = annexOf(gen);
        const laid = layoutAnnex(spec, { ...gen.layout, themeCells: gen.layout.themeCells });
        const g = laid.grid;
        // Truth: the annex's action rows with a title or a fiche, per block.
        const actionRow = new Map<number, number>(); // grid row → body index of its block
        spec.body.forEach((e, i) => {
          if (e.kind !== 'block') return;
          e.actions.forEach((a, j) => {
            if (a.title || a.fiche) actionRow.set(laid.rowOf[i][j], i);
          });
        });
        const lastRow = g.rows.length;
        const colOf = (role: ColumnRole) => laid.colOf[role]!;
        if (gen.uncertainRow) {
          // A « Total hors valorisation » row after the first block's subtotal, adding up nothing.
          const at = laid.rowOf[1][0];
          g.rows.splice(at + 1, 0, []);
          g.merges = g.merges.map((m) => (m.top > at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
          const moved = [...actionRow].map(([r, b]): [number, number] => [r > at ? r + 1 : r, b]);
          actionRow.clear();
          for (const [r, b] of moved) actionRow.set(r, b);
          put(g, at + 1, colOf('title'), 'Total hors valorisation');
          put(g, at + 1, colOf('A'), 123);
        }
        if (gen.recap === 'below') {
          const top = g.rows.length + 1;
          put(g, top, colOf('imputation'), 'Imputation Chorus');
          put(g, top, colOf('A'), 'Participation État');
          put(g, top, colOf('C'), 'Crédits CD affectés');
          put(g, top, colOf('F'), 'Total');
          put(g, top + 1, colOf('A'), 1000);
          put(g, top + 2, colOf('title'), 'TOTAL');
          put(g, top + 2, colOf('A'), 1000);
        } else if (gen.recap === 'right') {
          const c = Math.max(...Object.values(laid.colOf).map((x) => x!)) + 2;
          put(g, laid.headerRow, c, 'Imputation Chorus');
          put(g, laid.headerRow, c + 1, 'Participation État');
          put(g, laid.headerRow, c + 2, 'Crédits CD affectés');
          put(g, laid.headerRow, c + 3, 'Budget global');
          put(g, laid.headerRow + 1, c + 1, 5);
          put(g, laid.headerRow + 2, c, 'TOTAL');
          put(g, laid.headerRow + 2, c + 1, 5);
        }
        if (gen.signature) {
          put(g, lastRow + 8, colOf('theme'), 'Fait à Arras, le 12 juin 2023');
          put(g, lastRow + 9, colOf('title'), 'Le Président du Conseil départemental');
          put(g, lastRow + 9, colOf('D'), 'Le Préfet');
        }
        const report = analyzeSheet(g);
        const codeCol = colOf('imputation');
        for (const fill of report.fills) {
          const at = parseAddress(fill.cell);
          expect(at.col).toBe(codeCol);
          const v = g.rows[at.row]?.[at.col]?.value;
          expect(v === undefined || v === null || v === '').toBe(true);
          // The target and every row under the same merged cell: action rows of one block.
          const merge = g.merges.find((m) => m.left <= at.col && at.col <= m.right && m.top <= at.row && at.row <= m.bottom);
          const rows = merge ? Array.from({ length: merge.bottom - merge.top + 1 }, (_, i) => merge.top + i) : [at.row];
          const blocks = new Set(rows.map((r) => actionRow.get(r)));
          expect(blocks.has(undefined)).toBe(false);
          expect(blocks.size).toBe(1);
        }
        // Recap and signature rows are not the table: no finding there either.
        const tableEnd = Math.max(...[...actionRow.keys(), ...laid.rowOf.flat()]) + (gen.uncertainRow ? 1 : 0);
        for (const f of report.findings) expect(f.at.row - report.origin.row).toBeLessThanOrEqual(tableEnd);
      }),
      { seed: 20230612, numRuns: 250 },
    );
  });
});
