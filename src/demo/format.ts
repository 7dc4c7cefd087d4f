/** How the demo grid shows a cell's value: close enough to Excel for a reader, not a number-format engine. */
import Decimal from 'decimal.js';
import { formatEuro, isDateFormat } from '../domain/amounts';
import { CellValue, isCellError } from '../domain/grid';

export function cellText(value: CellValue | undefined, numFmt?: string): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') {
    if (isDateFormat(numFmt)) return { text: excelDate(value), numeric: true };
    const fmt = numFmt ?? '';
    if (fmt.includes('€')) {
      // Accounting formats show zero as a dash.
      if (value === 0 && /-/.test(fmt.split(';')[2] ?? '')) return { text: '-  €', numeric: true };
      return { text: formatEuro(new Decimal(value), 'fr'), numeric: true };
    }
    if (/0\.00/.test(fmt)) return { text: new Decimal(value).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d),)/g, ' '), numeric: true };
    return { text: String(value).replace('.', ','), numeric: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'VRAI' : 'FAUX', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: true };
  if (isCellError(value)) return { text: value.error, numeric: false };
  return { text: String(value), numeric: false };
}

function excelDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}
