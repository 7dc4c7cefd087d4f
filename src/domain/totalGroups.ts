/**
 * Which rows each total adds up (docs/annexe9.md, règles 3 et 4): a subtotal the action rows
 * since the previous subtotal; a section's total its subtotals and the action rows of the section
 * no subtotal closed; the grand total the section totals (and whatever no total closed). An
 * unclassified row inside that span may be a total the template does not name: then the total is
 * not checked (it might count rows twice, or miss them).
 */
import type { AnnexRow, Section, TotalGroup } from './rows';

export function totalGroups(rows: readonly AnnexRow[]): TotalGroup[] {
  const groups: TotalGroup[] = [];
  const of = <T>(map: Map<Section, T>, s: Section, make: () => T): T => {
    let v = map.get(s);
    if (v === undefined) map.set(s, (v = make()));
    return v;
  };
  let pendingActions: number[] = [];
  const sectionParts = new Map<Section, number[]>();
  const sectionActions = new Map<Section, number[]>();
  const sectionTotals: number[] = [];
  const allActions: number[] = [];
  const sectionOf = new Map<number, Section>(); // grid row → section
  let uncertainInGroup: number | undefined;
  const uncertainInSection = new Map<Section, number>();
  // Set with uncertainInGroup and reset with it at a section total: never unset while that one is set.
  let uncertainOpen: number | undefined;
  for (const x of rows) sectionOf.set(x.index, x.section);
  for (const row of rows) {
    if (row.kind === 'unclassified') {
      uncertainInGroup ??= row.index;
      if (!uncertainInSection.has(row.section)) uncertainInSection.set(row.section, row.index);
      uncertainOpen ??= row.index;
    } else if (row.kind === 'action' || row.kind === 'placeholder') {
      pendingActions.push(row.index);
      of(sectionActions, row.section, () => []).push(row.index);
      allActions.push(row.index);
    } else if (row.kind === 'subtotal') {
      groups.push({ total: row.index, kind: 'subtotal', parts: pendingActions, actionRows: pendingActions, unchecked: uncertainInGroup });
      of(sectionParts, row.section, () => []).push(row.index);
      pendingActions = [];
      uncertainInGroup = undefined;
    } else if (row.kind === 'sectionTotal') {
      const s = row.closes ?? row.section;
      // Action rows not closed by a subtotal count directly. In sheet order: the actions pending
      // came after every subtotal (a subtotal empties the pending list).
      const parts = [...of(sectionParts, s, () => []), ...pendingActions.filter((a) => sectionOf.get(a) === s)];
      groups.push({
        total: row.index,
        kind: 'sectionTotal',
        section: s,
        parts,
        actionRows: [...of(sectionActions, s, () => [])],
        unchecked: uncertainInSection.get(s) ?? uncertainInGroup,
      });
      sectionTotals.push(row.index);
      const used = new Set(parts);
      pendingActions = pendingActions.filter((a) => !used.has(a));
      sectionParts.set(s, []);
      uncertainInSection.delete(s);
      uncertainInGroup = undefined;
      uncertainOpen = undefined;
    } else if (row.kind === 'grandTotal') {
      const parts = [...sectionTotals, ...[...sectionParts.values()].flat(), ...pendingActions].sort((a, b) => a - b);
      groups.push({ total: row.index, kind: 'grandTotal', parts, actionRows: [...allActions], unchecked: uncertainOpen });
      pendingActions = [];
    }
  }
  return groups;
}
