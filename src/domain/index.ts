/** The annex 9 engine: pure TypeScript, shared by the add-in, the command line and the demo. */
export * from './grid';
export * from './amounts';
export * from './template';
export * from './findings';
export * from './layout';
export * from './rows';
export * from './checks';
export * from './fills';
export * from './messages';
export * from './analyze';
export * from './marks';
export * from './summary';
