/**
 * A template description compiled for matching (src/domain/template/compile.ts): a small
 * description typed here, and the whole compiled template typed by hand from it.
 */
import { AnnexTemplate, TemplateDescription, compileTemplate, sectionOf } from '../../../src/domain/template';

function mini(): TemplateDescription {
  const n = (fr: string, en: string) => ({ fr, en });
  return {
    id: 'mini',
    name: n('annexe mini', 'mini annex'),
    columns: [
      { key: 'theme', kind: 'text', labels: ['Thème', 'Mesure'], name: n('Thème', 'Theme'), header: 'Thème' },
      { key: 'imputation', kind: 'text', labels: ['Code Chorus'], name: n('Imputation', 'Code'), short: n('Code', 'Code'), header: 'Imputation' },
      { key: 'title', kind: 'text', labels: ["Intitulé de l'action"], name: n('Intitulé', 'Title'), header: 'Intitulé' },
      { key: 'A', kind: 'amount', letter: 'a', labels: ['Part État'], name: n('Part État', 'State share'), header: 'Part État' },
      { key: 'C', kind: 'amount', letter: 'C', labels: ['Crédits CD', 'Crédits CD 2023 affectés'], name: n('Crédits CD', 'CD credits'), header: 'Crédits CD' },
      { key: 'valorisation', kind: 'amount', labels: ['Dont valorisation'], name: n('Valorisation', 'Valued'), header: 'Dont valorisation' },
      { key: 'F', kind: 'amount', letter: 'F', labels: ['Coût total'], name: n('Coût', 'Cost'), header: 'Coût total' },
    ],
    requiredColumns: ['title', 'A', 'C', 'F'],
    amountColumns: ['A', 'C', 'valorisation', 'F'],
    total: { column: 'F', parts: ['A', 'C'] },
    coFinancing: { state: 'A', departement: 'C', shares: { state: 50, departement: 50 } },
    capped: [{ column: 'valorisation', max: 'C' }],
    sections: [
      {
        id: 'socle',
        name: n('socle', 'core'),
        starts: [],
        total: { name: n('Total socle', 'Core total'), labels: ['Total socle'], adds: 'subtotals' },
        summary: { lines: 'measures', title: n('Socle', 'Core'), total: n('Total socle (recalculé)', 'Core (recomputed)'), printed: n('Total socle', 'Core total') },
      },
      {
        id: 'initiative',
        name: n('initiatives', 'initiatives'),
        starts: ['Initiatives locales'],
        code: '0304 50 19 19 10',
        total: { name: n('Total initiatives', 'Initiatives total'), labels: ['Total initiatives', 'Sous-total initiatives'], adds: 'rows' },
        summary: { lines: 'actions', title: n('Initiatives', 'Initiatives'), total: n('Total initiatives (recalculé)', 'Initiatives (recomputed)'), printed: n('Total initiatives', 'Initiatives total') },
      },
    ],
    subtotal: { name: n('Sous-total', 'Subtotal'), shown: 'Sous total', labels: ['Sous-total'] },
    grandTotal: { name: n('TOTAL', 'Total'), shown: 'TOTAL', labels: ['Total général', 'TOTAUX'], summary: { total: n('Total (recalculé)', 'Total (recomputed)'), printed: n('TOTAL', 'Total') } },
    control: { name: n('Contrôle', 'Control'), labels: ['Total de contrôle'] },
    rowLabelPrefixes: { 'S/Total': 'Sous total', 'Ss-total partiel': 'Sous-total' },
    themeTotal: ['TOTAL'],
    totalWords: ['Total', 'Totaux'],
    placeholders: { exact: ['...', 'À compléter'], prefixes: ['Action n°'] },
    chorus: {
      prefix: '0304 50 19 19',
      pattern: '0304 50 19 19 (\\d\\d)',
      compactPattern: '030450191 ?9(\\d\\d)',
      codes: [
        { code: '0304 50 19 19 05', label: '05 - Maraudes', themes: ['Maraudes mixtes', 'Maraudes'] },
        { code: '0304 50 19 19 10', label: '10 - Initiatives', themes: ['Initiatives locales'] },
      ],
    },
    summary: { derived: [{ kind: 'difference', of: ['A', 'C'], label: n('Écart', 'Gap') }] },
  };
}

