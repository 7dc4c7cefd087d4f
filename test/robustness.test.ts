/**
 * Every corpus case through the command line, as a user runs it (`check`, `check --json`, `fix`):
 * no crash, the declared outcome, French messages that say what and where, nothing reported on the
 * well-formed parts, and no code written anywhere but the empty code cells the case declares.
 * `npm run report` (not `npm test`) writes this file's sections of docs/robustness.md from this
 * run: each case, what happened, pass or fail; and the false findings and wrong writes counted.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliRun, runCli } from './support/cli';
import { loadWorkbookFile, workbookToGrid } from '../src/files/xlsx';
import { analyzeWorkbook } from '../src/domain';
import { CASES, CorpusCase, writeCorpus } from '../fixtures/corpus/generate';
import { writeReportSection } from './support/reports';
import * as ExcelJS from 'exceljs';
import { views } from '../fixtures/sample';


type Run = CliRun;

const run = runCli;

interface JsonFinding {
  rule: string;
  row: number;
  cell: string;
  message: string;
  unit: string;
  hidden: boolean;
}

interface JsonDoc {
  unit?: string;
  findings?: JsonFinding[];
  notices?: Array<{ code: string }>;
}

function jsonDocs(stdout: string): JsonDoc[] {
  if (!stdout.trim()) return [];
  const doc = JSON.parse(stdout) as unknown;
  return (Array.isArray(doc) ? doc : [doc]) as JsonDoc[];
}

/** The findings of `check --json`: one document, or an array of them (several sheets). */
function jsonFindings(stdout: string): JsonFinding[] {
  return jsonDocs(stdout).flatMap((d) => d.findings ?? []);
}

/** Cells whose value differs between two workbooks (`A1`, or `Sheet!A1` past the first sheet). */
function changedValues(before: ExcelJS.Workbook, after: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  after.worksheets.forEach((ws, i) => {
    const old = before.getWorksheet(ws.name);
    const seen = new Set<string>();
    const visit = (sheet: ExcelJS.Worksheet | undefined, other: ExcelJS.Worksheet | undefined) => {
      sheet?.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          // A merged area's other cells repeat its value in ExcelJS: the area counts once.
          if (seen.has(cell.address) || (cell.isMerged && cell.master !== cell)) return;
          seen.add(cell.address);
          const was = other?.getCell(cell.address).value ?? null;
          if (JSON.stringify(cell.value ?? null) !== JSON.stringify(was)) out.push(i === 0 ? cell.address : `${ws.name}!${cell.address}`);
        }),
      );
    };
    visit(ws, old);
    visit(old, ws);
  });
  return out;
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

interface Outcome {
  c: CorpusCase;
  happened: string;
  pass: boolean;
  why?: string;
  /** Findings raised that the case does not expect, expected ones not raised, cells written outside the declared ones. */
  falseFindings?: string[];
  missed?: string[];
  wrongWrites?: string[];
  writes?: number;
}
const outcomes = new Map<string, Outcome>();

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-corpus-'));
  await writeCorpus(path.join(dir, 'in'));
  await fs.mkdir(path.join(dir, 'out'));
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  // A partial run (jest -t) must not overwrite the table of the full run.
  if (outcomes.size === CASES.length) {
    await writeReportSection('docs/robustness.md', CORPUS_SECTION, robustnessTable());
    await writeReportSection('docs/robustness.md', ERRORS_SECTION, errorsSection());
  }
});

function expectedText(c: CorpusCase): string {
  const e = c.expect;
  const parts = [`code ${e.exit}`];
  if (e.findings) parts.push(e.findings.length ? e.findings.join(', ') : 'aucune anomalie');
  if (e.filled) parts.push(`${e.filled} imputation(s) complétée(s) par fix${e.writes ? ` (${e.writes.join(', ')})` : ''}`);
  if (e.unit) parts.push(`unité ${e.unit}`);
  if (e.exit === 2 && e.says?.[0]) parts.push(`« ${e.says[0]} »`);
  return parts.join(' ; ');
}

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

