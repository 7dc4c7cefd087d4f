/**
 * Column sums of annex rows, shared by the checks and the summary. Each theme block's action rows
 * are added up once per table; a subtotal, a measure or a Chorus code that covers whole blocks
 * adds up block sums instead of rows again. Sums of whole minor units are exact, so the order of
 * the additions does not change a sum; a column with an unreadable cell sums to null, and so does
 * a sum that leaves the range where whole numbers are exact (money.ts).
 */
import { Money, addMoney } from './money';
import { AnnexRow, ClassifiedTable } from './rows';
import { AmountColumn } from './template';

export type ColumnSums = Partial<Record<AmountColumn, Money | null>>;

/** Column sums of some rows; null for a column where one cell cannot be read. */
export function sumRows(rows: readonly AnnexRow[], columns: readonly AmountColumn[]): ColumnSums {
  // Row by row, every column at once: each row's amounts are fetched from memory once.
  const acc: Array<Money | null> = columns.map(() => 0);
  for (const row of rows) {
    const amounts = row.amounts;
    columns.forEach((column, i) => {
      const sum = acc[i];
      const reading = amounts[column];
      // A blank reads as 0: it adds nothing.
      if (sum === null || !reading) return;
      acc[i] = reading.kind === 'unreadable' ? null : addMoney(sum, reading.value);
    });
  }
  const sums: ColumnSums = {};
  columns.forEach((k, i) => (sums[k] = acc[i]));
  return sums;
}

/** Column sums of sums. */
export function addUp(parts: readonly ColumnSums[], columns: readonly AmountColumn[]): ColumnSums {
  const sums: ColumnSums = {};
  for (const k of columns) {
    let sum: Money | null = 0;
    for (const p of parts) {
      const x = p[k];
      sum = x === null ? null : addMoney(sum, x ?? 0);
      if (sum === null) break;
    }
    sums[k] = sum;
  }
  return sums;
}

/** The sums of one classified table: per block once, then anything made of rows and blocks. */
export class TableSums {
  private readonly rowAt: AnnexRow[] = [];
  /** Per block: its action and placeholder rows (the rows a total adds up), in sheet order. */
  private readonly blockRows: AnnexRow[][] = [];
  private readonly blockSums: Array<ColumnSums | undefined> = [];

  constructor(table: ClassifiedTable, private readonly columns: readonly AmountColumn[]) {
    for (const row of table.rows) {
      this.rowAt[row.index] = row;
      if (row.block !== null && (row.kind === 'action' || row.kind === 'placeholder')) (this.blockRows[row.block] ??= []).push(row);
    }
  }

  /** The rows of a block that totals add up (its theme header, which has no amount, left out). */
  rowsOfBlock(block: number): readonly AnnexRow[] {
    return this.blockRows[block] ?? [];
  }

  ofBlock(block: number): ColumnSums {
    let sums = this.blockSums[block];
    if (!sums) {
      sums = sumRows(this.rowsOfBlock(block), this.columns);
      this.blockSums[block] = sums;
    }
    return sums;
  }

  /** True when `rows` (in sheet order, from `at`) starts with every row of its first row's block. */
  private wholeBlockAt(rows: readonly AnnexRow[], at: number): number | null {
    const block = rows[at].block;
    if (block === null) return null;
    // A theme header's block may have no rows at all (a theme announced, no action under it).
    const own = this.rowsOfBlock(block);
    return own.length > 0 && own.every((r, i) => rows[at + i] === r) ? block : null;
  }

  /** The block whose rows `rows` are, exactly; null when they are not one whole block. */
  wholeBlock(rows: readonly AnnexRow[]): number | null {
    const block = rows.length ? this.wholeBlockAt(rows, 0) : null;
    return block !== null && this.blockRows[block].length === rows.length ? block : null;
  }

  /** Column sums of rows given in sheet order: whole blocks from their block sums, other rows one by one. */
  ofRows(rows: readonly AnnexRow[]): ColumnSums {
    const parts: ColumnSums[] = [];
    const loose: AnnexRow[] = [];
    for (let i = 0; i < rows.length; ) {
      const block = this.wholeBlockAt(rows, i);
      if (block !== null) {
        parts.push(this.ofBlock(block));
        i += this.blockRows[block].length;
      } else {
        loose.push(rows[i]);
        i++;
      }
    }
    parts.push(sumRows(loose, this.columns));
    return addUp(parts, this.columns);
  }

  /** The same, from grid row indexes. */
  ofIndexes(indexes: readonly number[]): ColumnSums {
    return this.ofRows(indexes.map((i) => this.rowAt[i]));
  }
}

const cache = new WeakMap<ClassifiedTable, Map<string, TableSums>>();

/** The sums of a table over `columns`, made once and shared by whoever asks (checks, summary). */
export function tableSums(table: ClassifiedTable, columns: readonly AmountColumn[]): TableSums {
  let byColumns = cache.get(table);
  if (!byColumns) {
    byColumns = new Map();
    cache.set(table, byColumns);
  }
  // Stryker disable next-line StringLiteral: joined without a separator, the column names (A … F, valorisation) never collide either
  const key = columns.join(',');
  let sums = byColumns.get(key);
  if (!sums) {
    sums = new TableSums(table, columns);
    byColumns.set(key, sums);
  }
  return sums;
}
