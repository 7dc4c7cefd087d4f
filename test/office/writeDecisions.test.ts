/**
 * The decisions of the Office adapter that say whether a cell may be written (src/office/fills.ts)
 * or taken back (src/office/clearDecision.ts), on plain data: each guard in both directions, so
 * that loosening any one of them fails here (issue 18, `npm run mutate`). The service tests
 * (nothingLost.test.ts, excelService.test.ts) drive the same decisions through the fake Excel.
 */
import { Fill } from '../../src/domain/findings';
import { decideFills, fillTargets, isBlankNow, isKnownChorusText, journalFills, needsTextFormat, FillCheck } from '../../src/office/fills';
import { codeIdentities, decideClear, ignoredCells, isRestorableFormat } from '../../src/office/clearDecision';
import { JournalFill } from '../../src/office/journal';
import { CodeIdentity, codeFormula } from '../../src/office/marks';

const CODE = '0304 50 19 19 07 - Garantie d’activité et insertion des BRSA';

/** A one-cell range as Office.js hands it back after a sync (values, formulas, number format). */
function cell(value: unknown, formula: unknown = value, numberFormat: unknown = 'General'): Excel.Range {
  return { values: [[value]], formulas: [[formula]], numberFormat: [[numberFormat]] } as unknown as Excel.Range;
}

describe('isBlankNow: only nothing, or spaces, with no formula, is an empty cell', () => {
  it.each([
    ['an empty string', '', ''],
    ['null (a cell never written)', null, null],
    ['undefined', undefined, undefined],
    ['spaces and a tab', '  \t', '  \t'],
  ])('%s is empty', (_what, value, formula) => expect(isBlankNow(value, formula)).toBe(true));

  it.each([
    ['the number 0', 0, 0],
    ['a code typed as a number', 30450191907, 30450191907],
    ['false', false, false],
    ['text', 'voir DDETS', 'voir DDETS'],
    ['a formula showing nothing', '', '=""'],
    ['a formula showing spaces', '  ', '=" "'],
  ])('%s is content', (_what, value, formula) => expect(isBlankNow(value, formula)).toBe(false));

  it('a formula is recognised by its leading "=" only: text that contains "=" further on is plain text', () => {
    expect(isBlankNow('', 'a=b')).toBe(true);
    expect(isBlankNow(' ', ' =1')).toBe(true);
  });
});

describe('needsTextFormat: a code Excel would turn into something else is written as text', () => {
  it.each(['0304 50 19 19 07', '030450191907', '12', '=A1 - x', '+ budget', '-x', '@code'])('%s needs the text format', (code) => expect(needsTextFormat(code)).toBe(true));
  it.each([CODE, 'Garantie', 'é', 'Z 1', 'a=1'])('%s does not', (code) => expect(needsTextFormat(code)).toBe(false));
  it('letters are ASCII both cases and Latin-1 accents', () => {
    for (const c of ['a', 'z', 'A', 'Z', 'À', 'ÿ']) expect(needsTextFormat(`0304 ${c}`)).toBe(false);
    expect(needsTextFormat('0304 ’ €')).toBe(true);
  });
});

describe('isKnownChorusText: only a code of the template, as the add-in writes it', () => {
  it('the code with its label, the code alone', () => {
    expect(isKnownChorusText(CODE)).toBe(true);
    expect(isKnownChorusText('0304 50 19 19 07')).toBe(true);
  });
  it('not a code outside the template, nor text without a code', () => {
    expect(isKnownChorusText('0304 50 19 19 99')).toBe(false);
    expect(isKnownChorusText('Garantie d’activité')).toBe(false);
    expect(isKnownChorusText('')).toBe(false);
  });
  it('not a formula, nor anything Excel would read as one, even with leading spaces', () => {
    for (const lead of ['=', '+', '-', '@', '  =']) expect(isKnownChorusText(`${lead}0304 50 19 19 07`)).toBe(false);
  });
  it('not a text longer than 300 characters, even one that starts with a code', () => {
    expect(isKnownChorusText(`0304 50 19 19 07 ${'x'.repeat(283)}`)).toBe(true);
    expect(isKnownChorusText(`0304 50 19 19 07 ${'x'.repeat(284)}`)).toBe(false);
  });
});

