/**
 * Small comparable tables typed by hand (no sheet, no engine): a few blocks of actions, each block
 * one measure, closed by its subtotal when one is given. Matching keys are the lower-cased texts,
 * so that what pairs with what is plain from the test itself.
 */
import { AmountKey, CentsRow, ComparableAction, ComparableFinding, ComparableTable, ComparableTotal, Section } from '../../../src/domain/compare/comparable';

export interface HandAction {
  row: number;
  title: string;
  fiche?: string | null;
  /** Its own code; by default its block's. */
  code?: string | null;
  placeholder?: boolean;
  amounts: CentsRow;
  /** Matching key of the title, when it is not the lower-cased title. */
  titleKey?: string;
}

export interface HandBlock {
  theme: string | null;
  code: string | null;
  section?: Section;
  actions: HandAction[];
  subtotal?: { row: number; printed: CentsRow };
}

export interface HandTable {
  file?: string | null;
  sheet: string;
  headerCell?: string;
  firstRow?: number | null;
  lastRow?: number | null;
  columns: AmountKey[];
  blocks: HandBlock[];
  totals?: ComparableTotal[];
  findings?: ComparableFinding[];
  codeNames?: Record<string, string>;
  labels?: ComparableTable['labels'];
}

const key = (s: string | null | undefined) => (s ? s.toLowerCase() : '');

export function handTable(h: HandTable): ComparableTable {
  const actions: ComparableAction[] = [];
  const t: ComparableTable = {
    source: { file: h.file ?? null, sheet: h.sheet, headerCell: h.headerCell ?? 'B5', firstRow: h.firstRow ?? null, lastRow: h.lastRow ?? null },
    columns: h.columns,
    actions,
    blocks: [],
    measures: [],
    totals: h.totals ?? [],
    findings: h.findings ?? [],
    codeNames: h.codeNames ?? {},
    labels: h.labels ?? [{ where: 'sheet', text: h.sheet, key: key(h.sheet) }],
  };
  h.blocks.forEach((b, bi) => {
    const section = b.section ?? 'socle';
    const ids: number[] = [];
    for (const a of b.actions) {
      const id = actions.length;
      ids.push(id);
      actions.push({
        id,
        row: a.row,
        fiche: a.fiche ?? null,
        title: a.title,
        theme: b.theme,
        code: a.code === undefined ? b.code : a.code,
        section,
        placeholder: !!a.placeholder,
        amounts: a.amounts,
        block: bi,
        measure: bi,
        keys: { fiche: key(a.fiche), title: a.titleKey ?? key(a.title), theme: key(b.theme) },
      });
    }
    t.blocks.push({ id: bi, theme: b.theme, code: b.code, section, themeKey: key(b.theme), actions: ids });
    t.measures.push({
      id: bi,
      theme: b.theme,
      themeKey: key(b.theme),
      code: b.code,
      section,
      blocks: [bi],
      actions: ids,
      firstRow: b.actions[0]?.row ?? 0,
      subtotalRow: b.subtotal?.row ?? null,
      printed: b.subtotal?.printed ?? null,
    });
  });
  return t;
}

/** A, C, F in euros (whole or with cents as a string `'1000.50'`) as cents. */
export function acf(a: number, c: number, f = a + c): CentsRow {
  return { A: Math.round(a * 100), C: Math.round(c * 100), F: Math.round(f * 100) };
}