const CORPUS_SECTION = 'Le corpus de classeurs difficiles';
const ERRORS_SECTION = 'Fausses alertes et écritures erronées';

/** Findings beyond those expected (false alarms) and expected ones missing, as multisets. */
function difference(found: string[], expected: string[]): { extra: string[]; missing: string[] } {
  const left = [...expected];
  const extra: string[] = [];
  for (const f of found) {
    const i = left.indexOf(f);
    if (i >= 0) left.splice(i, 1);
    else extra.push(f);
  }
  return { extra, missing: left };
}

function errorsSection(): string {
  const readable = [...outcomes.values()].filter((o) => o.c.expect.exit !== 2);
  const named = (pick: (o: Outcome) => string[] | undefined) => readable.flatMap((o) => (pick(o) ?? []).map((x) => `${o.c.id} : ${x}`));
  const falseFindings = named((o) => o.falseFindings);
  const missed = named((o) => o.missed);
  const wrong = named((o) => o.wrongWrites);
  const expected = readable.reduce((n, o) => n + (o.c.expect.findings?.length ?? 0), 0);
  const writes = readable.reduce((n, o) => n + (o.writes ?? 0), 0);
  const item = (head: string, items: string[]) => [head, ...items.map((x) => `  - ${x}`)].join('\n');
  return [
    `Sur les ${readable.length} classeurs lisibles du corpus, comparés à ce que chaque cas déclare : les anomalies attendues (règle@cellule), et les seules cellules où \`fix\` peut écrire une imputation (la cellule vide du code Chorus d’une ligne d’action certaine).`,
    item(`- **Fausses alertes : ${falseFindings.length}** (anomalies signalées que le cas n’attend pas).`, falseFindings),
    item(`- **Écritures erronées : ${wrong.length}** (cellules modifiées par \`fix\` hors des cellules déclarées).`, wrong),
    item(`- Anomalies attendues non trouvées : ${missed.length} (sur ${expected} attendues).`, missed),
    `- Imputations écrites par \`fix\`, chacune dans une cellule déclarée : ${writes}.`,
    'Les tests de propriétés (`test/engine/layout-variants.test.ts`) vérifient en plus, sur l’annexe du Pas-de-Calais et sur des annexes générées, en-têtes découpés au hasard sur deux ou trois lignes, libellés de sous-totaux variés et tableau récapitulatif dessous ou à droite, que les anomalies sont celles de l’annexe d’origine et qu’aucune imputation n’est prévue ailleurs que dans le code vide d’une ligne d’action.',
  ].join('\n\n');
}

function robustnessTable(): string {
  const rows = CASES.map((c, i) => {
    const o = outcomes.get(c.id)!;
    return `| ${i + 1} | ${cellText(c.what)} | \`${c.file}\` | ${cellText(expectedText(c))} | ${cellText(o.happened)}${o.why ? ` — **${cellText(o.why)}**` : ''} | ${o.pass ? 'oui' : '**NON**'} |`;
  });
  const passed = [...outcomes.values()].filter((o) => o.pass).length;
  return [
    '_Section écrite par `npm run report` (`test/robustness.test.ts` ; ne pas la modifier à la main)._',
    '',
    `Chaque cas est construit par \`fixtures/corpus/generate.ts\` (petit et lisible, à partir du vocabulaire de l’annexe du Pas-de-Calais ou saisi à la main), puis passé à la ligne de commande : \`annex9 check\`, \`annex9 check --json\` et \`annex9 fix\`. Un cas réussit quand rien ne plante, que le code de sortie et la liste des anomalies (règle@cellule) sont ceux attendus, que les messages sont en français et disent où (ligne, cellule ou fichier), que \`fix\` laisse l’original intact, n’écrit que des copies complètes, n’écrit d’imputation que dans les cellules que le cas déclare, et que la copie relue, contrôlée à nouveau, donne les mêmes anomalies hors imputations complétées. Les cas de \`fixtures/corpus/layouts.ts\` sont des annexes telles que les départements les font : en-têtes sur plusieurs lignes, autres tableaux sur la feuille, libellés de sous-totaux, milliers d’euros, formules, lignes masquées.`,
    '',
    `**${passed} cas sur ${outcomes.size} réussis.**`,
    '',
    '| # | Cas | Fichier | Attendu | Résultat | OK |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'Codes de sortie : 0 aucune anomalie, 1 anomalies trouvées, 2 fichier impossible à contrôler.',
    '',
  ].join('\n');
}