const fillAt = (cellAddress: string, code = CODE): Fill => ({ cell: cellAddress, gridRow: 3, gridCol: 2, row: 4, code, source: 'block' });

function check(target: FillCheck['target'], range: Excel.Range, anchorNow?: unknown): FillCheck {
  return { target, range, anchorRange: anchorNow === undefined ? null : cell(anchorNow) };
}

describe('decideFills: written only where the cell is still empty and its row still shows its anchor', () => {
  const at = new Date('2026-03-02T10:00:00Z');

  it('an empty cell whose anchor is unchanged is written, with what it held and its number format when the code needs text', () => {
    const blank = check({ fill: fillAt('C5', '0304 50 19 19 07'), anchor: { cell: 'B5', value: 'Action' } }, cell('  ', '  ', '0.00'), 'Action');
    const { writes, skipped, moved } = decideFills([blank], at);
    expect(skipped).toEqual([]);
    expect(moved).toEqual([]);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ check: blank, before: '  ', numberFormatBefore: '0.00' });
    expect(writes[0].id).toMatch(/^1772445600000\d{3}-\d+$/);
  });

  it('what the cell held is recorded as text only when it was text', () => {
    expect(decideFills([check({ fill: fillAt('C5') }, cell(null))], at).writes[0].before).toBe('');
    expect(decideFills([check({ fill: fillAt('C5') }, cell(undefined))], at).writes[0].before).toBe('');
  });

  it('the number format is recorded only when the code needs text and the cell is not already text', () => {
    expect(decideFills([check({ fill: fillAt('C5') }, cell('', '', '0.00'))], at).writes[0]).not.toHaveProperty('numberFormatBefore');
    expect(decideFills([check({ fill: fillAt('C5', '030450191907') }, cell('', '', '@'))], at).writes[0]).not.toHaveProperty('numberFormatBefore');
    expect(decideFills([check({ fill: fillAt('C5', '030450191907') }, cell('', '', null))], at).writes[0].numberFormatBefore).toBe('General');
  });

  it('a cell holding anything (0, a number, a formula, text) is skipped, and nothing after it is lost', () => {
    const checks = [
      check({ fill: fillAt('C5') }, cell(0)),
      check({ fill: fillAt('C6') }, cell('', '=""')),
      check({ fill: fillAt('C7') }, cell('x')),
      check({ fill: fillAt('C8') }, cell('')),
    ];
    const { writes, skipped, moved } = decideFills(checks, at);
    expect(skipped).toEqual(['C5', 'C6', 'C7']);
    expect(moved).toEqual([]);
    expect(writes.map((w) => w.check.target.fill.cell)).toEqual(['C8']);
  });

  it('a row whose anchor shows something else now (rows inserted, sorted) is left alone, and the next is written', () => {
    const checks = [
      check({ fill: fillAt('C5'), anchor: { cell: 'B5', value: 'Action' } }, cell(''), 'Autre action'),
      check({ fill: fillAt('C6'), anchor: { cell: 'B6', value: 12 } }, cell(''), '12'),
      check({ fill: fillAt('C7'), anchor: { cell: 'B7', value: 12 } }, cell(''), 12),
    ];
    const { writes, skipped, moved } = decideFills(checks, at);
    expect(moved).toEqual(['C5', 'C6']);
    expect(skipped).toEqual([]);
    expect(writes.map((w) => w.check.target.fill.cell)).toEqual(['C7']);
  });

  it('the id ends with a random number below 10⁹: two windows writing at the same instant still differ', () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.123456789);
    try {
      expect(decideFills([check({ fill: fillAt('C5') }, cell(''))], at).writes[0].id).toMatch(/^1772445600000\d{3}-123456789$/);
    } finally {
      random.mockRestore();
    }
  });

  it('each write has its own id, digits only before the dash (it sits in a formula)', () => {
    const { writes } = decideFills([check({ fill: fillAt('C5') }, cell('')), check({ fill: fillAt('C6') }, cell(''))], at);
    expect(new Set(writes.map((w) => w.id)).size).toBe(2);
    for (const w of writes) expect(w.id).toMatch(/^\d{16}-\d{1,9}$/);
  });
});

