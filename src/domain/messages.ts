/**
 * The languages the product speaks. Text is rendered at the edge from typed tables (words/ for
 * the engine's findings, notices and problems; rules/ for each rule's sentences).
 */
export type { Lang } from './words/types';
export { LANGS } from './words/types';
export { findingText, noticeText, problemText, proposalWhy } from './words/render';
