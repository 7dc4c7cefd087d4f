/** Annex specs (the sample and variants made in the tests) turned into comparable tables and compared. */
import { analyzeSheet } from '../../src/domain/analyze';
import { ComparableTable } from '../../src/domain/compare/comparable';
import { CompareOptions, CompareResult, compareTables } from '../../src/domain/compare/compare';
import { comparableFromReport } from '../../src/domain/compare/fromReport';
import { ActionChange } from '../../src/domain/compare/versions';
import { AnnexSpec, LayoutOptions, SpecAction, SpecBlock, layoutAnnex } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';

export function comparable(spec: AnnexSpec, layout: Partial<LayoutOptions> = {}, file = 'annexe.xlsx'): ComparableTable {
  const { grid } = layoutAnnex(spec, layout);
  const report = analyzeSheet(grid);
  if (!report.isAnnex) throw new Error(`not an annex: ${report.problem?.kind}`);
  return comparableFromReport(grid, report, report.tables[0], { file });
}

export function compareSpecs(
  oldSpec: AnnexSpec,
  newSpec: AnnexSpec,
  options: CompareOptions & { oldLayout?: Partial<LayoutOptions>; newLayout?: Partial<LayoutOptions> } = {},
): CompareResult {
  return compareTables(comparable(oldSpec, options.oldLayout), comparable(newSpec, options.newLayout), options);
}

/** The blocks of a spec, by a prefix of their theme (the n-th one with it). */
export function block(spec: AnnexSpec, themeStart: string, n = 0): SpecBlock {
  const found = spec.body.filter((e): e is SpecBlock => e.kind === 'block' && e.theme.startsWith(themeStart));
  if (!found[n]) throw new Error(`no block ${themeStart} #${n}`);
  return found[n];
}

/** An action with 50/50 amounts (euros as decimal strings), B = D = E = 0, valorisation = C. */
export function action(title: string, state: string, fiche: string | null = null): SpecAction {
  const f = (Number(state) * 2).toFixed(2);
  return { fiche, title, amounts: { A: state, B: '0.00', C: state, valorisation: state, D: '0.00', E: '0.00', F: f } };
}

/** Add cents to a spec amount (a decimal string) exactly. */
export function plus(amount: unknown, euros: string): string {
  const cents = (s: string) => BigInt(Math.round(Number(s) * 100));
  const total = cents(String(amount)) + cents(euros);
  const neg = total < 0n;
  const abs = neg ? -total : total;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Changed lines, compactly: `status:title[changes]`. */
export function brief(actions: ActionChange[]): string[] {
  return actions.filter((a) => a.status !== 'unchanged').map((a) => `${a.status}:${(a.new ?? a.old)!.title}${a.changes.length ? `[${a.changes.join(',')}]` : ''}`);
}

/**
 * Keep the printed totals right after a change of `delta` (euros per column) in a block: the
 * subtotal that closes it, its section's sub-total and TOTAUX FINANCIERS.
 */
export function shiftTotals(spec: AnnexSpec, target: SpecBlock, delta: Partial<Record<'A' | 'B' | 'C' | 'valorisation' | 'D' | 'E' | 'F', string>>): void {
  const start = spec.body.indexOf(target);
  const bump = (i: number) => {
    const t = spec.body[i];
    if (t.kind === 'block' || !t.amounts) return;
    for (const [k, v] of Object.entries(delta)) {
      const key = k as keyof typeof delta;
      t.amounts[key] = plus(t.amounts[key] ?? '0', v!);
    }
  };
  const subtotal = spec.body.findIndex((e, i) => i > start && e.kind !== 'block');
  if (spec.body[subtotal].kind === 'subtotal') bump(subtotal);
  const socle = spec.body.findIndex((e) => e.kind === 'socleSubtotal');
  const section = start < socle ? socle : spec.body.findIndex((e) => e.kind === 'initiativeSubtotal');
  bump(section);
  bump(spec.body.findIndex((e) => e.kind === 'grandTotal'));
}

/** The sample, with an action inserted in the middle and one amount changed, laid out elsewhere on a sheet of another name. */
export function modifiedSpec(): AnnexSpec {
  const spec = { ...sampleSpec(), sheetName: 'Annexe 9 corrigée' };
  const garantie = block(spec, 'Insertion des allocataires du RSA – Garantie');
  garantie.actions.splice(4, 0, action('Insertion par le sport', '10000.00'));
  shiftTotals(spec, garantie, { A: '10000.00', C: '10000.00', valorisation: '10000.00', F: '20000.00' });
  const geiq = garantie.actions.find((a) => a.title === 'Développement des GEIQ')!;
  Object.assign(geiq.amounts, { A: '57500.00', C: '57500.00', valorisation: '57500.00', F: '115000.00' });
  shiftTotals(spec, garantie, { A: '500.00', C: '500.00', valorisation: '500.00', F: '1000.00' });
  return spec;
}

export function executionSpec(): AnnexSpec {
  const spec = { ...sampleSpec(), sheetName: 'Exécution 2023' };
  const accueil = block(spec, 'Refonder et revaloriser le travail social au service de toutes les familles – Premier');
  Object.assign(accueil.actions[0].amounts, { A: '250000.00', C: '250000.00', valorisation: '250000.00', F: '500000.00' });
  shiftTotals(spec, accueil, { A: '-50000.00', C: '-50000.00', valorisation: '-50000.00', F: '-100000.00' });
  const formation = block(spec, 'Mise en place du plan de formation');
  Object.assign(formation.actions[0].amounts, { A: '80000.25', C: '80000.25', valorisation: '80000.25', F: '160000.50' });
  shiftTotals(spec, formation, { A: '-9522.75', C: '-9522.75', valorisation: '-9522.75', F: '-19045.50' });
  return spec;
}