describe('journalFills: the journal records exactly what was written, what was there, the anchor', () => {
  it('with and without a number format and an anchor', () => {
    const anchor = { cell: 'B5', value: 'Action' };
    const withAll = { check: check({ fill: fillAt('C5'), anchor }, cell('')), id: '1-2', before: ' ', numberFormatBefore: '0.00' };
    const plain = { check: check({ fill: fillAt('C6') }, cell('')), id: '3-4', before: '' };
    // Strictly: no key left undefined (the entry is exactly what the journal keeps).
    expect(journalFills([withAll, plain], '2026-03-02T10:00:00.000Z')).toStrictEqual([
      { id: '1-2', cell: 'C5', written: CODE, before: ' ', at: '2026-03-02T10:00:00.000Z', numberFormatBefore: '0.00', anchor },
      { id: '3-4', cell: 'C6', written: CODE, before: '', at: '2026-03-02T10:00:00.000Z' },
    ]);
  });
});

describe('fillTargets: the anchor of a fill is its row’s title, else its fiche number, as the check read it', () => {
  const layout = { dataStart: 1, dataEnd: 5, columns: { title: 1, fiche: 0 } };
  const report = (fills: Fill[], tables = [{ layout }]) => ({ fills, tables }) as never;
  const grid = (rows: unknown[][]) => ({ origin: { row: 0, col: 0 }, rows: rows.map((r) => r.map((value) => ({ value }))) }) as never;

  it('the title when it has text, a number or a boolean; else the fiche number; else none', () => {
    const g = grid([
      ['Fiche', 'Action', 'Code'],
      ['1.1', 'Insertion', null],
      ['1.2', '   ', null],
      ['', 42, null],
      [null, null, null],
    ]);
    const fills = [1, 2, 3, 4].map((r) => ({ ...fillAt(`C${r + 1}`), gridRow: r, gridCol: 2 }));
    expect(fillTargets(report(fills), g).map((t) => t.anchor ?? null)).toEqual([
      { cell: 'B2', value: 'Insertion' },
      { cell: 'A3', value: '1.2' },
      { cell: 'B4', value: 42 },
      null,
    ]);
    const withFalse = grid([[], ['', false, null]]);
    expect(fillTargets(report([{ ...fillAt('C2'), gridRow: 1, gridCol: 2 }]), withFalse)[0].anchor).toEqual({ cell: 'B2', value: false });
  });

  it('never the filled cell itself', () => {
    const g = grid([[], ['1.1', '', null]]);
    // The code column is the title column: only the fiche can anchor.
    expect(fillTargets(report([{ ...fillAt('B2'), gridRow: 1, gridCol: 1 }]), g)[0].anchor).toEqual({ cell: 'A2', value: '1.1' });
  });

  it('the columns of the table the fill is in, when there are several', () => {
    const first = { dataStart: 1, dataEnd: 3, columns: { title: 1 } };
    const second = { dataStart: 3, dataEnd: 6, columns: { title: 0 } };
    const g = grid([[], ['x', 'premier', null], ['y', 'premier bis', null], ['second', 'z', null], ['second bis', 'w', null], ['fin', 'v', null]]);
    const f = (r: number) => ({ ...fillAt(`C${r + 1}`), gridRow: r, gridCol: 2 });
    const targets = fillTargets(report([f(1), f(2), f(3), f(5)], [{ layout: first }, { layout: second }] as never), g);
    expect(targets.map((t) => t.anchor?.cell)).toEqual(['B2', 'B3', 'A4', 'A6']);
    // Outside every table: the first table's columns.
    expect(fillTargets(report([f(0)], [{ layout: first }, { layout: second }] as never), grid([['t', 'u', null]]))[0].anchor?.cell).toBe('B1');
  });
});

