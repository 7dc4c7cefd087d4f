/**
 * Properties over generated annexes: a consistent annex gives no finding, whatever its layout;
 * one changed amount gives exactly the findings the rules predict, at that cell and its total.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { analyzeSheet, columnLetters, formatEuro } from '../../src/domain';
import { AMOUNT_KEYS, AmountKey, AnnexSpec, LayoutOptions, SpecAmount, SpecBlock, SpecTotal, layoutAnnex } from '../../fixtures/annex-layout';
import { views } from '../../fixtures/sample';
import { runs } from '../support/runs';

const THEMES: Array<[string, string]> = [
  ['Maraudes mixtes', '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)'],
  ['Prévention spécialisée', '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée'],
  ['Premier accueil social inconditionnel de proximité', '0304 50 19 19 03 - 1er accueil social inconditionnel'],
  ['Insertion des allocataires du RSA – Garantie d’activité', '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA'],
  ['Mise en place du plan de formation des travailleurs sociaux', '0304 50 19 19 02 - Formation travail social CD contract'],
];

interface GenAction {
  cents: Record<'A' | 'B' | 'D' | 'E' | 'valorisationShare', number>;
  asText: boolean;
}

const actionArb: fc.Arbitrary<GenAction> = fc.record({
  cents: fc.record({
    A: fc.integer({ min: 0, max: 200_000_000 }),
    B: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
    D: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
    E: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })),
    valorisationShare: fc.integer({ min: 0, max: 100 }),
  }),
  asText: fc.boolean(),
});

const annexArb = fc.record({
  groups: fc.array(fc.array(fc.array(actionArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
  initiatives: fc.array(actionArb, { minLength: 0, maxLength: 4 }),
  layout: fc.record({
    origin: fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 6 }) }),
    letters: fc.constantFrom('row' as const, 'inline' as const, 'none' as const),
    themeCells: fc.constantFrom('merged' as const, 'everyRow' as const),
    mergeTotalLabels: fc.boolean(),
  }),
});

type Cents = Record<AmountKey, Decimal>;
const euros = (c: number | Decimal) => new Decimal(c).dividedBy(100);

function actionCents(a: GenAction): Cents {
  const A = new Decimal(a.cents.A);
  const C = A; // 50/50
  const valorisation = C.times(a.cents.valorisationShare).dividedBy(100).floor();
  const B = new Decimal(a.cents.B);
  const D = new Decimal(a.cents.D);
  const E = new Decimal(a.cents.E);
  return { A, B, C, valorisation, D, E, F: A.plus(B).plus(C).plus(D).plus(E) };
}

const add = (x: Cents, y: Cents): Cents => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, x[k].plus(y[k])])) as Cents;
const zero = (): Cents => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, new Decimal(0)])) as Cents;

function written(c: Cents, asText: boolean): Record<AmountKey, SpecAmount> {
  return Object.fromEntries(
    AMOUNT_KEYS.map((k) => [k, asText ? { text: formatEuro(euros(c[k])) } : euros(c[k]).toFixed()]),
  ) as Record<AmountKey, SpecAmount>;
}

/** Builds a consistent annex and remembers where each action sits. */
type GenAnnex = typeof annexArb extends fc.Arbitrary<infer T> ? T : never;

function build(gen: GenAnnex): {
  spec: AnnexSpec;
  actions: Array<{ body: number; index: number; cents: Cents; parent: number }>;
} {
  const body: Array<SpecBlock | SpecTotal> = [];
  const actions: Array<{ body: number; index: number; cents: Cents; parent: number }> = [];
  let socle = zero();
  let n = 0;
  gen.groups.forEach((group, g) => {
    let sub = zero();
    const mine: number[] = [];
    group.forEach((block, b) => {
      const [theme, code] = THEMES[(g + b) % THEMES.length];
      const specBlock: SpecBlock = { kind: 'block', theme: `${theme} ${g}.${b}`, imputation: code, actions: [] };
      block.forEach((a, i) => {
        const c = actionCents(a);
        sub = add(sub, c);
        specBlock.actions.push({ fiche: `${g + 1}.${i + 1}`, title: `Action n° ${++n}`, amounts: written(c, a.asText) });
        actions.push({ body: body.length, index: i, cents: c, parent: -1 });
        mine.push(actions.length - 1);
      });
      body.push(specBlock);
    });
    for (const m of mine) actions[m].parent = body.length;
    body.push({ kind: 'subtotal', label: 'Sous total', amounts: written(sub, false) });
    socle = add(socle, sub);
  });
  body.push({ kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: written(socle, false) });
  let initiative = zero();
  if (gen.initiatives.length > 0) {
    const block: SpecBlock = { kind: 'block', theme: "Engagements à l'initiative du département", imputation: '0304 50 19 19 10 - Initiatives locales', actions: [] };
    const first = actions.length;
    gen.initiatives.forEach((a, i) => {
      const c = actionCents(a);
      initiative = add(initiative, c);
      block.actions.push({ title: `Initiative ${i + 1}`, amounts: written(c, a.asText) });
      actions.push({ body: body.length, index: i, cents: c, parent: -1 });
    });
    body.push(block);
    for (let m = first; m < actions.length; m++) actions[m].parent = body.length;
  }
  body.push({ kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: written(initiative, false) });
  body.push({ kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: written(add(socle, initiative), false) });
  return { spec: { sheetName: 'Annexe 9', titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], year: 2023, body }, actions };
}

const RUNS = runs(20230612, 200);

describe('generated annexes', () => {
  it('a consistent annex gives no finding, in any layout', () => {
    fc.assert(
      fc.property(annexArb, (gen) => {
        const { spec } = build(gen);
        const { grid } = layoutAnnex(spec, gen.layout as Partial<LayoutOptions>);
        const report = analyzeSheet(grid);
        expect(report.isAnnex).toBe(true);
        expect(views(report).map((f) => `${f.rule}@${f.cell}: ${f.message}`)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('one changed amount gives the row finding at that cell and the total finding at its total', () => {
    fc.assert(
      fc.property(
        annexArb,
        fc.nat(),
        fc.constantFrom<AmountKey>('A', 'B', 'C', 'D', 'E', 'F'),
        fc.integer({ min: -50_000_000, max: 50_000_000 }).filter((d) => d !== 0),
        (gen, pick, column, deltaCents) => {
          const { spec, actions } = build(gen);
          const target = actions[pick % actions.length];
          const block = spec.body[target.body] as SpecBlock;
          const changed = target.cents[column].plus(deltaCents);
          block.actions[target.index].amounts[column] = euros(changed).toFixed();
          const laid = layoutAnnex(spec, gen.layout as Partial<LayoutOptions>);
          const report = analyzeSheet(laid.grid);
          const col = columnLetters(laid.colOf[column]!);
          const cell = `${col}${laid.rowOf[target.body][target.index] + 1}`;
          const parentRow = laid.rowOf[target.parent][0] + 1;
          const parentKind = (spec.body[target.parent] as SpecTotal).kind;
          expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual([
            `ROW_TOTAL@${cell}`,
            `${parentKind === 'subtotal' ? 'SUBTOTAL' : 'SECTION_TOTAL'}@${col}${parentRow}`,
          ]);
          const [atCell] = report.findings;
          expect(atCell.expected).toBe(target.cents[column].toNumber());
          expect(atCell.actual).toBe(changed.toNumber());
          expect(views(report)[1].message).toContain(`En cause\u00a0: ${cell}`);
        },
      ),
      RUNS,
    );
  });
});
