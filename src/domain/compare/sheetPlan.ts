/**
 * The comparison sheet « Comparaison annexe 9 », as data: every cell, its fill, the widths, the
 * frozen rows and the marker that says the sheet is ours. The .xlsx writer (src/files) writes it
 * as is; the Office.js writer can write the same plan later. Changed amounts are coloured, added
 * lines green, removed lines red, an amount that may be recovered orange.
 * Header labels avoid the annex's own words (« Participation État », « A » alone…): re-checking a
 * workbook never takes this sheet for an annex.
 */
import { AmountKey, Cents } from './comparable';
import { CompareResult, TableRef } from './compare';
import { ratio } from './cents';
import { ExecutionCodeLine, ExecutionGroupLine, PlannedSpent } from './execution';
import { Lang, plain } from './format';
import { PAIRED_BY, codeName, columnName, executionFormula, groupName, noticeText, quote } from './render';
import { ActionChange, AmountChange, GroupChange, isEmptyGroup } from './versions';

export type CompareCell =
  | { kind: 'text'; text: string }
  | { kind: 'amount'; cents: Cents }
  | { kind: 'rate'; value: string }
  | { kind: 'count'; value: number }
  /** A link to a row of an annex sheet of the same workbook. */
  | { kind: 'link'; text: string; sheet: string; cell: string };

export interface CompareSlot {
  cell: CompareCell;
  /** `#RRGGBB`. */
  fill?: string;
}

export type CompareRowStyle = 'title' | 'info' | 'header' | 'section' | 'line' | 'total' | 'note';

export interface CompareRow {
  style: CompareRowStyle;
  cells: Array<CompareSlot | null>;
  bold: boolean;
  italic: boolean;
  fill?: string;
  wrap?: boolean;
}

export interface ComparisonSheetPlan {
  name: string;
  rows: CompareRow[];
  widths: number[];
  frozenRows: number;
  /** Marker cells (row 1: token, row 2: what was compared) in a hidden column out of the print area. */
  marker: { col: number; token: string; source: string };
  print: { area: string; titleRows: { first: number; last: number } };
}

export const COMPARISON_MARKER_TOKEN = 'annexe9-comparaison/v1';
/** AZ: right of the widest plan (7 columns × 3 + 7). */
export const COMPARISON_MARKER_COLUMN = 51;

export const COMPARE_FILLS = {
  header: '#D9D9D9',
  section: '#DDEBF7',
  total: '#F2F2F2',
  added: '#C6EFCE',
  removed: '#FFC7CE',
  changed: '#FFE699',
  reversement: '#F8CBAD',
} as const;

export const COMPARE_FORMATS = { amount: '#,##0.00 "€"', rate: '0.0 %', count: '0', text: '@' } as const;

export function comparisonSheetBaseName(lang: Lang): string {
  return lang === 'fr' ? 'Comparaison annexe 9' : 'Annex 9 comparison';
}

/** The comparison's default names in every language: one inserted in English, then in French, is still ours. */
export function comparisonSheetBaseNames(): string[] {
  return (['fr', 'en'] as const).map(comparisonSheetBaseName);
}

