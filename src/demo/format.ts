/** How the demo grid shows a cell's value: close enough to Excel for a reader, not a number-format engine. */
import Decimal from 'decimal.js';
import { formatEuro, isDateFormat } from '../domain/amounts';
import { CellValue, isCellError } from '../domain/grid';

export function cellText(value: CellValue | undefined, numFmt?: string): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return { text: excelDate(value) ?? numberText(value), numeric: true };
    const fmt = numFmt ?? '';
    if (fmt.includes('€')) {
      // Accounting formats show zero as a dash.
      if (value === 0 && /-/.test(fmt.split(';')[2] ?? '')) return { text: '-  €', numeric: true };
      return { text: formatEuro(new Decimal(value), 'fr'), numeric: true };
    }
    if (/0\.00/.test(fmt)) return { text: new Decimal(value).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d),)/g, ' '), numeric: true };
    return { text: numberText(value), numeric: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'VRAI' : 'FAUX', numeric: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '########' : value.toISOString().slice(0, 10), numeric: true };
  if (isCellError(value)) return { text: value.error, numeric: false };
  return { text: String(value), numeric: false };
}

function numberText(value: number): string {
  return String(value).replace('.', ',');
}

/** Excel's dates run from serial 0 to 2 958 465 (31/12/9999); outside, no date: the number is shown. */
const LAST_EXCEL_DATE = 2_958_465;

function excelDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_EXCEL_DATE) return null;
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}
