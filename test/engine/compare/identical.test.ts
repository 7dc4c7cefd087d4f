/**
 * « Nothing to report » (exit status 0): every kind of difference, on its own, makes two tables not
 * identical, and two differences never cancel out. Hand-typed tables; the counts are written by hand.
 */
import { compareTables } from '../../../src/domain/compare/compare';
import { ComparableFinding } from '../../../src/domain/compare/comparable';
import { ACCUEIL, INSERTION, MOBILITE } from './scenes';
import { HandAction, HandBlock, HandTable, acf, handTable } from './tables';

const table = (blocks: HandBlock[], more: Partial<HandTable> = {}) => handTable({ sheet: 'S', columns: ['A', 'C', 'F'], blocks, ...more });
const row = (r: number, title: string, a: number, c: number, extra: Partial<HandAction> = {}): HandAction => ({ row: r, title, amounts: acf(a, c), ...extra });
const finding = (r: number): ComparableFinding => ({ rule: 'A_NEQ_C', column: 'A', row: r, cell: `D${r}`, message: `A ≠ C ligne ${r}`, target: { kind: 'row', label: 'note' } });

describe('two versions: identical only when nothing differs', () => {
  /** Emploi (two actions, its subtotal), Accueil (one action), the grand total. */
  interface Edit {
    alpha?: string;
    emploi?: HandAction[];
    accueil?: HandAction[];
    gammaCode?: string;
    subtotalC?: number;
    grandC?: number;
    findings?: ComparableFinding[];
  }
  const version = (e: Edit = {}) =>
    table(
      [
        {
          theme: 'Emploi',
          code: INSERTION,
          actions: [row(5, e.alpha ?? 'Alpha', 100, 100), row(6, 'Beta', 50, 50), ...(e.emploi ?? [])],
          subtotal: { row: 8, printed: acf(150, e.subtotalC ?? 150) },
        },
        { theme: 'Accueil', code: ACCUEIL, actions: [row(10, 'Gamma', 10, 10, { code: e.gammaCode ?? ACCUEIL }), ...(e.accueil ?? [])] },
      ],
      { totals: [{ level: 'grand', row: 13, label: 'TOTAUX FINANCIERS', printed: acf(160, e.grandC ?? 160) }], findings: e.findings ?? [] },
    );
  /** [identical, added, removed, changed, measures, codes, totals, findings appeared or gone] */
  const verdict = (o: Edit, n: Edit) => {
    const r = compareTables(version(o), version(n), { mode: 'versions' });
    const c = r.versions!.counts;
    return [r.identical, c.actionsAdded, c.actionsRemoved, c.actionsChanged, c.measuresChanged, c.codesChanged, c.totalsChanged, r.findings.length];
  };
  // An action with no money: added or removed, it changes no measure, code or total.
  const zed = row(7, 'Zed', 0, 0);
  const delta = row(11, 'Delta', 0, 0);

  it('the same table twice is identical', () => {
    expect(verdict({}, {})).toEqual([true, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('each difference alone: an action added, removed or renamed, a subtotal, the grand total, a finding', () => {
    expect(verdict({}, { accueil: [delta] })).toEqual([false, 1, 0, 0, 0, 0, 0, 0]);
    expect(verdict({ accueil: [delta] }, {})).toEqual([false, 0, 1, 0, 0, 0, 0, 0]);
    expect(verdict({}, { alpha: 'Alpha bis' })).toEqual([false, 0, 0, 1, 0, 0, 0, 0]);
    expect(verdict({}, { subtotalC: 151 })).toEqual([false, 0, 0, 0, 1, 0, 0, 0]);
    expect(verdict({}, { grandC: 161 })).toEqual([false, 0, 0, 0, 0, 0, 1, 0]);
    expect(verdict({}, { findings: [finding(5)] })).toEqual([false, 0, 0, 0, 0, 0, 0, 1]);
    expect(verdict({ findings: [finding(5)] }, {})).toEqual([false, 0, 0, 0, 0, 0, 0, 1]);
    // A code changed on an action: the action changed, its old code's group gone, the new one come.
    expect(verdict({}, { gammaCode: MOBILITE })).toEqual([false, 0, 0, 1, 0, 2, 0, 0]);
  });

  it('two differences of one each never cancel out', () => {
    expect(verdict({ emploi: [zed] }, { accueil: [delta] })).toEqual([false, 1, 1, 0, 0, 0, 0, 0]);
    expect(verdict({}, { alpha: 'Alpha bis', accueil: [delta] })).toEqual([false, 1, 0, 1, 0, 0, 0, 0]);
    expect(verdict({}, { alpha: 'Alpha bis', subtotalC: 151 })).toEqual([false, 0, 0, 1, 1, 0, 0, 0]);
    expect(verdict({}, { alpha: 'Alpha bis', grandC: 161 })).toEqual([false, 0, 0, 1, 0, 0, 1, 0]);
    expect(verdict({}, { alpha: 'Alpha bis', findings: [finding(5)] })).toEqual([false, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe('planned against spent: identical only when nothing differs and nothing may be recovered', () => {
  const emploi = (actions: HandAction[]) => table([{ theme: 'Emploi', code: INSERTION, actions }]);
  const plan = () => emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50)]);
  /** [identical, actions differing, planned only, spent only, findings, per code: [differs, amount that may be recovered]] */
  const verdict = (p: ReturnType<typeof table>, s: ReturnType<typeof table>, notified?: number) => {
    const r = compareTables(p, s, { mode: 'execution', notified: notified === undefined ? [] : [{ code: INSERTION, amount: notified }] });
    const c = r.execution!.counts;
    return [r.identical, c.actionsDiffering, c.plannedOnly, c.spentOnly, r.findings.length, r.execution!.codes.map((x) => [x.differs, x.reversement])];
  };

  it('everything spent as planned: identical; the State paid its share (A planned), nothing to recover', () => {
    expect(verdict(plan(), plan())).toEqual([true, 0, 0, 0, 0, [[false, 0]]]);
  });

  it('the State notified less than its share of the spending (a negative balance): nothing to recover, still identical', () => {
    // P = (150 + 150) × 150 / 300 = 150,00 €; V = 120,00 €.
    expect(verdict(plan(), plan(), 12000)).toEqual([true, 0, 0, 0, 0, [[false, 0]]]);
  });

  it('the State notified more than its share: 30,00 € may be recovered, not identical though every amount agrees', () => {
    expect(verdict(plan(), plan(), 18000)).toEqual([false, 0, 0, 0, 0, [[false, 3000]]]);
  });

  it('each difference alone, though the code adds up the same: two actions differing, an action planned only, spent only, a finding', () => {
    // 120 + 30 = 100 + 50: the code's sums agree, its actions do not.
    expect(verdict(plan(), emploi([row(5, 'Alpha', 120, 120), row(6, 'Beta', 30, 30)]))).toEqual([false, 2, 0, 0, 0, [[false, 0]]]);
    expect(verdict(emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), row(7, 'Zed', 0, 0)]), plan())).toEqual([false, 0, 1, 0, 0, [[false, 0]]]);
    expect(verdict(plan(), emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), row(7, 'Zed', 0, 0)]))).toEqual([false, 0, 0, 1, 0, [[false, 0]]]);
    expect(verdict(plan(), table([{ theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50)] }], { findings: [finding(5)] }))).toEqual([
      false, 0, 0, 0, 1, [[false, 0]],
    ]);
  });

  it('a template row left planned only is not an action planned only; a real one beside it is', () => {
    const template = row(7, 'Intitulé de l’action n°1', 0, 0, { placeholder: true });
    // The template row alone: nothing differs.
    expect(verdict(emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), template]), plan())).toEqual([true, 0, 0, 0, 0, [[false, 0]]]);
    // With Zed (no money either) planned only too: one action planned only, not two.
    expect(verdict(emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), template, row(8, 'Zed', 0, 0)]), plan())).toEqual([false, 0, 1, 0, 0, [[false, 0]]]);
  });

  it('two differences never cancel out, with negative amounts making the code add up the same', () => {
    // Alpha spent 50,00 € more; Omega, spent only, −50,00 €.
    expect(verdict(plan(), emploi([row(5, 'Alpha', 150, 150), row(6, 'Beta', 50, 50), row(7, 'Omega', -50, -50)]))).toEqual([false, 1, 0, 1, 0, [[false, 0]]]);
    // Omega, planned only, −50,00 €; Alpha spent 50,00 € less.
    expect(verdict(emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), row(7, 'Omega', -50, -50)]), emploi([row(5, 'Alpha', 50, 50), row(6, 'Beta', 50, 50)]))).toEqual([
      false, 1, 1, 0, 0, [[false, 0]],
    ]);
    // An action with no money planned only, and a finding.
    const withFinding = table([{ theme: 'Emploi', code: INSERTION, actions: [row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50)] }], { findings: [finding(5)] });
    expect(verdict(emploi([row(5, 'Alpha', 100, 100), row(6, 'Beta', 50, 50), row(7, 'Zed', 0, 0)]), withFinding)).toEqual([false, 0, 1, 0, 1, [[false, 0]]]);
  });
});
