/** A_NEQ_C alone (src/domain/rules/coFinancing.ts), on the hand-typed table: 50/50, and a 70/30 template. */
import calpae from '../../../src/domain/templates/calpae-annexe9.json';
import { CALPAE_TEMPLATE, TemplateDescription, compileTemplate } from '../../../src/domain/template';
import { analyzeSheet } from '../../../src/domain';
import { ruleOf } from '../../../src/domain/rules/registry';
import { findingCardText, findingText } from '../../../src/domain/words/render';
import { HEADER, Typed, at, put, reference, sheet } from '../../support/hand-table';
import { brief, findingsOf, messages, tableOf } from '../../support/rule-table';

const rule = ruleOf('A_NEQ_C');

describe('A_NEQ_C: the département matches the State in the template’s ratio', () => {
  it('holds on the reference table', () => {
    expect(findingsOf('A_NEQ_C', reference())).toEqual([]);
  });

  it('C above A on an action row: at C, expected A, with the pair and the ratio', () => {
    const body = reference();
    put(body, 3, 'C', 360);
    const [f, ...more] = findingsOf('A_NEQ_C', body);
    expect(more).toEqual([]);
    expect(brief([f])).toEqual(['A_NEQ_C@G3 300→360']);
    expect(f.args).toEqual({ state: 'A', partner: 'C', shares: { state: 50, partner: 50 }, stateAmount: 30000 });
    expect(f.difference).toBe(6000);
    expect(messages(f)).toEqual({
      fr: "«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: cofinancement 50/50 non respecté, part État (A) 300,00\u00a0€, part département (C) 360,00\u00a0€ — écart +60,00\u00a0€. Reportez en C le montant de A (50/50) ou justifiez l’écart.",
      en: '"Maraude de nuit" (row 3): 50/50 co-financing not met, State share (A) €300.00, département share (C) €360.00 — gap +€60.00. Copy the amount of A into C (50/50) or explain the gap.',
    });
    expect(rule.live(f)).toEqual({ kind: 'share', state: 'A', partner: 'C', shares: { state: 50, partner: 50 } });
    // On the pane's card, which shows the row, its title and the cell: the message starts with what is wrong.
    expect(findingCardText(f, 'fr')).toBe(
      'Cofinancement 50/50 non respecté, part État (A) 300,00\u00a0€, part département (C) 360,00\u00a0€ — écart +60,00\u00a0€. Reportez en C le montant de A (50/50) ou justifiez l’écart.',
    );
    expect(findingCardText(f, 'en')).toBe('50/50 co-financing not met, State share (A) €300.00, département share (C) €360.00 — gap +€60.00. Copy the amount of A into C (50/50) or explain the gap.');
  });

  it('its title names the pair, and the ratio only when it is not 50/50', () => {
    expect(rule.title.fr(CALPAE_TEMPLATE)).toBe('Cofinancement 50/50 (A ≠ C)');
    expect(rule.title.en(CALPAE_TEMPLATE)).toBe('50/50 co-financing (A ≠ C)');
  });

  it('is not asked of totals, nor of a row whose A or C cannot be read', () => {
    const body = reference();
    put(body, 4, 'C', 460);
    put(body, 2, 'A', { value: 'voir fiche' });
    expect(findingsOf('A_NEQ_C', body)).toEqual([]);
  });

  it('a template with a 70/30 ratio: C is expected at 30/70 of A, to the cent', () => {
    const d = JSON.parse(JSON.stringify(calpae)) as TemplateDescription;
    d.coFinancing = { ...d.coFinancing, shares: { state: 70, departement: 30 } };
    const template = compileTemplate(d);
    const body = reference();
    // Row 2: A 700, C 300 holds; row 3: A 700, C 250 does not (300 expected). The reference's
    // 50/50 rows break the 70/30 rule too: C is expected at 30/70 of A, rounded to the cent.
    put(body, 2, 'A', 700);
    put(body, 2, 'C', 300);
    put(body, 3, 'A', 700);
    put(body, 3, 'C', 250);
    at(body, 3)[7] = 0;
    const found = rule.check(tableOf(body, template));
    expect(brief(found)).toEqual(['A_NEQ_C@G3 300→250', 'A_NEQ_C@G5 428.57→1000', 'A_NEQ_C@G8 214.29→500']);
    expect(rule.title.fr(template)).toBe('Cofinancement 70/30 (A ≠ C × 70/30)');
    expect(rule.title.en(template)).toBe('70/30 co-financing (A ≠ C × 70/30)');
    expect(findingText(found[0], 'fr', template)).toBe(
      "«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: cofinancement 70/30 non respecté, part État (A) 700,00\u00a0€, part département (C) 250,00\u00a0€ au lieu de 300,00\u00a0€ — écart -50,00\u00a0€. Portez C à 300,00\u00a0€ (70/30) ou justifiez l’écart.",
    );
    expect(findingText(found[0], 'en', template)).toBe(
      '"Maraude de nuit" (row 3): 70/30 co-financing not met, State share (A) €700.00, département share (C) €250.00 instead of €300.00 — gap -€50.00. Bring C to €300.00 (70/30) or explain the gap.',
    );
  });
});

