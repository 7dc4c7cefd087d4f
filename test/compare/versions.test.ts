/**
 * Two versions of the sample annex (the seed's table), the second made in the test from the first:
 * the comparison reports exactly what was changed, matching actions rather than cells.
 */
import { CompareResult } from '../../src/domain/compare/compare';
import { GroupChange } from '../../src/domain/compare/versions';
import { ACCOUNTING_EUR, AnnexSpec, SpecAmount } from '../../fixtures/annex-layout';
import { sampleSpec } from '../../fixtures/sample';
import { action, block, brief, compareSpecs, shiftTotals } from './helpers';

const GARANTIE = 'Insertion des allocataires du RSA – Garantie';
const MOBILITE = 'Développer la mobilité';
const FORMATION = 'Mise en place du plan de formation';

function changedGroups(list: GroupChange[]): string[] {
  return list.filter((g) => g.status !== 'unchanged').map((g) => `${g.kind}:${g.code ?? g.level ?? ''}:${g.amounts.filter((c) => c.change !== 0).map((c) => `${c.column}${c.change! > 0 ? '+' : ''}${c.change}`).join(' ')}`);
}

function actionsOf(r: CompareResult) {
  return r.versions!.actions;
}

describe('annex9 compare: two versions of the sample', () => {
  it('finds no difference between the sample and itself', () => {
    const r = compareSpecs(sampleSpec(), sampleSpec());
    expect(r.mode).toBe('versions');
    expect(r.identical).toBe(true);
    expect(brief(actionsOf(r))).toEqual([]);
    expect(r.findings).toEqual([]);
    // Every action paired, the 23 of the seed among them.
    expect(r.old.actions).toBe(23);
    expect(actionsOf(r).every((a) => a.status === 'unchanged' && a.old && a.new)).toBe(true);
  });

  it('a row inserted in the middle is the only row reported: nothing below it "changed"', () => {
    const neu = sampleSpec();
    const garantie = block(neu, GARANTIE);
    garantie.actions.splice(5, 0, action('Insertion par le sport', '12345.67'));
    shiftTotals(neu, garantie, { A: '12345.67', C: '12345.67', valorisation: '12345.67', F: '24691.34' });
    const r = compareSpecs(sampleSpec(), neu);

    expect(brief(actionsOf(r))).toEqual(['added:Insertion par le sport']);
    const added = actionsOf(r).find((a) => a.status === 'added')!;
    expect(added.new!.row).toBe(27);
    expect(added.new!.code).toBe('0304 50 19 19 07');
    // The 17 rows below it moved down one row and are paired, unchanged, and not "reordered".
    const below = actionsOf(r).filter((a) => a.old && a.old.row >= 27);
    expect(below.length).toBeGreaterThan(17);
    expect(below.every((a) => a.status === 'unchanged' && a.new!.row === a.old!.row + 1 && !a.reordered)).toBe(true);
    // The groups change by the row's amounts, no more; the printed totals were kept right: no new finding.
    expect(changedGroups(r.versions!.measures)).toEqual(['measure:0304 50 19 19 07:A+1234567 C+1234567 valorisation+1234567 F+2469134']);
    expect(changedGroups(r.versions!.codes)).toEqual(['code:0304 50 19 19 07:A+1234567 C+1234567 valorisation+1234567 F+2469134']);
    expect(changedGroups(r.versions!.totals)).toEqual([
      'section:socle:A+1234567 C+1234567 valorisation+1234567 F+2469134',
      'grand:grand:A+1234567 C+1234567 valorisation+1234567 F+2469134',
    ]);
    expect(r.findings).toEqual([]);
    expect(r.identical).toBe(false);
  });

  it('two rows swapped: no change, the order is noted', () => {
    const neu = sampleSpec();
    const acts = block(neu, GARANTIE).actions;
    const i = acts.findIndex((a) => a.title === 'Premières Heures');
    [acts[i], acts[i + 1]] = [acts[i + 1], acts[i]];
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual([]);
    expect(r.identical).toBe(true);
    const moved = actionsOf(r).filter((a) => a.reordered);
    expect(moved).toHaveLength(1);
    expect(['Premières Heures', 'Développement des GEIQ']).toContain(moved[0].new!.title);
    expect(r.versions!.counts.reordered).toBe(1);
  });

  it('an action renamed is paired with itself (by position in its block) and reported renamed', () => {
    const neu = sampleSpec();
    const acts = block(neu, GARANTIE).actions;
    acts.find((a) => a.title === 'Premières Heures')!.title = 'Premières heures en entreprise';
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual(['changed:Premières heures en entreprise[renamed]']);
    const a = actionsOf(r).find((x) => x.status === 'changed')!;
    expect(a.pairedBy).toBe('position');
    expect(a.old!.title).toBe('Premières Heures');
    expect(a.old!.row).toBe(a.new!.row);
    expect(r.identical).toBe(false);
    expect(r.versions!.counts.renamed).toBe(1);
  });

  it('an action with a fiche number renamed is paired by its fiche', () => {
    const neu = sampleSpec();
    block(neu, GARANTIE).actions[0].title = 'Accompagnement global renforcé';
    const r = compareSpecs(sampleSpec(), neu);
    const a = actionsOf(r).find((x) => x.status === 'changed')!;
    expect(brief(actionsOf(r))).toEqual(['changed:Accompagnement global renforcé[renamed]']);
    expect(a.pairedBy).toBe('fiche');
  });

  it('a renamed row and an inserted row in one block stay apart', () => {
    const neu = sampleSpec();
    const acts = block(neu, GARANTIE).actions;
    acts.find((a) => a.title === 'Préparer à tous les métiers')!.title = 'Préparer aux métiers en tension';
    acts.splice(3, 0, action('Nouvelle action', '0.00'));
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r)).sort()).toEqual(['added:Nouvelle action', 'changed:Préparer aux métiers en tension[renamed]']);
  });

  it('an action moved to another theme (and code): moved, paired by its title, the groups follow', () => {
    const neu = sampleSpec();
    const from = block(neu, GARANTIE);
    const to = block(neu, FORMATION);
    const i = from.actions.findIndex((a) => a.title === 'Développement des GEIQ');
    const [moved] = from.actions.splice(i, 1);
    to.actions.push(moved);
    const amounts = { A: '57000.00', C: '57000.00', valorisation: '57000.00', F: '114000.00' };
    shiftTotals(neu, from, Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, `-${v}`])));
    shiftTotals(neu, to, amounts);
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual(['changed:Développement des GEIQ[movedTheme,codeChanged]']);
    const a = actionsOf(r).find((x) => x.status === 'changed')!;
    expect(a.pairedBy).toBe('title');
    expect(a.old!.code).toBe('0304 50 19 19 07');
    expect(a.new!.code).toBe('0304 50 19 19 02');
    expect(a.amounts.every((c) => c.change === 0)).toBe(true);
    expect(changedGroups(r.versions!.codes)).toEqual([
      'code:0304 50 19 19 02:A+5700000 C+5700000 valorisation+5700000 F+11400000',
      'code:0304 50 19 19 07:A-5700000 C-5700000 valorisation-5700000 F-11400000',
    ]);
    // Sections and the whole table add up the same.
    expect(changedGroups(r.versions!.totals)).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('within one measure, a move from « Garantie d’activité » to « Mobilité » changes the theme only', () => {
    const neu = sampleSpec();
    const from = block(neu, GARANTIE);
    const [moved] = from.actions.splice(from.actions.length - 1, 1);
    block(neu, MOBILITE).actions.unshift(moved);
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual([`changed:Pacte d'ambition IAE[movedTheme]`]);
    expect(changedGroups(r.versions!.measures)).toEqual([]);
    expect(changedGroups(r.versions!.codes)).toEqual([]);
  });

  it('amounts changed in one cell: that cell only, and the findings it raises appear', () => {
    const neu = sampleSpec();
    const target = block(neu, GARANTIE).actions.find((a) => a.title === 'Projets innovants')!;
    target.amounts.A = '227499.99';
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual(['changed:Projets innovants[amounts]']);
    const a = actionsOf(r).find((x) => x.status === 'changed')!;
    expect(a.amounts.filter((c) => c.old !== c.new)).toEqual([{ column: 'A', old: 22750000, new: 22749999, change: -1 }]);
    // Row 32: the engine places the row total's finding on the figure that is off (A, in F32); the
    // theme subtotal no longer adds up in A (row 39).
    expect(r.findings.map((f) => `${f.status}:${f.rule}@${f.cell}`)).toEqual(['appeared:ROW_TOTAL@F32', 'appeared:SUBTOTAL@F39']);
    // The seed's own two findings (initiative sub-total, TOTAUX FINANCIERS) are in both: not reported.
    expect(r.findings.some((f) => f.cell === 'L50' || f.cell === 'L51')).toBe(false);
  });

  it('a finding corrected in the new version disappears; rows moved by an insertion keep theirs', () => {
    const neu = sampleSpec();
    // Correct the seed's initiative sub-total (F 960 000 → 1 280 000) and TOTAUX FINANCIERS.
    const init = neu.body.find((e) => e.kind === 'initiativeSubtotal')!;
    const grand = neu.body.find((e) => e.kind === 'grandTotal')!;
    if (init.kind === 'block' || grand.kind === 'block') throw new Error('spec');
    init.amounts!.F = '1280000.00';
    grand.amounts!.F = '13414116.00';
    const r = compareSpecs(sampleSpec(), neu);
    expect(r.findings.map((f) => `${f.status}:${f.rule}@${f.cell}`)).toEqual(['disappeared:SECTION_TOTAL@L50', 'disappeared:ROW_TOTAL@L51']);
    expect(brief(actionsOf(r))).toEqual([]);
    expect(r.versions!.totals.filter((g) => g.status === 'changed').map((g) => g.key)).toEqual(['initiative', 'grand']);

    // The same findings, pushed two rows down by two inserted rows: the same findings, not new ones.
    const moved = sampleSpec();
    block(moved, 'Maraudes').actions.push(action('intitulé de l\'action n°3', '0.00'), action('intitulé de l\'action n°4', '0.00'));
    const r2 = compareSpecs(sampleSpec(), moved);
    expect(r2.findings).toEqual([]);
    expect(r2.identical).toBe(true); // template rows added are not a difference
    expect(r2.versions!.counts.templateRowsAdded).toBe(2);
  });

  describe('a version laid out differently, same content: no change reported', () => {
    const layouts: Array<[string, Parameters<typeof compareSpecs>[2]]> = [
      ['another sheet position (table at E9)', { newLayout: { origin: { row: 3, col: 4 } } }],
      ['letters inside the labels, no merged total labels, more blank rows', { newLayout: { letters: 'inline', mergeTotalLabels: false, gapAfterTitle: 3 } }],
      ['accounting format, theme and code on every row', { newLayout: { numFmt: ACCOUNTING_EUR, themeCells: 'everyRow' } }],
      ['columns in another order', { newLayout: { columns: ['fiche', 'theme', 'imputation', 'title', 'A', 'B', 'C', 'valorisation', 'D', 'E', 'F'] } }],
    ];
    it.each(layouts)('%s', (_name, options) => {
      const neu = { ...sampleSpec(), sheetName: 'Version signée' };
      const r = compareSpecs(sampleSpec(), neu, options);
      expect(r.new.sheet).toBe('Version signée');
      expect(brief(actionsOf(r))).toEqual([]);
      expect(r.findings).toEqual([]);
      expect(r.versions!.counts).toMatchObject({ actionsAdded: 0, actionsRemoved: 0, actionsChanged: 0, measuresChanged: 0, codesChanged: 0, totalsChanged: 0, reordered: 0 });
      expect(r.identical).toBe(true);
    });

    it('amounts typed as French text (« 1 362 035,00 € ») read the same', () => {
      const neu = sampleSpec();
      const asText = (v: SpecAmount | undefined): SpecAmount | undefined => {
        if (typeof v !== 'string') return v;
        const [int, dec] = Number(v).toFixed(2).split('.');
        return { text: `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${dec} €` };
      };
      for (const e of neu.body) if (e.kind === 'block') for (const a of e.actions) for (const k of Object.keys(a.amounts) as Array<keyof typeof a.amounts>) a.amounts[k] = asText(a.amounts[k]);
      const r = compareSpecs(sampleSpec(), neu, { newLayout: { origin: { row: 1, col: 0 } } });
      expect(r.identical).toBe(true);
    });
  });

  it('a fiche renumbered after an insertion is not taken for another action', () => {
    const neu: AnnexSpec = sampleSpec();
    const acts = block(neu, GARANTIE).actions;
    // A new 5.2 inserted; the old 5.2 becomes 5.3.
    acts[1].fiche = '5.3';
    acts.splice(1, 0, action('Référents insertion renforcés', '0.00', '5.2'));
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r)).sort()).toEqual(['added:Référents insertion renforcés', 'changed:Dynamisation des parcours : Accueil et Accompagnement des bénéficiaires du RSA[ficheChanged]']);
  });

  it('says when the first table looks like the execution table (given in the wrong order)', () => {
    const exec = { ...sampleSpec(), sheetName: 'Exécution 2023' };
    const r = compareSpecs(exec, sampleSpec());
    expect(r.mode).toBe('versions');
    expect(r.notices).toEqual([{ code: 'FIRST_LOOKS_LIKE_EXECUTION', evidence: { where: 'sheet', text: 'Exécution 2023', marker: 'execution' } }]);
  });

  it('an action removed is reported removed, with its amounts', () => {
    const neu = sampleSpec();
    const mob = block(neu, MOBILITE);
    const i = mob.actions.findIndex((a) => a.title === 'Santé employabilité');
    mob.actions.splice(i, 1);
    shiftTotals(neu, mob, { A: '-207000.00', C: '-207000.00', valorisation: '-207000.00', F: '-414000.00' });
    const r = compareSpecs(sampleSpec(), neu);
    expect(brief(actionsOf(r))).toEqual(['removed:Santé employabilité']);
    const removed = actionsOf(r).find((a) => a.status === 'removed')!;
    expect(removed.amounts.find((c) => c.column === 'F')).toEqual({ column: 'F', old: 41400000, new: null, change: -41400000 });
    expect(r.findings).toEqual([]);
  });
});
