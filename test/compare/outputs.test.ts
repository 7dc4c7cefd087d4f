/**
 * What a comparison gives besides the terminal report: the sheet plan (never taken for an annex),
 * the pane's outline (grouped, with the rows to go to), recognition of an execution table, and the
 * same report at 10 000 action rows as at 50 (no cascade of "changes" on a large table).
 */
import { analyzeSheet } from '../../src/domain/analyze';
import { SheetGrid } from '../../src/domain/grid';
import { comparisonOutline } from '../../src/domain/compare/outline';
import { executionMarkers, recogniseExecution } from '../../src/domain/compare/recognise';
import { renderComparison } from '../../src/domain/compare/render';
import { COMPARISON_MARKER_COLUMN, COMPARISON_MARKER_TOKEN, planComparisonSheet } from '../../src/domain/compare/sheetPlan';
import { generateAnnex } from '../../bench/generate';
import { layoutAnnex } from '../../fixtures/annex-layout';
import { comparableFromReport } from '../../src/domain/compare/fromReport';
import { modifiedSpec } from '../../bench/compare';
import { sampleSpec } from '../../fixtures/sample';
import { action, block, comparable, compareSpecs, shiftTotals } from './helpers';

function changedSample() {
  const neu = sampleSpec();
  const garantie = block(neu, 'Insertion des allocataires du RSA – Garantie');
  garantie.actions.splice(3, 0, action('Insertion par le sport', '1000.00'));
  shiftTotals(neu, garantie, { A: '1000.00', C: '1000.00', valorisation: '1000.00', F: '2000.00' });
  garantie.actions.find((a) => a.title === 'Premières Heures')!.title = '=HYPERLINK("http://x","clic")\u001b[2J';
  return compareSpecs(sampleSpec(), neu);
}

/** A plan's cells as the grid an adapter would read back from the written sheet. */
function planGrid(plan: ReturnType<typeof planComparisonSheet>): SheetGrid {
  const rows = plan.rows.map((r) =>
    r.cells.map((s) => (s ? { value: s.cell.kind === 'text' ? s.cell.text : s.cell.kind === 'amount' ? s.cell.cents / 100 : s.cell.kind === 'link' ? s.cell.text : Number(s.cell.value) } : null)),
  );
  rows[0][COMPARISON_MARKER_COLUMN] = { value: plan.marker.token };
  return { name: plan.name, origin: { row: 0, col: 0 }, rows, merges: [] };
}

describe('the comparison sheet plan', () => {
  it('is not an annex to the engine, in either mode and language, and carries its marker', () => {
    const versions = changedSample();
    const execution = compareSpecs(sampleSpec(), sampleSpec(), { mode: 'execution' });
    for (const r of [versions, execution]) {
      for (const lang of ['fr', 'en'] as const) {
        const plan = planComparisonSheet(r, { lang, showUnchanged: true });
        expect(analyzeSheet(planGrid(plan)).isAnnex).toBe(false);
        expect(plan.marker.token).toBe(COMPARISON_MARKER_TOKEN);
        expect(plan.rows.every((row) => row.cells.length === plan.widths.length)).toBe(true);
      }
    }
    expect(planComparisonSheet(versions).name).toBe('Comparaison annexe 9');
  });

  it('colours the changed amounts, the added and removed lines; cell text stays text', () => {
    const plan = planComparisonSheet(changedSample(), { linkSheets: { old: null, new: 'Annexe 9' } });
    const row = (title: string) => plan.rows.find((r) => r.cells[1]?.cell.kind === 'text' && r.cells[1].cell.text.startsWith(title))!;
    expect(row('Insertion par le sport').fill).toBe('#C6EFCE');
    const renamed = row('=HYPERLINK');
    expect(renamed.cells[1]!.cell).toEqual({ kind: 'text', text: '=HYPERLINK("http://x","clic") [2J' });
    expect(renamed.cells[5]!.cell).toEqual({ kind: 'link', text: 'ligne 29', sheet: 'Annexe 9', cell: 'B29' });
    expect(renamed.cells[4]!.cell).toEqual({ kind: 'count', value: 28 }); // old sheet not in the workbook: no link
    const measure = plan.rows.find((r) => r.cells[1]?.cell.kind === 'text' && r.cells[1].cell.text.startsWith('Insertion des allocataires du RSA – Garantie'))!;
    expect(measure.cells[8]).toEqual({ cell: { kind: 'amount', cents: 567853500 }, fill: '#FFE699' }); // new A
    expect(measure.cells[11]).toEqual({ cell: { kind: 'amount', cents: 0 } }); // old B, unchanged
  });
});

