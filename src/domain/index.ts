/** The annex 9 engine: pure TypeScript, shared by the add-in, the command line and the demo. */
export * from './grid';
export * from './amounts';
export * from './template';
export * from './findings';
export * from './layout';
export * from './rows';
export * from './check';
export * from './fills';
export * from './words';
export * from './words/render';
export * from './money';
export { RULES, ruleTitle, liveCheck, SHEET_RULES, DOCUMENT_RULES } from './rules/registry';
export * from './analyze';
export * from './marks';
export * from './summary';
