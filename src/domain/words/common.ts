/** Small pieces of wording both languages share: names of tables and columns, short quotes. */
import { CellRef, cellName } from '../findings';
import { Finding } from '../findings';
import { AnnexTemplate, ColumnKey, sectionOf } from '../template';
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

/** What a total row is called: the template names its totals (« TOTAUX FINANCIERS », « Sous-total initiatives »). */
export function totalName(f: Pick<Finding, 'rowKind' | 'closes'>, template: AnnexTemplate, lang: Lang): string | null {
  switch (f.rowKind) {
    case 'subtotal':
      return template.subtotal.name[lang];
    case 'sectionTotal':
      // Stryker disable next-line StringLiteral: with no section closed, '' and any other non-id find no section alike (the schema's ids match /^[a-z][a-zA-Z0-9]*$/)
      return sectionOf(template, f.closes ?? '')?.total.name[lang] ?? null;
    case 'grandTotal':
      return template.grandTotal.name[lang];
    case 'control':
      return template.control.name[lang];
    default:
      return null;
  }
}

/** The header a column has on the national template (« Participation État »), as users see it. */
export function headerName(template: AnnexTemplate, column: ColumnKey): string {
  return template.columnHeaders[column] ?? column;
}