describe('a template description compiled for matching', () => {
  it('normalises every label once, sorts header labels and prefixes longest first, ranks the totals', () => {
    const d = mini();
    const n = (fr: string, en: string) => ({ fr, en });
    const expected: AnnexTemplate = {
      id: 'mini',
      name: n('annexe mini', 'mini annex'),
      headerLabels: [
        { key: 'C', label: 'credits cd yyyy affectes' },
        { key: 'title', label: 'intitule de l action' },
        { key: 'valorisation', label: 'dont valorisation' },
        { key: 'imputation', label: 'code chorus' },
        { key: 'C', label: 'credits cd' },
        { key: 'F', label: 'cout total' },
        { key: 'A', label: 'part etat' },
        { key: 'theme', label: 'mesure' },
        { key: 'theme', label: 'theme' },
      ],
      letters: new Map([
        ['a', 'A'],
        ['c', 'C'],
        ['f', 'F'],
      ]),
      columnLetter: { A: 'a', C: 'C', F: 'F' },
      textColumns: ['theme', 'imputation', 'title'],
      amountColumns: ['A', 'C', 'valorisation', 'F'],
      requiredColumns: ['title', 'A', 'C', 'F'],
      total: { column: 'F', parts: ['A', 'C'] },
      coFinancing: { state: 'A', departement: 'C', shares: { state: 50, departement: 50 } },
      capped: [{ column: 'valorisation', max: 'C' }],
      sections: [
        {
          id: 'socle',
          name: n('socle', 'core'),
          starts: [],
          code: null,
          total: { name: n('Total socle', 'Core total'), adds: 'subtotals' },
          summary: { lines: 'measures', title: n('Socle', 'Core'), total: n('Total socle (recalculé)', 'Core (recomputed)'), printed: n('Total socle', 'Core total') },
        },
        {
          id: 'initiative',
          name: n('initiatives', 'initiatives'),
          starts: ['initiatives locales'],
          code: '0304 50 19 19 10',
          total: { name: n('Total initiatives', 'Initiatives total'), adds: 'rows' },
          summary: { lines: 'actions', title: n('Initiatives', 'Initiatives'), total: n('Total initiatives (recalculé)', 'Initiatives (recomputed)'), printed: n('Total initiatives', 'Initiatives total') },
        },
      ],
      totalLabels: [
        { total: { kind: 'control' }, rank: 0, label: 'total de controle' },
        { total: { kind: 'grandTotal' }, rank: 1, label: 'total general' },
        { total: { kind: 'grandTotal' }, rank: 1, label: 'totaux' },
        { total: { kind: 'sectionTotal', section: 'socle' }, rank: 2, label: 'total socle' },
        { total: { kind: 'sectionTotal', section: 'initiative' }, rank: 3, label: 'total initiatives' },
        { total: { kind: 'sectionTotal', section: 'initiative' }, rank: 3, label: 'sous total initiatives' },
        { total: { kind: 'subtotal' }, rank: 4, label: 'sous total' },
      ],
      subtotal: { name: n('Sous-total', 'Subtotal'), shown: 'Sous total' },
      grandTotal: { name: n('TOTAL', 'Total'), shown: 'TOTAL', summary: { total: n('Total (recalculé)', 'Total (recomputed)'), printed: n('TOTAL', 'Total') } },
      control: { name: n('Contrôle', 'Control') },
      rowLabelPrefixes: [
        { from: 'ss total partiel', to: 'sous total' },
        { from: 's total', to: 'sous total' },
      ],
      themeTotal: ['total'],
      totalWords: ['total', 'totaux'],
      placeholderExact: new Set(['', 'a completer']),
      placeholderPrefixes: ['action n'],
      chorusPrefix: '0304 50 19 19',
      chorusPattern: /0304 50 19 19 (\d\d)/,
      chorusCompactPattern: /030450191 ?9(\d\d)/,
      codes: [
        { code: '0304 50 19 19 05', label: '05 - Maraudes', themes: ['maraudes mixtes', 'maraudes'] },
        { code: '0304 50 19 19 10', label: '10 - Initiatives', themes: ['initiatives locales'] },
      ],
      displayLabels: { theme: 'Thème', imputation: 'Code Chorus', title: "Intitulé de l'action", A: 'Part État', C: 'Crédits CD', valorisation: 'Dont valorisation', F: 'Coût total' },
      columnNames: {
        theme: n('Thème', 'Theme'),
        imputation: n('Imputation', 'Code'),
        title: n('Intitulé', 'Title'),
        A: n('Part État', 'State share'),
        C: n('Crédits CD', 'CD credits'),
        valorisation: n('Valorisation', 'Valued'),
        F: n('Coût', 'Cost'),
      },
      columnShort: {
        theme: n('Thème', 'Theme'),
        imputation: n('Code', 'Code'),
        title: n('Intitulé', 'Title'),
        A: n('Part État', 'State share'),
        C: n('Crédits CD', 'CD credits'),
        valorisation: n('Valorisation', 'Valued'),
        F: n('Coût', 'Cost'),
      },
      columnHeaders: { theme: 'Thème', imputation: 'Imputation', title: 'Intitulé', A: 'Part État', C: 'Crédits CD', valorisation: 'Dont valorisation', F: 'Coût total' },
      summaryDerived: [{ kind: 'difference', of: ['A', 'C'], label: n('Écart', 'Gap') }],
    };
    expect(compileTemplate(d)).toEqual(expected);
  });

  it('a description without prefixes, theme totals nor total words has none', () => {
    const d = mini();
    delete d.rowLabelPrefixes;
    delete d.themeTotal;
    delete d.totalWords;
    const t = compileTemplate(d);
    expect([t.rowLabelPrefixes, t.themeTotal, t.totalWords]).toEqual([[], [], []]);
  });

  it('finds a section by its id, none for an id it does not have', () => {
    const t = compileTemplate(mini());
    expect(sectionOf(t, 'initiative')?.starts).toEqual(['initiatives locales']);
    expect(sectionOf(t, 'socle')?.code).toBeNull();
    expect(sectionOf(t, 'autre')).toBeUndefined();
  });
});
