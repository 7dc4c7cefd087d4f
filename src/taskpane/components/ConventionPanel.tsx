/**
 * « Rapprocher avec la convention… » (issue 15). The user picks the convention (PDF, Word .docx)
 * or pastes its text; its readers are loaded only then. What was read is shown, each figure with
 * its quote and its page, for the user to confirm or correct; amounts per Chorus code can be typed
 * by hand (a code the annex does not know is refused with the list of valid ones). Once
 * confirmed, the figures are kept in the workbook (the add-in's journal) when writing is allowed,
 * and the annex is compared with them: CONVENTION_* and FICHE_* findings, each with both figures,
 * the gap and where each comes from. This panel is a chunk of its own (React.lazy).
 */
import { useMemo, useState } from 'react';
import { parseAmountText } from '../../domain/amounts';
import {
  CONVENTION_RULE_TITLES,
  CodeFigure,
  ConventionExtraction,
  ConventionFigures,
  ConventionFinding,
  Figure,
  FigureSource,
  annexFiguresFromReport,
  centsOf,
  compareWithAnnex,
  conventionFindingMessage,
  euro,
  extractConvention,
  figuresFromExtraction,
  notConventionMessage,
  placeOf,
  typedOver,
  unreadMessage,
} from '../../domain/convention';
import { conventionTextFromString } from '../../domain/convention/document';
import { Lang } from '../../domain/messages';
import { parseNotified } from '../../domain/summary';
import { CALPAE_TEMPLATE } from '../../domain/template';
import { afterColon, colon } from '../../domain/words/render';
import { AnnexService, CheckOutcome, StoredConvention } from '../../office/service';
import { ReaderError } from '../../files/browser/readerError';
import { panelWords } from '../panels/words';
import type { PanelClasses, PanelKit } from './panelKit';
import { CheckField, FileField, TextField } from './panelFields';

export interface ConventionPanelProps {
  /** Fluent UI parts and styles, from the pane's chunk (panelKit.ts). */
  kit: PanelKit;
  service: AnnexService;
  lang: Lang;
  outcome: CheckOutcome;
  /** Why nothing may be written (review only, read-only workbook); undefined when it may. */
  writeOff?: string;
  /** The figures kept in the workbook for this sheet, if any. */
  stored: StoredConvention | null;
  onStored(stored: StoredConvention | null): void;
  onSelect(cell: string): void;
  onClose(): void;
}


/** One code's line being edited. */
interface CodeDraft {
  code: string;
  text: string;
  original: CodeFigure | null;
  known: boolean;
}

interface Draft {
  document: string | null;
  base: ConventionFigures;
  extraction: ConventionExtraction | null;
  totalText: string;
  codes: CodeDraft[];
  withFiches: boolean;
}

const KNOWN = new Set(CALPAE_TEMPLATE.codes.map((c) => c.code));
const plainAmount = (cents: number, lang: Lang) => euro(cents, lang);

function draftOf(figures: ConventionFigures, extraction: ConventionExtraction | null, lang: Lang): Draft {
  return {
    document: figures.document,
    base: figures,
    extraction,
    totalText: figures.stateTotal ? plainAmount(figures.stateTotal.cents, lang) : '',
    codes: figures.codes.map((c) => ({ code: c.code, text: plainAmount(c.cents, lang), original: c, known: KNOWN.has(c.code) })),
    withFiches: true,
  };
}

function sourceText(s: FigureSource, lang: Lang): string {
  const w = panelWords(lang);
  if (s.kind === 'typed') return s.replaces ? w.instead(placeOf(s.replaces, lang), s.replaces.quote) : w.typedByHand;
  return `${placeOf(s.ref, lang)}${colon(lang)}«\u00a0${s.ref.quote}\u00a0»`;
}

/** The amount typed, or an error message. */
function centsOfText(text: string, lang: Lang): number | string {
  const d = parseAmountText(text);
  if (!d || d.isNegative()) return panelWords(lang).notAmount(text);
  return centsOf(d);
}

/** A figure as typed: unchanged keeps its source, changed says what it replaces. */
function edited(cents: number, original: { cents: number; sources: FigureSource[] } | null): { cents: number; sources: FigureSource[] } {
  if (original && original.cents === cents) return original;
  return typedOver(cents, original);
}

