/**
 * Properties of the two rules of one action row that the sums never see: A = C (the 50/50
 * co-financing) and "dont valorisation CD" ≤ C. Generated annexes add up everywhere (F and every
 * total are right), while A and C differ on some rows, the valued share exceeds C on others, equals
 * it, or is zero, and the valued share's column moves, goes missing, or is typed as text.
 *
 * The oracle is this file's own: amounts are whole cents in BigInt, and the expected findings are
 * read off the generated rows (A ≠ C → at C; valorisation > C → at the valued share), in sheet
 * order, left to right.
 */
import fc from 'fast-check';
import { analyzeSheet, cellName } from '../../src/domain';
import { AnnexSpec, ColumnRole, SpecAmount, SpecBlock, SpecTotal, TEMPLATE_COLUMNS, layoutAnnex } from '../../fixtures/annex-layout';
import { runs } from '../support/runs';

type Key = 'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F';
const KEYS: Key[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];
type Cents = Record<Key, bigint>;

interface GenAction {
  a: number;
  /** C − A in cents: 0 on most rows (the rule holds), else either way. */
  gap: number;
  b: number;
  e: number;
  /** How the valued share relates to C. */
  share: { kind: 'zero' } | { kind: 'part'; percent: number } | { kind: 'equal' } | { kind: 'above'; by: number };
  asText: boolean;
}

const actionArb: fc.Arbitrary<GenAction> = fc.record({
  a: fc.integer({ min: 0, max: 50_000_000 }),
  gap: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: -10_000_000, max: -1 }) },
    { weight: 1, arbitrary: fc.constantFrom(1, -1) }, // one cent apart
  ),
  b: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
  e: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000 })),
  share: fc.oneof(
    fc.constant({ kind: 'zero' as const }),
    fc.record({ kind: fc.constant('part' as const), percent: fc.integer({ min: 1, max: 99 }) }),
    fc.constant({ kind: 'equal' as const }),
    fc.record({ kind: fc.constant('above' as const), by: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 5_000_000 })) }),
  ),
  asText: fc.boolean(),
});

/** Where the valued share's column is: its place in the template, elsewhere, or absent. */
const valorisationPlaceArb = fc.oneof(
  fc.constant<'template' | 'absent'>('template'),
  fc.constant<'template' | 'absent'>('absent'),
  // Anywhere among the amount columns (index 4 is right after the title), or after F.
  fc.integer({ min: 4, max: TEMPLATE_COLUMNS.length - 1 }),
);

const annexArb = fc.record({
  groups: fc.array(fc.array(actionArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  initiatives: fc.array(actionArb, { minLength: 0, maxLength: 3 }),
  valorisationPlace: valorisationPlaceArb,
  letters: fc.constantFrom('row' as const, 'inline' as const, 'none' as const),
  origin: fc.record({ row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 4 }) }),
});
type GenAnnex = typeof annexArb extends fc.Arbitrary<infer T> ? T : never;

function centsOf(g: GenAction): Cents {
  const A = BigInt(g.a);
  const C = A + BigInt(g.gap) < 0n ? 0n : A + BigInt(g.gap);
  const B = BigInt(g.b);
  const E = BigInt(g.e);
  const valorisation =
    g.share.kind === 'zero' ? 0n : g.share.kind === 'part' ? (C * BigInt(g.share.percent)) / 100n : g.share.kind === 'equal' ? C : C + BigInt(g.share.by);
  return { A, B, C, valorisation, D: 0n, E, F: A + B + C + E };
}

const zero = (): Cents => ({ A: 0n, B: 0n, C: 0n, valorisation: 0n, D: 0n, E: 0n, F: 0n });
const add = (x: Cents, y: Cents): Cents => Object.fromEntries(KEYS.map((k) => [k, x[k] + y[k]])) as Cents;

