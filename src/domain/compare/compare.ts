/**
 * Comparing two annex tables: two versions of the plan, or the plan and its execution table.
 * Two ComparableTables in, a CompareResult out — data only, ready for the terminal, the JSON
 * interface, the comparison sheet and (later) the task pane, each rendering it its own way.
 */
import { AMOUNT_KEYS, AmountKey, ComparableTable } from './comparable';
import { ExecutionComparison, NotifiedCents, compareExecution } from './execution';
import { FindingChange, compareFindings } from './findings';
import { pairActions } from './pair';
import { Recognition, executionMarkers, recogniseExecution } from './recognise';
import { VersionComparison, compareVersions } from './versions';

export type CompareMode = 'versions' | 'execution';

export interface CompareOptions {
  /** Say what the second table is; by default it is recognised (template markers). */
  mode?: CompareMode | 'auto';
  /** Normalised execution markers (see recognise.ts); the CALPAE template's by default. */
  markers?: string[];
  /** Execution: what the State notified per code (convention art. 3.1), in cents. */
  notified?: NotifiedCents[];
}

export interface TableRef {
  file: string | null;
  sheet: string;
  headerCell: string;
  firstRow: number | null;
  lastRow: number | null;
  /** Action rows (template rows left out). */
  actions: number;
}

export type CompareNotice =
  | { code: 'COLUMN_ONLY_ONE_SIDE'; column: AmountKey; side: 'old' | 'new' }
  | { code: 'FIRST_LOOKS_LIKE_EXECUTION'; evidence: NonNullable<Recognition['evidence']> }
  | { code: 'SECOND_LOOKS_LIKE_EXECUTION'; evidence: NonNullable<Recognition['evidence']> }
  | { code: 'BOTH_LOOK_LIKE_EXECUTION'; old: NonNullable<Recognition['evidence']>; new: NonNullable<Recognition['evidence']> }
  | { code: 'NO_F_COLUMN' };

export interface CompareResult {
  mode: CompareMode;
  /** How the mode was decided: said by the user, recognised in the second table, or by default. */
  modeSource: 'option' | 'recognised' | 'default';
  old: TableRef;
  new: TableRef;
  recognition: { old: Recognition; new: Recognition };
  columns: { compared: AmountKey[]; onlyOld: AmountKey[]; onlyNew: AmountKey[] };
  /** Code → its description (template, else as shown in a table). */
  codeNames: Record<string, string>;
  findings: FindingChange[];
  versions: VersionComparison | null;
  execution: ExecutionComparison | null;
  /** Nothing to report: exit status 0. */
  identical: boolean;
  notices: CompareNotice[];
}

function ref(t: ComparableTable): TableRef {
  return { ...t.source, actions: t.actions.filter((a) => !a.placeholder).length };
}

export function compareTables(oldT: ComparableTable, newT: ComparableTable, options: CompareOptions = {}): CompareResult {
  const markers = options.markers ?? executionMarkers();
  const recognition = { old: recogniseExecution(oldT, markers), new: recogniseExecution(newT, markers) };
  const asked = options.mode ?? 'auto';
  // Planned against spent when the second table alone looks like an execution table: two execution
  // tables (a report and its corrected version) hold no plan, so they are two versions.
  const spentSecond = recognition.new.execution && !recognition.old.execution;
  const mode: CompareMode = asked === 'auto' ? (spentSecond ? 'execution' : 'versions') : asked;
  const modeSource: CompareResult['modeSource'] = asked !== 'auto' ? 'option' : spentSecond ? 'recognised' : 'default';

  const compared = AMOUNT_KEYS.filter((k) => oldT.columns.includes(k) && newT.columns.includes(k));
  const onlyOld = oldT.columns.filter((k) => !newT.columns.includes(k));
  const onlyNew = newT.columns.filter((k) => !oldT.columns.includes(k));
  const notices: CompareNotice[] = [
    ...onlyOld.map((column) => ({ code: 'COLUMN_ONLY_ONE_SIDE' as const, column, side: 'old' as const })),
    ...onlyNew.map((column) => ({ code: 'COLUMN_ONLY_ONE_SIDE' as const, column, side: 'new' as const })),
  ];
  // Evidence is there exactly when a table is recognised as an execution table (recognise.ts).
  const oldEvidence = recognition.old.evidence;
  const newEvidence = recognition.new.evidence;
  if (mode === 'versions' && oldEvidence && newEvidence) {
    notices.push({ code: 'BOTH_LOOK_LIKE_EXECUTION', old: oldEvidence, new: newEvidence });
  } else if (oldEvidence && !newEvidence) {
    notices.push({ code: 'FIRST_LOOKS_LIKE_EXECUTION', evidence: oldEvidence });
  } else if (mode === 'versions' && newEvidence) {
    notices.push({ code: 'SECOND_LOOKS_LIKE_EXECUTION', evidence: newEvidence });
  }
  if (mode === 'execution' && !compared.includes('F')) notices.push({ code: 'NO_F_COLUMN' });

  const pairing = pairActions(oldT, newT);
  const findings = compareFindings(oldT, newT, pairing);
  const codeNames = { ...oldT.codeNames, ...newT.codeNames };
  const base = { mode, modeSource, old: ref(oldT), new: ref(newT), recognition, columns: { compared, onlyOld, onlyNew }, codeNames, findings, notices };

  if (mode === 'versions') {
    const versions = compareVersions(oldT, newT, pairing, compared);
    const c = versions.counts;
    const identical = c.actionsAdded + c.actionsRemoved + c.actionsChanged + c.measuresChanged + c.codesChanged + c.totalsChanged + findings.length === 0;
    return { ...base, versions, execution: null, identical };
  }
  const execution = compareExecution(oldT, newT, pairing, compared, options.notified ?? []);
  const c = execution.counts;
  // No need to look at the total's amount that may be recovered: ΣV − ΣP > 0 only when some code has V − P > 0.
  const identical = c.actionsDiffering + c.plannedOnly + c.spentOnly + findings.length === 0 && !execution.codes.some((x) => x.differs || (x.reversement ?? 0) > 0);
  return { ...base, versions: null, execution, identical };
}
