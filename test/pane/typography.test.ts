/**
 * French typography in the pane's and the demo's own words (issue 14): one apostrophe (’), no
 * doubled guillemets, a non-breaking space before « : » and inside « », a narrow one before « ; ! ? »
 * — never a plain space a line could break at. The engine's messages are not scanned here (they
 * are rendered from the domain's tables).
 */
import { STRINGS } from '../../src/taskpane/i18n';
import { WORDS as CRASH } from '../../src/taskpane/components/ErrorBoundary';
import { WORDS as HELP } from '../../src/taskpane/components/HelpMenu';
import { WORDS as DEMO } from '../../src/demo/DemoApp';
import { UnreadableWorkbook, unreadableMessage } from '../../src/demo/loadErrors';

/** Every text of a table: strings as they are, functions called with plausible arguments. */
function texts(table: object, where: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(table)) {
    const name = `${where}.${k}`;
    if (typeof v === 'string') out.push([name, v]);
    else if (typeof v === 'function') {
      for (const args of [[1, 1, 'Annexe 9'], [2, 23, 'Annexe 9'], [['C24', 'C27']], ['check'], ['fill'], ['takeBack']]) {
        let r: unknown;
        try {
          r = (v as (...a: unknown[]) => unknown)(...args);
        } catch {
          continue; // arguments of another shape
        }
        if (typeof r === 'string') out.push([`${name}(${JSON.stringify(args)})`, r]);
      }
    } else if (v && typeof v === 'object') out.push(...texts(v, name));
  }
  return out;
}

const all: Array<[string, string]> = [
  ...texts(STRINGS.fr, 'pane'),
  ...texts(CRASH.fr, 'crash'),
  ...texts(HELP.fr, 'help'),
  ...texts(DEMO.fr, 'demo'),
  ...(['ods', 'xls', 'encrypted', 'notXlsx'] as const).map((k): [string, string] => [`load.${k}`, unreadableMessage(new UnreadableWorkbook(k), 'annexe.ods', 'fr')]),
];

it('scans enough texts to mean something', () => {
  expect(all.length).toBeGreaterThan(80);
});

it.each(all)('%s', (_name, text) => {
  const problems: string[] = [];
  if (text.includes("'")) problems.push('straight apostrophe');
  if (/«\s*«|»\s*»/.test(text)) problems.push('doubled guillemets');
  if (/ [:]/.test(text)) problems.push('plain space before a colon');
  if (/ [;!?]/.test(text)) problems.push('plain space before ; ! ?');
  if (/« | »/.test(text)) problems.push('plain space inside « »');
  if (/\S[;!?]/.test(text.replace(/\?[a-z=]/g, ''))) problems.push('no space before ; ! ?');
  expect(problems).toEqual([]);
});