describe('codeIdentities: the filled codes the rules name, at most 2000', () => {
  it('only formulas tagged as a filled code', () => {
    const ours = codeFormula('C5', CODE, '123-4', 'B5');
    const { identities, overLimit } = codeIdentities([ours, null, '=AND(ISTEXT("annexe9:marque:x"),C5=1)', '=C5="x"']);
    expect(identities).toEqual([{ id: '123-4', cell: 'C5', anchor: 'B5', hasAnchor: true }]);
    expect(overLimit).toBe(0);
  });
  it('a tagged rule that cannot be read is not an identity', () => {
    expect(codeIdentities(['=ISTEXT("annexe9:code:")']).identities).toEqual([]);
  });
  it('beyond 2000, counted, not read', () => {
    const formulas = Array.from({ length: 2003 }, (_, i) => codeFormula(`C${i + 1}`, CODE, `id-${i}`));
    const { identities, overLimit } = codeIdentities(formulas);
    expect(identities).toHaveLength(2000);
    expect(identities[1999].id).toBe('id-1999');
    expect(overLimit).toBe(3);
  });
});

describe('isRestorableFormat: only a format that cannot hide or change a figure is put back', () => {
  it.each([
    'General',
    'Standard',
    '0.00',
    '#,##0.00 "€"',
    '#,##0.00\\ €',
    '# ##0,00 €;-# ##0,00 €',
    '0%',
    '[Red]-0.00',
    '[Rouge]0',
    '[$€-40C] #,##0.00',
    '[Color10]0',
    '[Couleur10]0',
    '[couleur3]0',
    '0.00E+00',
    '@',
    '#,##0;(#,##0);0;@',
    '_-* #,##0.00 €_-',
    'dd/mm/yyyy'.replace(/[dmy]/g, '0'),
  ])('%s is put back', (f) => expect(isRestorableFormat(f)).toBe(true));

  it.each([
    ['an empty section that hides the value', '0;;'],
    ['an empty section inside', '0;;0'],
    ['a trailing empty section', '0;'],
    ['a trailing empty section with a space', '0; '],
    ['five sections', '0;0;0;0;0'],
    ['quoted text', '"Validé"'],
    ['quoted text beside a figure', '0 "k€"'],
    ['an unterminated quote', '0"€'],
    ['an escaped letter', '0\\k'],
    ['a letter', '0 k'],
    ['a date', 'dd/mm/yyyy'],
    ['a condition', '[>100]0'],
    ['a long locale', '[$€-40C-aaaaaaaaaaaaa]0'],
    ['longer than 64 characters', `${'0'.repeat(65)}`],
    ['a colour number of three digits', '[Color100]0'],
    ['a French colour number of three digits', '[Couleur100]0'],
    ['a French colour without its number', '[Couleurab]0'],
  ])('not %s', (_what, f) => expect(isRestorableFormat(f)).toBe(false));

  it('64 characters is still a format', () => expect(isRestorableFormat('0'.repeat(64))).toBe(true));
  it('four sections are', () => expect(isRestorableFormat('0;-0;0;@')).toBe(true));
  it('quoted and escaped currency signs and spaces are, other characters are not', () => {
    for (const c of ['€', '$', '£', ' ']) {
      expect(isRestorableFormat(`0"${c}"`)).toBe(true);
      expect(isRestorableFormat(`0\\${c}`)).toBe(true);
    }
    expect(isRestorableFormat('0""')).toBe(true);
    expect(isRestorableFormat('0"€x"')).toBe(false);
    expect(isRestorableFormat('0"x€"')).toBe(false);
    expect(isRestorableFormat('0\\€\\x')).toBe(false);
  });
});

describe('ignoredCells', () => {
  it('the cells of the dropped entries that name one', () => {
    expect(ignoredCells([{ sheetId: 's', cell: 'C5', reason: 'malformed' }, { sheetId: null, cell: null, reason: 'overLimit' }, { sheetId: 's', cell: 'D6', reason: 'legacy' }])).toEqual(['C5', 'D6']);
  });
});

