/**
 * Comparing two annex tables. The way in: `comparableFromReport` (the only adapter to the engine),
 * then `compareTables`; the way out: `renderComparison` (text), `comparisonJson` (the stable JSON),
 * `planComparisonSheet` (the « Comparaison annexe 9 » sheet), `comparisonOutline` (a pane's tree).
 */
export * from './comparable';
export { comparableFromReport } from './fromReport';
export { compareTables } from './compare';
export type { CompareMode, CompareOptions, CompareResult, CompareNotice, TableRef } from './compare';
export type { ActionChange, GroupChange, AmountChange, VersionComparison } from './versions';
export type { ExecutionComparison, ExecutionCodeLine, ExecutionTotal, NotifiedCents } from './execution';
export { executionMarkers, recogniseExecution } from './recognise';
export { renderComparison, executionFormula } from './render';
export { comparisonJson, COMPARE_JSON_FORMAT } from './json';
export { planComparisonSheet, comparisonSheetBaseName, comparisonSheetBaseNames, COMPARISON_MARKER_TOKEN } from './sheetPlan';
export { comparisonOutline } from './outline';
export type { OutlineItem, OutlineSection, RowTarget } from './outline';
