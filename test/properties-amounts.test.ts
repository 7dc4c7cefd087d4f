/**
 * Properties beyond test/engine/properties.test.ts, with a fixed seed: amounts typed as text in
 * every format people use read back to the cent; a consistent annex typed that way gives no
 * finding; one unreadable cell anywhere gives exactly one finding, there (rule 8).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { analyzeSheet, cellAddress, parseAmountText, readAmount } from '../src/domain';
import { AMOUNT_KEYS, AmountKey, AnnexSpec, LayoutOptions, SpecAction, layoutAnnex } from '../fixtures/annex-layout';
import { CODE_03, CODE_07, CODE_10, recompute } from '../fixtures/corpus/generate';
import { views } from '../fixtures/sample';
import { runs } from './support/runs';

const RUNS = runs(20230612, 300);

const SPACES = [' ', '\u00A0', '\u202F'];

/** `1 362 035` with a grouping separator. */
const group = (int: string, sep: string) => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

interface Format {
  name: string;
  /** The text for an amount in cents, or null when the format cannot say it. */
  write: (cents: bigint, space: string) => string | null;
}

const parts = (cents: bigint) => {
  const abs = cents < 0n ? -cents : cents;
  return { negative: cents < 0n, int: (abs / 100n).toString(), frac: (abs % 100n).toString().padStart(2, '0'), whole: abs % 100n === 0n };
};
const signed = (negative: boolean, s: string) => (negative ? `-${s}` : s);

/** The ways amounts are typed in annexes (ANNEX9.md, issue 6). */
const FORMATS: Format[] = [
  { name: '1 362 035,00 €', write: (c, sp) => { const p = parts(c); return signed(p.negative, `${group(p.int, sp)},${p.frac}${sp}€`); } },
  { name: '1 362 035 €', write: (c, sp) => { const p = parts(c); return p.whole ? signed(p.negative, `${group(p.int, sp)}${sp}€`) : null; } },
  { name: '1362035', write: (c) => { const p = parts(c); return p.whole ? signed(p.negative, p.int) : null; } },
  { name: '1362035,5', write: (c) => { const p = parts(c); return signed(p.negative, `${p.int},${p.frac.replace(/0$/, '')}`); } },
  { name: '1.362.035,00', write: (c) => { const p = parts(c); return signed(p.negative, `${group(p.int, '.')},${p.frac}`); } },
  { name: '1.362.035', write: (c) => { const p = parts(c); return p.whole ? signed(p.negative, group(p.int, '.')) : null; } },
  { name: '1,362,035.00', write: (c) => { const p = parts(c); return signed(p.negative, `${group(p.int, ',')}.${p.frac}`); } },
  { name: '1362035.00', write: (c) => { const p = parts(c); return signed(p.negative, `${p.int}.${p.frac}`); } },
  { name: "1'362'035.00", write: (c) => { const p = parts(c); return signed(p.negative, `${group(p.int, "'")}.${p.frac}`); } },
  { name: '1 362 035,00 EUR', write: (c, sp) => { const p = parts(c); return signed(p.negative, `${group(p.int, sp)},${p.frac} EUR`); } },
  { name: '(1 000,00)', write: (c, sp) => { const p = parts(c); return p.negative ? `(${group(p.int, sp)},${p.frac})` : null; } },
  { name: '(1 000,00 €)', write: (c, sp) => { const p = parts(c); return p.negative ? `(${group(p.int, sp)},${p.frac}${sp}€)` : null; } },
  { name: '−1 000,00 € (U+2212)', write: (c, sp) => { const p = parts(c); return p.negative ? `\u2212${group(p.int, sp)},${p.frac}${sp}€` : null; } },
  { name: '-  €', write: (c, sp) => (c === 0n ? `-${sp}${sp}€` : null) },
  { name: 'néant', write: (c) => (c === 0n ? 'néant' : null) },
];

const centsArb = fc.oneof(
  fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n }),
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.constant(0n),
);

const euros = (cents: bigint) => new Decimal(cents.toString()).dividedBy(100);

describe('amounts typed as text', () => {
  it('every format we accept reads back to the same decimal, to the cent', () => {
    fc.assert(
      fc.property(centsArb, fc.constantFrom(...FORMATS), fc.constantFrom(...SPACES), (cents, format, space) => {
        const text = format.write(cents, space);
        fc.pre(text !== null);
        const parsed = parseAmountText(text!);
        expect(parsed?.toFixed(2)).toBe(euros(cents).toFixed(2));
        // And through a cell stored as text, as it comes from a file.
        const reading = readAmount({ value: text!, numFmt: '@' });
        expect(reading.kind).toBe('amount');
        if (reading.kind === 'amount') expect(reading.value).toBe(Number(cents));
      }),
      RUNS,
    );
  });

  it('each format is exercised (none is always skipped)', () => {
    for (const f of FORMATS) {
      const sample = [0n, 123456n, -123456n, 100000n, -100000n].map((c) => f.write(c, ' ')).filter((t) => t !== null);
      expect(sample.length).toBeGreaterThan(0);
    }
  });
});

// --- Generated consistent annexes, their amounts typed as text ---------------------------------

