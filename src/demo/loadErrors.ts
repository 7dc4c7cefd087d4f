/** The demo page's reading errors are the pane's: one place (src/files/browser/loadErrors.ts). */
export * from '../files/browser/loadErrors';
