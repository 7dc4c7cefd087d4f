/**
 * The comparison as an outline for a task pane: sections (actions added, removed, changed; by
 * measure; by code; totals; findings) that fold, each item with its status, its text and the rows
 * to go to in either sheet. Built from the same lines as the terminal report, so both say the same.
 * (The pane itself comes later; this is the shape it will read.)
 */
import { CompareResult } from './compare';
import { Lang, plain } from './format';
import { actionBlock, codeBlock, executionActionBlock, executionGroupBlock, groupBlock } from './render';
import { isEmptyGroup } from './versions';

/** A place to go to: a row of one of the compared sheets. */
export interface RowTarget {
  sheet: string;
  row: number;
}

export interface OutlineItem {
  status: 'added' | 'removed' | 'changed' | 'unchanged' | 'appeared' | 'disappeared';
  /** One line that names the item. */
  title: string;
  /** What changed, one line each. */
  details: string[];
  go: { old: RowTarget | null; new: RowTarget | null };
}

export interface OutlineSection {
  id: 'actionsAdded' | 'actionsRemoved' | 'actionsChanged' | 'actionsUnchanged' | 'measures' | 'codes' | 'totals' | 'findings' | 'executionCodes' | 'executionMeasures' | 'executionActions';
  title: string;
  items: OutlineItem[];
}

function split(lines: string[]): { title: string; details: string[] } {
  const [first, ...rest] = lines;
  return { title: first.replace(/^\s*\S\s/, '').trim(), details: rest.map((l) => l.trim()) };
}

export function comparisonOutline(result: CompareResult, options: { lang?: Lang; showUnchanged?: boolean } = {}): OutlineSection[] {
  const lang = options.lang ?? 'fr';
  const fr = lang === 'fr';
  const all = !!options.showUnchanged;
  const at = (side: 'old' | 'new', row: number | null | undefined): RowTarget | null => (row == null ? null : { sheet: result[side].sheet, row });
  const sections: OutlineSection[] = [];
  const add = (s: OutlineSection) => {
    if (s.items.length) sections.push(s);
  };

  if (result.versions) {
    const v = result.versions;
    const actions = (status: string) =>
      v.actions
        .filter((a) => a.status === status && (!a.template || a.status === 'changed'))
        .map((a) => ({ status: a.status, ...split(actionBlock(a, result, lang)), go: { old: at('old', a.old?.row), new: at('new', a.new?.row) } }));
    add({ id: 'actionsAdded', title: fr ? 'Actions ajoutées' : 'Actions added', items: actions('added') });
    add({ id: 'actionsRemoved', title: fr ? 'Actions retirées' : 'Actions removed', items: actions('removed') });
    add({ id: 'actionsChanged', title: fr ? 'Actions modifiées' : 'Actions changed', items: actions('changed') });
    if (all) add({ id: 'actionsUnchanged', title: fr ? 'Actions inchangées' : 'Actions unchanged', items: actions('unchanged') });
    const groups = (id: OutlineSection['id'], title: string, list: typeof v.measures) =>
      add({
        id,
        title,
        items: list
          .filter((g) => (all || g.status !== 'unchanged') && !isEmptyGroup(g))
          .map((g) => ({ status: g.status, ...split(groupBlock(g, result, lang)), go: { old: at('old', g.old?.totalRow ?? g.old?.firstRow), new: at('new', g.new?.totalRow ?? g.new?.firstRow) } })),
      });
    groups('measures', fr ? 'Par mesure' : 'By measure', v.measures);
    groups('codes', fr ? 'Par imputation Chorus' : 'By Chorus code', v.codes);
    groups('totals', fr ? 'Totaux' : 'Totals', v.totals);
  }
  if (result.execution) {
    const x = result.execution;
    add({
      id: 'executionCodes',
      title: fr ? 'Par imputation Chorus' : 'By Chorus code',
      items: x.codes.map((c) => ({ status: c.differs ? 'changed' : 'unchanged', ...split(codeBlock(c, result, lang)), go: { old: at('old', c.plan?.firstRow), new: at('new', c.execution?.firstRow) } })),
    });
    add({
      id: 'executionMeasures',
      title: fr ? 'Par mesure' : 'By measure',
      items: x.measures
        .filter((g) => all || g.differs)
        .map((g) => ({ status: g.differs ? 'changed' : 'unchanged', ...split(executionGroupBlock(g, result, lang)), go: { old: at('old', g.plan?.totalRow ?? g.plan?.firstRow), new: at('new', g.execution?.totalRow ?? g.execution?.firstRow) } })),
    });
    add({
      id: 'executionActions',
      title: fr ? 'Par action' : 'By action',
      items: x.actions
        .filter((a) => all || ((a.differs || a.status !== 'paired') && !(a.template && !a.differs)))
        .map((a) => ({
          status: a.status === 'plannedOnly' ? 'removed' : a.status === 'spentOnly' ? 'added' : a.differs ? 'changed' : 'unchanged',
          ...split(executionActionBlock(a, result, lang)),
          go: { old: at('old', a.plan?.row), new: at('new', a.execution?.row) },
        })),
    });
  }
  add({
    id: 'findings',
    title: fr ? 'Anomalies apparues ou disparues' : 'Findings new or gone',
    items: result.findings.map((f) => ({
      status: f.status,
      title: `${f.cell} [${f.rule}]`,
      details: [plain(f.message)],
      go: f.status === 'appeared' ? { old: null, new: at('new', f.row) } : { old: at('old', f.row), new: null },
    })),
  });
  return sections;
}
