/**
 * The sample (samples/annexe9-pas-de-calais-2023.json and .xlsx) is the seed's annex 9 as printed.
 * These tests check the transcription against a second source (the 23 fiches action), its
 * arithmetic (decimal, never floats, errors of the seed asserted as facts) and the generated file.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import {
  ACCOUNTING_EUR, AMOUNT_KEYS, AmountKey, AnnexSpec, CURRENCY_EUR, SpecAction, SpecAmount, SpecAmounts,
  SpecBlock, SpecTotal, layoutAnnex,
} from '../fixtures/annex-layout';
import { SheetGrid, columnLetters } from '../src/domain/grid';
import { SAMPLE_XLSX, buildSampleBuffer, readSpec } from '../fixtures/sample-workbook';
import { deterministicXlsxBuffer, newWorkbook, writeGridToWorkbook } from '../fixtures/xlsx-writer';

const ROOT = path.resolve(__dirname, '..');
/** The public source text the sample is transcribed from (see samples/sources/README.md). */
const SEED = path.resolve(ROOT, 'samples', 'sources', 'deliberation-pas-de-calais-2023-06-12.txt');
const FICHES_JSON = path.resolve(ROOT, 'samples', 'fiches-budgets.json');

interface ShareLine { line: number; text: string; amount: string }
interface FicheBudget {
  number: number;
  title: string;
  titleLine: number;
  budgetLine: number;
  budgetText: string;
  stateShareLine: number;
  stateShareText: string;
  statement: string;
  total2023: string | null;
  stateShare: string | null;
  departmentShareParts: ShareLine[];
  annexRow: string | null;
  note?: string;
}
interface FichesFile { fiches: FicheBudget[]; unnumbered: Array<{ budgetLine: number; budgetText: string }> }

const spec: AnnexSpec = readSpec();
const fichesFile = JSON.parse(fs.readFileSync(FICHES_JSON, 'utf8')) as FichesFile;
const fiches = fichesFile.fiches;

const ZERO = new Decimal(0);
/** A transcribed amount; empty cells count as 0 in sums. Only plain amounts are expected here. */
function dec(a: SpecAmount | undefined): Decimal {
  if (a === undefined || a === null) return ZERO;
  if (typeof a === 'string' || typeof a === 'number') return new Decimal(a);
  throw new Error(`unexpected amount in the sample: ${JSON.stringify(a)}`);
}
const amount = (amounts: SpecAmounts | null, key: AmountKey) => dec(amounts?.[key]);

const blocks = spec.body.filter((e): e is SpecBlock => e.kind === 'block');
const totals = spec.body.filter((e): e is SpecTotal => e.kind !== 'block');
const actions: SpecAction[] = blocks.flatMap((b) => b.actions);
const moneyRows = actions.filter((a) => AMOUNT_KEYS.some((k) => !amount(a.amounts, k).isZero()));
const total = (kind: SpecTotal['kind']) => totals.filter((t) => t.kind === kind);

/** Each subtotal (theme or initiative) with the action rows it closes: every row since the previous subtotal. */
function subtotalGroups(): Array<{ total: SpecTotal; rows: SpecAction[]; blocks: SpecBlock[] }> {
  const groups: Array<{ total: SpecTotal; rows: SpecAction[]; blocks: SpecBlock[] }> = [];
  let rows: SpecAction[] = [];
  let open: SpecBlock[] = [];
  for (const e of spec.body) {
    if (e.kind === 'block') { rows.push(...e.actions); open.push(e); continue; }
    if (e.kind === 'subtotal' || e.kind === 'initiativeSubtotal') {
      groups.push({ total: e, rows, blocks: open });
      rows = [];
      open = [];
    }
  }
  return groups;
}
const sumRows = (rows: SpecAction[], key: AmountKey) => rows.reduce((s, r) => s.plus(amount(r.amounts, key)), ZERO);