describe('A_NEQ_C in a table in thousands of euros: a share typed in euros is named', () => {
  /**
   * The reference table with its header saying « (k€) »: its amounts are read in k€. The row's
   * total is kept right, so that A_NEQ_C is not folded into a row total (fold.ts).
   */
  function inThousands(body: Typed[][]) {
    const grid = sheet(body);
    grid.rows[0]?.splice(4, 1, { value: `${HEADER[4]} (k€)` });
    const report = analyzeSheet(grid);
    expect(report.tables[0].unit).toBe('k€');
    return report.findings.filter((f) => f.rule === 'A_NEQ_C');
  }

  it('C a thousand times A: C looks typed in euros', () => {
    const body = reference();
    put(body, 3, 'C', 300000);
    put(body, 3, 'F', 300300);
    const [f, ...more] = inThousands(body);
    expect(more).toEqual([]);
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: cofinancement 50/50 non respecté, part État (A) 300\u00a0k€, part département (C) 300\u202f000\u00a0k€ — écart +299\u202f700\u00a0k€. Reportez en C le montant de A (50/50) ou justifiez l’écart. Le montant de C semble saisi en euros\u00a0: en milliers d’euros, ce serait 300\u00a0k€.',
    );
    expect(findingText(f, 'en')).toBe(
      '"Maraude de nuit" (row 3): 50/50 co-financing not met, State share (A) 300 k€, département share (C) 300,000 k€ — gap +299,700 k€. Copy the amount of A into C (50/50) or explain the gap. The amount in C looks typed in euros: in thousands, it would be 300 k€.',
    );
  });

  it('A a thousand times C: A looks typed in euros', () => {
    const body = reference();
    put(body, 3, 'A', 300000);
    put(body, 3, 'F', 300300);
    const [f, ...more] = inThousands(body);
    expect(more).toEqual([]);
    expect(findingText(f, 'fr')).toBe(
      '«\u00a0Maraude de nuit\u00a0» (ligne 3)\u00a0: cofinancement 50/50 non respecté, part État (A) 300\u202f000\u00a0k€, part département (C) 300\u00a0k€ — écart -299\u202f700\u00a0k€. Reportez en C le montant de A (50/50) ou justifiez l’écart. Le montant de A semble saisi en euros\u00a0: en milliers d’euros, ce serait 300\u00a0k€.',
    );
    expect(findingText(f, 'en')).toBe(
      '"Maraude de nuit" (row 3): 50/50 co-financing not met, State share (A) 300,000 k€, département share (C) 300 k€ — gap -299,700 k€. Copy the amount of A into C (50/50) or explain the gap. The amount in A looks typed in euros: in thousands, it would be 300 k€.',
    );
  });

  it('a gap that is not a factor of a thousand says nothing of euros', () => {
    const body = reference();
    put(body, 3, 'C', 350);
    put(body, 3, 'F', 650);
    const [f] = inThousands(body);
    expect(findingText(f, 'en')).toBe('"Maraude de nuit" (row 3): 50/50 co-financing not met, State share (A) 300 k€, département share (C) 350 k€ — gap +50 k€. Copy the amount of A into C (50/50) or explain the gap.');
  });
});
