/**
 * The rule registry (src/domain/rules/registry.ts): one module per rule, every code once, a
 * priority order that reports and colours follow, titles in both languages, and the README's
 * table generated from it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DOCUMENT_RULES, RULES, RULE_BY_CODE, SHEET_RULES } from '../../../src/domain/rules/registry';
import { CALPAE_TEMPLATE } from '../../../src/domain/template';
import { LANGS } from '../../../src/domain/words';
import { ruleTable } from '../../../scripts/rule-table';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the rule registry', () => {
  it('has one module per sheet rule, in src/domain/rules/, each exporting its record', () => {
    const files = fs.readdirSync(path.join(ROOT, 'src', 'domain', 'rules'));
    for (const rule of SHEET_RULES) {
      const module = files.filter((f) => fs.readFileSync(path.join(ROOT, 'src', 'domain', 'rules', f), 'utf8').includes(`code: '${rule.code}'`));
      expect({ code: rule.code, modules: module.length }).toEqual({ code: rule.code, modules: 1 });
    }
  });

  it('gives every code its own priority, the sheet rules before the convention’s', () => {
    const all = [...SHEET_RULES, ...DOCUMENT_RULES];
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
    expect(new Set(all.map((r) => r.priority)).size).toBe(all.length);
    expect(Math.max(...SHEET_RULES.map((r) => r.priority))).toBeLessThan(Math.min(...DOCUMENT_RULES.map((r) => r.priority)));
    expect(RULES).toEqual(['UNREADABLE_AMOUNT', 'STALE_FORMULA', 'SUBTOTAL', 'SECTION_TOTAL', 'GRAND_TOTAL', 'ROW_TOTAL', 'A_NEQ_C', 'VALORISATION_EXCEEDS_C', 'MISSING_IMPUTATION']);
    for (const code of RULES) expect(RULE_BY_CODE[code].code).toBe(code);
  });

  it('titles every rule in every language, and marks each with its own colour and symbol', () => {
    for (const rule of SHEET_RULES) for (const lang of LANGS) expect(rule.title[lang](CALPAE_TEMPLATE)).toMatch(/\S/);
    for (const rule of DOCUMENT_RULES) for (const lang of LANGS) expect(rule.title[lang]).toMatch(/\S/);
    expect(new Set(SHEET_RULES.map((r) => r.mark.fill)).size).toBe(SHEET_RULES.length);
    expect(new Set(SHEET_RULES.map((r) => r.mark.symbol)).size).toBe(SHEET_RULES.length);
    for (const rule of SHEET_RULES) expect(rule.mark.fill).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('is what the README’s table of rule codes shows (scripts/rule-table.ts)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`\n${ruleTable()}\n`);
    expect(ruleTable().split('\n')).toHaveLength(2 + SHEET_RULES.length + DOCUMENT_RULES.length);
  });
});
