/**
 * The pane's two further commands, « Rapprocher avec la convention… » (issue 15) and « Comparer
 * avec… » (issue 16), and their panels. Each panel is loaded only when opened (React.lazy: a
 * chunk of its own, with the convention and comparison engines; the PDF, Word and .xlsx readers
 * are further chunks, loaded only when a file is read), so the pane's first load stays as it was.
 * After each check, the convention figures kept in the workbook for the sheet are looked up: when
 * there are some, the convention panel opens with its findings.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { PanelKit, panelComponents, usePanelStyles } from './panelKit';
import { Lang } from '../../domain/messages';
import { AnnexService, CheckOutcome, StoredConvention } from '../../office/service';

/** The launcher's own words (the panels' are loaded with them: panels/words.ts). */
const LAUNCHER: Record<Lang, { conventionOpen: string; compareOpen: string; needsCheck: string; loading: string }> = {
  fr: { conventionOpen: 'Rapprocher avec la convention…', compareOpen: 'Comparer avec…', needsCheck: "Vérifiez d’abord la feuille de l’annexe.", loading: 'Chargement…' },
  en: { conventionOpen: 'Reconcile with the convention…', compareOpen: 'Compare with…', needsCheck: 'Check the annex sheet first.', loading: 'Loading…' },
};

const ConventionPanel = lazy(() => import(/* webpackChunkName: "convention-panel" */ './ConventionPanel'));
const ComparisonPanel = lazy(() => import(/* webpackChunkName: "comparison-panel" */ './ComparisonPanel'));

export interface PaneExtrasProps {
  service: AnnexService;
  lang: Lang;
  /** The last check's outcome; the commands need an annex. */
  outcome: CheckOutcome | null;
  busy: boolean;
  writeOff?: string;
  onSelect(cell: string): void;
}

const useStyles = makeStyles({
  bar: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(190px, 1fr))', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  why: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function PaneExtras(props: PaneExtrasProps) {
  const { service, lang, outcome } = props;
  const w = LAUNCHER[lang];
  const styles = useStyles();
  const classes = usePanelStyles();
  const kit: PanelKit = { ...panelComponents, classes };
  const [open, setOpen] = useState<'convention' | 'compare' | null>(null);
  const [stored, setStored] = useState<StoredConvention | null>(null);
  const annex = outcome?.status === 'annex' && outcome.report ? outcome : null;

  // A new check: the figures kept for its sheet (a colleague's file, a re-check) are looked up.
  useEffect(() => {
    let live = true;
    setStored(null);
    if (!annex || !service.conventionOf) return;
    service.conventionOf(annex, lang).then(
      (s) => {
        if (!live) return;
        setStored(s);
        if (s) setOpen((o) => o ?? 'convention');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // The report identifies the check; the language alone does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annex?.report, service]);

  const disabled = props.busy || !annex;
  return (
    <>
      <div className={styles.bar} role="group" aria-label={`${w.conventionOpen} / ${w.compareOpen}`}>
        <Button id="action-convention" disabledFocusable={disabled} onClick={disabled ? undefined : () => setOpen('convention')} aria-pressed={open === 'convention'}>
          {w.conventionOpen}
        </Button>
        <Button id="action-compare" disabledFocusable={disabled || !service.readGrid} onClick={disabled ? undefined : () => setOpen('compare')} aria-pressed={open === 'compare'}>
          {w.compareOpen}
        </Button>
      </div>
      {!annex && <p className={styles.why}>{w.needsCheck}</p>}
      {annex && open && (
        <Suspense fallback={<Spinner size="tiny" labelPosition="after" label={w.loading} />}>
          {open === 'convention' ? (
            <ConventionPanel
              key={annex.sheet}
              kit={kit}
              service={service}
              lang={lang}
              outcome={annex}
              writeOff={props.writeOff}
              stored={stored}
              onStored={setStored}
              onSelect={props.onSelect}
              onClose={() => setOpen(null)}
            />
          ) : (
            <ComparisonPanel key={annex.sheet} kit={kit} service={service} lang={lang} outcome={annex} writeOff={props.writeOff} stored={stored} onClose={() => setOpen(null)} />
          )}
        </Suspense>
      )}
    </>
  );
}
