/** Small pieces of wording both languages share: names of tables and columns, short quotes. */
import { CellRef, cellName } from '../findings';
import { AnnexTemplate, ColumnKey } from '../template';
import { Lang } from './types';

/** « Tableau en B5 »: a table is named by its header's top-left cell. */
export function tableName(at: CellRef): string {
  return cellName(at);
}

/** Text from the sheet quoted in a notice: one line, at most 60 characters. */
export function shortText(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** `A (Participation État)`, `Dont valorisation CD`: a column as the template names it. */
export function columnTitle(template: AnnexTemplate, column: ColumnKey, lang: Lang): string {
  const name = template.columnNames[column]?.[lang];
  const letter = template.columnLetter[column];
  if (!name) return column;
  return letter ? `${letter} (${name})` : name;
}

/** The header a column has on the national template (« Participation État »), as users see it. */
export function headerName(template: AnnexTemplate, column: ColumnKey): string {
  return template.columnHeaders[column] ?? column;
}