/** `123456` cents → `1234.56` (a number cell) or `1 234,56 €` (typed the French way). */
function euros(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
function frenchText(cents: bigint): string {
  const [int, frac] = euros(cents).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac} €`;
}
const written = (c: Cents, asText: boolean): Record<Key, SpecAmount> =>
  Object.fromEntries(KEYS.map((k) => [k, asText ? { text: frenchText(c[k]) } : euros(c[k])])) as Record<Key, SpecAmount>;

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnsFor(place: GenAnnex['valorisationPlace']): ColumnRole[] {
  if (place === 'template') return TEMPLATE_COLUMNS;
  const others = TEMPLATE_COLUMNS.filter((c) => c !== 'valorisation');
  if (place === 'absent') return others;
  return [...others.slice(0, place), 'valorisation', ...others.slice(place)];
}

interface Placed {
  body: number;
  index: number;
  cents: Cents;
}

function build(gen: GenAnnex): { spec: AnnexSpec; actions: Placed[] } {
  const body: Array<SpecBlock | SpecTotal> = [];
  const actions: Placed[] = [];
  const themes = ['Maraudes mixtes', 'Prévention spécialisée', 'Premier accueil social inconditionnel de proximité'];
  const codes = [
    '0304 50 19 19 05 - Maraudes Etat (sans abri) / conseil départemental (ASE)',
    '0304 50 19 19 06 - Soutien à des actions de prévention spécialisée',
    '0304 50 19 19 03 - 1er accueil social inconditionnel',
  ];
  let socle = zero();
  gen.groups.forEach((group, g) => {
    const block: SpecBlock = { kind: 'block', theme: `${themes[g % 3]} ${g + 1}`, imputation: codes[g % 3], actions: [] };
    let sub = zero();
    group.forEach((a, i) => {
      const c = centsOf(a);
      sub = add(sub, c);
      block.actions.push({ fiche: `${g + 1}.${i + 1}`, title: `Action ${g + 1}.${i + 1}`, amounts: written(c, a.asText) });
      actions.push({ body: body.length, index: i, cents: c });
    });
    body.push(block);
    body.push({ kind: 'subtotal', label: 'Sous total', amounts: written(sub, false) });
    socle = add(socle, sub);
  });
  body.push({ kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: written(socle, false) });
  let initiative = zero();
  if (gen.initiatives.length) {
    const block: SpecBlock = { kind: 'block', theme: "Engagements à l'initiative du département", imputation: '0304 50 19 19 10 - Initiatives locales', actions: [] };
    gen.initiatives.forEach((a, i) => {
      const c = centsOf(a);
      initiative = add(initiative, c);
      block.actions.push({ title: `Initiative ${i + 1}`, amounts: written(c, a.asText) });
      actions.push({ body: body.length, index: i, cents: c });
    });
    body.push(block);
  }
  body.push({ kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: written(initiative, false) });
  body.push({ kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: written(add(socle, initiative), false) });
  return { spec: { sheetName: 'Annexe 9', titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], year: 2023, body }, actions };
}

const RUNS = runs(20230613, 250);

describe('generated annexes with A ≠ C and valued shares above C', () => {
  it('give exactly the A ≠ C and valorisation findings the rows call for, at the right cells', () => {
    fc.assert(
      fc.property(annexArb, (gen) => {
        const { spec, actions } = build(gen);
        const columns = columnsFor(gen.valorisationPlace);
        const laid = layoutAnnex(spec, { columns, letters: gen.letters, origin: gen.origin });
        const report = analyzeSheet(laid.grid);
        expect(report.isAnnex).toBe(true);

        const hasValorisation = columns.includes('valorisation');
        const expected: Array<{ row: number; col: number; text: string }> = [];
        for (const a of actions) {
          const row = laid.rowOf[a.body][a.index] + 1;
          const { A, C, valorisation } = a.cents;
          if (A !== C) {
            expected.push({ row, col: laid.colOf.C!, text: `A_NEQ_C@${letters(laid.colOf.C!)}${row} ${euros(A)}→${euros(C)}` });
          }
          if (hasValorisation && valorisation !== 0n && valorisation > C) {
            const col = laid.colOf.valorisation!;
            expected.push({ row, col, text: `VALORISATION_EXCEEDS_C@${letters(col)}${row} ${euros(C)}→${euros(valorisation)}` });
          }
        }
        expected.sort((x, y) => x.row - y.row || x.col - y.col);
        const got = report.findings.map((f) => `${f.rule}@${cellName(f.at)} ${(f.expected! / 100).toFixed(2)}→${(f.actual! / 100).toFixed(2)}`);
        expect(got).toEqual(expected.map((e) => e.text));
        expect(report.notices.map((n) => n.code)).toEqual(hasValorisation ? [] : ['MISSING_COLUMN']);
      }),
      RUNS,
    );
  });

  it('the generator reaches every case: both directions of A ≠ C, one cent apart, shares at, above and below C, every place of the column', () => {
    // Guards the property above against a generator that drifted to the easy cases.
    const seen = new Set<string>();
    fc.assert(
      fc.property(annexArb, (gen) => {
        const { actions } = build(gen);
        for (const a of actions) {
          const { A, C, valorisation } = a.cents;
          if (C > A) seen.add('C>A');
          if (C < A) seen.add('C<A');
          if (C - A === 1n || A - C === 1n) seen.add('one cent');
          if (valorisation > C) seen.add('V>C');
          if (valorisation === C && C > 0n) seen.add('V=C');
          if (valorisation > 0n && valorisation < C) seen.add('0<V<C');
        }
        seen.add(`place:${typeof gen.valorisationPlace === 'number' ? 'moved' : gen.valorisationPlace}`);
      }),
      RUNS,
    );
    expect([...seen].sort()).toEqual(['0<V<C', 'C<A', 'C>A', 'V=C', 'V>C', 'one cent', 'place:absent', 'place:moved', 'place:template'].sort());
  });
});