export interface PlanOptions {
  lang?: Lang;
  showUnchanged?: boolean;
  /** The name of each compared sheet in the workbook the plan goes into (null: not in it, no link). */
  linkSheets?: { old: string | null; new: string | null };
  name?: string;
}

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function planComparisonSheet(result: CompareResult, options: PlanOptions = {}): ComparisonSheetPlan {
  const lang = options.lang ?? 'fr';
  const fr = lang === 'fr';
  const all = !!options.showUnchanged;
  const cols = result.columns.compared;
  const rows: CompareRow[] = [];
  const text = (t: string): CompareSlot => ({ cell: { kind: 'text', text: plain(t) } });
  const amount = (c: Cents | null | undefined, fill?: string): CompareSlot | null =>
    c === undefined ? null : c === null ? text(fr ? 'illisible' : 'unreadable') : { cell: { kind: 'amount', cents: c }, ...(fill ? { fill } : {}) };
  const rate = (r: string | null): CompareSlot | null => (r === null ? null : { cell: { kind: 'rate', value: r } });
  const push = (style: CompareRowStyle, cells: Array<CompareSlot | null>, extra: Partial<CompareRow> = {}) => {
    const fill = style === 'header' ? COMPARE_FILLS.header : style === 'section' ? COMPARE_FILLS.section : style === 'total' ? COMPARE_FILLS.total : undefined;
    rows.push({ style, cells, bold: style === 'title' || style === 'header' || style === 'section' || style === 'total', italic: style === 'note', ...(fill ? { fill } : {}), ...extra });
  };
  const blank = () => push('line', []);
  const link = (t: TableRef, side: 'old' | 'new', row: number | null): CompareSlot | null => {
    if (row === null) return null;
    const label = fr ? `ligne ${row}` : `row ${row}`;
    const sheet = options.linkSheets?.[side] ?? null;
    if (!sheet) return { cell: { kind: 'count', value: row } };
    // The header cell is an A1 address (`AB12`): its letters are the column.
    const col = t.headerCell.replace(/[0-9]/g, '');
    return { cell: { kind: 'link', text: label, sheet, cell: `${col}${row}` } };
  };
  const where = (t: TableRef) =>
    `${t.file ? `${t.file} — ` : ''}${fr ? 'feuille' : 'sheet'} ${quote(t.sheet, lang)}, ${fr ? 'tableau en' : 'table at'} ${t.headerCell}`;

  let width: number;
  if (result.mode === 'versions') {
    const v = result.versions!;
    width = 7 + cols.length * 3;
    const amountAt = (i: number) => 7 + i * 3;
    push('title', [text(fr ? "Comparaison de deux versions de l’annexe 9" : 'Two versions of annex 9 compared')]);
    push('info', [text(`${fr ? 'Ancienne version\u00a0:' : 'Old version:'} ${where(result.old)}`)]);
    push('info', [text(`${fr ? 'Nouvelle version\u00a0:' : 'New version:'} ${where(result.new)}`)]);
    const header: Array<CompareSlot | null> = [
      text(fr ? 'Statut' : 'Status'),
      text(fr ? 'Action ou groupe' : 'Action or group'),
      text(fr ? 'Thème' : 'Theme'),
      text(fr ? 'Imputation' : 'Code'),
      text(fr ? 'Ancienne ligne' : 'Old row'),
      text(fr ? 'Nouvelle ligne' : 'New row'),
      text(fr ? 'Changements' : 'Changes'),
    ];
    cols.forEach((k) => {
      const name = k === 'valorisation' ? (fr ? 'val. CD' : 'val. CD') : columnName(k, lang);
      header.push(text(fr ? `Ancien ${name}` : `Old ${name}`), text(fr ? `Nouveau ${name}` : `New ${name}`), text(fr ? `Écart ${name}` : `Change ${name}`));
    });
    push('header', header, { wrap: true });
    const frozen = rows.length;
    for (const n of result.notices) push('note', [text(noticeText(n, lang))]);

    const statusText = (s: string) =>
      s === 'added' ? (fr ? 'Ajoutée' : 'Added') : s === 'removed' ? (fr ? 'Retirée' : 'Removed') : s === 'changed' ? (fr ? 'Modifiée' : 'Changed') : fr ? 'Inchangée' : 'Unchanged';
    // Added green, removed red; otherwise the style's own fill (the grand total's grey) stays.
    const rowFill = (s: string): Partial<CompareRow> => (s === 'added' ? { fill: COMPARE_FILLS.added } : s === 'removed' ? { fill: COMPARE_FILLS.removed } : {});
    const amountCells = (cells: Array<CompareSlot | null>, changes: AmountChange[], status: string) => {
      changes.forEach((c, i) => {
        const differs = c.old !== c.new && status === 'changed';
        cells[amountAt(i)] = status === 'added' ? null : amount(c.old);
        cells[amountAt(i) + 1] = status === 'removed' ? null : amount(c.new, differs ? COMPARE_FILLS.changed : undefined);
        cells[amountAt(i) + 2] = amount(c.change, differs ? COMPARE_FILLS.changed : undefined);
      });
    };
    const actionRow = (a: ActionChange) => {
      const s = (a.new ?? a.old)!;
      const notes: string[] = [];
      if (a.changes.includes('renamed')) notes.push(fr ? `intitulé\u00a0: «\u00a0${a.old!.title}\u00a0» → «\u00a0${a.new!.title}\u00a0»` : `title: "${a.old!.title}" → "${a.new!.title}"`);
      // As the text report: a theme quoted, none said in words (a quoted « — » would read as a theme's name).
      const theme = (t: string | null) => (t ? quote(t, lang) : fr ? '(sans thème)' : '(no theme)');
      if (a.changes.includes('movedTheme')) notes.push(`${fr ? 'thème\u00a0:' : 'theme:'} ${theme(a.old!.theme)} → ${theme(a.new!.theme)}`);
      if (a.changes.includes('codeChanged')) notes.push(`${fr ? 'imputation\u00a0:' : 'code:'} ${a.old!.code ?? '—'} → ${a.new!.code ?? '—'}`);
      if (a.changes.includes('ficheChanged')) notes.push(`${fr ? 'fiche\u00a0:' : 'fiche:'} ${a.old!.fiche ?? '—'} → ${a.new!.fiche ?? '—'}`);
      if (a.reordered && a.status === 'unchanged') notes.push(fr ? 'ordre changé' : 'order changed');
      if (a.pairedBy) notes.push(PAIRED_BY[a.pairedBy][lang]);
      const cells: Array<CompareSlot | null> = [
        text(statusText(a.status)),
        text(s.title || (fr ? 'action sans intitulé' : 'untitled action')),
        s.theme ? text(s.theme) : null,
        s.code ? text(s.code) : null,
        link(result.old, 'old', a.old?.row ?? null),
        link(result.new, 'new', a.new?.row ?? null),
        notes.length ? text(notes.join(fr ? '\u202f; ' : '; ')) : null,
      ];
      amountCells(cells, a.amounts, a.status);
      push('line', cells, { ...rowFill(a.status), wrap: true });
    };
    const groupRow = (g: GroupChange) => {
      const cells: Array<CompareSlot | null> = [
        text(statusText(g.status)),
        text(groupName(result, g, lang)),
        null,
        g.code ? text(g.code) : null,
        link(result.old, 'old', g.old?.totalRow ?? g.old?.firstRow ?? null),
        link(result.new, 'new', g.new?.totalRow ?? g.new?.firstRow ?? null),
        null,
      ];
      amountCells(cells, g.amounts, g.status);
      push(g.kind === 'grand' ? 'total' : 'line', cells, { ...rowFill(g.status), wrap: true });
      // As the text report: a move of its own, or one that cannot be set beside the rows' (unreadable on a side).
      const printedOff = g.printed?.filter((c, i) => c.old !== c.new && (c.change === null || c.change !== g.amounts[i].change));
      if (g.printed && printedOff && printedOff.length) {
        const p: Array<CompareSlot | null> = [null, text(fr ? '   total imprimé dans l’annexe' : '   total printed in the annex'), null, null, null, null, null];
        amountCells(p, g.printed, 'changed');
        push('line', p, { italic: true });
      }
    };
    const shown = v.actions.filter((a) => (all || a.status !== 'unchanged') && !(a.template && a.status !== 'changed' && !all));
    blank();
    push('section', [text(fr ? `Actions (${shown.length})` : `Actions (${shown.length})`)]);
    if (!shown.length) push('line', [text(fr ? 'Aucune action ajoutée, retirée ni modifiée.' : 'No action added, removed or changed.')]);
    for (const a of shown) actionRow(a);
    const groupSection = (title: string, list: GroupChange[]) => {
      const visible = list.filter((g) => (all || g.status !== 'unchanged') && !isEmptyGroup(g));
      blank();
      push('section', [text(`${title} (${visible.length})`)]);
      if (!visible.length) push('line', [text(fr ? 'Aucun changement.' : 'No change.')]);
      for (const g of visible) groupRow(g);
    };
    groupSection(fr ? "Par mesure (recalculé depuis les lignes d’action)" : 'By measure (recomputed from the action rows)', v.measures);
    groupSection(fr ? 'Par imputation Chorus' : 'By Chorus code', v.codes);
    groupSection(fr ? 'Totaux' : 'Totals', v.totals);
    findingRows();
    return finish(frozen);
  }

  // ---- planned against spent ----
  const x = result.execution!;
  const ex = { label: 0, code: 1, planRow: 2, execRow: 3, planned: 4, spent: 7, rate: 10, s: 11, r: 12, p: 13, v: 14, vSource: 15, rev: 16 };
  width = 17;
  push('title', [text(fr ? "Prévu et réalisé — annexe 9 et tableau d’exécution" : 'Planned against spent — annex 9 and its execution table')]);
  push('info', [text(`${fr ? 'Prévisionnel\u00a0:' : 'Plan:'} ${where(result.old)}`)]);
  push('info', [text(`${fr ? 'Exécution\u00a0:' : 'Execution:'} ${where(result.new)}`)]);
  const hdr = fr
    ? ['Élément', 'Imputation', 'Ligne (prévu)', 'Ligne (exécution)', 'Prévu — État', 'Prévu — CD', 'Prévu — total', 'Réalisé — État', 'Réalisé — CD', 'Réalisé — total', 'Taux de réalisation', 'Dépense cofinancée S (État + CD réalisés)', 'Taux État r (prévu)', 'Part État des dépenses P = S × r', "Versé par l’État V", 'Source de V', 'Susceptible de reversement (art. 5) V − P']
    : ['Item', 'Code', 'Row (plan)', 'Row (execution)', 'Planned — State', 'Planned — CD', 'Planned — total', 'Spent — State', 'Spent — CD', 'Spent — total', 'Spending rate', 'Co-financed spending S (State + CD spent)', 'State rate r (plan)', 'State share spent P = S × r', 'Paid by the State V', 'Source of V', 'May be recovered (art. 5) V − P'];
  push('header', hdr.map(text), { wrap: true });
  const frozen = rows.length;
  for (const n of result.notices) push('note', [text(noticeText(n, lang))]);
  const psCells = (p: PlannedSpent): Array<CompareSlot | null> => {
    const cells: Array<CompareSlot | null> = new Array(width).fill(null);
    (['A', 'C', 'F'] as AmountKey[]).forEach((k, i) => {
      const differs = p.planned[k] !== p.spent[k];
      cells[ex.planned + i] = amount(p.planned[k]);
      cells[ex.spent + i] = amount(p.spent[k], differs ? COMPARE_FILLS.changed : undefined);
    });
    cells[ex.rate] = rate(p.rate);
    cells[ex.s] = amount(p.coFinancedSpent);
    cells[ex.r] = rate(ratio(p.stateRate.num, p.stateRate.den));
    cells[ex.p] = amount(p.stateShareSpent);
    return cells;
  };
  const codeRow = (c: ExecutionCodeLine | (ExecutionGroupLine & { paid: Cents | null; reversement: Cents | null }), label: string, style: CompareRowStyle, source?: string) => {
    const cells = psCells(c);
    cells[ex.label] = text(label);
    cells[ex.code] = c.code ? text(c.code) : null;
    cells[ex.v] = amount(c.paid);
    cells[ex.vSource] = source ? text(source) : null;
    cells[ex.rev] = amount(c.reversement, c.reversement ? COMPARE_FILLS.reversement : undefined);
    push(style, cells, { wrap: true });
  };
  blank();
  push('section', [text(fr ? 'Par imputation Chorus' : 'By Chorus code')]);
  for (const c of x.codes) {
    codeRow(c, codeName(result, c.code, lang), 'line', c.paidSource === 'notified' ? (fr ? 'montant notifié' : 'notified') : fr ? 'A prévu' : 'A planned');
  }
  codeRow({ ...x.total, code: null }, fr ? "Total de la convention (V − P sur l’ensemble)" : 'Whole convention (V − P overall)', 'total');
  const byCode: Array<CompareSlot | null> = new Array(width).fill(null);
  byCode[ex.label] = text(fr ? 'Somme des montants par imputation (sans compensation entre imputations)' : 'Sum of the per-code amounts (no offsetting between codes)');
  byCode[ex.rev] = amount(x.total.reversementByCode);
  push('line', byCode, { italic: true });
  blank();
  for (const l of executionFormula(lang)) push('note', [text(l.trim())]);

  const measureRow = (g: ExecutionGroupLine) => {
    const cells = psCells(g);
    cells[ex.label] = text(groupName(result, g, lang));
    cells[ex.code] = g.code ? text(g.code) : null;
    cells[ex.planRow] = link(result.old, 'old', g.plan?.totalRow ?? g.plan?.firstRow ?? null);
    cells[ex.execRow] = link(result.new, 'new', g.execution?.totalRow ?? g.execution?.firstRow ?? null);
    push('line', cells, { wrap: true });
  };
  const measures = x.measures.filter((g) => all || g.differs);
  blank();
  push('section', [text(fr ? `Par mesure (${measures.length})` : `By measure (${measures.length})`)]);
  for (const g of measures) measureRow(g);
  const actions = x.actions.filter((a) => all || ((a.differs || a.status !== 'paired') && !(a.template && !a.differs)));
  blank();
  push('section', [text(fr ? `Par action (${actions.length})` : `By action (${actions.length})`)]);
  for (const a of actions) {
    const s = (a.execution ?? a.plan)!;
    const cells = psCells(a);
    cells[ex.label] = text(s.title || (fr ? 'action sans intitulé' : 'untitled action'));
    cells[ex.code] = s.code ? text(s.code) : null;
    cells[ex.planRow] = link(result.old, 'old', a.plan?.row ?? null);
    cells[ex.execRow] = link(result.new, 'new', a.execution?.row ?? null);
    const fill = a.status === 'spentOnly' ? COMPARE_FILLS.added : a.status === 'plannedOnly' ? COMPARE_FILLS.removed : undefined;
    push('line', cells, { wrap: true, ...(fill ? { fill } : {}) });
  }
  findingRows();
  return finish(frozen);

  function findingRows(): void {
    const f = result.findings;
    blank();
    push('section', [text(fr ? `Anomalies apparues ou disparues (${f.length})` : `Findings new or gone (${f.length})`)]);
    if (!f.length) push('line', [text(fr ? 'Les deux tableaux ont les mêmes anomalies.' : 'Both tables have the same findings.')]);
    for (const x of f) {
      const cells: Array<CompareSlot | null> = [
        text(x.status === 'appeared' ? (fr ? 'Apparue' : 'New') : fr ? 'Disparue' : 'Gone'),
        text(x.message),
        text(x.rule),
        null,
        x.status === 'disappeared' ? link(result.old, 'old', x.row) : null,
        x.status === 'appeared' ? link(result.new, 'new', x.row) : null,
        text(x.cell),
      ];
      push('line', cells, { fill: x.status === 'appeared' ? COMPARE_FILLS.removed : COMPARE_FILLS.added, wrap: true });
    }
  }

  function finish(frozenRows: number): ComparisonSheetPlan {
    blank();
    push('note', [
      text(
        fr
          ? "Feuille produite par le contrôle de l’annexe 9 (annex9 compare)\u00a0: elle est remplacée à chaque nouvelle comparaison, n’y saisissez rien."
          : 'Sheet made by the annex 9 check (annex9 compare): it is replaced by each new comparison, do not type in it.',
      ),
    ]);
    for (const r of rows) {
      while (r.cells.length < width) r.cells.push(null);
    }
    const widths =
      result.mode === 'versions'
        ? [11, 48, 30, 18, 10, 10, 36, ...cols.flatMap(() => [15, 15, 14])]
        : [48, 18, 10, 10, 15, 15, 16, 15, 15, 16, 11, 18, 10, 17, 16, 14, 18];
    return {
      name: options.name ?? comparisonSheetBaseName(lang),
      rows,
      widths,
      frozenRows,
      marker: { col: COMPARISON_MARKER_COLUMN, token: COMPARISON_MARKER_TOKEN, source: `${result.old.sheet} → ${result.new.sheet}` },
      print: { area: `A1:${letters(width - 1)}${rows.length}`, titleRows: { first: 1, last: frozenRows } },
    };
  }
}
