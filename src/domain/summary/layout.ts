/** The summary sheet's printed layout: its rows, headers, widths, links and print settings. */
import { formatCents, formatEuro } from '../amounts';
import { columnLetters } from '../grid';
import { LANGS, Lang } from '../words/types';
import { AmountColumn } from '../template';
import { moneyDecimal, moneyOfDecimal } from '../money';
import { decimalsOf, formatAmount, formatGap } from '../units';
import { SUMMARY_MARKER_COLUMN, SUMMARY_MARKER_TOKEN } from '../summaryMarker';
import { Amount, AnnexRef, AnnexSummary, Figures, SUMMARY_COLUMNS, SummaryLine } from './model';
import { known } from './figures';
import { PlanCellSlot, PlanRow, RowStyle, SheetPlan } from './plan';

export function summarySheetBaseName(lang: Lang): string {
  return lang === 'fr' ? 'Synthèse annexe 9' : 'Annex 9 summary';
}

/** The summary's default names in every language: a summary inserted in English, then in French, is still ours. */
export function summarySheetBaseNames(): string[] {
  return LANGS.map(summarySheetBaseName);
}

/** First free name: the base, then "base (2)", "base (3)"… (sheet names compare without case). */
export function freeSummaryName(base: string, taken: string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * Whether `name` is one freeSummaryName gives for `base`: the base itself or « base (n) » with n ≥ 2
 * written as it writes it (no sign, no leading zero), compared without case as it compares. A
 * received workbook's journal may name any sheet: only a sheet under a name we give can be taken
 * for our earlier summary or comparison, so a renamed one is the user's and never cleared.
 */
export function isOurSheetName(base: string, name: string): boolean {
  const b = base.toLowerCase();
  const n = name.toLowerCase();
  if (n === b) return true;
  if (!n.startsWith(`${b} (`) || !n.endsWith(')')) return false;
  const count = n.slice(b.length + 2, -1);
  return /^[1-9][0-9]*$/.test(count) && count !== '1';
}

/** Excel column width in characters → Office.js columnWidth in points (Calibri 11: 7 px a character, 5 px padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** `HYPERLINK("#'Annexe 9'!L50","L50")` (no `=`): a link both writers can write, without ExcelJS's internal-link bugs. */
export function hyperlinkFormula(cell: { text: string; sheet: string; range: string }): string {
  const quote = (s: string) => s.replace(/"/g, '""');
  const target = `#'${cell.sheet.replace(/'/g, "''")}'!${cell.range}`;
  return `HYPERLINK("${quote(target)}","${quote(cell.text)}")`;
}

const FILL = {
  header: '#D9D9D9',
  section: '#DDEBF7',
  total: '#F2F2F2',
  gap: '#F8CBAD',
} as const;

const COLUMN_HEADERS: Record<Lang, string[]> = {
  fr: [
    'Mesure / action',
    'Imputation Chorus',
    "Dans l’annexe",
    "Nombre d’actions",
    'A – Participation État',
    'B – Crédits État reportés',
    'C – Crédits CD affectés',
    'Dont valorisation CD',
    'D – Crédits CD reportés',
    'E – Autres financeurs',
    "F – Budget global de l’action",
    '', // the template's difference
    '', // the template's share
    'Anomalies',
    "Notifié par l’État (art. 3.1)",
    'Écart A − notifié',
  ],
  en: [
    'Measure / action',
    'Chorus code',
    'In the annex',
    'Actions',
    'A – State share',
    'B – State carry-over',
    'C – département credits',
    'Valued share (CD)',
    'D – département carry-over',
    'E – other funders',
    'F – total budget',
    '',
    '',
    'Findings',
    'Notified by the State (art. 3.1)',
    'Gap A − notified',
  ],
};
const WIDTHS = [58, 18, 15, 10, 16, 16, 16, 16, 16, 16, 17, 15, 11, 11, 17, 16];
const COL = { label: 0, code: 1, link: 2, actions: 3, amounts: 4, gapAC: 11, share: 12, findings: 13, notified: 14, gapNotified: 15 } as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `26/11/2026 à 17:30` (local time of the Date given), `2026-11-26 17:30` in English. */
export function formatGeneratedAt(d: Date, lang: Lang): string {
  const date = lang === 'fr' ? `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}` : `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  return lang === 'fr' ? `${date} à ${time}` : `${date} ${time}`;
}

function rowsLabel(ref: AnnexRef, lang: Lang): string {
  if (ref.firstRow === ref.lastRow) return lang === 'fr' ? `ligne ${ref.firstRow}` : `row ${ref.firstRow}`;
  return lang === 'fr' ? `lignes ${ref.firstRow} à ${ref.lastRow}` : `rows ${ref.firstRow}–${ref.lastRow}`;
}

/** The layout of the summary sheet: what both writers write, cell by cell. */
export function planSummarySheet(summary: AnnexSummary, options: { name?: string } = {}): SheetPlan {
  const lang = summary.lang;
  const fr = lang === 'fr';
  const withNotified = summary.notified !== null || summary.notifiedTotal !== null;
  const width = withNotified ? 16 : 14;
  const rows: PlanRow[] = [];
  const text = (t: string): PlanCellSlot => ({ cell: { kind: 'text', text: t } });
  // Amounts are written in the unit of the table they come from (euros, or k€).
  let decimals = decimalsOf('€');
  const amount = (m: Amount | undefined, present = true): PlanCellSlot | null => {
    if (!present || m === undefined) return null;
    return m === null ? text(fr ? 'illisible' : 'unreadable') : { cell: { kind: 'amount', value: moneyDecimal(m, decimals) } };
  };
  const gapSlot = (m: Amount | undefined): PlanCellSlot | null => {
    const slot = amount(m);
    if (slot && known(m) && m !== 0) slot.fill = FILL.gap;
    return slot;
  };
  const count = (n: number): PlanCellSlot => ({ cell: { kind: 'count', value: n } });
  const link = (ref: AnnexRef | null, label?: string): PlanCellSlot | null =>
    ref ? { cell: { kind: 'link', text: label ?? rowsLabel(ref, lang), sheet: ref.sheet, range: ref.range } } : null;
  const push = (style: RowStyle, cells: Array<PlanCellSlot | null>, extra: Partial<PlanRow> = {}) => {
    const bold = style === 'title' || style === 'header' || style === 'section' || style === 'total' || style === 'gap';
    const italic = style === 'detail' || style === 'note';
    const fill = style === 'header' ? FILL.header : style === 'section' ? FILL.section : style === 'total' ? FILL.total : undefined;
    rows.push({ style, cells, bold, italic, ...(fill ? { fill } : {}), ...extra });
  };
  const blank = () => push('line', []);
  const figureCells = (columns: AmountColumn[], figures: Figures): Array<PlanCellSlot | null> =>
    SUMMARY_COLUMNS.map((k) => amount(figures.amounts[k], columns.includes(k)));
  const lineCells = (columns: AmountColumn[], l: SummaryLine, label: string, style: RowStyle = 'line'): Array<PlanCellSlot | null> => {
    const cells: Array<PlanCellSlot | null> = [
      text(label),
      l.codes.length ? text(l.codes.join(', ')) : null,
      link(l.ref),
      count(l.actions),
      ...figureCells(columns, l.figures),
      style === 'detail' ? amount(l.figures.gapAC) : gapSlot(l.figures.gapAC),
      l.figures.stateShare ? { cell: { kind: 'ratio', value: l.figures.stateShare } } : null,
      count(l.findings),
    ];
    return cells;
  };

  // Header: title, source, time; column headers; frozen and repeated on each printed page.
  push('title', [text(fr ? `Synthèse de l’annexe 9 — feuille «\u00a0${summary.source.sheet}\u00a0»` : `Annex 9 summary — sheet "${summary.source.sheet}"`)], { size: 14 });
  push('info', [
    text(
      fr
        ? `Classeur\u00a0: ${summary.source.workbook} — générée le ${formatGeneratedAt(summary.generatedAt, lang)}`
        : `Workbook: ${summary.source.workbook} — generated on ${formatGeneratedAt(summary.generatedAt, lang)}`,
    ),
  ]);
  const headers = COLUMN_HEADERS[lang].map((h, i) => (i === COL.gapAC ? summary.names.gap : i === COL.share ? summary.names.share : h));
  // The notified columns' headers too: cut off below when nothing was notified.
  push('header', headers.map(text), { wrap: true });
  const frozenRows = rows.length;

  // Findings by rule, each linked to its first cell.
  blank();
  push('section', [text(fr ? `Anomalies relevées\u00a0: ${summary.findingsTotal}` : `Findings: ${summary.findingsTotal}`)]);
  if (summary.findingsByRule.length === 0) push('line', [text(fr ? 'Aucune anomalie.' : 'No finding.')]);
  else {
    // Its own headers (not the table's), and the rules' titles: finance officers read no codes.
    push('header', [text(fr ? 'Règle' : 'Rule'), text(fr ? 'Anomalies' : 'Findings'), text(fr ? 'Première cellule' : 'First cell'), text(fr ? 'Cellules' : 'Cells')], { wrap: true });
  }
  for (const r of summary.findingsByRule) {
    const shown = r.cells.length > 20 ? `${r.cells.slice(0, 20).join(', ')}…` : r.cells.join(', ');
    push('line', [text(r.title), count(r.count), link({ sheet: summary.source.sheet, range: r.cells[0], firstRow: 0, lastRow: 0 }, r.cells[0]), text(shown)]);
  }

  let byCode: SheetPlan['byCode'];

  const several = summary.tables.length > 1;
  for (const table of summary.tables) {
    const cols = table.columns;
    decimals = decimalsOf(table.unit);
    if (several) {
      blank();
      push('section', [text(fr ? `Tableau en ${table.headerCell}` : `Table at ${table.headerCell}`)]);
    }

    blank();
    push('section', [text(summary.names.title.socle)]);
    for (const m of table.measures) {
      push('line', lineCells(cols, m, m.label), { wrap: true });
      for (const b of m.blocks) push('detail', lineCells(cols, b, fr ? `dont ${b.label}` : `of which ${b.label}`, 'detail'), { indent: 1, wrap: true });
    }
    push('total', totalCells(cols, table.totals.socle));

    blank();
    push('section', [text(summary.names.title.initiative)]);
    if (table.initiatives.length === 0) push('line', [text(fr ? 'Aucune action.' : 'No action.')]);
    for (const i of table.initiatives) push('line', lineCells(cols, i, i.label), { wrap: true });
    push('total', totalCells(cols, table.totals.initiative));
    blank();
    push('total', totalCells(cols, table.totals.grand));

    blank();
    push('section', [text(fr ? 'Par imputation Chorus' : 'By Chorus code')]);
    const amountCol = (k: AmountColumn) => COL.amounts + SUMMARY_COLUMNS.indexOf(k);
    if (!byCode && table.codes.length) byCode = { firstRow: rows.length, rows: table.codes.length, label: COL.label, A: amountCol('A'), C: amountCol('C'), F: amountCol('F') };
    for (const c of table.codes) {
      const cells = lineCells(cols, c, c.label);
      cells[COL.code] = c.code ? text(c.code) : null;
      // Both columns are cut off below when nothing was notified.
      cells[COL.notified] = known(c.notified) ? amount(c.notified) : null;
      cells[COL.gapNotified] = known(c.notified) ? gapSlot(c.gapNotified) : null;
      push('line', cells, { wrap: true });
    }
    const codeTotal = totalCells(cols, {
      ...table.totals.grand,
      label: fr ? 'Total par imputation' : 'Total by code',
      findings: table.codes.reduce((n, c) => n + c.findings, 0),
    });
    const notifiedSum = table.codes.reduce((s, c) => (known(c.notified) ? s + c.notified : s), 0);
    const grandA = table.totals.grand.figures.amounts.A;
    if (summary.notified) {
      codeTotal[COL.notified] = amount(notifiedSum);
      codeTotal[COL.gapNotified] = gapSlot(known(grandA) ? grandA - notifiedSum : null);
    }
    push('total', codeTotal);
    // Findings on total rows belong to no code: said, so the two totals' counts are not a puzzle.
    const offCodes = table.totals.grand.findings - table.codes.reduce((n, c) => n + c.findings, 0);
    if (offCodes > 0) {
      push('note', [
        text(
          fr
            ? `${offCodes} anomalie${offCodes > 1 ? 's' : ''} des lignes de total ne relève${offCodes > 1 ? 'nt' : ''} d’aucune imputation\u00a0: comptée${offCodes > 1 ? 's' : ''} dans le total général, pas dans le total par imputation.`
            : `${offCodes} finding${offCodes > 1 ? 's' : ''} on total rows belong${offCodes > 1 ? '' : 's'} to no code: counted in the grand total, not in the total by code.`,
        ),
      ]);
    }
    const total = summary.notifiedTotal;
    if (total) {
      // Article 2 against the same total A: the convention's own figure, apart from its split per code.
      const cells: Array<PlanCellSlot | null> = [text(fr ? `Soutien financier de l’État — article 2 de la convention (${total.source})` : `State support — article 2 of the convention (${total.source})`)];
      const totalCents = moneyOfDecimal(total.amount, 2) ?? 0;
      cells[COL.amounts] = amount(grandA);
      cells[COL.notified] = amount(totalCents);
      cells[COL.gapNotified] = gapSlot(known(grandA) ? grandA - totalCents : null);
      push('total', cells, { wrap: true });
      if (summary.notified && notifiedSum !== totalCents) {
        // All read in the document: the convention contradicts itself; some typed: the sums differ.
        const read = summary.notified.every((n) => n.source);
        const sumText = formatCents(notifiedSum, lang);
        const gapText = formatGap(notifiedSum - totalCents, '€', lang);
        push('note', [
          text(
            fr
              ? `${read ? 'La convention se contredit\u00a0: ses montants par imputation (article 3.1)' : 'Les montants notifiés par imputation'} totalisent ${sumText}, son article 2 annonce ${formatEuro(total.amount, lang)} (écart ${gapText}).`
              : `${read ? 'The convention contradicts itself: its amounts per code (article 3.1)' : 'The notified amounts per code'} add up to ${sumText}, its article 2 states ${formatEuro(total.amount, lang)} (gap ${gapText}).`,
          ),
        ], { wrap: true });
      }
    }
    if (summary.notified?.some((n) => n.source)) {
      const read = summary.notified.filter((n) => n.source).map((n) => `${n.code.slice(-2)} (${n.source})`);
      const typed = summary.notified.filter((n) => !n.source).map((n) => n.code.slice(-2));
      push('note', [
        text(
          fr
            ? `Montants notifiés lus dans la convention\u00a0: ${read.join(', ')}${typed.length ? `\u202f; saisis à la main\u00a0: ${typed.join(', ')}` : ''}.`
            : `Notified amounts read in the convention: ${read.join(', ')}${typed.length ? `; typed by hand: ${typed.join(', ')}` : ''}.`,
        ),
      ], { wrap: true });
    }
    if (summary.notified) {
      // A code whose A cannot be read (its gap unknown) is no agreement: listed with the others.
      const off = table.codes.filter((c) => known(c.notified) && c.gapNotified !== 0);
      const missing = table.codes.filter((c) => c.code && !known(c.notified) && known(c.figures.amounts.A) && c.figures.amounts.A !== 0);
      const parts: string[] = [];
      for (const c of off) {
        const a = c.figures.amounts.A;
        const shown = known(a) ? formatAmount(a, table.unit, lang) : fr ? 'illisible' : 'unreadable';
        parts.push(
          fr
            ? `${c.code}\u00a0: A ${shown} dans l’annexe, ${formatAmount(c.notified!, table.unit, lang)} notifiés`
            : `${c.code}: A ${shown} in the annex, ${formatAmount(c.notified!, table.unit, lang)} notified`,
        );
      }
      for (const c of missing) parts.push(fr ? `${c.code}\u00a0: aucun montant notifié` : `${c.code}: no notified amount`);
      push('note', [
        text(
          parts.length
            ? (fr ? `Désaccords avec les montants notifiés\u00a0: ${parts.join('\u202f; ')}.` : `Disagreements with the notified amounts: ${parts.join('; ')}.`)
            : fr ? 'Les montants notifiés concordent avec la colonne A.' : 'The notified amounts agree with column A.',
        ),
      ]);
    }

    blank();
    push('section', [text(fr ? "Rapprochement avec les totaux imprimés dans l’annexe" : 'Reconciliation with the totals printed in the annex')]);
    for (const r of table.reconciliation) {
      const name = summary.names.printed[r.level];
      const printedLabel = fr ? `${name} — imprimé dans l’annexe` : `${name} — printed in the annex`;
      if (r.printed) {
        const cells: Array<PlanCellSlot | null> = [text(printedLabel), null, link(r.printedRef, r.printedRef?.range)];
        SUMMARY_COLUMNS.forEach((k, i) => (cells[COL.amounts + i] = amount(r.printed![k], cols.includes(k))));
        push('line', cells);
      } else {
        push('line', [text(fr ? `${name} — absent de l’annexe` : `${name} — not in the annex`)]);
      }
      const recomputed: Array<PlanCellSlot | null> = [text(fr ? `${name} — recalculé depuis les lignes d’action` : `${name} — recomputed from the action rows`)];
      SUMMARY_COLUMNS.forEach((k, i) => (recomputed[COL.amounts + i] = amount(r.recomputed.amounts[k], cols.includes(k))));
      push('line', recomputed);
      if (r.gap) {
        const gap: Array<PlanCellSlot | null> = [text(fr ? `${name} — écart (imprimé − recalculé)` : `${name} — gap (printed − recomputed)`)];
        SUMMARY_COLUMNS.forEach((k, i) => (gap[COL.amounts + i] = cols.includes(k) ? gapSlot(r.gap![k]) : null));
        push('gap', gap);
      }
    }
  }

  blank();
  push('note', [
    text(
      fr
        ? "Feuille produite par le contrôle de l’annexe 9\u00a0: elle est remplacée à chaque nouvelle génération, n’y saisissez rien. Les montants sont recalculés depuis les lignes d’action de l’annexe."
        : 'Sheet made by the annex 9 check: it is replaced each time it is generated again, do not type in it. Amounts are recomputed from the annex action rows.',
    ),
  ]);

  // Every row as wide as the plan: writers take the width from here.
  // Dense, null where empty: the lines filled by column (reconciliation, article 2) leave no hole in the writers' arrays.
  for (const row of rows) row.cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? null);
  return {
    name: options.name ?? summarySheetBaseName(lang),
    rows,
    widths: WIDTHS.slice(0, width),
    frozenRows,
    print: {
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: 1, last: frozenRows },
      area: `A1:${columnLetters(width - 1)}${rows.length}`,
    },
    marker: { col: SUMMARY_MARKER_COLUMN, token: SUMMARY_MARKER_TOKEN, source: summary.source.sheet },
    ...(byCode ? { byCode } : {}),
  };

  function totalCells(columns: AmountColumn[], total: SummaryLine): Array<PlanCellSlot | null> {
    const cells = lineCells(columns, total, total.label);
    cells[COL.code] = null;
    cells[COL.link] = null;
    return cells;
  }
}
