/**
 * Planned against spent: the signed annex (the plan) beside the execution table the département
 * sends with its execution report (convention art. 2.3), same layout, amounts actually spent.
 *
 * The State's share of what was spent, and what may have to be paid back (art. 5: « un titre de
 * reversement … si les dépenses réalisées … étaient inférieures au versement effectué »):
 *
 *   dépense cofinancée réalisée      S = A réalisé + C réalisé
 *   taux État du plan                r = A prévu / (A prévu + C prévu)   (½ when the plan has no A + C:
 *                                                                         the convention's 50/50 rule)
 *   part État des dépenses           P = arrondi au centime (S × r)      (half away from zero)
 *   versé par l'État                 V = montant notifié du code (--notified), à défaut A prévu
 *   montant susceptible de reversement  R = V − P, when positive; 0 otherwise
 *
 * per Chorus code (the State pays per code, convention art. 3.1); in total, V and P are the sums of
 * the codes' V and P, and R = ΣV − ΣP (art. 5 compares the whole spending with the whole payment),
 * shown beside the sum of the codes' R (no compensation between codes) for the officer to choose.
 * B and D (carry-overs of the previous convention) and E (other funders) are not the year's
 * co-financed money and stay out of S. This is an estimate: the officer confirms it.
 */
import { AmountKey, Cents, CentsRow, ComparableTable } from './comparable';
import { coFinanced, mulDiv, ratio } from './cents';
import { GroupKind, TableGroup, codeGroups, measureGroups, totalGroups } from './groups';
import { PairedBy, Pairing, pairByKey } from './pair';
import { ActionSide, GroupSide, amountChanges, amountsDiffer, side } from './versions';

export interface StateRate {
  num: Cents;
  den: Cents;
  /** `plan`: A/(A+C) of the plan; `convention`: ½, the plan having no A + C to take it from. */
  source: 'plan' | 'convention';
}

export interface PlannedSpent {
  planned: CentsRow;
  spent: CentsRow;
  /** Spent F / planned F, four decimals (`0.8750`); null when nothing was planned. */
  rate: string | null;
  /** S = A + C spent. */
  coFinancedSpent: Cents | null;
  stateRate: StateRate;
  /** P = S × r, to the cent. */
  stateShareSpent: Cents | null;
}

export interface ExecutionActionLine extends PlannedSpent {
  status: 'paired' | 'plannedOnly' | 'spentOnly';
  pairedBy: PairedBy | null;
  plan: ActionSide | null;
  execution: ActionSide | null;
  /** Spent differs from planned in some column. */
  differs: boolean;
  template: boolean;
}

export interface ExecutionGroupLine extends PlannedSpent {
  kind: GroupKind;
  key: string;
  theme: string | null;
  code: string | null;
  level: 'socle' | 'initiative' | 'grand' | null;
  plan: GroupSide | null;
  execution: GroupSide | null;
  differs: boolean;
}

export interface ExecutionCodeLine extends ExecutionGroupLine {
  /** V: what the State paid on the code. */
  paid: Cents | null;
  paidSource: 'notified' | 'planned';
  /** V − P. */
  balance: Cents | null;
  /** max(0, V − P): « montant susceptible de reversement (art. 5) »; null when a figure is unreadable. */
  reversement: Cents | null;
}

export interface ExecutionTotal extends ExecutionGroupLine {
  paid: Cents | null;
  /** ΣV − ΣP. */
  balance: Cents | null;
  /** max(0, ΣV − ΣP). */
  reversement: Cents | null;
  /** Σ max(0, V − P) over the codes. */
  reversementByCode: Cents | null;
}

export interface NotifiedCents {
  code: string;
  amount: Cents;
}

export interface ExecutionComparison {
  actions: ExecutionActionLine[];
  measures: ExecutionGroupLine[];
  codes: ExecutionCodeLine[];
  sections: ExecutionGroupLine[];
  total: ExecutionTotal;
  notified: NotifiedCents[];
  counts: { actionsDiffering: number; plannedOnly: number; spentOnly: number; codesWithReversement: number };
}

const HALF: StateRate = { num: 1, den: 2, source: 'convention' };

function stateRateOf(planned: CentsRow): StateRate {
  const a = planned.A;
  const c = planned.C;
  if (a === undefined || a === null || c === undefined || c === null || a + c === 0) return HALF;
  return { num: a, den: a + c, source: 'plan' };
}

function zeros(columns: readonly AmountKey[]): CentsRow {
  const out: CentsRow = {};
  for (const k of columns) out[k] = 0;
  return out;
}