const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

/** What happened, in a few words, for the table. */
function summary(check: Run, findings: JsonFinding[], fix: Run | null): string {
  const parts = [`code ${check.code}`];
  if (check.code === 2) {
    parts.push(`« ${short(check.stderr.trim().split('\n')[0].replace(/^.*?\/in\//, ''))} »`);
  } else {
    parts.push(findings.length ? findings.map((f) => `${f.rule}@${f.cell}`).join(', ') : 'aucune anomalie');
    const first = findings[0]?.message;
    if (first) parts.push(`« ${short(first)} »`);
  }
  if (fix) {
    const filled = [...fix.stdout.matchAll(/(\d+) imputation\(s\) complétée\(s\)/g)].reduce((n, m) => n + Number(m[1]), 0);
    parts.push(fix.code === 2 ? 'fix refuse (code 2)' : `fix : copie écrite${filled ? `, ${filled} imputation(s) complétée(s)` : ''}`);
  }
  return parts.join(' ; ');
}

describe('the corpus of difficult workbooks', () => {
  it('has at least 30 cases, each with a unique id and file name', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it('checks the whole corpus folder in one run: a bad file does not stop the others', async () => {
    const r = await run(['check', path.join(dir, 'in'), '--json']);
    expect(r.stderr).not.toContain('Erreur inattendue');
    expect(r.code).toBe(2);
    const docs = JSON.parse(r.stdout) as Array<{ file: string; error?: string; findings?: JsonFinding[] }>;
    // Folders give every workbook, whatever its format (.xls, .csv are refused with what to do): every case is there, read or refused with its reason.
    const xlsx = CASES.filter((c) => /\.(xlsx|xls|csv)$/.test(c.file));
    expect(new Set(docs.map((d) => path.basename(d.file)))).toEqual(new Set(xlsx.map((c) => c.file)));
    for (const c of xlsx) {
      const mine = docs.filter((d) => path.basename(d.file) === c.file);
      if (c.expect.exit === 2) expect(mine.map((d) => d.error)).toEqual([expect.stringMatching(/\S/)]);
      else if (c.expect.findings) expect(mine.flatMap((d) => (d.findings ?? []).map((f) => `${f.rule}@${f.cell}`))).toEqual(c.expect.findings);
    }
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const input = path.join(dir, 'in', c.file);
    const outcome: Outcome = { c, happened: 'non exécuté', pass: false };
    outcomes.set(c.id, outcome);
    try {
      const before = await sha(input);
      const json = await run(['check', input, '--json']);
      const text = await run(['check', input]);
      const findings = jsonFindings(json.stdout);
      const out = path.join(dir, 'out', `${c.id}.xlsx`);
      const fix = await run(['fix', input, '--out', out]);
      outcome.happened = summary(text, findings, fix);

      // No crash, and the same verdict whichever way it is asked.
      for (const r of [json, text, fix]) expect(r.stderr).not.toContain('Erreur inattendue');
      expect(text.code).toBe(c.expect.exit);
      expect(json.code).toBe(c.expect.exit);
      const said = `${text.stdout}\n${text.stderr}`;
      for (const fragment of c.expect.says ?? []) expect(said).toContain(fragment);
      for (const fragment of c.expect.saysNot ?? []) expect(said).not.toContain(fragment);

      if (c.expect.findings) {
        const d = difference(findings.map((f) => `${f.rule}@${f.cell}`), c.expect.findings);
        outcome.falseFindings = d.extra;
        outcome.missed = d.missing;
      }

      if (c.expect.exit === 2) {
        // Says which file and why, in French, on stderr; nothing on stdout; no copy written.
        expect(text.stdout).toBe('');
        expect(text.stderr).toContain(path.basename(input));
        expect(text.stderr).toMatch(/\b(classeur|fichier|feuille|annexe)\b/i);
        expect(fix.code).toBe(2);
        await expect(fs.stat(out)).rejects.toThrow();
      } else {
        if (c.expect.findings) expect(findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(c.expect.findings);
        // Each message says where: its row, and for a code its cell, once. The terminal's line
        // opens with the cell: its message says « la cellule » where the JSON's names it.
        for (const f of findings) {
          expect(f.message).toMatch(new RegExp(`\\(ligne ${f.row}[,)]`));
          const named = f.message.match(new RegExp(`\\b${f.cell}\\b`, 'g')) ?? [];
          expect(named.length).toBeLessThanOrEqual(1);
          // A row under a merged code cell is told to fill the merged cell (its top left).
          if (f.rule === 'MISSING_IMPUTATION') expect(f.message).toMatch(new RegExp(`\\b(${f.cell}|cellule fusionnée [A-Z]+\\d+)\\b`));
          const besideCell = f.message.replace(new RegExp(`\\ben ${f.cell}\\b`), 'dans la cellule').replace(new RegExp(`\\b${f.cell}\\b`), 'la cellule');
          expect(text.stdout).toContain(`${f.cell.padEnd(6)} ${besideCell}`);
        }
        // fix: same verdict, the codes it said, a whole copy that reads back.
        expect(fix.code).toBe(c.expect.exit);
        const filled = [...fix.stdout.matchAll(/(\d+) imputation\(s\) complétée\(s\)/g)].reduce((n, m) => n + Number(m[1]), 0);
        expect(filled).toBe(c.expect.filled ?? 0);
        expect(fix.stdout).toContain(`Copie relue écrite\u00a0: ${out}`);
        const again = analyzeWorkbook(workbookToGrid(await loadWorkbookFile(out)));
        const reFindings = again.sheets.flatMap((s) => views(s).map((f) => `${f.rule}@${f.cell}`));
        const notCodes = (list: string[]) => list.filter((x) => !x.startsWith('MISSING_IMPUTATION'));
        expect(notCodes(reFindings)).toEqual(notCodes(findings.map((f) => `${f.rule}@${f.cell}`)));
        // The unit, the hidden rows and the notices the JSON gives.
        const docs = jsonDocs(json.stdout);
        const unit = c.expect.unit ?? '€';
        for (const d of docs) expect(d.unit).toBe(unit);
        for (const f of findings) expect(f.unit).toBe(unit);
        expect(findings.filter((f) => f.hidden).map((f) => f.cell)).toEqual(c.expect.hidden ?? []);
        if (c.expect.notices) expect(docs.flatMap((d) => (d.notices ?? []).map((n) => n.code))).toEqual(c.expect.notices);
        // fix writes codes only into the cells the case declares, each empty before.
        const written = changedValues(await loadWorkbookFile(input), await loadWorkbookFile(out));
        outcome.writes = written.length;
        outcome.wrongWrites = written.filter((cell) => !(c.expect.writes ?? []).includes(cell));
        expect(outcome.wrongWrites).toEqual([]);
        expect(written.length).toBe(c.expect.filled ?? 0);
        const codesLeft = reFindings.filter((x) => x.startsWith('MISSING_IMPUTATION'));
        if ((c.expect.filled ?? 0) > 0) expect(codesLeft).toEqual([]);
        else expect(codesLeft).toEqual(findings.filter((f) => f.rule === 'MISSING_IMPUTATION').map((f) => `${f.rule}@${f.cell}`));
      }
      // The input is never changed, and no temporary file is left beside the copy.
      expect(await sha(input)).toBe(before);
      expect((await fs.readdir(path.join(dir, 'out'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      outcome.pass = true;
    } catch (e) {
      // The assertion, without the received text (it holds temporary paths).
      const lines = String((e as Error).message ?? e).replace(/\u001b\[\d+m/g, '').split('\n').filter((l) => l.trim());
      const end = lines.findIndex((l) => /^\s*Received/.test(l));
      outcome.why = lines.slice(0, end > 0 ? end : 2).join(' ').split(dir).join('…');
      throw e;
    }
  });
});
