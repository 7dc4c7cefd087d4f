/** @jest-environment jsdom */
/**
 * The results at a task pane's width (issue 14): the verdict, then findings grouped by rule with
 * their count, the headline rule (A ≠ C) first, each group collapsible; each card says the cell,
 * the row, the label and the message once; a merged code cell covering four actions is one card
 * saying « 1 cellule fusionnée pour 4 actions ».
 */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Results } from '../../src/taskpane/components/Results';
import { SheetReport } from '../../src/domain/analyze';
import { Finding } from '../../src/domain/findings';
import { sampleReport } from './stub';

function show(report: SheetReport) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Results report={report} lang="fr" current={null} onSelect={() => undefined} />
    </FluentProvider>,
  );
}

const count = (text: string, part: string) => text.split(part).length - 1;

it('says the cell, the row, the label and the figures once per card', () => {
  show(sampleReport('fr'));
  const l51 = screen.getByRole('button', { name: /L51/ });
  const text = l51.textContent ?? '';
  expect(count(text, 'L51')).toBe(1);
  expect(count(text, 'TOTAUX FINANCIERS')).toBe(1);
  expect(count(text, '(ligne 51)')).toBe(0);
  expect(text.startsWith('L51ligne 51TOTAUX FINANCIERS')).toBe(true);
  expect(text).toContain('F affiché 13\u202f094\u202f116,00\u00a0€, A+B+C+D+E = 13\u202f414\u202f116,00\u00a0€ — écart -320\u202f000,00\u00a0€');
  expect(text).toContain('Corrigez F en 13\u202f414\u202f116,00\u00a0€');
  // The accessible name is the card's text, nothing said twice before it.
  const name = l51.getAttribute('aria-label') ?? text;
  expect(l51).not.toHaveAttribute('aria-label');
  expect(count(name, 'L51')).toBe(1);
  expect(l51.querySelector('[class*="hidden"], [style*="clip"]')).toBeNull();
  const l50 = screen.getByRole('button', { name: /L50/ }).textContent ?? '';
  expect(count(l50, '(ligne 50)')).toBe(0);
  expect(l50).toContain('Sous-total initiatives\u00a0: F affiché 960\u202f000,00\u00a0€');
});

it('one card for a merged code cell covering four actions, saying so; the group still counts the four findings', () => {
  const report = sampleReport('fr');
  const base = report.findings[0];
  const rows = [46, 47, 48, 49];
  // Four actions under one merged code cell C46:C49: a finding per action, each on its own row.
  const merged = rows.map(
    (row): Finding => ({
      ...base,
      rule: 'MISSING_IMPUTATION',
      column: 'imputation',
      at: { row: row - 1, col: 2 },
      rowKind: 'action',
      rowLabel: `Action ${row}`,
      expected: null,
      actual: null,
      difference: null,
      args: { code: null, source: null, candidates: [], target: { row: 45, col: 2 } },
    }),
  );
  show({ ...report, findings: [...report.findings, ...merged] });
  const group = screen.getByRole('region', { name: /\(4\)/ });
  const cards = within(group).getAllByRole('button').filter((b) => b.hasAttribute('data-cell'));
  expect(cards).toHaveLength(1);
  expect(cards[0]).toHaveTextContent('1 cellule fusionnée pour 4 actions');
  expect(cards[0]).toHaveTextContent('lignes 46 à 49');
  // The card shows the merged cell once; its message does not name it again.
  expect(count(cards[0].textContent ?? '', 'C46')).toBe(1);
  expect(cards[0]).toHaveTextContent('Saisissez le code Chorus de l’action dans la cellule.');
});

it('puts the headline rule (A ≠ C) first; groups collapse and expand, with their counts; many findings start folded but the first', () => {
  const report = sampleReport('fr', { themeCells: 'firstRow' });
  const base = report.findings[0];
  const aNeqC = { ...base, rule: 'A_NEQ_C', at: { row: 47, col: 7 }, rowKind: 'action', rowLabel: 'Décrochage', expected: 1000, actual: 2000, difference: 1000, args: { state: 'A', partner: 'C', shares: { state: 50, partner: 50 }, stateAmount: 1000 } } as unknown as Finding;
  show({ ...report, findings: [...report.findings, aNeqC] });
  const toggles = screen.getAllByRole('button', { expanded: true }).concat(screen.getAllByRole('button', { expanded: false }));
  const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '');
  expect(headings[0]).toMatch(/\(1\)$/);
  expect(screen.getByRole('region', { name: headings[0] })).toHaveAttribute('data-rule', 'A_NEQ_C');
  expect(toggles.length).toBeGreaterThanOrEqual(2);
  // More than six findings: only the first group starts open.
  const first = within(screen.getByRole('heading', { level: 3, name: headings[0] })).getByRole('button');
  expect(first).toHaveAttribute('aria-expanded', 'true');
  const second = within(screen.getByRole('heading', { level: 3, name: headings[1] })).getByRole('button');
  expect(second).toHaveAttribute('aria-expanded', 'false');
  const list = document.getElementById(second.getAttribute('aria-controls')!)!;
  expect(list).not.toBeVisible();
  fireEvent.click(second);
  expect(second).toHaveAttribute('aria-expanded', 'true');
  expect(list).toBeVisible();
  fireEvent.click(first);
  expect(first).toHaveAttribute('aria-expanded', 'false');
});
