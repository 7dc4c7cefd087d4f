/**
 * The README's table of rule codes, generated from the rule registry (src/domain/rules/registry.ts):
 * `npx ts-node --transpile-only scripts/rule-table.ts` prints it; test/engine/rules/registry.test.ts
 * checks that the README shows exactly this table.
 */
import { DOCUMENT_RULES, SHEET_RULES } from '../src/domain/rules/registry';

export function ruleTable(): string {
  const rules = [...SHEET_RULES, ...DOCUMENT_RULES].sort((a, b) => a.priority - b.priority);
  return ['| code | rule |', '| --- | --- |', ...rules.map((r) => `| \`${r.code}\` | ${r.doc} |`)].join('\n');
}

if (require.main === module) console.log(ruleTable());
