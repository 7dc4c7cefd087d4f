/**
 * Which rows each total adds up (src/domain/totalGroups.ts, docs/annexe9.md règles 3 et 4), on
 * rows typed by hand: only their grid row, kind and section matter. Grid rows cross 9 → 10 so that
 * an order by text (« 10 » before « 9 ») cannot pass for an order by number.
 */
import { AnnexRow, RowKind, TotalGroup } from '../../../src/domain/rows';
import { totalGroups } from '../../../src/domain/totalGroups';

/** A row of `kind` at grid row `index`, in `section` (a section total: also the section it closes). */
function row(index: number, kind: RowKind, section = 'socle', closes?: string): AnnexRow {
  return { index, kind, section, ...(closes ? { closes } : {}), label: kind, fiche: null, block: null, imputation: { state: 'missing', text: null, code: null }, amounts: {} };
}

/** The groups with `unchecked` always present, so that a missing one is seen. */
function groups(rows: AnnexRow[]): TotalGroup[] {
  return totalGroups(rows).map((g) => ({ ...g, unchecked: g.unchecked ?? null })) as TotalGroup[];
}

describe('what each total adds up', () => {
  it('a subtotal its rows since the last one, a section total its subtotals or its rows, the grand total the section totals', () => {
    const rows = [
      row(3, 'action'),
      row(4, 'placeholder'),
      row(5, 'subtotal'),
      row(6, 'action'),
      row(7, 'subtotal'),
      row(8, 'sectionTotal', 'socle', 'socle'),
      row(9, 'action', 'initiative'),
      row(10, 'action', 'initiative'),
      row(11, 'sectionTotal', 'initiative', 'initiative'),
      row(12, 'grandTotal', 'initiative'),
    ];
    expect(groups(rows)).toEqual([
      { total: 5, kind: 'subtotal', parts: [3, 4], actionRows: [3, 4], unchecked: null },
      { total: 7, kind: 'subtotal', parts: [6], actionRows: [6], unchecked: null },
      { total: 8, kind: 'sectionTotal', section: 'socle', parts: [5, 7], actionRows: [3, 4, 6], unchecked: null },
      { total: 11, kind: 'sectionTotal', section: 'initiative', parts: [9, 10], actionRows: [9, 10], unchecked: null },
      { total: 12, kind: 'grandTotal', parts: [8, 11], actionRows: [3, 4, 6, 9, 10], unchecked: null },
    ]);
  });

  it('a section total read in one section and closing another adds the rows of the one it closes; the others wait for the grand total', () => {
    const rows = [row(1, 'action', 'socle'), row(2, 'action', 'initiative'), row(3, 'sectionTotal', 'socle', 'initiative'), row(4, 'grandTotal', 'initiative')];
    expect(groups(rows)).toEqual([
      { total: 3, kind: 'sectionTotal', section: 'initiative', parts: [2], actionRows: [2], unchecked: null },
      { total: 4, kind: 'grandTotal', parts: [1, 3], actionRows: [1, 2], unchecked: null },
    ]);
  });

  it('a subtotal left open by its section total is added by the grand total, in row order', () => {
    const rows = [
      row(8, 'action', 'socle'),
      row(9, 'subtotal', 'socle'),
      row(10, 'action', 'initiative'),
      row(11, 'sectionTotal', 'initiative', 'initiative'),
      row(12, 'grandTotal', 'initiative'),
    ];
    expect(groups(rows)).toEqual([
      { total: 9, kind: 'subtotal', parts: [8], actionRows: [8], unchecked: null },
      { total: 11, kind: 'sectionTotal', section: 'initiative', parts: [10], actionRows: [10], unchecked: null },
      { total: 12, kind: 'grandTotal', parts: [9, 11], actionRows: [8, 10], unchecked: null },
    ]);
  });

  it('the first unknown row inside a total leaves it unchecked, and only the totals whose span holds it', () => {
    const rows = [
      row(1, 'action'),
      row(2, 'unclassified'),
      row(3, 'unclassified'),
      row(4, 'subtotal'),
      row(5, 'action'),
      row(6, 'subtotal'),
      row(7, 'sectionTotal', 'socle', 'socle'),
      row(8, 'action', 'initiative'),
      row(9, 'subtotal', 'initiative'),
      row(10, 'grandTotal', 'initiative'),
    ];
    expect(groups(rows)).toEqual([
      { total: 4, kind: 'subtotal', parts: [1], actionRows: [1], unchecked: 2 },
      { total: 6, kind: 'subtotal', parts: [5], actionRows: [5], unchecked: null },
      { total: 7, kind: 'sectionTotal', section: 'socle', parts: [4, 6], actionRows: [1, 5], unchecked: 2 },
      { total: 9, kind: 'subtotal', parts: [8], actionRows: [8], unchecked: null },
      { total: 10, kind: 'grandTotal', parts: [7, 9], actionRows: [1, 5, 8], unchecked: null },
    ]);
  });

  it('an unknown row before a subtotal leaves the grand total unchecked too, when no section total came between', () => {
    const rows = [row(1, 'action'), row(2, 'unclassified'), row(3, 'action'), row(4, 'subtotal'), row(5, 'grandTotal')];
    expect(groups(rows)).toEqual([
      { total: 4, kind: 'subtotal', parts: [1, 3], actionRows: [1, 3], unchecked: 2 },
      { total: 5, kind: 'grandTotal', parts: [4], actionRows: [1, 3], unchecked: 2 },
    ]);
  });

  it('an unknown row of another section since the last total leaves a section total unchecked, and nothing after it', () => {
    const rows = [
      row(1, 'unclassified', 'socle'),
      row(2, 'action', 'initiative'),
      row(3, 'sectionTotal', 'initiative', 'initiative'),
      row(4, 'action', 'initiative'),
      row(5, 'subtotal', 'initiative'),
      row(6, 'grandTotal', 'initiative'),
    ];
    expect(groups(rows)).toEqual([
      { total: 3, kind: 'sectionTotal', section: 'initiative', parts: [2], actionRows: [2], unchecked: 1 },
      { total: 5, kind: 'subtotal', parts: [4], actionRows: [4], unchecked: null },
      { total: 6, kind: 'grandTotal', parts: [3, 5], actionRows: [2, 4], unchecked: null },
    ]);
  });

  it('a section totalled twice, and a grand total repeated: each adds what came since, the unknown row of its own span', () => {
    const rows = [
      row(1, 'unclassified'),
      row(2, 'action'),
      row(3, 'sectionTotal', 'socle', 'socle'),
      row(4, 'unclassified'),
      row(5, 'action'),
      row(6, 'sectionTotal', 'socle', 'socle'),
      row(7, 'action'),
      row(8, 'grandTotal'),
      row(9, 'action'),
      row(10, 'grandTotal'),
    ];
    expect(groups(rows)).toEqual([
      { total: 3, kind: 'sectionTotal', section: 'socle', parts: [2], actionRows: [2], unchecked: 1 },
      { total: 6, kind: 'sectionTotal', section: 'socle', parts: [5], actionRows: [2, 5], unchecked: 4 },
      { total: 8, kind: 'grandTotal', parts: [3, 6, 7], actionRows: [2, 5, 7], unchecked: null },
      { total: 10, kind: 'grandTotal', parts: [3, 6, 9], actionRows: [2, 5, 7, 9], unchecked: null },
    ]);
  });

  it('any section is grouped by its rows (the template’s list is not asked); a section total saying nothing closes its own', () => {
    const rows = [row(1, 'action', 'autre'), row(2, 'subtotal', 'autre'), row(3, 'action', 'autre'), row(4, 'sectionTotal', 'autre'), row(5, 'grandTotal', 'autre')];
    expect(groups(rows)).toEqual([
      { total: 2, kind: 'subtotal', parts: [1], actionRows: [1], unchecked: null },
      { total: 4, kind: 'sectionTotal', section: 'autre', parts: [2, 3], actionRows: [1, 3], unchecked: null },
      { total: 5, kind: 'grandTotal', parts: [4], actionRows: [1, 3], unchecked: null },
    ]);
  });

  it('a section total over no row adds nothing, and leaves the other section’s subtotal to the grand total', () => {
    const rows = [row(1, 'action'), row(2, 'subtotal'), row(3, 'sectionTotal', 'socle', 'initiative'), row(4, 'grandTotal', 'initiative')];
    expect(groups(rows)).toEqual([
      { total: 2, kind: 'subtotal', parts: [1], actionRows: [1], unchecked: null },
      { total: 3, kind: 'sectionTotal', section: 'initiative', parts: [], actionRows: [], unchecked: null },
      { total: 4, kind: 'grandTotal', parts: [2, 3], actionRows: [1], unchecked: null },
    ]);
  });

  it('theme headers and control totals add nothing and close nothing', () => {
    const rows = [row(1, 'themeHeader'), row(2, 'action'), row(3, 'control'), row(4, 'subtotal'), row(5, 'grandTotal'), row(6, 'control')];
    expect(groups(rows)).toEqual([
      { total: 4, kind: 'subtotal', parts: [2], actionRows: [2], unchecked: null },
      { total: 5, kind: 'grandTotal', parts: [4], actionRows: [2], unchecked: null },
    ]);
  });
});
