/**
 * `annex9 compare --json` (interface annex9-compare/1, docs/compare.md), whole, typed by hand from
 * the scenes (scenes.ts): amounts as decimal strings of euros, null where a line is not on a side.
 */
import { comparisonJson } from '../../../src/domain/compare/json';
import { FORMULA_EN, FORMULA_FR } from './formula';
import { ACCUEIL, INSERTION, SANS_LIGNE, bareVersions, movedVersions, planAndSpent, sixColumns, templatesSpent, twoVersions, unreadableSpent } from './scenes';

const acf = (a: string | null, c: string | null, f: string | null) => ({ A: a, C: c, F: f });
const ch = (column: string, old: string | null, neu: string | null, change: string | null) => ({ column, old, new: neu, change });

describe('the JSON of two versions', () => {
  it('whole: tables, findings, counts, the actions that changed, measures, codes, totals', () => {
    const side = (row: number, title: string, theme: string, code: string, fiche: string | null = null) => ({ row, fiche, title, theme, code, section: 'socle' });
    expect(comparisonJson(twoVersions())).toEqual({
      format: 'annex9-compare/1',
      mode: 'versions',
      modeSource: 'default',
      identical: false,
      old: { file: 'ancienne.xlsx', sheet: 'Annexe 9', table: 'B5', firstRow: 7, lastRow: 13, actions: 4, execution: false, evidence: null },
      new: { file: 'nouvelle.xlsx', sheet: 'Annexe 9 corrigée', table: 'B5', firstRow: 7, lastRow: 13, actions: 4, execution: false, evidence: null },
      columns: ['A', 'C', 'F'],
      notices: [],
      findings: [
        { status: 'disappeared', rule: 'A_NEQ_C', column: 'C', row: 11, cell: 'D11', message: 'C diffère de A' },
        { status: 'appeared', rule: 'GRAND_TOTAL', column: 'F', row: 13, cell: 'H13', message: 'F faux' },
      ],
      versions: {
        counts: {
          actionsAdded: 1,
          actionsRemoved: 1,
          actionsChanged: 2,
          renamed: 1,
          movedTheme: 0,
          codeChanged: 0,
          templateRowsAdded: 0,
          templateRowsRemoved: 0,
          reordered: 0,
          measuresChanged: 2,
          codesChanged: 2,
          totalsChanged: 2,
        },
        actions: [
          {
            status: 'changed',
            pairedBy: 'fiche',
            changes: ['amounts'],
            template: false,
            reordered: false,
            old: side(7, 'Premier accueil', 'Accueil social', ACCUEIL, '1.1'),
            new: side(7, 'Premier accueil', 'Accueil social', ACCUEIL, '1.1'),
            amounts: [ch('A', '1000', '1100', '100'), ch('C', '1000', '1100', '100'), ch('F', '2000', '2200', '200')],
          },
          {
            status: 'changed',
            pairedBy: 'position',
            changes: ['renamed'],
            template: false,
            reordered: false,
            old: side(8, 'Référent unique', 'Accueil social', ACCUEIL),
            new: side(8, 'Référent unique de parcours', 'Accueil social', ACCUEIL),
            amounts: [ch('A', '500', '500', '0'), ch('C', '500', '500', '0'), ch('F', '1000', '1000', '0')],
          },
          {
            status: 'added',
            pairedBy: null,
            changes: [],
            template: false,
            reordered: false,
            old: null,
            new: side(10, 'Mobilité', 'Insertion', INSERTION),
            amounts: [ch('A', null, '50', '50'), ch('C', null, '50', '50'), ch('F', null, '100', '100')],
          },
          {
            status: 'removed',
            pairedBy: null,
            changes: [],
            template: false,
            reordered: false,
            old: side(11, 'Chantiers', 'Insertion', INSERTION),
            new: null,
            amounts: [ch('A', '300', null, '-300'), ch('C', '300', null, '-300'), ch('F', '600', null, '-600')],
          },
        ],
        measures: [
          {
            kind: 'measure',
            status: 'changed',
            theme: 'Accueil social',
            code: ACCUEIL,
            level: null,
            old: { firstRow: 7, totalRow: 9, actions: 2 },
            new: { firstRow: 7, totalRow: 9, actions: 2 },
            amounts: [ch('A', '1500', '1600', '100'), ch('C', '1500', '1600', '100'), ch('F', '3000', '3200', '200')],
            printed: [ch('A', '1500', '1600', '100'), ch('C', '1500', '1600', '100'), ch('F', '3000', '3200', '200')],
          },
          {
            kind: 'measure',
            status: 'changed',
            theme: 'Insertion',
            code: INSERTION,
            level: null,
            old: { firstRow: 10, totalRow: 12, actions: 2 },
            new: { firstRow: 10, totalRow: 12, actions: 2 },
            amounts: [ch('A', '500', '250', '-250'), ch('C', '500', '250', '-250'), ch('F', '1000', '500', '-500')],
            printed: [ch('A', '600', '250', '-350'), ch('C', '600', '250', '-350'), ch('F', '1200', '500', '-700')],
          },
        ],
        codes: [
          {
            kind: 'code',
            status: 'changed',
            theme: null,
            code: ACCUEIL,
            level: null,
            old: { firstRow: 7, totalRow: null, actions: 2 },
            new: { firstRow: 7, totalRow: null, actions: 2 },
            amounts: [ch('A', '1500', '1600', '100'), ch('C', '1500', '1600', '100'), ch('F', '3000', '3200', '200')],
            printed: null,
          },
          {
            kind: 'code',
            status: 'changed',
            theme: null,
            code: INSERTION,
            level: null,
            old: { firstRow: 10, totalRow: null, actions: 2 },
            new: { firstRow: 10, totalRow: null, actions: 2 },
            amounts: [ch('A', '500', '250', '-250'), ch('C', '500', '250', '-250'), ch('F', '1000', '500', '-500')],
            printed: null,
          },
        ],
        totals: [
          {
            kind: 'section',
            status: 'changed',
            theme: null,
            code: null,
            level: 'socle',
            old: { firstRow: 7, totalRow: null, actions: 4 },
            new: { firstRow: 7, totalRow: null, actions: 4 },
            amounts: [ch('A', '2000', '1850', '-150'), ch('C', '2000', '1850', '-150'), ch('F', '4000', '3700', '-300')],
            printed: null,
          },
          {
            kind: 'grand',
            status: 'changed',
            theme: null,
            code: null,
            level: 'grand',
            old: { firstRow: 7, totalRow: 13, actions: 4 },
            new: { firstRow: 7, totalRow: 13, actions: 4 },
            amounts: [ch('A', '2000', '1850', '-150'), ch('C', '2000', '1850', '-150'), ch('F', '4000', '3700', '-300')],
            printed: [ch('A', '2000', '1850', '-150'), ch('C', '2000', '1850', '-150'), ch('F', '4000', '3700', '-300')],
          },
        ],
      },
      execution: null,
    });
  });

  it('notices with their message in the language asked; without --all no unchanged line and no template row; with it, all', () => {
    const short = comparisonJson(movedVersions(), { lang: 'en' });
    expect(short.notices).toEqual([
      { code: 'COLUMN_ONLY_ONE_SIDE', message: 'Column E exists only in the old version: it is not compared.' },
      { code: 'COLUMN_ONLY_ONE_SIDE', message: 'Column D exists only in the new version: it is not compared.' },
    ]);
    expect(comparisonJson(movedVersions()).notices[0]).toEqual({ code: 'COLUMN_ONLY_ONE_SIDE', message: 'La colonne E n’existe que dans l’ancienne version\u00a0: elle n’est pas comparée.' });
    const v = short.versions!;
    expect(v.actions.map((a) => `${a.status} ${(a.new ?? a.old)!.title} ${a.changes.join(',')}`)).toEqual(['changed Alpha ficheChanged', 'changed Gamma amounts,movedTheme,codeChanged']);
    expect(v.actions[1].amounts[0]).toEqual(ch('A', '10', null, null));
    expect([v.measures, v.codes, v.totals].map((l) => l.map((g) => `${g.status} ${g.theme ?? g.code ?? g.level}`))).toEqual([
      ['removed Emploi', 'added null'],
      ['removed 0304 50 19 19 07', 'added 0304 50 19 19 08'],
      ['changed socle', 'changed grand'],
    ]);
    const all = comparisonJson(movedVersions(), { showUnchanged: true }).versions!;
    expect(all.actions.map((a) => `${a.status} ${a.reordered} ${a.template}`)).toEqual(['unchanged true false', 'removed false true', 'changed false false', 'changed false false']);
    expect(all.measures.map((g) => g.status)).toEqual(['unchanged', 'removed', 'added']);
    expect(all.codes.map((g) => g.status)).toEqual(['unchanged', 'removed', 'added']);
  });

  it('without --all a template row shows only when its amounts changed (not unchanged, not added); a total that did not change only with --all', () => {
    const line = (a: { status: string; template: boolean; old: { title: string } | null; new: { title: string } | null }) => `${a.status} ${(a.new ?? a.old)!.title}${a.template ? ' (modèle)' : ''}`;
    expect(comparisonJson(sixColumns()).versions!.actions.map(line)).toEqual(['changed Xavier', 'changed Intitulé de l’action n°2 (modèle)', 'changed Gamma']);
    expect(comparisonJson(sixColumns(), { showUnchanged: true }).versions!.actions.map(line)).toEqual([
      'unchanged Yves',
      'unchanged Zoé',
      'changed Xavier',
      'unchanged Intitulé de l’action n°1 (modèle)',
      'changed Intitulé de l’action n°2 (modèle)',
      'added Intitulé de l’action n°3 (modèle)',
      'changed Gamma',
    ]);
    expect(comparisonJson(bareVersions()).versions!.totals).toEqual([]);
    expect(comparisonJson(bareVersions(), { showUnchanged: true }).versions!.totals.map((g) => `${g.status} ${g.level}`)).toEqual(['unchanged socle', 'unchanged grand']);
  });
});