function figuresOfDraft(d: Draft, lang: Lang): { figures: ConventionFigures } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let stateTotal: Figure | null = null;
  if (d.totalText.trim()) {
    const c = centsOfText(d.totalText, lang);
    if (typeof c === 'string') errors.total = c;
    else {
      const base = d.base.stateTotal;
      const e = edited(c, base ? { cents: base.cents, sources: [base.source] } : null);
      stateTotal = { cents: e.cents, source: e.sources[0] };
    }
  }
  const codes: CodeFigure[] = [];
  for (const x of d.codes) {
    if (!x.known) continue;
    const c = centsOfText(x.text, lang);
    if (typeof c === 'string') errors[x.code] = c;
    else codes.push({ code: x.code, ...edited(c, x.original) });
  }
  if (Object.keys(errors).length) return { errors };
  return { figures: { ...d.base, stateTotal, codes, fiches: d.withFiches ? d.base.fiches : [] } };
}

function FindingView(props: { f: ConventionFinding; lang: Lang; kit: PanelKit; onSelect(cell: string): void }) {
  const { f, lang } = props;
  const styles: PanelClasses = props.kit.classes;
  const { Button } = props.kit;
  const cell = f.actual.annex?.cell ?? null;
  const sources = [...(f.expected.sources ?? []), ...(f.actual.sources ?? [])].map((s) => sourceText(s, lang));
  const body = (
    <span>
      <strong>{CONVENTION_RULE_TITLES[f.rule][lang]}</strong> [{f.rule}]{cell ? ` — ${cell}` : ''}
      <br />
      {conventionFindingMessage(f, lang)}
      {[...new Set(sources)].map((s, i) => (
        <span key={i} className={styles.small} style={{ display: 'block' }}>
          {s}
        </span>
      ))}
    </span>
  );
  return (
    <li data-rule={f.rule} data-testid="convention-finding">
      {cell ? (
        <Button appearance="subtle" className={styles.item} data-cell={cell} onClick={() => props.onSelect(cell)} aria-label={`${panelWords(lang).goTo(cell)}${colon(lang)}${afterColon(conventionFindingMessage(f, lang), lang)}`}>
          {body}
        </Button>
      ) : (
        body
      )}
    </li>
  );
}

