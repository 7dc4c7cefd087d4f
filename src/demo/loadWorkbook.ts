/** The demo page reads its workbook as the pane reads a file to compare with (src/files/browser/workbookFile.ts). */
export { gridsFromXlsx } from '../files/browser/workbookFile';