describe('the JSON of planned against spent', () => {
  it('whole: the formula, counts, notified amounts, the total, every code, sections, measures and actions that differ', () => {
    const ps = (planned: object, spent: object, rate: string | null, s: string, num: string, den: string, source: string, p: string) => ({
      planned,
      spent,
      rate,
      coFinancedSpent: s,
      stateRate: { numerator: num, denominator: den, source },
      stateShareSpent: p,
    });
    const side = (row: number, title: string, code: string, fiche: string | null = null) => ({ row, fiche, title, theme: code === ACCUEIL ? 'Accueil social' : 'Insertion', code, section: 'socle' });
    expect(comparisonJson(planAndSpent())).toEqual({
      format: 'annex9-compare/1',
      mode: 'execution',
      modeSource: 'recognised',
      identical: false,
      old: { file: 'annexe.xlsx', sheet: 'Annexe 9', table: 'B5', firstRow: 7, lastRow: 12, actions: 3, execution: false, evidence: null },
      new: { file: 'execution.xlsx', sheet: 'Feuil1', table: 'B5', firstRow: 7, lastRow: 12, actions: 4, execution: true, evidence: { where: 'title', text: 'Exécution 2023', marker: 'execution' } },
      columns: ['A', 'C', 'F'],
      notices: [],
      findings: [],
      versions: null,
      execution: {
        formula: FORMULA_FR,
        counts: { actionsDiffering: 2, plannedOnly: 0, spentOnly: 1, codesWithReversement: 2 },
        notified: [
          { code: ACCUEIL, amount: '4500' },
          { code: SANS_LIGNE, amount: '500' },
        ],
        total: {
          kind: 'grand',
          theme: null,
          code: null,
          level: 'grand',
          plan: { firstRow: 7, totalRow: 12, actions: 3 },
          execution: { firstRow: 7, totalRow: null, actions: 4 },
          differs: true,
          // P of the total: the sum of the codes' P (3 500 + 2 133,34 + 0), not S × r of the whole table.
          ...ps(acf('6000', '5000', '11000'), acf('5600', '4600.01', '10200.01'), '0.9273', '10200.01', '6000', '11000', 'plan', '5633.34'),
          paid: '7000',
          balance: '1366.66',
          reversement: '1366.66',
          reversementByCode: '1500',
        },
        codes: [
          {
            kind: 'code',
            theme: null,
            code: ACCUEIL,
            level: null,
            plan: { firstRow: 7, totalRow: null, actions: 2 },
            execution: { firstRow: 7, totalRow: null, actions: 2 },
            differs: true,
            ...ps(acf('4000', '4000', '8000'), acf('3500', '3500', '7000'), '0.8750', '7000', '4000', '8000', 'plan', '3500'),
            name: '1er accueil social inconditionnel',
            paid: '4500',
            paidSource: 'notified',
            balance: '1000',
            reversement: '1000',
          },
          {
            kind: 'code',
            theme: null,
            code: INSERTION,
            level: null,
            plan: { firstRow: 10, totalRow: null, actions: 1 },
            execution: { firstRow: 10, totalRow: null, actions: 2 },
            differs: true,
            ...ps(acf('2000', '1000', '3000'), acf('2100', '1100.01', '3200.01'), '1.0667', '3200.01', '2000', '3000', 'plan', '2133.34'),
            name: null,
            paid: '2000',
            paidSource: 'planned',
            balance: '-133.34',
            reversement: '0',
          },
          {
            kind: 'code',
            theme: null,
            code: SANS_LIGNE,
            level: null,
            plan: { firstRow: null, totalRow: null, actions: 0 },
            execution: null,
            differs: false,
            // Nothing planned: the convention's ½, written 1 / 2 (docs/compare.md).
            ...ps(acf('0', '0', '0'), acf('0', '0', '0'), null, '0', '1', '2', 'convention', '0'),
            name: null,
            paid: '500',
            paidSource: 'notified',
            balance: '500',
            reversement: '500',
          },
        ],
        sections: [
          {
            kind: 'section',
            theme: null,
            code: null,
            level: 'socle',
            plan: { firstRow: 7, totalRow: null, actions: 3 },
            execution: { firstRow: 7, totalRow: null, actions: 4 },
            differs: true,
            ...ps(acf('6000', '5000', '11000'), acf('5600', '4600.01', '10200.01'), '0.9273', '10200.01', '6000', '11000', 'plan', '5563.64'),
          },
        ],
        measures: [
          {
            kind: 'measure',
            theme: 'Accueil social',
            code: ACCUEIL,
            level: null,
            plan: { firstRow: 7, totalRow: 9, actions: 2 },
            execution: { firstRow: 7, totalRow: null, actions: 2 },
            differs: true,
            ...ps(acf('4000', '4000', '8000'), acf('3500', '3500', '7000'), '0.8750', '7000', '4000', '8000', 'plan', '3500'),
          },
          {
            kind: 'measure',
            theme: 'Insertion',
            code: INSERTION,
            level: null,
            plan: { firstRow: 10, totalRow: 11, actions: 1 },
            execution: { firstRow: 10, totalRow: null, actions: 2 },
            differs: true,
            ...ps(acf('2000', '1000', '3000'), acf('2100', '1100.01', '3200.01'), '1.0667', '3200.01', '2000', '3000', 'plan', '2133.34'),
          },
        ],
        actions: [
          {
            status: 'paired',
            pairedBy: 'fiche',
            differs: true,
            plan: side(7, 'Premier accueil', ACCUEIL, '1.1'),
            execution: side(7, 'Premier accueil', ACCUEIL, '1.1'),
            ...ps(acf('3000', '3000', '6000'), acf('2500', '2500', '5000'), '0.8333', '5000', '3000', '6000', 'plan', '2500'),
          },
          {
            status: 'paired',
            pairedBy: 'titleInTheme',
            differs: true,
            plan: side(10, 'Ateliers', INSERTION),
            execution: side(10, 'Ateliers', INSERTION),
            ...ps(acf('2000', '1000', '3000'), acf('2000', '1000.01', '3000.01'), '1.0000', '3000.01', '2000', '3000', 'plan', '2000.01'),
          },
          {
            status: 'spentOnly',
            pairedBy: null,
            differs: true,
            plan: null,
            execution: side(11, 'Mobilité', INSERTION),
            ...ps(acf('0', '0', '0'), acf('100', '100', '200'), null, '200', '1', '2', 'convention', '100'),
          },
        ],
      },
    });
  });

  it('in English the formula in English; unreadable figures null; with --all every measure and action', () => {
    const short = comparisonJson(unreadableSpent(), { lang: 'en' }).execution!;
    expect(short.formula).toEqual(FORMULA_EN);
    expect(short.total).toMatchObject({ paid: '1700', balance: null, reversement: null, reversementByCode: null, stateShareSpent: null, coFinancedSpent: null, rate: null });
    expect(short.codes.map((c) => [c.code, c.stateShareSpent, c.balance, c.reversement, c.paidSource])).toEqual([
      [ACCUEIL, null, null, null, 'planned'],
      [INSERTION, '200', '0', '0', 'planned'],
      ['0304 50 19 19 08', '0', '0', '0', 'planned'],
      [SANS_LIGNE, '0', '0', '0', 'planned'],
    ]);
    expect(short.measures.map((g) => g.theme)).toEqual(['Accueil']);
    expect(short.actions.map((a) => `${a.status} ${(a.execution ?? a.plan)!.title}`)).toEqual(['paired Alpha', 'plannedOnly Beta']);
    const all = comparisonJson(unreadableSpent(), { showUnchanged: true }).execution!;
    expect(all.formula).toEqual(FORMULA_FR);
    expect(all.measures.map((g) => `${g.theme} ${g.differs}`)).toEqual(['Accueil true', 'Vide false', 'Emploi false', 'Autre false']);
    expect(all.actions.map((a) => `${a.status} ${(a.execution ?? a.plan)!.title} ${a.differs}`)).toEqual([
      'paired Alpha true',
      'plannedOnly Beta true',
      'paired Intitulé de l’action n°1 false',
      'paired Gamma false',
      'paired Intitulé de l’action n°1 false',
    ]);
  });

  it('without --all the actions that differ and those on one side only, but no template row left empty', () => {
    const line = (a: { status: string; differs: boolean; plan: { title: string } | null; execution: { title: string } | null }) => `${a.status} «${(a.execution ?? a.plan)!.title}» ${a.differs}`;
    expect(comparisonJson(templatesSpent()).execution!.actions.map(line)).toEqual([
      'paired «Plus» true',
      // Planned with no money and not spent: on one side only, so shown.
      'plannedOnly «Prévu vide» false',
      // A template row given money when spent.
      'paired «Intitulé de l’action n°2» true',
      'spentOnly «» true',
    ]);
    expect(comparisonJson(templatesSpent(), { showUnchanged: true }).execution!.actions.map(line)).toEqual([
      'paired «Pareil» false',
      'paired «Plus» true',
      'plannedOnly «Intitulé de l’action n°1» false',
      'plannedOnly «Prévu vide» false',
      'paired «Intitulé de l’action n°2» true',
      'spentOnly «» true',
      'paired «Stable» false',
    ]);
  });
});
