/** How the fake reads what Microsoft's documentation leaves open, and the payload limit it enforces. */

/**
 * How the fake reads what Microsoft's documentation leaves open. The default is the least
 * favourable reading of each point (LEAST_FAVOURABLE): the adapter must work under it. Where a
 * reading cannot be known without real Excel, the adapter's tests run under both (READINGS); the
 * built-in diagnostic (src/office/diagnostic.ts) tells which one real Excel follows.
 */
export interface FakeReadings {
  /**
   * `ConditionalFormat.id` is "the priority of the conditional format in the current
   * ConditionalFormatCollection": 'position' makes ids positions and every ConditionalFormat
   * object a handle on a position (it then designates whatever sits there when an action runs);
   * 'stable' gives each format its own id and object.
   */
  conditionalFormatIds: 'position' | 'stable';
  /**
   * Calls chained off a null object (`*OrNullObject`): 'throw' fails the sync with
   * InvalidOperation for anything but load, isNullObject, toJSON and delete on the null object
   * itself; 'null' makes what hangs off it null too.
   */
  nullObjectCalls: 'throw' | 'null';
  /**
   * A cell without fill: 'white' reports it exactly as a white fill (#FFFFFF, pattern Solid,
   * tintAndShade 0: office-js#6218, #4900); 'tintAndShadeNull' reports tintAndShade null and
   * pattern None for it (a Microsoft engineer's suggestion in office-js#4900, unverified).
   */
  noFill: 'white' | 'tintAndShadeNull';
  /** Payload measure: 'escaped' counts every non-ASCII character as a \uXXXX escape; 'utf8' as UTF-8. */
  wire: 'escaped' | 'utf8';
  /** `pageLayout.zoom` with fit-to-pages: 'ignored' (office-js#1860) or 'applied'. */
  printZoom: 'ignored' | 'applied';
  /** `Excel.run({ delayForCellEdit: true })`: 'ignored' (the DelayForCellEdit set is missing) or 'honoured'. */
  delayForCellEdit: 'ignored' | 'honoured';
  /** Conditional formats when rows are sorted: 'stay' on their cells' old places, or 'move' with the rows. */
  sortedConditionalFormats: 'stay' | 'move';
}

export const LEAST_FAVOURABLE: FakeReadings = {
  conditionalFormatIds: 'position',
  nullObjectCalls: 'throw',
  noFill: 'white',
  wire: 'escaped',
  printZoom: 'ignored',
  delayForCellEdit: 'ignored',
  sortedConditionalFormats: 'stay',
};

/** The other reading of every point: what the add-in was first written for. */
export const FAVOURABLE: FakeReadings = {
  conditionalFormatIds: 'stable',
  nullObjectCalls: 'null',
  noFill: 'tintAndShadeNull',
  wire: 'utf8',
  printZoom: 'applied',
  delayForCellEdit: 'honoured',
  sortedConditionalFormats: 'move',
};

/** Both readings, for `describe.each`. */
export const READINGS: Array<[string, FakeReadings]> = [
  ['least favourable', LEAST_FAVOURABLE],
  ['favourable', FAVOURABLE],
];

/**
 * Excel on the web refuses a request or response over 5 MB ("5MB", resource limits article); the
 * fake refuses at 5 % less, on its own measure (which is not Excel's wire format).
 */
export const FAKE_PAYLOAD_LIMIT = 4_750_000;
