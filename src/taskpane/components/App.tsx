/**
 * The task pane: check the active sheet, mark it, fill missing Chorus codes, insert the summary,
 * clear the marks. It talks to the workbook only through an AnnexService (Office.js in Excel, the
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
import { AnnexService, CheckOutcome, WriteOutcome } from '../../office/service';
import { Task, detectLang, strings } from '../i18n';
import { ActionBar, ActionState } from './ActionBar';
import { FillConfirm } from './FillConfirm';
import { HelpMenu } from './HelpMenu';
import { Legend } from './Legend';
import { PaneExtras } from './PaneExtras';
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
        setAnnouncement(`${t.errorTitle(step)} : ${message}. ${t.nothingChanged}`);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [t],
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
        if (w.ok) setOutcome({ ...out, hasMarks: (w.marked ?? 0) > 0 });
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

  const onCheck = () => {
    setConfirmingFill(false);
    void run('check', (step) => checkAndMark(step, true));
  };

  const onConfirmFill = () => {
    const out = outcome;
    if (!out) return;
    setConfirmingFill(false);
    void run('fill', async (step) => {
      unsubscribe();
      const w = await service.fillCodes(out, lang);
      if (!w.ok) {
        // Refused (protected meanwhile, sheet changed…): say why, and check nothing behind the user's back.
        setNotes(writeNote(w));
        setAnnouncement(w.message);
        if (out.status === 'annex') await subscribe();
        return;
      }
      // Check again so the list shows what is left; the fill message stays on top.
      step('check');
      await checkAndMark(step, true, writeNote(w));
    });
  };

  const onSummary = () => {
    const out = outcome;
    if (!out) return;
    setConfirmingFill(false);
    void run('summary', async () => {
      const w = await service.insertSummary(out, lang);
      setNotes(writeNote(w));
      setAnnouncement(w.message);
    });
  };

  const onClear = () => {
    setConfirmingFill(false);
    void run('clear', async () => {
      unsubscribe();
      try {
        const w = await service.clear(lang);
        setNotes(writeNote(w));
        setAnnouncement(w.message);
        if (w.ok) setOutcome((o) => (o ? { ...o, hasMarks: false } : o));
      } finally {
        if (outcome?.status === 'annex') await subscribe();
      }
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

  // The language changed (the demo's switch): check again, without writing, for the engine's messages.
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    // The service's last messages were in the other language: they go.
    if (outcome) void run('check', (step) => checkAndMark(step, false));
    // Only a change of language re-checks; the other values are read as they are now.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang]);

  // After a check, move focus to its verdict: the next Tab lands on the first finding.
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
  const clearState: ActionState = { disabledReason: writeOff };

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
        clear={clearState}
        onCheck={onCheck}
        onFill={() => setConfirmingFill(true)}
        onSummary={onSummary}
        onClear={onClear}
        onReviewOnly={setReviewOnly}
      />

      {/* Issues 15 and 16: « Rapprocher avec la convention… », « Comparer avec… » (panels loaded on demand). */}
      <PaneExtras service={service} lang={lang} outcome={outcome} busy={busy !== null} writeOff={writeOff} onSelect={onSelect} />

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
              <div>{annex.readOnlyReason ?? t.readOnlyDefault}</div>
            </MessageBarBody>
          </MessageBar>
        )}

        {notes.map((n, i) => (
          <MessageBar key={i} intent={n.intent} layout="multiline" data-testid="note">
            <MessageBarBody>{n.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>

      {confirmingFill && report && (
        <FillConfirm fills={report.fills} lang={lang} onConfirm={onConfirmFill} onCancel={() => setConfirmingFill(false)} />
      )}

      {outcome?.status === 'notAnnex' && (
        <div ref={guidanceRef} tabIndex={-1} className={`${styles.status} ${styles.focusTarget}`} data-testid="not-annex">
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.notAnnexTitle}</MessageBarTitle>
              <div>{outcome.message}</div>
              <div>{t.notAnnexHint}</div>
            </MessageBarBody>
          </MessageBar>
        </div>
      )}

      {report && <Results ref={headlineRef} report={report} lang={lang} current={current} onSelect={onSelect} />}

      {!outcome && !busy && <p className={styles.intro}>{t.intro}</p>}

      <Legend lang={lang} />
    </main>
  );
}
