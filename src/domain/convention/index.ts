/**
 * The annex against its convention: reading the convention's text (extract), the figures as
 * editable plain data (figures), the annex's side (annexFigures), the comparison as findings
 * (compare) and their words (messages). Pure: the PDF and Word readers live in src/files.
 */
export * from './document';
export * from './money';
export * from './types';
export * from './extract';
export * from './figures';
export * from './annexFigures';
export * from './match';
export * from './compare';
export * from './messages';
export { canonicalActivityCode } from './codes';
