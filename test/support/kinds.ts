/**
 * The engine names a section's total generically (`sectionTotal`, and the section it closes); the
 * tests speak of the CALPAE annex's two, as the sample's spec does: `socleSubtotal`,
 * `initiativeSubtotal`.
 */
import type { TotalKind } from '../../src/domain/template';

type Closing = { kind: string; closes?: string; section?: string };

/** `socleSubtotal` for the total closing the socle; any other kind as it is. */
export function kindName(x: Closing): string {
  if (x.kind !== 'sectionTotal') return x.kind;
  return `${x.closes ?? x.section}Subtotal`;
}

/** A group's kind, the same way (a group names the section it closes in `section`). */
export function groupKindName(g: { kind: TotalKind; section?: string }): string {
  return g.kind === 'sectionTotal' ? `${g.section}Subtotal` : g.kind;
}
