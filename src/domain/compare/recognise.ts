/**
 * Is a table the execution table (amounts spent) rather than a version of the plan? The template
 * says how it is recognised (`execution.markers` in templates/calpae-annexe9.json): words looked
 * for, as whole words, in the sheet's name, the title rows above the header and the header labels.
 * The user can always say it instead (annex9 compare --execution / --versions).
 */
import calpaeJson from '../templates/calpae-annexe9.json';
import { ComparableTable } from './comparable';
import { labelKey } from './fromReport';

export interface Recognition {
  execution: boolean;
  /** The text that said so, where it was, and the marker found in it. */
  evidence: { where: 'sheet' | 'title' | 'header'; text: string; marker: string } | null;
}

/** The execution markers of a template description (JSON), normalised; the CALPAE annex 9's by default. */
export function executionMarkers(description: unknown = calpaeJson): string[] {
  const markers = (description as { execution?: { markers?: unknown } })?.execution?.markers;
  if (!Array.isArray(markers)) return [];
  return markers.filter((m): m is string => typeof m === 'string').map(labelKey).filter((m) => m.length > 0);
}

export function recogniseExecution(table: ComparableTable, markers: readonly string[]): Recognition {
  for (const label of table.labels) {
    const padded = ` ${label.key} `;
    const marker = markers.find((m) => padded.includes(` ${m} `));
    if (marker) return { execution: true, evidence: { where: label.where, text: label.text, marker } };
  }
  return { execution: false, evidence: null };
}
