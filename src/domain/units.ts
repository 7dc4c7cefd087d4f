/**
 * The unit a table's amounts are written in: euros, or thousands of euros when its title or
 * header says « en milliers d'euros », « k€ », « en K€ ». Amounts are checked, shown and given in
 * JSON in that unit, with the precision the sheet has: « 5 677,535 k€ », never rounded to the cent
 * of a k€ nor relabelled in euros, and a gap of one unit of the last digit (0,001 k€) is real.
 */
import { EURO_DECIMALS, FR_BEFORE_UNIT, FR_DIGIT_GROUP, formatEuro } from './amounts';
import { Decimals, Money, moneyDecimal } from './money';
import { SheetGrid } from './grid';
import { TableLayout } from './layout';
import { AmountColumn, AnnexTemplate } from './template';

export type AmountUnit = '€' | 'k€';

export interface UnitInfo {
  unit: AmountUnit;
  /** The words that said so, as written (for the notice); null for euros by default. */
  said: string | null;
  /** 1-based sheet row where they were written. */
  row: number | null;
}

const EUROS: UnitInfo = { unit: '€', said: null, row: null };

/** « k€ », « K€ », « kEUR », « k euros », « milliers d'euros », « en milliers ». */
const THOUSANDS = /(^|[^a-z0-9])k ?(€|eur\b|euros?\b)|\bkeur\b|\bmilliers? d(e |'|’| )?\s*(euros?|€)|\ben milliers\b/;

export function saysThousands(text: string): boolean {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u00a0\u202f]/g, ' ');
  return THOUSANDS.test(plain);
}

/** How far above the header a title may say the unit. */
const TITLE_ROWS = 8;

/** The unit of a table: its header band, the title rows above it (up to the table above), its number formats. */
export function detectUnit(grid: SheetGrid, layout: TableLayout, template: AnnexTemplate, above: number): UnitInfo {
  const row = (r: number) => grid.origin.row + r + 1;
  for (const text of layout.headerTexts) if (saysThousands(text)) return { unit: 'k€', said: text, row: row(layout.headerTop) };
  for (let r = layout.headerTop - 1; r >= Math.max(above, layout.headerTop - TITLE_ROWS); r--) {
    for (const cell of grid.rows[r] ?? []) {
      if (cell && typeof cell.value === 'string' && cell.value.length <= 300 && saysThousands(cell.value)) return { unit: 'k€', said: cell.value, row: row(r) };
    }
  }
  // A format that prints « k€ » after each amount says it too.
  const cols = template.amountColumns.map((k: AmountColumn) => layout.columns[k]).filter((c): c is number => c !== undefined);
  for (let r = layout.dataStart; r < Math.min(layout.dataEnd, layout.dataStart + 30); r++) {
    for (const c of cols) {
      const fmt = grid.rows[r]?.[c]?.numFmt;
      if (fmt && /"\s*k€\s*"|\[\$k€/i.test(fmt)) return { unit: 'k€', said: fmt, row: row(r) };
    }
  }
  return EUROS;
}

/** Decimals of a written amount one minor unit is: the cent in euros; in thousands, the cent of the euro (5), so that 0,001 k€ counts. */
export function decimalsOf(unit: AmountUnit): Decimals {
  return unit === 'k€' ? 5 : EURO_DECIMALS;
}

/** An amount for people: `1 362 035,00 €`, or `5 677,535 k€` with the decimals the amount has. */
export function formatAmount(m: Money, unit: AmountUnit, lang: 'fr' | 'en' = 'fr'): string {
  const d = moneyDecimal(m, decimalsOf(unit));
  if (unit === '€') return formatEuro(d, lang);
  const negative = m < 0;
  const [int, frac] = d.abs().toFixed().split('.');
  const group = lang === 'fr' ? FR_DIGIT_GROUP : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimals = frac ? `${lang === 'fr' ? ',' : '.'}${frac}` : '';
  return `${negative ? '-' : ''}${grouped}${decimals}${lang === 'fr' ? FR_BEFORE_UNIT : ' '}k€`;
}

/**
 * A gap, signed as the JSON's `difference` (actual − expected): `+1,00 €`, `-320 000,00 €`,
 * `+0,001 k€` — the same form as the convention's gaps.
 */
export function formatGap(m: Money, unit: AmountUnit, lang: 'fr' | 'en' = 'fr'): string {
  const shown = formatAmount(m, unit, lang);
  return m > 0 ? `+${shown}` : shown;
}

/** An amount for JSON, in the unit: `"1280000"`, `"0.5"` in euros, every printed decimal in k€ (`"5677.535"`). */
export function amountString(m: Money, unit: AmountUnit): string {
  return moneyDecimal(m, decimalsOf(unit)).toFixed();
}