export default function ConventionPanel(props: ConventionPanelProps) {
  const { service, lang, outcome } = props;
  const w = panelWords(lang);
  const styles = props.kit.classes;
  const { Button, MessageBar, MessageBarBody, Spinner } = props.kit;
  const [phase, setPhase] = useState<'pick' | 'review' | 'result'>(props.stored ? 'result' : 'pick');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmed, setConfirmed] = useState<{ figures: ConventionFigures; at: string | null } | null>(props.stored ? { figures: props.stored.figures, at: props.stored.at } : null);
  const [working, setWorking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [newCode, setNewCode] = useState('');
  const [newAmount, setNewAmount] = useState('');

  const report = outcome.report!;
  const comparison = useMemo(() => (confirmed ? compareWithAnnex(confirmed.figures, annexFiguresFromReport(report)) : null), [confirmed, report]);

  const take = (text: Parameters<typeof extractConvention>[0], name: string | null) => {
    const extraction = extractConvention(text);
    if (!extraction.isConvention) {
      setProblem(notConventionMessage(name, lang));
      return;
    }
    setDraft(draftOf(figuresFromExtraction(extraction, name), extraction, lang));
    setErrors({});
    setPhase('review');
  };

  const onFile = async (file: File) => {
    setProblem(null);
    setNote(null);
    setWorking(w.reading(file.name));
    try {
      const { readConventionBytes } = await import(/* webpackChunkName: "convention-file" */ '../../files/browser/conventionFile');
      take(await readConventionBytes(await file.arrayBuffer()), file.name);
    } catch (e) {
      setProblem(e instanceof ReaderError ? w.readerError(file.name, e.reason) : `${file.name}${colon(lang)}${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setWorking(null);
    }
  };

  const onPasted = () => {
    setProblem(null);
    setNote(null);
    take(conventionTextFromString(pasted), null);
  };

  const byHand = () => {
    setProblem(null);
    setNote(null);
    const base = confirmed?.figures ?? { document: null, unit: 'line' as const, year: null, stateTotal: null, codes: [], fiches: [] };
    setDraft(draftOf(base, null, lang));
    setErrors({});
    setPhase('review');
  };

  const addCode = () => {
    if (!draft) return;
    const parsed = parseNotified(`${newCode}=${newAmount}`, lang);
    if (!parsed.ok) {
      setErrors({ ...errors, add: parsed.error });
      return;
    }
    const code = parsed.value.code;
    if (draft.codes.some((c) => c.code === code && c.known)) {
      setErrors({ ...errors, add: w.codeTwice(code) });
      return;
    }
    setDraft({ ...draft, codes: [...draft.codes, { code, text: plainAmount(centsOf(parsed.value.amount), lang), original: null, known: true }] });
    const { add: _, ...rest } = errors;
    setErrors(rest);
    setNewCode('');
    setNewAmount('');
  };

  const confirm = async () => {
    if (!draft) return;
    const built = figuresOfDraft(draft, lang);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    if (!props.writeOff && service.saveConvention) {
      setWorking(w.confirmSave);
      try {
        const saved = await service.saveConvention(outcome, built.figures, lang);
        setNote({ ok: saved.ok, text: saved.message });
        const stored = saved.ok ? { figures: built.figures, at: new Date().toISOString() } : null;
        setConfirmed({ figures: built.figures, at: stored?.at ?? null });
        if (stored) props.onStored(stored);
      } catch (e) {
        setNote({ ok: false, text: e instanceof Error ? e.message : String(e) });
        setConfirmed({ figures: built.figures, at: null });
      } finally {
        setWorking(null);
      }
    } else {
      setConfirmed({ figures: built.figures, at: null });
    }
    setPhase('result');
  };

  const forget = async () => {
    if (!service.saveConvention) return;
    setWorking(w.forget);
    try {
      const done = await service.saveConvention(outcome, null, lang);
      setNote({ ok: done.ok, text: done.message });
      if (done.ok) {
        props.onStored(null);
        setConfirmed(null);
        setPhase('pick');
      }
    } finally {
      setWorking(null);
    }
  };

  const canSave = !props.writeOff && !!service.saveConvention;

  return (
    <section className={styles.panel} aria-labelledby="convention-title" data-testid="convention-panel">
      <h2 id="convention-title" className={styles.h2}>
        {w.conventionTitle}
      </h2>
      {working && <Spinner size="tiny" labelPosition="after" label={working} />}
      {problem && (
        <MessageBar intent="warning" layout="multiline" data-testid="convention-problem">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent={note.ok ? 'success' : 'warning'} layout="multiline" data-testid="convention-note">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}

      {phase === 'pick' && (
        <>
          <p className={styles.p}>{w.conventionIntro}</p>
          <FileField
            classes={styles}
            label={w.pickFile}
            accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            testId="convention-file"
            disabled={working !== null}
            onFile={(file) => void onFile(file)}
          />
          <TextField classes={styles} label={w.pasteLabel} value={pasted} onChange={setPasted} multiline testId="convention-text" />
          <div className={styles.buttons}>
            <Button onClick={onPasted} disabled={!pasted.trim() || working !== null}>
              {w.readPasted}
            </Button>
            <Button onClick={byHand} disabled={working !== null}>
              {w.typeByHand}
            </Button>
            <Button appearance="subtle" onClick={props.onClose}>
              {w.close}
            </Button>
          </div>
        </>
      )}

      {phase === 'review' && draft && (
        <>
          <h3 className={styles.h3}>{w.reviewTitle(draft.document ?? (draft.extraction ? w.pasted : null))}</h3>
          <div className={styles.row} data-testid="review-total">
            <TextField classes={styles} label={w.stateTotal} value={draft.totalText} placeholder={w.notRead} error={errors.total} onChange={(v) => setDraft({ ...draft, totalText: v })} />
            {draft.base.stateTotal && <p className={styles.small}>{sourceText(draft.base.stateTotal.source, lang)}</p>}
          </div>
          <h3 className={styles.h3}>{w.codesTitle}</h3>
          {draft.codes.map((c, i) => (
            <div key={`${c.code}-${i}`} className={styles.row} data-testid="review-code" data-code={c.code}>
              {c.known ? (
                <div className={styles.inline}>
                  <TextField
                    classes={styles}
                    label={`${w.code} ${c.code}`}
                    value={c.text}
                    error={errors[c.code]}
                    onChange={(v) => setDraft({ ...draft, codes: draft.codes.map((x, k) => (k === i ? { ...x, text: v } : x)) })}
                  />
                  <Button size="small" onClick={() => setDraft({ ...draft, codes: draft.codes.filter((_, k) => k !== i) })}>
                    {w.remove}
                  </Button>
                </div>
              ) : (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{w.unknownCode(c.code)}</MessageBarBody>
                </MessageBar>
              )}
              {c.original?.sources.map((s, k) => (
                <p key={k} className={styles.small}>
                  {sourceText(s, lang)}
                </p>
              ))}
            </div>
          ))}
          <div className={styles.inline} data-testid="review-add">
            <TextField classes={styles} label={w.newCode} value={newCode} error={errors.add} onChange={setNewCode} testId="new-code" />
            <TextField classes={styles} label={w.newAmount} value={newAmount} onChange={setNewAmount} testId="new-amount" />
            <Button onClick={addCode} disabled={!newCode.trim() || !newAmount.trim()}>
              {w.addCode}
            </Button>
          </div>
          {draft.base.fiches.length > 0 && (
            <details>
              <summary>{w.fichesTitle(draft.base.fiches.length)}</summary>
              <CheckField classes={styles} checked={draft.withFiches} onChange={(v) => setDraft({ ...draft, withFiches: v })} label={w.useFiches} />
              <ul className={styles.list} data-testid="review-fiches">
                {draft.base.fiches.map((f, i) => (
                  <li key={i}>
                    {w.ficheLine(f.number, f.title)} — {w.budget} {f.total === null ? w.notRead : euro(f.total, lang)}, {w.stateShare} {f.stateShare === null ? w.notRead : euro(f.stateShare, lang)}
                    {f.source && <p className={styles.small}>{sourceText(f.source, lang)}</p>}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {draft.extraction && draft.extraction.unread.length > 0 && (
            <details>
              <summary>
                {w.unreadTitle} ({draft.extraction.unread.length})
              </summary>
              <ul className={styles.list}>
                {draft.extraction.unread.map((u, i) => (
                  <li key={i}>{unreadMessage(u, lang)}</li>
                ))}
              </ul>
            </details>
          )}
          {props.writeOff && <p className={styles.small}>{w.noWrite(props.writeOff)}</p>}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => void confirm()} disabled={working !== null}>
              {canSave ? w.confirmSave : w.confirmOnly}
            </Button>
            <Button onClick={() => setPhase(confirmed ? 'result' : 'pick')}>{w.cancel}</Button>
          </div>
        </>
      )}

      {phase === 'result' && confirmed && comparison && (
        <>
          <p className={styles.small}>{confirmed.at ? w.storedAt(new Date(confirmed.at).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB'), confirmed.figures.document) : w.notStored}</p>
          <h3 className={styles.h3} data-testid="convention-headline">
            {w.findingsHeadline(comparison.findings.length)}
          </h3>
          {comparison.findings.length > 0 && (
            <ul className={styles.list} data-testid="convention-findings">
              {comparison.findings.map((f, i) => (
                <FindingView key={i} f={f} lang={lang} kit={props.kit} onSelect={props.onSelect} />
              ))}
            </ul>
          )}
          {confirmed.figures.fiches.length > 0 && <p className={styles.p}>{w.matches(comparison.matches.filter((m) => m.rowNumber !== null).length, confirmed.figures.fiches.length)}</p>}
          <div className={styles.buttons}>
            <Button onClick={() => { setDraft(draftOf(confirmed.figures, null, lang)); setErrors({}); setPhase('review'); }}>{w.edit}</Button>
            <Button onClick={() => setPhase('pick')}>{w.another}</Button>
            {confirmed.at && canSave && (
              <Button onClick={() => void forget()} disabled={working !== null}>
                {w.forget}
              </Button>
            )}
            <Button appearance="subtle" onClick={props.onClose}>
              {w.close}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