export function plannedSpent(planned: CentsRow | null, spent: CentsRow | null, columns: readonly AmountKey[]): PlannedSpent {
  const p = planned ?? zeros(columns);
  const s = spent ?? zeros(columns);
  const pf = p.F;
  const sf = s.F;
  const rate = pf === undefined || pf === null || sf === undefined || sf === null ? null : ratio(sf, pf);
  const stateRate = stateRateOf(p);
  const coFinancedSpent = coFinanced(s);
  const stateShareSpent = coFinancedSpent === null ? null : mulDiv(coFinancedSpent, stateRate.num, stateRate.den);
  return { planned: p, spent: s, rate, coFinancedSpent, stateRate, stateShareSpent };
}

function groupSide(g: TableGroup): GroupSide {
  return { firstRow: g.firstRow, totalRow: g.totalRow, actions: g.actionCount };
}

function groupLines(plans: TableGroup[], spends: TableGroup[], columns: readonly AmountKey[]): ExecutionGroupLine[] {
  return pairByKey(plans, spends, (g) => g.key).map(([i, j]) => {
    const p = i !== null ? plans[i] : null;
    const s = j !== null ? spends[j] : null;
    const g = (p ?? s)!;
    return {
      kind: g.kind,
      key: g.key,
      theme: g.theme,
      code: g.code,
      level: g.level,
      plan: p && groupSide(p),
      execution: s && groupSide(s),
      differs: amountsDiffer(amountChanges(p?.amounts ?? zeros(columns), s?.amounts ?? zeros(columns), columns)),
      ...plannedSpent(p?.amounts ?? null, s?.amounts ?? null, columns),
    };
  });
}

function sumOrNull(values: Array<Cents | null>): Cents | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

export function compareExecution(
  plan: ComparableTable,
  spent: ComparableTable,
  pairing: Pairing,
  columns: readonly AmountKey[],
  notified: NotifiedCents[] = [],
): ExecutionComparison {
  const actions: ExecutionActionLine[] = pairing.pairs.map((p) => {
    const pa = p.old !== null ? plan.actions[p.old] : null;
    const sa = p.new !== null ? spent.actions[p.new] : null;
    return {
      status: pa && sa ? 'paired' : pa ? 'plannedOnly' : 'spentOnly',
      pairedBy: p.by,
      plan: pa && side(pa),
      execution: sa && side(sa),
      differs: amountsDiffer(amountChanges(pa?.amounts ?? zeros(columns), sa?.amounts ?? zeros(columns), columns)),
      template: (!pa || pa.placeholder) && (!sa || sa.placeholder),
      ...plannedSpent(pa?.amounts ?? null, sa?.amounts ?? null, columns),
    };
  });

  const measures = groupLines(measureGroups(plan, columns), measureGroups(spent, columns), columns);
  const sectionAndGrand = groupLines(totalGroups(plan, columns), totalGroups(spent, columns), columns);
  const sections = sectionAndGrand.filter((g) => g.kind === 'section');
  const grand = sectionAndGrand.find((g) => g.kind === 'grand')!;

  // Codes: the notified ones too, even with no row (the State paid, nothing was planned or spent there).
  const planCodes = codeGroups(plan, columns);
  for (const n of notified) {
    if (!planCodes.some((g) => g.code === n.code)) {
      planCodes.push({ kind: 'code', key: n.code, theme: null, code: n.code, level: null, actions: [], actionCount: 0, amounts: zeros(columns), printed: null, firstRow: null, totalRow: null });
    }
  }
  planCodes.sort((x, y) => (x.code === null ? 1 : y.code === null ? -1 : x.code.localeCompare(y.code)));
  const codes: ExecutionCodeLine[] = groupLines(planCodes, codeGroups(spent, columns), columns).map((line) => {
    const given = notified.find((n) => n.code === line.code);
    const plannedA = line.planned.A;
    const paid = given ? given.amount : plannedA === undefined ? null : plannedA;
    const balance = paid === null || line.stateShareSpent === null ? null : paid - line.stateShareSpent;
    return { ...line, paid, paidSource: given ? 'notified' : 'planned', balance, reversement: balance === null ? null : Math.max(0, balance) };
  });

  const paid = sumOrNull(codes.map((c) => c.paid));
  const stateShareSpent = sumOrNull(codes.map((c) => c.stateShareSpent));
  const balance = paid === null || stateShareSpent === null ? null : paid - stateShareSpent;
  const total: ExecutionTotal = {
    ...grand,
    // The total's P is the sum of the codes' P (each rounded once), so that the lines add up.
    stateShareSpent,
    paid,
    balance,
    reversement: balance === null ? null : Math.max(0, balance),
    reversementByCode: sumOrNull(codes.map((c) => c.reversement)),
  };

  const counts = {
    actionsDiffering: actions.filter((a) => a.status === 'paired' && a.differs).length,
    plannedOnly: actions.filter((a) => a.status === 'plannedOnly' && !a.template).length,
    spentOnly: actions.filter((a) => a.status === 'spentOnly' && !a.template).length,
    codesWithReversement: codes.filter((c) => c.reversement !== null && c.reversement > 0).length,
  };
  return { actions, measures, codes, sections, total, notified, counts };
}
