/** A stub AnnexService for component tests: canned outcomes, recorded calls, a way to fire "sheet changed". */
import { SheetReport } from '../../src/domain/analyze';
import { AnnexService, CheckOutcome, WriteOutcome } from '../../src/office/service';
import { LayoutOptions } from '../../fixtures/annex-layout';
import { analyzeSpec, sampleSpec } from '../../fixtures/sample';

export type Stub = jest.Mocked<AnnexService> & { fireChange(): void; listeners: number };

export function sampleReport(lang: 'fr' | 'en' = 'fr', options: Partial<LayoutOptions> = {}): SheetReport {
  return analyzeSpec(sampleSpec(), options, lang).report;
}

export function annexOutcome(report: SheetReport, extra: Partial<CheckOutcome> = {}): CheckOutcome {
  return { status: 'annex', sheet: report.sheet, report, readOnly: false, hasMarks: false, ...extra };
}

export function stubService(check: (lang: 'fr' | 'en') => CheckOutcome | Promise<CheckOutcome>): Stub {
  const listeners = new Set<() => void>();
  const ok = (message: string, extra: Partial<WriteOutcome> = {}): Promise<WriteOutcome> => Promise.resolve({ ok: true, message, ...extra });
  const stub = {
    check: jest.fn(async (lang: 'fr' | 'en') => check(lang)),
    mark: jest.fn((o: CheckOutcome) => ok(`${o.report?.findings.length ?? 0} cellules marquées.`, { marked: o.report?.findings.length ?? 0 })),
    fillCodes: jest.fn((o: CheckOutcome) => ok(`${o.report?.fills.length ?? 0} imputations écrites.`, { filled: o.report?.fills.length ?? 0 })),
    insertSummary: jest.fn(() => ok('Synthèse insérée dans la feuille « Synthèse annexe 9 ».')),
    clear: jest.fn(() => ok('Marques effacées : la feuille est revenue à son état initial.')),
    previewClear: jest.fn(async () => ({ ok: true, sheet: 'Annexe 9', markedCells: 0, codes: [], kept: [], convention: false, summaries: { deleted: [], kept: [] }, comparisons: { deleted: [], kept: [] } })),
    clearMarks: jest.fn(() => ok('Marques retirées (2 cellules).', { cleared: 2 })),
    previewTakeBack: jest.fn(async () => ({ ok: true, codes: [], kept: [] })),
    takeBackCodes: jest.fn(() => ok('Aucune imputation retirée.', { restored: 0 })),
    select: jest.fn(async () => undefined),
    onSheetChanged: jest.fn(async (cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    }),
    fireChange: () => [...listeners].forEach((cb) => cb()),
    get listeners() {
      return listeners.size;
    },
  };
  return stub as unknown as Stub;
}