describe('the outline a pane will show', () => {
  it('groups the changes, each with the rows to go to in both sheets, text made safe', () => {
    const outline = comparisonOutline(changedSample());
    expect(outline.map((s) => `${s.id}:${s.items.length}`)).toEqual(['actionsAdded:1', 'actionsChanged:1', 'measures:1', 'codes:1', 'totals:2']);
    const added = outline[0].items[0];
    expect(added).toMatchObject({ status: 'added', go: { old: null, new: { sheet: 'Annexe 9', row: 25 } } });
    expect(added.title).toContain('«\u00a0Insertion par le sport\u00a0»');
    const renamed = outline[1].items[0];
    expect(renamed.go).toEqual({ old: { sheet: 'Annexe 9', row: 28 }, new: { sheet: 'Annexe 9', row: 29 } });
    expect(renamed.details[0]).toBe('intitulé\u00a0: «\u00a0Premières Heures\u00a0» → «\u00a0=HYPERLINK("http://x","clic") [2J\u00a0»');
    expect(JSON.stringify(outline)).not.toContain('\u001b');
    expect(renderComparison(changedSample())).not.toContain('\u001b');
  });
});

describe('recognising an execution table', () => {
  const markers = executionMarkers();
  it('by its sheet name, a title above the header, or a header label; not the sample', () => {
    expect(recogniseExecution(comparable(sampleSpec()), markers)).toEqual({ execution: false, evidence: null });
    expect(recogniseExecution(comparable({ ...sampleSpec(), sheetName: 'Réalisé 2023' }), markers).evidence).toEqual({ where: 'sheet', text: 'Réalisé 2023', marker: 'realise' });
    const titled = sampleSpec();
    titled.titleRows.push('Bilan financier 2023');
    expect(recogniseExecution(comparable(titled), markers).evidence).toMatchObject({ where: 'title', text: 'Bilan financier 2023', marker: 'bilan financier' });
    // A header label that says the amounts were spent: « Budget global de l'action réalisé en 2023 ».
    const header = sampleSpec();
    header.titleRows = ['ANNEXE 9'];
    const laid = layoutAnnex(header);
    const fCell = laid.grid.rows[laid.headerRow]![laid.colOf.F!]!;
    fCell.value = "Budget global de l'action réalisé en 2023 (A+B+C+D+E)";
    const report = analyzeSheet(laid.grid);
    const t = comparableFromReport(laid.grid, report, report.tables[0]);
    expect(recogniseExecution(t, markers).evidence).toEqual({ where: 'header', text: "Budget global de l'action réalisé en 2023 (A+B+C+D+E)", marker: 'realise' });
  });

  it('with the markers another template gives', () => {
    const own = executionMarkers({ execution: { markers: ['Compte rendu financier'] } });
    expect(own).toEqual(['compte rendu financier']);
    const spec = sampleSpec();
    spec.titleRows[2] = 'Compte rendu financier 2023';
    expect(recogniseExecution(comparable(spec), own).execution).toBe(true);
    expect(recogniseExecution(comparable(spec), markers).execution).toBe(false);
    expect(executionMarkers({})).toEqual([]);
  });
});

describe('a large annex', () => {
  it('10 000 action rows against a modified copy laid out elsewhere: exactly the changes made', () => {
    const annex = generateAnnex(10_000);
    const mod = modifiedSpec(annex.spec);
    const r = compareSpecs(annex.spec, mod.spec, { newLayout: { origin: { row: 3, col: 2 }, letters: 'inline' } });
    const changed = r.versions!.actions.filter((a) => a.status !== 'unchanged').map((a) => `${a.status}:${(a.new ?? a.old)!.title}:${a.changes.join(',')}`);
    expect(changed.sort()).toEqual([`added:${mod.inserted}:`, `changed:${mod.amended}:amounts`, `changed:${mod.renamed}:renamed`].sort());
    expect(r.versions!.counts.reordered).toBe(1);
    expect(r.old.actions).toBe(10_000);
    expect(r.new.actions).toBe(10_001);
  });
});