interface GenAction {
  A: bigint;
  B: bigint;
  D: bigint;
  E: bigint;
  share: number;
}
const actionArb: fc.Arbitrary<GenAction> = fc.record({
  A: fc.bigInt({ min: 0n, max: 50_000_000_00n }),
  B: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1_000_000_00n })),
  D: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1_000_000_00n })),
  E: fc.oneof(fc.constant(0n), fc.bigInt({ min: -1_000_000_00n, max: 1_000_000_00n })),
  share: fc.integer({ min: 0, max: 100 }),
});
const annexArb = fc.record({
  groups: fc.array(fc.array(actionArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  initiatives: fc.array(actionArb, { minLength: 0, maxLength: 3 }),
  layout: fc.record({
    letters: fc.constantFrom('row' as const, 'inline' as const, 'none' as const),
    themeCells: fc.constantFrom('merged' as const, 'everyRow' as const),
    origin: fc.record({ row: fc.integer({ min: 0, max: 6 }), col: fc.integer({ min: 0, max: 4 }) }),
  }),
});
type GenAnnex = typeof annexArb extends fc.Arbitrary<infer T> ? T : never;

const toAction = (a: GenAction, title: string): SpecAction => {
  const valorisation = (a.A * BigInt(a.share)) / 100n; // ≤ C = A
  const amounts: Partial<Record<AmountKey, string>> = { A: euros(a.A).toFixed(), B: euros(a.B).toFixed(), C: euros(a.A).toFixed(), valorisation: euros(valorisation).toFixed(), D: euros(a.D).toFixed(), E: euros(a.E).toFixed() };
  return { title, amounts };
};

function build(gen: GenAnnex): AnnexSpec {
  const body: AnnexSpec['body'] = [];
  const themes: Array<[string, string]> = [
    ['Premier accueil social inconditionnel', CODE_03],
    ['Insertion des allocataires du RSA – Garantie d’activité', CODE_07],
  ];
  let n = 0;
  gen.groups.forEach((actions, g) => {
    const [theme, code] = themes[g % themes.length];
    body.push({ kind: 'block', theme: `${theme} ${g + 1}`, imputation: code, actions: actions.map((a) => toAction(a, `Action ${++n}`)) });
    body.push({ kind: 'subtotal', label: 'Sous total', amounts: {} });
  });
  body.push({ kind: 'socleSubtotal', label: 'Sous-total engagements des mesures socle', amounts: {} });
  if (gen.initiatives.length) {
    body.push({ kind: 'block', theme: "Engagements à l'initiative du département", imputation: CODE_10, actions: gen.initiatives.map((a, i) => toAction(a, `Initiative ${i + 1}`)) });
  }
  body.push({ kind: 'initiativeSubtotal', label: "Sous total engagements à l'initiative du département", amounts: {} });
  body.push({ kind: 'grandTotal', label: 'TOTAUX FINANCIERS', amounts: {} });
  return recompute({ sheetName: 'Annexe 9', titleRows: ['ANNEXE 9- TABLEAU FINANCIER RECAPITULATIF PREVISIONNEL'], year: 2023, body });
}

const cents = (s: string) => BigInt(new Decimal(s).times(100).toFixed(0));

describe('generated annexes typed by hand', () => {
  it('a consistent annex whose amounts are typed as text, each in any format, gives no finding', () => {
    fc.assert(
      fc.property(annexArb, fc.infiniteStream(fc.tuple(fc.nat(FORMATS.length - 1), fc.constantFrom(...SPACES), fc.boolean())), (gen, picks) => {
        const spec = build(gen);
        const stream = picks[Symbol.iterator]();
        const rewrite = (amounts: Partial<Record<AmountKey, unknown>>) => {
          for (const k of AMOUNT_KEYS) {
            const [f, space, asText] = stream.next().value as [number, string, boolean];
            const v = amounts[k];
            if (!asText || typeof v !== 'string') continue;
            // The first format (after the one picked) that can write this value.
            const c = cents(v);
            for (let i = 0; i < FORMATS.length; i++) {
              const text = FORMATS[(f + i) % FORMATS.length].write(c, space);
              if (text !== null) {
                amounts[k] = { text };
                break;
              }
            }
          }
        };
        for (const e of spec.body) {
          if (e.kind === 'block') e.actions.forEach((a) => rewrite(a.amounts));
          else if (e.amounts) rewrite(e.amounts);
        }
        const report = analyzeSheet(layoutAnnex(spec, gen.layout as Partial<LayoutOptions>).grid);
        expect(views(report).map((f) => `${f.rule}@${f.cell}: ${f.message}`)).toEqual([]);
      }),
      runs(RUNS.seed, 200),
    );
  });

  it('one unreadable cell anywhere among the amounts gives exactly one finding, at that cell', () => {
    const unreadable = fc.constantFrom(
      { value: 'voir fiche' },
      { value: { error: '#REF!' } },
      { value: { error: '#N/A' }, formula: '=VLOOKUP(A1,Fiches!A:B,2,FALSE)' },
      { value: new Date(Date.UTC(2023, 5, 12)), numFmt: 'dd/mm/yyyy' },
      { value: true },
      { value: null, formula: '=VLOOKUP(A1,Fiches!A:F,6,FALSE)' }, // a formula the check does not evaluate
    );
    fc.assert(
      fc.property(annexArb, fc.nat(), fc.constantFrom(...AMOUNT_KEYS), unreadable, (gen, pick, column, cell) => {
        const spec = build(gen);
        const laid = layoutAnnex(spec, gen.layout as Partial<LayoutOptions>);
        const rows = laid.rowOf.flat();
        const r = rows[pick % rows.length];
        const c = laid.colOf[column]!;
        laid.grid.rows[r]![c] = cell;
        const report = analyzeSheet(laid.grid);
        expect(views(report).map((f) => `${f.rule}@${f.cell}`)).toEqual([`UNREADABLE_AMOUNT@${cellAddress(laid.grid, r, c)}`]);
        expect(views(report)[0].message).toContain(`(ligne ${r + 1})`);
      }),
      RUNS,
    );
  });
});