describe('transcription against the fiches action', () => {
  it('lists the 23 fiches, each with a stated 2023 budget and State share', () => {
    expect(fiches.map((f) => f.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    // Every fiche of the seed states both amounts (the only fiche without a budget, the SPIE one, is
    // not numbered and not in the annex: see `unnumbered`).
    expect(fiches.filter((f) => f.total2023 === null || f.stateShare === null)).toEqual([]);
  });

  it('matches each fiche to exactly one annex row, and each annex row with money to one fiche', () => {
    for (const f of fiches) {
      expect({ fiche: f.number, rows: actions.filter((a) => a.title === f.annexRow).length }).toEqual({ fiche: f.number, rows: 1 });
    }
    const claimed = new Set(fiches.map((f) => f.annexRow));
    expect(moneyRows.filter((a) => !claimed.has(a.title)).map((a) => a.title)).toEqual([]);
    expect(moneyRows).toHaveLength(23);
  });

  it('has F = fiche total, A = State share and C = département share on every fiche row', () => {
    const disagreements: string[] = [];
    for (const f of fiches) {
      const row = actions.find((a) => a.title === f.annexRow)!;
      const check = (what: string, annex: Decimal, fiche: Decimal) => {
        if (!annex.equals(fiche)) disagreements.push(`fiche ${f.number} ${what}: annexe ${annex.toFixed(2)} ≠ fiche ${fiche.toFixed(2)}`);
      };
      check('F (budget 2023)', amount(row.amounts, 'F'), new Decimal(f.total2023!));
      check('A (part État)', amount(row.amounts, 'A'), new Decimal(f.stateShare!));
      const cd = f.departmentShareParts.reduce((s, p) => s.plus(p.amount), ZERO);
      check('C (contrepartie CD)', amount(row.amounts, 'C'), cd);
    }
    // The seed's annex rows and its 23 fiches agree everywhere.
    expect(disagreements).toEqual([]);
  });

  it('adds up to 13 414 116 € over the fiches, which the printed TOTAUX FINANCIERS (13 094 116 €) misses by 320 000 €', () => {
    const fichesTotal = fiches.reduce((s, f) => s.plus(f.total2023!), ZERO);
    expect(fichesTotal.toFixed(2)).toBe('13414116.00');
    const printed = amount(total('grandTotal')[0].amounts, 'F');
    // Known fact of the seed: the initiative sub-total's F is 320 000 short, and the grand total repeats it.
    expect(fichesTotal.minus(printed).toFixed(2)).toBe('320000.00');
  });

  it('prints the whole département share as "Dont valorisation CD" on every row (kept as printed)', () => {
    // Fiche 16 says only 87 000 € of its 300 000 € counterpart is valued staff time (seed lines
    // 7766-7772), yet the annex prints 300 000 € in "Dont valorisation CD": a known inconsistency
    // of the seed, transcribed as printed.
    for (const row of moneyRows) expect(amount(row.amounts, 'valorisation').equals(amount(row.amounts, 'C'))).toBe(true);
    const f16 = fiches.find((f) => f.number === 16)!;
    expect(f16.departmentShareParts.map((p) => p.amount)).toEqual(['163000', '50000', '87000']);
  });
});

describe('arithmetic of the transcription (decimal)', () => {
  it('has F = A + B + C + D + E, A = C and valorisation ≤ C on every action row', () => {
    for (const a of actions) {
      const sum = (['A', 'B', 'C', 'D', 'E'] as AmountKey[]).reduce((s, k) => s.plus(amount(a.amounts, k)), ZERO);
      expect({ title: a.title, F: amount(a.amounts, 'F').toFixed(2) }).toEqual({ title: a.title, F: sum.toFixed(2) });
      expect(amount(a.amounts, 'A').equals(amount(a.amounts, 'C'))).toBe(true);
      expect(amount(a.amounts, 'valorisation').lte(amount(a.amounts, 'C'))).toBe(true);
    }
  });

  it('has every subtotal equal to its rows, except the initiative sub-total F (960 000 printed, 1 280 000 computed)', () => {
    const groups = subtotalGroups();
    expect(groups).toHaveLength(9);
    const mismatches: Array<{ label: string; key: AmountKey; printed: string; computed: string }> = [];
    for (const g of groups) {
      for (const key of AMOUNT_KEYS) {
        const printed = amount(g.total.amounts, key);
        const computed = sumRows(g.rows, key);
        if (!printed.equals(computed)) mismatches.push({ label: g.total.label, key, printed: printed.toFixed(2), computed: computed.toFixed(2) });
      }
    }
    // The seed's own error, kept in the transcription.
    expect(mismatches).toEqual([
      { label: "Sous total engagements à l'initiative du département", key: 'F', printed: '960000.00', computed: '1280000.00' },
    ]);
  });

  it('has F = A + B + C + D + E on every total row except the two carrying the seed error', () => {
    const off = totals
      .filter((t) => t.amounts)
      .map((t) => ({ label: t.label, F: amount(t.amounts, 'F').toFixed(2), sum: (['A', 'B', 'C', 'D', 'E'] as AmountKey[]).reduce((s, k) => s.plus(amount(t.amounts, k)), ZERO).toFixed(2) }))
      .filter((x) => x.F !== x.sum);
    // The seed's error also shows across each of these rows, not only down the column.
    expect(off).toEqual([
      { label: "Sous total engagements à l'initiative du département", F: '960000.00', sum: '1280000.00' },
      { label: 'TOTAUX FINANCIERS', F: '13094116.00', sum: '13414116.00' },
    ]);
  });

  it('has one subtotal of 5 677 535 € over the 17 actions of "Garantie d’activité" and "mobilité"', () => {
    const g = subtotalGroups().find((x) => x.blocks.length === 2)!;
    expect(g.blocks.map((b) => b.theme)).toEqual([
      'Insertion des allocataires du RSA – Garantie d’activité',
      "Développer la mobilité des demandeurs d'emploi",
    ]);
    expect(g.blocks.map((b) => b.actions.length)).toEqual([12, 5]);
    expect(g.rows).toHaveLength(17);
    expect(sumRows(g.rows, 'A').toFixed(2)).toBe('5677535.00');
    expect(amount(g.total.amounts, 'A').toFixed(2)).toBe('5677535.00');
    expect(amount(g.total.amounts, 'F').toFixed(2)).toBe('11355070.00');
  });

  it('has socle = sum of the theme subtotals (6 067 058 €) and TOTAUX = socle + initiative as printed', () => {
    const [socle] = total('socleSubtotal');
    const [initiative] = total('initiativeSubtotal');
    const [grand] = total('grandTotal');
    const themes = total('subtotal');
    expect(themes).toHaveLength(8);
    for (const key of AMOUNT_KEYS) {
      const sum = themes.reduce((s, t) => s.plus(amount(t.amounts, key)), ZERO);
      expect({ key, socle: amount(socle.amounts, key).toFixed(2) }).toEqual({ key, socle: sum.toFixed(2) });
      expect({ key, grand: amount(grand.amounts, key).toFixed(2) })
        .toEqual({ key, grand: amount(socle.amounts, key).plus(amount(initiative.amounts, key)).toFixed(2) });
    }
    expect(amount(socle.amounts, 'A').toFixed(2)).toBe('6067058.00');
    expect(amount(socle.amounts, 'F').toFixed(2)).toBe('12134116.00');
    expect(amount(grand.amounts, 'A').toFixed(2)).toBe('6707058.00');
    // Printed 13 094 116; the action rows add up to 13 414 116 (the initiative sub-total error carried up).
    expect(amount(grand.amounts, 'F').toFixed(2)).toBe('13094116.00');
    expect(sumRows(actions, 'F').toFixed(2)).toBe('13414116.00');
    expect(total('control')).toEqual([{ kind: 'control', label: 'Total de contrôle', amounts: null }]);
  });
});

/** ExcelJS drops the backslash escapes of a format code when it reads a file: `0.00\ "€"` reads back as `0.00 "€"`. */
const unescapeFmt = (fmt: string) => fmt.replace(/\\(.)/g, '$1');

describe('the generated workbook', () => {
  const laid = layoutAnnex(spec);
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE_XLSX);
    const sheet = wb.getWorksheet('Annexe 9');
    if (!sheet) throw new Error('no sheet "Annexe 9" in the sample');
    ws = sheet;
  });

  it('is what npm run sample:build generates (fixtures/sample-workbook.ts) (deterministic, up to date)', async () => {
    const again = await buildSampleBuffer(spec);
    expect(again.equals(fs.readFileSync(SAMPLE_XLSX))).toBe(true);
  });

  it('has the layout merges, including theme and code cells merged over each block', () => {
    const a1 = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`;
    const expected = laid.grid.merges.map(a1).sort();
    expect([...ws.model.merges].sort()).toEqual(expected);
    const { theme, imputation } = laid.colOf;
    spec.body.forEach((entry, i) => {
      if (entry.kind !== 'block' || entry.actions.length < 2) return;
      const rows = laid.rowOf[i];
      for (const col of [theme!, imputation!]) {
        expect(expected).toContain(a1({ top: rows[0], bottom: rows[rows.length - 1], left: col, right: col }));
      }
      const master = ws.getCell(rows[0] + 1, theme! + 1);
      expect(master.value).toBe(entry.theme);
      expect(ws.getCell(rows[rows.length - 1] + 1, imputation! + 1).master.value).toBe(entry.imputation);
    });
  });

  it('holds every amount as a number equal to the JSON, in the currency or accounting format', () => {
    let checked = 0;
    spec.body.forEach((entry, i) => {
      const rows: Array<{ r: number; amounts: SpecAmounts | null; numFmt?: Partial<Record<AmountKey, string>> }> =
        entry.kind === 'block'
          ? entry.actions.map((a, j) => ({ r: laid.rowOf[i][j], amounts: a.amounts, numFmt: a.numFmt }))
          : [{ r: laid.rowOf[i][0], amounts: entry.amounts }];
      for (const { r, amounts, numFmt } of rows) {
        for (const key of AMOUNT_KEYS) {
          const cell = ws.getCell(r + 1, laid.colOf[key]! + 1);
          const json = amounts?.[key];
          if (json === undefined || json === null) {
            expect(cell.value).toBeNull();
            continue;
          }
          expect(typeof cell.value).toBe('number');
          expect(new Decimal(cell.value as number).equals(dec(json))).toBe(true);
          expect(cell.numFmt).toBe(unescapeFmt(numFmt?.[key] ?? CURRENCY_EUR));
          checked++;
        }
      }
    });
    expect(checked).toBe(7 * (23 + 11)); // 23 action rows, 11 totals with amounts
    const initiative = blocks.find((b) => b.imputation === '0304 50 19 19 10 - Initiatives locales')!;
    const at = spec.body.indexOf(initiative);
    for (const r of laid.rowOf[at]) {
      const b = ws.getCell(r + 1, laid.colOf.B! + 1);
      expect(b.numFmt).toBe(unescapeFmt(ACCOUNTING_EUR));
      expect(b.value).toBe(0);
    }
  });

  it('has the title rows, the header labels and the print setup', () => {
    spec.titleRows.forEach((t, i) => expect(ws.getCell(i + 1, laid.colOf.theme! + 1).value).toBe(t));
    expect(ws.getCell(laid.headerRow + 1, laid.colOf.F! + 1).value).toBe("Budget global de\nl'action prévu en 2023\n(A+B+C+D+E)");
    expect(ws.pageSetup.orientation).toBe('landscape');
  });
});

describe('the transcriptions against the seed text', () => {
  it('records budget, State share and counterpart lines that really occur in the seed at those lines', () => {
    const lines = fs.readFileSync(SEED, 'utf8').split('\n');
    const at = (n: number) => lines[n - 1]?.trim();
    for (const f of fiches) {
      expect({ fiche: f.number, line: f.budgetLine, text: at(f.budgetLine) }).toEqual({ fiche: f.number, line: f.budgetLine, text: f.budgetText });
      expect({ fiche: f.number, line: f.stateShareLine, text: at(f.stateShareLine) }).toEqual({ fiche: f.number, line: f.stateShareLine, text: f.stateShareText });
      expect(at(f.titleLine).startsWith(`Action ${f.number} :`)).toBe(true);
      expect(f.budgetText.startsWith('2023')).toBe(true);
      for (const p of f.departmentShareParts) expect({ line: p.line, text: at(p.line) }).toEqual({ line: p.line, text: p.text });
    }
    for (const u of fichesFile.unnumbered) expect(at(u.budgetLine)).toBe(u.budgetText);
  });

  it('prints every transcribed row of amounts in the seed table, in the order A B C valorisation D E F', () => {
    const lines = fs.readFileSync(SEED, 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('Thème de la contractualisation Imputation chorus'));
    expect(start).toBeGreaterThan(0);
    const table = lines.slice(start, start + 400).join(' ').replace(/\s+/g, ' ');
    const fr = (d: Decimal) => `${d.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
    const printed = (amounts: SpecAmounts, numFmt?: Partial<Record<AmountKey, string>>) =>
      AMOUNT_KEYS.map((k) => (numFmt?.[k] === ACCOUNTING_EUR && amount(amounts, k).isZero() ? '- €' : fr(amount(amounts, k)))).join(' ');
    for (const a of moneyRows) expect({ title: a.title, found: table.includes(printed(a.amounts, a.numFmt)) }).toEqual({ title: a.title, found: true });
    for (const t of totals) if (t.amounts) expect({ label: t.label, found: table.includes(printed(t.amounts)) }).toEqual({ label: t.label, found: true });
  });
});

