/**
 * The summary (src/domain/summary.ts), timed as part of the engine: the summary data and its sheet
 * plan (`summarySheetPlan`), what "insert the summary" and `annex9 fix` build from a report.
 * Loaded at run time so that the bench keeps running while that module is being changed.
 */
import { SheetGrid } from '../src/domain/grid';
import { SheetReport } from '../src/domain/analyze';
import { tryRequire } from './optional';

export interface SummaryStep {
  /** Builds the summary of a report; undefined when there is no summary builder. */
  run?: (report: SheetReport, grid: SheetGrid) => unknown;
  note?: string;
}

type Build = (report: SheetReport, options: { workbook: string; generatedAt: Date; lang?: 'fr' | 'en' }) => unknown;
const GENERATED_AT = new Date(Date.UTC(2023, 5, 12));

function find(): SummaryStep {
  const mod = tryRequire<{ summarySheetPlan?: Build; buildSummary?: Build }>('src/domain/summary');
  if ('missing' in mod) return { note: `summary not timed: ${mod.missing}` };
  const build = mod.module.summarySheetPlan ?? mod.module.buildSummary;
  if (!build) return { note: 'summary not timed: src/domain/summary exports neither summarySheetPlan nor buildSummary' };
  return { run: (report) => build(report, { workbook: 'annexe.xlsx', generatedAt: GENERATED_AT, lang: 'fr' }) };
}

export const summaryStep: SummaryStep = find();
