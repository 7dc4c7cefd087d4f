/**
 * Hostile or huge documents: the extraction stays linear (bounded searches, no quadratic
 * backtracking), and matching the fiches with a very long annex stays quick. Bounds are generous:
 * they catch an explosion, not a slowdown.
 */
import { AnnexActionRow, conventionTextFromString, extractConvention, matchFiches } from '../../src/domain/convention';

describe('resource bombs', () => {
  it('a few megabytes of digit runs, headings, boxes and codes without amounts are read in bounded time', () => {
    const parts = [
      '1 '.repeat(400_000),
      '€ ',
      'Action 7 : Titre BUDGET ESTIME 2023 : 1 2 3 4 5 6 € dont '.repeat(20_000),
      'La subvention est imputée (code activité : 030450191903) '.repeat(20_000),
      "le soutien financier de l'État s'élève à ".repeat(20_000),
    ];
    const started = Date.now();
    const x = extractConvention(conventionTextFromString(parts.join('\n')));
    expect(Date.now() - started).toBeLessThan(30_000);
    // A run of digits too long to be an amount is none, never its tail.
    expect(x.stateTotal).toBeNull();
    expect(x.codes).toEqual([]);
    expect(x.fiches).toHaveLength(1);
    expect(x.fiches[0].total).toBeNull();
  });

  it('23 fiches against an annex of 20 000 rows', () => {
    const fiches = Array.from({ length: 23 }, (_, i) => ({ number: i + 1, title: `Accompagnement numéro ${i + 1} des publics`, aliases: [], total: 100, stateShare: 50, source: null }));
    const rows: AnnexActionRow[] = Array.from({ length: 20_000 }, (_, j) => ({
      row: j + 10,
      title: `Action ${j} de soutien aux familles du territoire ${j % 97}`,
      fiche: null,
      code: null,
      A: null,
      F: null,
      hasMoney: true,
    }));
    rows[12_345].title = 'Accompagnement numéro 7 des publics';
    const started = Date.now();
    const matches = matchFiches(fiches, rows);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(matches[6]).toMatchObject({ row: 12_345, method: 'title' });
    expect(matches.filter((m) => m.row !== null)).toHaveLength(1);
  });
});
