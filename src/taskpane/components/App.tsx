/**
 * The task pane: check the active sheet, mark it, fill missing Chorus codes, insert the summary,
 * clear the marks, take back the codes, remove everything the add-in wrote. It talks to the workbook only through an AnnexService (Office.js in Excel, the
 * fake Excel objects in the demo, a stub in component tests).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Lang } from '../../domain/messages';
import { problemText } from '../../domain/words/render';
import { officeText } from '../../office/messages';
import { AnnexService, CheckOutcome, ClearPreview, TakeBackPreview, WriteOutcome } from '../../office/service';
import { Task, detectLang, strings } from '../i18n';
import { ActionBar, ActionState } from './ActionBar';
import { ClearAllConfirm, FillConfirm, TakeBackConfirm } from './FillConfirm';
import { HelpMenu } from './HelpMenu';
import { Legend } from './Legend';
import { LAUNCHER, PaneExtras, PanelName } from './PaneExtras';
import { Results, actionCount } from './Results';

export interface AppProps {
  service: AnnexService;
  /** Pane language; by default Office's display language (English when it starts with "en"). */
  lang?: Lang;
}

interface Note {
  intent: 'success' | 'warning' | 'info';
  text: string;
}

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    maxWidth: '640px',
  },
  header: { marginBottom: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  intro: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalM} 0 0` },
  messages: { display: 'grid', rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  status: { marginTop: tokens.spacingVerticalM, minHeight: '0' },
  focusTarget: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  pre: { whiteSpace: 'pre-wrap' },
});

/** Why nothing may be written, in the pane's language of the moment. */
function readOnlyText(outcome: CheckOutcome, lang: Lang): string | undefined {
  if (outcome.readOnlyCause === 'workbook') return officeText.readOnlyWorkbook(lang, 'mark');
  if (outcome.readOnlyCause === 'sheet') return officeText.protectedSheet(lang, 'mark');
  return outcome.readOnlyReason;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

export default function App(props: AppProps) {
  const { service } = props;
  const lang: Lang = props.lang ?? detectLang();
  const t = strings(lang);
  const styles = useStyles();

  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [busy, setBusy] = useState<Task | null>(null);
  const [error, setError] = useState<{ task: Task; message: string } | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [stale, setStale] = useState(false);
  const [reviewOnly, setReviewOnly] = useState(false);
  const [confirmingFill, setConfirmingFill] = useState(false);
  const [confirmingTakeBack, setConfirmingTakeBack] = useState<TakeBackPreview | null>(null);
  const [confirmingClearAll, setConfirmingClearAll] = useState<ClearPreview | null>(null);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const busyRef = useRef(false);
  const unsubscribeRef = useRef<(() => void) | null>(null);
  const subscriptionGen = useRef(0);
  const headlineRef = useRef<HTMLHeadingElement>(null);
  const guidanceRef = useRef<HTMLDivElement>(null);
  const focusResults = useRef(false);
  const mounted = useRef(true);

  const unsubscribe = useCallback(() => {
    subscriptionGen.current++;
    const off = unsubscribeRef.current;
    unsubscribeRef.current = null;
    if (off) {
      try {
        off();
      } catch {
        // The sheet may be gone (deleted, workbook closed): nothing left to unsubscribe.
      }
    }
  }, []);

  // Listen only between our own writes: an event caused by our marks must not say "the sheet changed".
  const subscribe = useCallback(async () => {
    unsubscribe();
    const gen = subscriptionGen.current;
    let off: () => void;
    try {
      off = await service.onSheetChanged(() => {
        if (gen === subscriptionGen.current && mounted.current) setStale(true);
      });
    } catch {
      // Without the event (older Excel) the pane still works; only the "sheet changed" notice is lost.
      return;
    }
    if (gen !== subscriptionGen.current || !mounted.current) off();
    else unsubscribeRef.current = off;
  }, [service, unsubscribe]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [unsubscribe]);

  /** Runs one user action: one at a time, a spinner meanwhile, errors shown with the step that failed. */
  const run = useCallback(
    async (task: Task, body: (step: (next: Task) => void) => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      let step: Task = task;
      setBusy(task);
      setError(null);
      setNotes([]);
      setAnnouncement(t.working[task]);
      try {
        await body((next) => {
          step = next;
          setBusy(next);
          setAnnouncement(t.working[next]);
        });
      } catch (e) {
        const message = errorText(e);
        setError({ task: step, message });
        setAnnouncement(`${t.errorTitle(step)}${lang === 'fr' ? '\u00a0: ' : ': '}${message}. ${t.nothingChanged}`);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [t, lang],
  );

  const writeNote = (w: WriteOutcome): Note[] => {
    const out: Note[] = [{ intent: w.ok ? 'success' : 'warning', text: w.message }];
    if (w.skipped && w.skipped.length > 0) out.push({ intent: 'warning', text: t.skipped(w.skipped) });
    return out;
  };

  /** Check, then mark unless writing is off; `before` are notes of an earlier step to keep on top. */
  const checkAndMark = async (step: (next: Task) => void, mark: boolean, before: Note[] = []): Promise<void> => {
    unsubscribe();
    const out = await service.check(lang);
    if (!mounted.current) return;
    setOutcome(out);
    setStale(false);
    setCurrent(null);
    let notes = before;
    if (out.status === 'annex' && out.report) {
      const findings = out.report.findings.length;
      if (mark && !reviewOnly && !out.readOnly && (findings > 0 || out.hasMarks)) {
        step('mark');
        const w = await service.mark(out, lang);
        notes = [...notes, ...writeNote(w)];
        if (w.ok) setOutcome({ ...out, hasMarks: (w.marked ?? 0) > 0 || (out.filledCodes ?? 0) > 0, markedCells: w.marked ?? 0 });
      } else if (mark && reviewOnly && findings > 0) {
        notes = [...notes, { intent: 'info', text: t.reviewOnlyDone }];
      }
      setAnnouncement(t.headline(findings, actionCount(out.report), out.report.sheet));
    } else {
      setAnnouncement(`${t.notAnnexTitle}. ${out.message ?? ''}`);
    }
    setNotes(notes);
    focusResults.current = true;
    if (out.status === 'annex') await subscribe();
  };

  const closeConfirms = () => {
    setConfirmingFill(false);
    setConfirmingTakeBack(null);
    setConfirmingClearAll(null);
  };

  /** Something was written that the last check did not see (a summary, a comparison, convention figures): « Tout retirer… » has something to remove. */
  const noteWritten = () => setOutcome((o) => (o && !o.recordKept ? { ...o, recordKept: true } : o));

  const onCheck = () => {
    closeConfirms();
    void run('check', (step) => checkAndMark(step, true));
  };

  /**
   * After one of the pane's own writes: a refusal is said and nothing is checked behind the
   * user's back; otherwise the sheet is checked again, so the pane shows it as it now is
   * (counts, what is left to fill, what can be cleared), the write's message on top.
   */
  const afterWrite = async (w: WriteOutcome, step: (next: Task) => void, mark: boolean, wasAnnex: boolean) => {
    if (!w.ok) {
      setNotes(writeNote(w));
      setAnnouncement(w.message);
      if (wasAnnex) await subscribe();
      return;
    }
    step('check');
    await checkAndMark(step, mark, writeNote(w));
    setAnnouncement(w.message);
  };

  const onConfirmFill = () => {
    const out = outcome;
    if (!out) return;
    closeConfirms();
    void run('fill', async (step) => {
      unsubscribe();
      const w = await service.fillCodes(out, lang);
      // Checked again so the list shows what is left; marked again (the new findings' marks).
      await afterWrite(w, step, true, out.status === 'annex');
    });
  };

  const onSummary = () => {
    const out = outcome;
    if (!out) return;
    closeConfirms();
    // The summary is a sheet of its own: the checked sheet is unchanged, its results stay true.
    void run('summary', async () => {
      const w = await service.insertSummary(out, lang);
      if (w.ok) noteWritten();
      setNotes(writeNote(w));
      setAnnouncement(w.message);
    });
  };

  /** The sheet the take-back commands work on: the one checked, else (no check, not an annex) the active one. */
  const clearTarget = () => (outcome?.status === 'annex' ? outcome : undefined);

  const onClear = () => {
    closeConfirms();
    const wasAnnex = outcome?.status === 'annex';
    void run('clear', async (step) => {
      unsubscribe();
      let w: WriteOutcome;
      try {
        w = await service.clearMarks(lang, clearTarget());
      } catch (e) {
        if (wasAnnex) await subscribe();
        throw e;
      }
      // Checked again without marking: the marks were just cleared on purpose.
      await afterWrite(w, step, false, wasAnnex);
    });
  };

  const onTakeBack = () => {
    closeConfirms();
    void run('takeBack', async () => {
      const preview = await service.previewTakeBack(lang, clearTarget());
      if (!preview.ok || preview.codes.length === 0) {
        const text = preview.message ?? t.takeBackNothing;
        const notes: Note[] = [{ intent: preview.ok ? 'info' : 'warning', text }];
        if (preview.kept.length) notes.push({ intent: 'info', text: t.takeBackKept(preview.kept) });
        setNotes(notes);
        setAnnouncement(text);
        return;
      }
      setConfirmingTakeBack(preview);
    });
  };

  const onConfirmTakeBack = () => {
    // Marks that were on the sheet are put back after the check; none are added where there were none.
    const remark = (outcome?.markedCells ?? 0) > 0;
    const wasAnnex = outcome?.status === 'annex';
    closeConfirms();
    void run('takeBack', async (step) => {
      unsubscribe();
      let w: WriteOutcome;
      try {
        w = await service.takeBackCodes(lang, clearTarget());
      } catch (e) {
        if (wasAnnex) await subscribe();
        throw e;
      }
      await afterWrite(w, step, remark, wasAnnex);
    });
  };

  const onClearAll = () => {
    closeConfirms();
    const target = clearTarget();
    void run('clearAll', async () => {
      const preview = await service.previewClear(lang, target);
      const removes =
        preview.markedCells > 0 || preview.codes.length > 0 || preview.summaries.deleted.length > 0 || preview.comparisons.deleted.length > 0 || preview.convention;
      if (!preview.ok || !removes) {
        const text = preview.message ?? t.clearAllNothing;
        const notes: Note[] = [{ intent: preview.ok ? 'info' : 'warning', text }];
        if (preview.kept.length) notes.push({ intent: 'info', text: t.takeBackKept(preview.kept) });
        const keptSheets = [...preview.summaries.kept, ...preview.comparisons.kept];
        if (keptSheets.length) notes.push({ intent: 'info', text: t.clearAllKeptSheets(keptSheets) });
        setNotes(notes);
        setAnnouncement(text);
        return;
      }
      setConfirmingClearAll(preview);
    });
  };

  const onConfirmClearAll = () => {
    const target = clearTarget();
    const wasAnnex = outcome?.status === 'annex';
    closeConfirms();
    // The panels showed what is now removed (a comparison inserted, figures confirmed): closed.
    setPanel(null);
    void run('clearAll', async (step) => {
      unsubscribe();
      let w: WriteOutcome;
      try {
        w = await service.clear(lang, target);
      } catch (e) {
        if (wasAnnex) await subscribe();
        throw e;
      }
      // Checked again without marking: the marks were just removed on purpose.
      await afterWrite(w, step, false, wasAnnex);
    });
  };

  const onSelect = (cell: string) => {
    const sheet = outcome?.sheet;
    if (!sheet) return;
    service.select(sheet, cell).then(
      () => mounted.current && setCurrent(`${sheet}!${cell}`),
      (e: unknown) => mounted.current && setError({ task: 'select', message: errorText(e) }),
    );
  };

  // The language changed (the demo's switch): the report is data and renders itself again in the
  // new language, without a new check. The service's last sentences were in the other language: they go.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    setNotes([]);
    setError(null);
  }, [lang]);

  // After a check, move focus to its verdict: the next Tab lands on the first group of findings.
  useEffect(() => {
    if (!focusResults.current || busy) return;
    focusResults.current = false;
    (outcome?.status === 'annex' ? headlineRef.current : guidanceRef.current)?.focus();
  }, [outcome, busy]);

  const annex = outcome?.status === 'annex' && outcome.report ? outcome : null;
  const report = annex?.report ?? null;
  const writeOff = reviewOnly ? t.writingDisabledReview : outcome?.readOnly ? t.writingDisabledReadOnly : undefined;
  const needsCheck = !annex ? t.fillNeedsCheck : undefined;
  const fillState: ActionState = { disabledReason: writeOff ?? needsCheck ?? (report && report.fills.length === 0 ? t.fillNothing : undefined) };
  const summaryState: ActionState = { disabledReason: writeOff ?? (!annex ? t.summaryNeedsCheck : undefined) };
  // Known from the last check (undefined: not known, left enabled).
  const clearState: ActionState = { disabledReason: writeOff ?? (outcome?.markedCells === 0 ? t.clearNothing : undefined) };
  const takeBackState: ActionState = { disabledReason: writeOff ?? (outcome?.filledCodes === 0 ? t.takeBackNothing : undefined) };
  const nothingWritten = outcome?.markedCells === 0 && outcome.filledCodes === 0 && outcome.recordKept === false;
  const clearAllState: ActionState = { disabledReason: writeOff ?? (nothingWritten ? t.clearAllNothing : undefined) };
  // The panels read the checked annex; writing in them is governed by writeOff inside.
  const panelState: ActionState = { disabledReason: annex ? undefined : LAUNCHER[lang].needsCheck };

  // Under the verdict when there is one (the verdict first, then what was written), else here.
  const noteBars = notes.map((n, i) => (
    <MessageBar key={i} intent={n.intent} layout="multiline" data-testid="note">
      <MessageBarBody>{n.text}</MessageBarBody>
    </MessageBar>
  ));

  return (
    <main className={styles.root} lang={lang} aria-busy={busy !== null}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        <p className={styles.subtitle}>{t.appSubtitle}</p>
        {service.diagnose && <HelpMenu lang={lang} disabled={busy !== null} run={(l) => service.diagnose!(l)} />}
      </header>

      <ActionBar
        lang={lang}
        busy={busy !== null}
        reviewOnly={reviewOnly}
        writeHint={writeOff}
        fill={fillState}
        summary={summaryState}
        convention={panelState}
        compare={service.readGrid ? panelState : undefined}
        clear={clearState}
        takeBack={takeBackState}
        clearAll={clearAllState}
        onCheck={onCheck}
        onFill={() => {
          closeConfirms();
          setConfirmingFill(true);
        }}
        onSummary={onSummary}
        onConvention={() => setPanel('convention')}
        onCompare={() => setPanel('compare')}
        onClear={onClear}
        onTakeBack={onTakeBack}
        onClearAll={onClearAll}
        onReviewOnly={setReviewOnly}
      />

      {/* Issues 15 and 16: « Rapprocher avec la convention… », « Comparer avec… » (panels loaded on demand). */}
      <PaneExtras service={service} lang={lang} outcome={outcome} writeOff={writeOff} open={panel} onOpen={setPanel} onWritten={noteWritten} onSelect={onSelect} />

      {/* One polite live region: screen readers hear the verdict, not the whole list. */}
      <div role="status" aria-live="polite" className={styles.hidden} data-testid="announcement">
        {announcement}
      </div>

      {busy && (
        <div className={styles.status} data-testid="working">
          <Spinner size="tiny" labelPosition="after" label={t.working[busy]} />
        </div>
      )}

      <div className={styles.messages}>
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{t.errorTitle(error.task)}</MessageBarTitle>
              <div>
                <span className={styles.pre}>{error.message}</span> {error.task !== 'select' && t.nothingChanged}
              </div>
            </MessageBarBody>
          </MessageBar>
        )}

        {stale && annex && (
          <MessageBar intent="warning" layout="multiline" data-testid="stale">
            <MessageBarBody>
              <MessageBarTitle>{t.staleTitle}</MessageBarTitle>
              <div>{t.staleBody}</div>
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={onCheck} disabledFocusable={busy !== null}>
                {t.checkAgain}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {annex?.readOnly && (
          <MessageBar intent="warning" layout="multiline" data-testid="read-only">
            <MessageBarBody>
              <MessageBarTitle>{t.readOnlyTitle}</MessageBarTitle>
              <div>{readOnlyText(annex, lang) ?? t.readOnlyDefault}</div>
            </MessageBarBody>
          </MessageBar>
        )}

        {!report && noteBars}
      </div>

      {confirmingFill && report && (
        <FillConfirm fills={report.fills} lang={lang} onConfirm={onConfirmFill} onCancel={() => setConfirmingFill(false)} />
      )}

      {confirmingTakeBack && (
        <TakeBackConfirm
          codes={confirmingTakeBack.codes}
          kept={confirmingTakeBack.kept}
          lang={lang}
          onConfirm={onConfirmTakeBack}
          onCancel={() => setConfirmingTakeBack(null)}
        />
      )}

      {confirmingClearAll && (
        <ClearAllConfirm preview={confirmingClearAll} lang={lang} onConfirm={onConfirmClearAll} onCancel={() => setConfirmingClearAll(null)} />
      )}

      {outcome?.status === 'notAnnex' && (
        <div ref={guidanceRef} tabIndex={-1} className={`${styles.status} ${styles.focusTarget}`} data-testid="not-annex">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.notAnnexTitle}</MessageBarTitle>
              <div>{outcome.report?.problem ? problemText(outcome.report.problem, lang, outcome.report.template) : outcome.message}</div>
              <div>{t.notAnnexHint}</div>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {report && (
        <Results ref={headlineRef} report={report} lang={lang} current={current} onSelect={onSelect}>
          {noteBars.length > 0 ? noteBars : null}
        </Results>
      )}

      {!outcome && !busy && <p className={styles.intro}>{t.intro}</p>}

      <Legend lang={lang} template={report?.template} />
    </main>
  );
}
