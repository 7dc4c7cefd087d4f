/**
 * « Comparer avec… » (issue 16): the checked sheet against another sheet of the workbook or an
 * .xlsx file (read by ExcelJS, loaded only then), as two versions or as planned against spent.
 * The result is grouped (actions added, removed, changed; per measure, per code, totals; findings
 * new or gone), each group folds, unchanged rows are hidden unless asked for, and a click on an
 * item selects its row in the sheet. For an execution table, the amount that may be recovered
 * per code, with its formula, as an estimate to confirm. « Insérer la feuille Comparaison
 * annexe 9 » writes the comparison as a sheet, taken back with the add-in's other writes.
 * This panel is a chunk of its own (React.lazy).
 */
import { useEffect, useMemo, useState } from 'react';
import { CompareResult } from '../../domain/compare/compare';
import { NotifiedCents } from '../../domain/compare/execution';
import { OutlineItem, RowTarget, comparisonOutline } from '../../domain/compare/outline';
import { codeName, executionFormula, quote } from '../../domain/compare/render';
import { planComparisonSheet } from '../../domain/compare/sheetPlan';
import { euro } from '../../domain/convention/messages';
import { SheetGrid } from '../../domain/grid';
import { Lang } from '../../domain/messages';
import { colon } from '../../domain/words/render';
import { AnnexService, CheckOutcome, StoredConvention } from '../../office/service';
import { Side, annexSheetsOf, compareGrids } from '../panels/compareGrids';
import { compareWords } from '../panels/words';
import type { PanelKit } from './panelKit';
import { CheckField, FileField, SelectField } from './panelFields';

export interface ComparisonPanelProps {
  /** Fluent UI parts and styles, from the pane's chunk (panelKit.ts). */
  kit: PanelKit;
  service: AnnexService;
  lang: Lang;
  outcome: CheckOutcome;
  writeOff?: string;
  /** The convention's confirmed amounts: what the State paid per code, for planned against spent. */
  stored: StoredConvention | null;
  /** The comparison sheet was written (the pane then knows there is something « Tout retirer… » removes). */
  onInserted?(): void;
  onClose(): void;
}


interface FileChoice {
  name: string;
  sheets: SheetGrid[];
}

/** A1 cell of a target row: the table's header column. */
function cellOf(result: CompareResult, side: 'old' | 'new', t: RowTarget): string {
  const col = /^[A-Z]+/.exec(result[side].headerCell)?.[0] ?? 'A';
  return `${col}${t.row}`;
}

