/**
 * What the check says about a table as a whole, beyond findings: its unit, where it ends before
 * another block, rows whose kind came from their amounts or stayed unknown, formulas it computed.
 */
import { Notice } from './findings';
import { SheetGrid } from './grid';
import { TableLayout } from './layout';
import { ClassifiedTable, RowReading } from './rows';
import { UnitInfo } from './units';
import { linesOf } from './advice';

type Lang = 'fr' | 'en';

export interface NoticeInput {
  grid: SheetGrid;
  headerCell: string;
  layout: TableLayout;
  table: ClassifiedTable;
  unit: UnitInfo;
  /** A1 addresses of formula cells with no stored value, checked on what their formula gives. */
  computed: string[];
  lang: Lang;
}

const quote = (text: string, lang: Lang) => (lang === 'fr' ? `« ${text} »` : `"${text}"`);
const short = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
};

export function tableNotices({ grid, headerCell, layout, table, unit, computed, lang }: NoticeInput): Notice[] {
  const fr = lang === 'fr';
  const out: Notice[] = [];
  const sheetRow = (r: number) => grid.origin.row + r + 1;
  const at = fr ? `Tableau en ${headerCell}` : `Table at ${headerCell}`;

  if (unit.unit === 'k€') {
    const said = unit.said ? ` ${fr ? "d'après" : 'as said by'} ${quote(short(unit.said), lang)}${unit.row ? ` (${fr ? 'ligne' : 'row'} ${unit.row})` : ''}` : '';
    out.push({
      code: 'THOUSANDS',
      message: fr
        ? `${at} : montants en milliers d'euros (k€)${said} ; ils sont contrôlés et affichés dans cette unité, au millième près.`
        : `${at}: amounts in thousands of euros (k€)${said}; they are checked and shown in that unit, to the last digit.`,
    });
  }

  if (layout.endedBy) {
    const last = table.rows.length ? sheetRow(table.rows[table.rows.length - 1].index) : null;
    const label = layout.endedBy.label ? ` (${quote(short(layout.endedBy.label), lang)})` : '';
    out.push({
      code: 'TABLE_ENDS',
      message: fr
        ? `${at} : le tableau s'arrête${last ? ` à la ligne ${last}` : ''} ; le bloc qui commence ligne ${sheetRow(layout.endedBy.row)}${label} n'est pas une annexe 9 : il n'est ni contrôlé ni complété.`
        : `${at}: the table ends${last ? ` at row ${last}` : ''}; the block starting at row ${sheetRow(layout.endedBy.row)}${label} is not an annex 9: it is neither checked nor filled.`,
    });
  }

  for (const reading of table.readings) out.push(readingNotice(reading, table, sheetRow, lang));

  if (computed.length) {
    const cells = computed.length > 8 ? `${computed.slice(0, 8).join(', ')}…` : computed.join(', ');
    out.push({
      code: 'FORMULAS_COMPUTED',
      message: fr
        ? `${at} : ${computed.length} formule${computed.length > 1 ? 's' : ''} sans valeur enregistrée (${cells}), contrôlée${computed.length > 1 ? 's' : ''} sur ce que donne la formule ; le fichier n'a pas été recalculé : ouvrez-le et enregistrez-le dans Excel.`
        : `${at}: ${computed.length} formula${computed.length > 1 ? 's' : ''} with no stored value (${cells}), checked on what the formula gives; the file was not recalculated: open and save it in Excel.`,
    });
  }
  return out;
}

function readingNotice(reading: RowReading, table: ClassifiedTable, sheetRow: (r: number) => number, lang: Lang): Notice {
  const fr = lang === 'fr';
  const row = sheetRow(reading.row);
  const named = reading.label ? ` (${quote(short(reading.label), lang)})` : fr ? ' (sans libellé)' : ' (no label)';
  if (reading.as === 'unclassified') {
    const totals = table.groups.filter((g) => g.unchecked === reading.row).map((g) => sheetRow(g.total));
    const which = totals.length ? (fr ? `, ni ${totals.length > 1 ? 'les totaux' : 'le total'} qui l'englobe${totals.length > 1 ? 'nt' : ''} (${linesOf(totals, lang)})` : `, nor the totals around it (${linesOf(totals, lang)})`) : '';
    return {
      code: 'UNCLASSIFIED_ROW',
      message: fr
        ? `Ligne ${row}${named} : ligne de total que le contrôle ne reconnaît pas ; elle n'est pas contrôlée${which}, et aucune imputation n'y est écrite. Donnez-lui un libellé « Sous total » si c'en est un.`
        : `Row ${row}${named}: a total row the check does not recognise; it is not checked${which}, and no code is written there. Label it "Sous total" if it is one.`,
    };
  }
  const as = reading.as === 'subtotal' ? (fr ? 'un sous-total' : 'a subtotal') : fr ? 'le total général' : 'the grand total';
  const rows = linesOf(reading.sumOf.map(sheetRow), lang);
  return {
    code: 'ROW_READ_AS_TOTAL',
    message: fr
      ? `Ligne ${row}${named} : lue comme ${as}, ses montants étant la somme ${rows.startsWith('les ') ? `des ${rows.slice(4)}` : `de ${rows}`}.`
      : `Row ${row}${named}: read as ${as}, its amounts being the sum of ${rows}.`,
  };
}