describe('writeGridToWorkbook', () => {
  it('writes errors, formulas with cached results, dates, formats and merges at the grid origin', async () => {
    const grid: SheetGrid = {
      name: 'Variante',
      origin: { row: 2, col: 1 },
      rows: [
        [{ value: 'Sous total' }, null, { value: 1362035.5, numFmt: CURRENCY_EUR }],
        [{ value: { error: '#REF!' } }, { value: 30, formula: '=C3*2' }, { value: new Date(Date.UTC(2023, 0, 15)), numFmt: 'dd/mm/yyyy' }],
        [{ value: null, formula: 'SUM(C3:C4)' }, { value: { error: '#DIV/0!' }, formula: '=1/0' }],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    };
    const wb = newWorkbook();
    writeGridToWorkbook(grid, wb);
    const back = new ExcelJS.Workbook();
    // ExcelJS types `load` with its own Buffer interface; a Node Buffer is what it reads at run time.
    await back.xlsx.load((await deterministicXlsxBuffer(wb)) as unknown as ExcelJS.Buffer);
    const s = back.getWorksheet('Variante')!;
    expect(s.getCell('B3').value).toBe('Sous total');
    expect(s.model.merges).toEqual(['B3:C3']);
    expect(s.getCell('D3').value).toBe(1362035.5);
    expect(s.getCell('D3').numFmt).toBe(unescapeFmt(CURRENCY_EUR));
    expect(s.getCell('B4').value).toEqual({ error: '#REF!' });
    expect(s.getCell('C4').value).toEqual({ formula: 'C3*2', result: 30 });
    expect((s.getCell('D4').value as Date).toISOString()).toBe('2023-01-15T00:00:00.000Z');
    expect(s.getCell('B5').value).toEqual({ formula: 'SUM(C3:C4)' });
    expect(s.getCell('C5').value).toEqual({ formula: '1/0', result: { error: '#DIV/0!' } });
    expect(back.creator).toBe('annexe9-controle');
  });
});
