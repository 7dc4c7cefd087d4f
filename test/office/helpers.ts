/** Shared set-up of the Office tests: the sample as a fake workbook, the service, snapshots. */
import Decimal from 'decimal.js';
import { SheetGrid } from '../../src/domain/grid';
import { ExcelAnnexService, ExcelServiceOptions } from '../../src/office/excelService';
import { FakeReadings, FakeWorkbook, FakeWorkbookOptions, LEAST_FAVOURABLE, installFakeExcel } from '../../src/fake-excel';
import { AnnexSpec, LayoutOptions, SpecAction, SpecBlock, SpecTotal, layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

export const SHEET = 'Annexe 9';

export function sampleGrid(options: Partial<LayoutOptions> = {}, spec: AnnexSpec = sampleSpec()): SheetGrid {
  return layoutAnnex(spec, options).grid;
}

/**
 * The sample with `extra` more action rows in the "Garantie d'activité" block (title, fiche,
 * amounts, A = C), its subtotal, the socle sub-total and the grand total raised to match: the
 * findings stay the sample's two, lower down.
 */
export function grownSpec(extra: number): AnnexSpec {
  const spec = sampleSpec();
  const block = spec.body.find((e): e is SpecBlock => e.kind === 'block' && /Garantie d.activité/.test(e.theme))!;
  let a = new Decimal(0);
  for (let i = 0; i < extra; i++) {
    const amount = 1000 + ((i * 7919) % 9000);
    a = a.plus(amount);
    const action: SpecAction = {
      fiche: `5.${i + 10}`,
      title: `Action complémentaire n°${i + 1} – accompagnement renforcé des allocataires`,
      amounts: { A: String(amount), B: '0', C: String(amount), valorisation: '0', D: '0', E: '0', F: String(2 * amount) },
    };
    block.actions.push(action);
  }
  const raise = (t: SpecTotal) => {
    const am = t.amounts!;
    for (const k of ['A', 'C'] as const) am[k] = new Decimal(String(am[k])).plus(a).toFixed(2);
    am.F = new Decimal(String(am.F)).plus(a.times(2)).toFixed(2);
  };
  const blockIndex = spec.body.indexOf(block);
  const sub = spec.body.slice(blockIndex).find((e): e is SpecTotal => e.kind === 'subtotal')!;
  raise(sub);
  raise(spec.body.find((e): e is SpecTotal => e.kind === 'socleSubtotal')!);
  raise(spec.body.find((e): e is SpecTotal => e.kind === 'grandTotal')!);
  return spec;
}

export interface Setup {
  wb: FakeWorkbook;
  service: ExcelAnnexService;
}

let restore: (() => void) | null = null;

export function install(wb: FakeWorkbook, options: ExcelServiceOptions = {}): Setup {
  restore?.();
  restore = installFakeExcel(globalThis, wb);
  return { wb, service: new ExcelAnnexService({ now: () => new Date('2026-03-02T10:00:00Z'), ...options }) };
}

let defaultReadings: Partial<FakeReadings> | undefined;

/** The readings `setup` gives the fake unless a test names its own (for a whole suite run under each). */
export function useReadings(readings?: Partial<FakeReadings>): void {
  defaultReadings = readings;
}

export function currentReadings(): FakeReadings {
  return { ...LEAST_FAVOURABLE, ...defaultReadings };
}

export function setup(grids: SheetGrid[], options: FakeWorkbookOptions = {}, serviceOptions: ExcelServiceOptions = {}): Setup {
  return install(FakeWorkbook.fromGrids(grids, { ...options, readings: { ...defaultReadings, ...options.readings } }), serviceOptions);
}

export function uninstall(): void {
  restore?.();
  restore = null;
}

/** Everything a saved file keeps about a sheet, without the add-in's journal part. */
export function snapshot(wb: FakeWorkbook, sheet = SHEET) {
  const saved = wb.toJSON();
  const s = saved.sheets.find((x) => x.name === sheet)!;
  return { cells: s.cells, merges: s.merges, conditionalFormats: s.conditionalFormats, protected: s.protected, columnWidths: s.columnWidths };
}

/** Syncs recorded since `from`. */
export function syncsSince(wb: FakeWorkbook, from: number): number {
  return wb.recorder.syncs.length - from;
}

/**
 * Wait until `condition` holds (onChanged handlers run on a later turn): the positive signal, not
 * a fixed delay. Fails after `timeoutMs` (generous: the machine may be loaded).
 */
export async function waitFor(condition: () => boolean, what = 'the condition', timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/**
 * Events Excel has already queued are delivered in order: once a probe registered on the workbook
 * hears an event fired after them, they have all been delivered.
 */
export async function afterQueuedEvents(wb: FakeWorkbook, fire: () => void): Promise<void> {
  let heard = false;
  const probe = () => {
    heard = true;
  };
  wb.changeListeners.add(probe);
  try {
    fire();
    await waitFor(() => heard, 'the probe event');
  } finally {
    wb.changeListeners.delete(probe);
  }
}

/**
 * The sample with the Chorus code written on every row of the "Garantie d'activité" block (so the
 * code cells are not merged) except on the actions at `blank`: those cells are blank, unmerged.
 */
export function blankCodesSpec(blank: number[], spec: AnnexSpec = sampleSpec()): AnnexSpec {
  const block = spec.body.find((e): e is SpecBlock => e.kind === 'block' && /Garantie d.activité/.test(e.theme))!;
  block.actions.forEach((a, i) => (a.imputation = blank.includes(i) ? null : block.imputation));
  return spec;
}