export default function ComparisonPanel(props: ComparisonPanelProps) {
  const { service, lang, outcome } = props;
  const w = compareWords(lang);
  const styles = props.kit.classes;
  const { Button, MessageBar, MessageBarBody, Spinner } = props.kit;
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [other, setOther] = useState('');
  const [file, setFile] = useState<FileChoice | null>(null);
  const [fileSheet, setFileSheet] = useState('');
  const [activeIs, setActiveIs] = useState<'new' | 'old'>('new');
  const [execution, setExecution] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [working, setWorking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [result, setResult] = useState<{ r: CompareResult; inWorkbook: { old: string | null; new: string | null } } | null>(null);

  useEffect(() => {
    let live = true;
    if (!service.sheetNames) {
      setSheets([]);
      return;
    }
    service.sheetNames().then(
      (names) => live && setSheets(names.filter((n) => n !== outcome.sheet)),
      () => live && setSheets([]),
    );
    return () => {
      live = false;
    };
  }, [service, outcome.sheet]);

  const onFile = async (f: File) => {
    setProblem(null);
    setWorking(w.readFile(f.name));
    try {
      const { gridsFromXlsx } = await import(/* webpackChunkName: "workbook-file" */ '../../files/browser/workbookFile');
      const book = await gridsFromXlsx(await f.arrayBuffer());
      const annexes = annexSheetsOf(book.sheets);
      if (!annexes.length) {
        setProblem(w.noAnnexInFile(f.name));
        return;
      }
      setFile({ name: f.name, sheets: annexes });
      setFileSheet(annexes[0].name);
      setOther('');
    } catch (e) {
      setProblem(w.fileError(f.name, e instanceof Error ? e.message : String(e)));
    } finally {
      setWorking(null);
    }
  };

  const run = async () => {
    if (!service.readGrid) return;
    setProblem(null);
    setNote(null);
    setWorking(w.comparing);
    try {
      const active: Side = { grid: await service.readGrid(outcome.sheet), file: null };
      let second: Side;
      if (other) second = { grid: await service.readGrid(other), file: null };
      else if (file) second = { grid: file.sheets.find((g) => g.name === fileSheet) ?? file.sheets[0], file: file.name };
      else return;
      const [old, neu] = activeIs === 'new' ? [second, active] : [active, second];
      const notified: NotifiedCents[] = (props.stored?.figures.codes ?? []).map((c) => ({ code: c.code, amount: c.cents }));
      const compared = compareGrids(old, neu, execution ? 'execution' : 'auto', lang, notified);
      if (!compared.ok) {
        setProblem(compared.message);
        setResult(null);
        return;
      }
      setResult({ r: compared.result, inWorkbook: { old: old.file === null ? old.grid.name : null, new: neu.file === null ? neu.grid.name : null } });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(null);
    }
  };

  const outline = useMemo(() => (result ? comparisonOutline(result.r, { lang, showUnchanged }) : []), [result, lang, showUnchanged]);

  const go = (item: OutlineItem) => {
    if (!result) return;
    // The checked workbook's side first: the other may be a file.
    for (const side of ['new', 'old'] as const) {
      const t = item.go[side];
      const sheet = result.inWorkbook[side];
      if (t && sheet) {
        void service.select(sheet, cellOf(result.r, side, t));
        return;
      }
    }
  };

  const insert = async () => {
    if (!result || !service.insertComparison) return;
    setWorking(w.insert);
    try {
      const plan = planComparisonSheet(result.r, { lang, showUnchanged, linkSheets: result.inWorkbook });
      const done = await service.insertComparison(outcome, plan, lang);
      setNote({ ok: done.ok, text: done.message });
      if (done.ok) props.onInserted?.();
    } catch (e) {
      setNote({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setWorking(null);
    }
  };

  const x = result?.r.execution ?? null;
  const owed = x ? x.codes.filter((c) => (c.reversement ?? 0) > 0) : [];

  return (
    <section className={styles.panel} aria-labelledby="compare-title" data-testid="comparison-panel">
      <h2 id="compare-title" className={styles.h2}>
        {w.title}
      </h2>
      <p className={styles.small}>{w.intro}</p>
      <SelectField
        classes={styles}
        label={w.otherSheet}
        value={other}
        testId="compare-sheet"
        disabled={!sheets || sheets.length === 0}
        onChange={(v) => {
          setOther(v);
          if (v) setFile(null);
        }}
      >
        <option value="">{sheets && sheets.length === 0 ? w.noOther : w.chooseSheet}</option>
        {(sheets ?? []).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <FileField classes={styles} label={w.orFile} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" testId="compare-file" disabled={working !== null} onFile={(f) => void onFile(f)} />
      {file && file.sheets.length > 1 && (
        <SelectField classes={styles} label={w.fileSheet(file.name)} value={fileSheet} onChange={setFileSheet}>
          {file.sheets.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      {file && <p className={styles.small}>{w.fileSheet(file.name)}{colon(lang)}{quote(fileSheet, lang)}</p>}
      <fieldset className={styles.field} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className={styles.label}>{w.activeIs}</legend>
        {(['new', 'old'] as const).map((v) => (
          <label key={v} className={styles.check}>
            <input type="radio" name="compare-active" value={v} checked={activeIs === v} onChange={() => setActiveIs(v)} />
            {v === 'new' ? w.activeNew : w.activeOld}
          </label>
        ))}
      </fieldset>
      <CheckField classes={styles} checked={execution} onChange={setExecution} label={w.execution} testId="compare-execution" />
      <p className={styles.small}>{w.executionHint}</p>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void run()} disabled={working !== null || (!other && !file)}>
          {w.run}
        </Button>
        <Button appearance="subtle" onClick={props.onClose}>
          {w.close}
        </Button>
      </div>
      {working && <Spinner size="tiny" labelPosition="after" label={working} />}
      {problem && (
        <MessageBar intent="warning" layout="multiline" data-testid="compare-problem">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent={note.ok ? 'success' : 'warning'} layout="multiline" data-testid="compare-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <div data-testid="compare-result" className={styles.panel} style={{ border: 'none', padding: 0, marginTop: 0 }}>
          {result.r.identical && <p className={styles.p}>{w.identical}</p>}
          <CheckField classes={styles} checked={showUnchanged} onChange={setShowUnchanged} label={w.showUnchanged} testId="compare-unchanged" />
          {x && (
            <div className={styles.box} data-testid="reversement">
              <strong>{w.reversementTitle}</strong>
              {owed.map((c) => (
                <span key={c.code ?? ''}>
                  {codeName(result.r, c.code, lang)}{colon(lang)}{euro(c.reversement!, lang)}
                </span>
              ))}
              {x.total.reversement !== null && (
                <span>
                  Total (art. 5, ΣV − ΣP){colon(lang)}{euro(Math.max(0, x.total.reversement), lang)}
                </span>
              )}
              <pre className={styles.pre}>{executionFormula(lang).join('\n')}</pre>
            </div>
          )}
          {outline.map((section) => (
            <details key={section.id} open={section.id !== 'actionsUnchanged'} data-section={section.id}>
              <summary className={styles.summary}>
                {section.title} ({section.items.length})
              </summary>
              <ul className={styles.plainList}>
                {section.items.map((item, i) => (
                  <li key={i} data-status={item.status}>
                    <Button appearance="subtle" className={styles.item} onClick={() => go(item)} data-testid="compare-item">
                      <span>
                        <strong>[{w.statusWords[item.status]}]</strong> {item.title}
                        {item.details.map((d, k) => (
                          <span key={k} className={styles.small} style={{ display: 'block' }}>
                            {d}
                          </span>
                        ))}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </details>
          ))}
          {service.insertComparison && (
            <div>
              <Button onClick={() => void insert()} disabled={working !== null || !!props.writeOff} title={props.writeOff}>
                {w.insert}
              </Button>
              {props.writeOff && <p className={styles.small}>{props.writeOff}</p>}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
