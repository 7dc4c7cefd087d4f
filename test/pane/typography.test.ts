/**
 * French typography in the pane's and the demo's own words (issue 14), with the helper every words
 * table is scanned with (support/frenchTypography.ts): one apostrophe (’), no doubled guillemets,
 * a no-break space before « : » and inside « », a narrow one before « ; ! ? » — never a plain
 * space a line could break at. The engine's and the panels' words are scanned in test/typography.test.ts.
 */
import { STRINGS } from '../../src/taskpane/i18n';
import { WORDS as CRASH } from '../../src/taskpane/components/ErrorBoundary';
import { WORDS as HELP } from '../../src/taskpane/components/HelpMenu';
import { WORDS as DEMO } from '../../src/demo/DemoApp';
import { UnreadableWorkbook, unreadableMessage } from '../../src/demo/loadErrors';
import { textsOf, typographyProblems } from '../support/frenchTypography';

const all: Array<[string, string]> = [
  ...textsOf(STRINGS.fr, 'pane'),
  ...textsOf(CRASH.fr, 'crash'),
  ...textsOf(HELP.fr, 'help'),
  ...textsOf(DEMO.fr, 'demo'),
  ...(['ods', 'xls', 'encrypted', 'notXlsx'] as const).map((k): [string, string] => [`load.${k}`, unreadableMessage(new UnreadableWorkbook(k), 'annexe.ods', 'fr')]),
];

it('scans enough texts to mean something', () => {
  expect(all.length).toBeGreaterThan(80);
});

it.each(all)('%s', (_name, text) => {
  expect(typographyProblems(text)).toEqual([]);
});
