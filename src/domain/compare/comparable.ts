/**
 * What the comparison knows of an annex table: plain data, built from the engine's report by one
 * adapter (fromReport.ts) and by nothing else. Everything downstream (pairing, the version
 * comparison, planned against spent, rendering) reads only these types, so a change inside the
 * engine touches one function. Money is integer cents in a `number` (exact below 2^53 cents).
 */

export type AmountKey = 'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F';
export const AMOUNT_KEYS: readonly AmountKey[] = ['A', 'B', 'C', 'valorisation', 'D', 'E', 'F'];

/** An amount in integer cents. */
export type Cents = number;

/**
 * Amounts of a row or a group, by column. A column the table lacks has no key; `null` is a cell
 * that cannot be read as an amount (or a sum that depends on one).
 */
export type CentsRow = Partial<Record<AmountKey, Cents | null>>;

export type Section = 'socle' | 'initiative';

export interface ComparableAction {
  /** Index in `ComparableTable.actions`. */
  id: number;
  /** 1-based sheet row. */
  row: number;
  fiche: string | null;
  title: string;
  /** The theme of its block as shown, or null when no theme cell covers it. */
  theme: string | null;
  /** Canonical Chorus code it is paid on (its own, else the one its block certainly gives it). */
  code: string | null;
  section: Section;
  /** A template row left empty (`intitulé de l'action n°1`, `…`) with no money on it. */
  placeholder: boolean;
  amounts: CentsRow;
  /** Index in `blocks` and in `measures`. */
  block: number;
  measure: number;
  /** Matching keys, normalised by the adapter: '' when there is nothing to match on. */
  keys: { fiche: string; title: string; theme: string };
}

export interface ComparableBlock {
  id: number;
  theme: string | null;
  code: string | null;
  section: Section;
  themeKey: string;
  /** Action ids, in sheet order. */
  actions: number[];
}

/** The action rows closed by one theme subtotal (or, with no subtotal, the rows of one block). */
export interface ComparableMeasure {
  id: number;
  /** Theme of its first block; null when none. */
  theme: string | null;
  themeKey: string;
  code: string | null;
  section: Section;
  blocks: number[];
  actions: number[];
  /** 1-based sheet rows: the measure's first action and its subtotal (null when none closes it). */
  firstRow: number;
  subtotalRow: number | null;
  /** The subtotal's figures as printed. */
  printed: CentsRow | null;
}

export type TotalLevel = 'socle' | 'initiative' | 'grand';

export interface ComparableTotal {
  level: TotalLevel;
  row: number;
  label: string;
  printed: CentsRow;
}

/** The row a finding is on, named so that it can be found again in another version. */
export type FindingTarget =
  | { kind: 'action'; action: number }
  | { kind: 'subtotal'; measure: number }
  | { kind: 'total'; level: TotalLevel | 'control' }
  | { kind: 'row'; label: string };

export interface ComparableFinding {
  /** The engine's stable rule code (`A_NEQ_C`, `SUBTOTAL`…). */
  rule: string;
  /** Annex letter or `imputation`. */
  column: string;
  row: number;
  cell: string;
  /** The engine's message, in the language the table was analysed in. */
  message: string;
  target: FindingTarget;
}

export interface ComparableTable {
  source: {
    /** File name as given by the caller (null for the open workbook). */
    file: string | null;
    sheet: string;
    /** A1 address of the header's top-left cell. */
    headerCell: string;
    /** 1-based sheet rows of the table body, null when it has none. */
    firstRow: number | null;
    lastRow: number | null;
  };
  /** Amount columns the table has. */
  columns: AmountKey[];
  actions: ComparableAction[];
  blocks: ComparableBlock[];
  measures: ComparableMeasure[];
  totals: ComparableTotal[];
  findings: ComparableFinding[];
  /** Chorus code → its description (`Garantie d'activité et insertion des BRSA`), from the template or as shown. */
  codeNames: Record<string, string>;
  /**
   * Texts that say what kind of table this is (sheet name, the title rows above the header, the
   * header labels), each with its normalised form, for recognising an execution table.
   */
  labels: Array<{ where: 'sheet' | 'title' | 'header'; text: string; key: string }>;
}