describe('decideClear: a code is taken back only where the sheet confirms every part of it', () => {
  const fill = (over: Partial<JournalFill> = {}): JournalFill => ({ id: 'f1', cell: 'C5', written: CODE, before: '', at: '2026-03-02T10:00:00Z', ...over });
  const identity = (over: Partial<CodeIdentity> = {}): CodeIdentity => ({ id: 'f1', cell: 'C5', anchor: null, hasAnchor: false, ...over });
  const cells = (entries: Record<string, Excel.Range>) => new Map(Object.entries(entries));

  it('the code as written, its rule on its cell: taken back', () => {
    const range = cell(CODE);
    const out = decideClear([fill()], [identity()], cells({ C5: range }));
    expect(out).toEqual({ restore: [{ fill: fill(), cell: 'C5', range, format: undefined }], kept: [], notFound: [], ignored: [], formatsLeft: [] });
  });

  it('a cell whose formula Excel leaves out (null) holds a value, not a formula: taken back', () => {
    expect(decideClear([fill()], [identity()], cells({ C5: cell(CODE, null) })).restore).toHaveLength(1);
    expect(decideClear([fill()], [identity()], cells({ C5: cell(CODE, undefined) })).restore).toHaveLength(1);
  });

  it('found where the rule says the cell is now (rows inserted above)', () => {
    const range = cell(CODE);
    const out = decideClear([fill()], [identity({ cell: 'C9' })], cells({ C9: range }));
    expect(out.restore).toEqual([{ fill: fill(), cell: 'C9', range, format: undefined }]);
  });

  it.each([
    ['a formula showing the same text', cell(CODE, `="${CODE}"`)],
    ['the number 0', cell(0)],
    ['another text', cell('0304 50 19 19 06')],
    ['the code with a space more', cell(`${CODE} `)],
    ['emptied', cell('')],
  ])('the user changed it (%s): kept', (_what, range) => {
    const out = decideClear([fill()], [identity()], cells({ C5: range }));
    expect(out).toMatchObject({ restore: [], kept: ['C5'], notFound: [], ignored: [] });
  });

  it('a journal entry written as blank text, and what the cell now shows as blank: still no take-back of a blank', () => {
    // The add-in never writes blank text: such an entry is ignored before the sheet is looked at.
    expect(decideClear([fill({ written: '   ' })], [identity()], cells({ C5: cell('   ') })).ignored).toEqual(['C5']);
  });

  it.each([
    ['what was written is not a code of the template', { written: 'Garantie' }],
    ['what was written looks like a formula', { written: `=${CODE}` }],
    ['what was there before is not blank', { before: 'texte' }],
    ['what was there before is over 100 characters of spaces', { before: ' '.repeat(101) }],
    ['the cell is not a single cell', { cell: 'C5:C6' }],
  ] as Array<[string, Partial<JournalFill>]>)('a forged entry (%s): ignored, nothing read', (_what, over) => {
    const out = decideClear([fill(over)], [identity()], cells({ C5: cell(over.written ?? CODE) }));
    expect(out).toMatchObject({ restore: [], kept: [], notFound: [], ignored: [over.cell ?? 'C5'] });
  });

  it('100 spaces before is blank text, taken back', () => {
    expect(decideClear([fill({ before: ' '.repeat(100) })], [identity()], cells({ C5: cell(CODE) })).restore).toHaveLength(1);
  });

  it('no rule carries its id, or two do (a copied cell): not found', () => {
    expect(decideClear([fill()], [], cells({ C5: cell(CODE) }))).toMatchObject({ restore: [], notFound: ['C5'] });
    const twice = [identity(), identity({ cell: 'C6' })];
    expect(decideClear([fill()], twice, cells({ C5: cell(CODE), C6: cell(CODE) }))).toMatchObject({ restore: [], notFound: ['C5'] });
  });

  it('another fill’s rule is not this one’s', () => {
    expect(decideClear([fill()], [identity({ id: 'f2' })], cells({ C5: cell(CODE) }))).toMatchObject({ restore: [], notFound: ['C5'] });
  });

  it('a rule whose cell was deleted (#REF!): not found', () => {
    expect(decideClear([fill()], [identity({ cell: null })], cells({ C5: cell(CODE) }))).toMatchObject({ restore: [], notFound: ['C5'] });
  });

  it('a cell not read: not found', () => {
    expect(decideClear([fill()], [identity()], cells({}))).toMatchObject({ restore: [], notFound: ['C5'] });
  });

  it('two entries whose rules point at one cell: only the first is taken back', () => {
    const range = cell(CODE);
    const out = decideClear([fill(), fill({ id: 'f2', cell: 'C6' })], [identity(), identity({ id: 'f2' })], cells({ C5: range }));
    expect(out.restore.map((r) => r.fill.id)).toEqual(['f1']);
    expect(out.notFound).toEqual(['C6']);
  });

  describe('with an anchor (the row’s title when the code was written)', () => {
    const anchored = fill({ anchor: { cell: 'B5', value: 'Action' } });

    it('still showing it: taken back', () => {
      const out = decideClear([anchored], [identity({ anchor: 'B5', hasAnchor: true })], cells({ C5: cell(CODE), B5: cell('Action') }));
      expect(out.restore).toHaveLength(1);
    });

    it('showing something else, or a number equal to its text: not found', () => {
      for (const now of ['Autre', 'action', '']) {
        const out = decideClear([anchored], [identity({ anchor: 'B5', hasAnchor: true })], cells({ C5: cell(CODE), B5: cell(now) }));
        expect(out).toMatchObject({ restore: [], notFound: ['C5'] });
      }
      const numbered = fill({ anchor: { cell: 'B5', value: 12 } });
      expect(decideClear([numbered], [identity({ anchor: 'B5', hasAnchor: true })], cells({ C5: cell(CODE), B5: cell('12') })).notFound).toEqual(['C5']);
    });

    it('its anchor cell not read: not found', () => {
      expect(decideClear([anchored], [identity({ anchor: 'B5', hasAnchor: true })], cells({ C5: cell(CODE) })).notFound).toEqual(['C5']);
    });

    it('a rule without its anchor, or with its anchor deleted: not found', () => {
      expect(decideClear([anchored], [identity()], cells({ C5: cell(CODE), B5: cell('Action') })).notFound).toEqual(['C5']);
      expect(decideClear([anchored], [identity({ hasAnchor: true, anchor: null })], cells({ C5: cell(CODE), B5: cell('Action') })).notFound).toEqual(['C5']);
      expect(decideClear([anchored], [identity({ hasAnchor: false, anchor: 'B5' })], cells({ C5: cell(CODE), B5: cell('Action') })).notFound).toEqual(['C5']);
    });

    it('an entry without anchor is taken back whatever its rule says of one', () => {
      expect(decideClear([fill()], [identity({ anchor: 'B5', hasAnchor: true })], cells({ C5: cell(CODE), B5: cell('x') })).restore).toHaveLength(1);
    });
  });

  describe('the number format the add-in changed to text', () => {
    it('put back when the cell is still text and the format is restorable', () => {
      const out = decideClear([fill({ numberFormatBefore: '0.00' })], [identity()], cells({ C5: cell(CODE, CODE, '@') }));
      expect(out.restore[0].format).toBe('0.00');
      expect(out.formatsLeft).toEqual([]);
    });
    it('left as text, and said, when the format is not restorable', () => {
      const out = decideClear([fill({ numberFormatBefore: '0;;' })], [identity({ cell: 'C7' })], cells({ C7: cell(CODE, CODE, '@') }));
      expect(out.restore[0].format).toBeUndefined();
      expect(out.restore[0].cell).toBe('C7');
      expect(out.formatsLeft).toEqual(['C7']);
    });
    it('not touched when the user changed the format since', () => {
      const out = decideClear([fill({ numberFormatBefore: '0;;' })], [identity()], cells({ C5: cell(CODE, CODE, '0.00') }));
      expect(out.restore[0].format).toBeUndefined();
      expect(out.formatsLeft).toEqual([]);
    });
    it('not touched when the add-in did not change it', () => {
      const out = decideClear([fill()], [identity()], cells({ C5: cell(CODE, CODE, '@') }));
      expect(out.restore[0].format).toBeUndefined();
      expect(out.formatsLeft).toEqual([]);
    });
  });
});
