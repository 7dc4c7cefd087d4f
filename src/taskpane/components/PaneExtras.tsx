/**
 * The panels of the pane's two further commands, « Rapprocher avec la convention… » (issue 15) and
 * « Comparer avec… » (issue 16), opened from the toolbar's menu (ActionBar.tsx; which one is open
 * is the pane's state, `open`). Each panel is loaded only when opened (React.lazy: a
 * chunk of its own, with the convention and comparison engines; the PDF, Word and .xlsx readers
 * are further chunks, loaded only when a file is read), so the pane's first load stays as it was.
 * After each check, the convention figures kept in the workbook for the sheet are looked up: when
 * there are some, the convention panel opens with its findings.
 */
import { Dispatch, SetStateAction, Suspense, lazy, useEffect, useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import { PanelKit, panelComponents, usePanelStyles } from './panelKit';
import { Lang } from '../../domain/messages';
import { AnnexService, CheckOutcome, StoredConvention } from '../../office/service';

/** The launcher's own words (the panels' are loaded with them: panels/words.ts). */
export const LAUNCHER: Record<Lang, { conventionOpen: string; compareOpen: string; needsCheck: string; loading: string }> = {
  fr: { conventionOpen: 'Rapprocher avec la convention…', compareOpen: 'Comparer avec…', needsCheck: "Vérifiez d’abord la feuille de l’annexe.", loading: 'Chargement…' },
  en: { conventionOpen: 'Reconcile with the convention…', compareOpen: 'Compare with…', needsCheck: 'Check the annex sheet first.', loading: 'Loading…' },
};

const ConventionPanel = lazy(() => import(/* webpackChunkName: "convention-panel" */ './ConventionPanel'));
const ComparisonPanel = lazy(() => import(/* webpackChunkName: "comparison-panel" */ './ComparisonPanel'));

export type PanelName = 'convention' | 'compare';

export interface PaneExtrasProps {
  service: AnnexService;
  lang: Lang;
  /** The last check's outcome; the panels need an annex. */
  outcome: CheckOutcome | null;
  writeOff?: string;
  /** The panel open, if any (the menu's entries open them). */
  open: PanelName | null;
  onOpen: Dispatch<SetStateAction<PanelName | null>>;
  /** Something was written to the workbook from a panel (the convention's figures, a comparison sheet). */
  onWritten(): void;
  onSelect(cell: string): void;
}

export function PaneExtras(props: PaneExtrasProps) {
  const { service, lang, outcome, open, onOpen } = props;
  const w = LAUNCHER[lang];
  const classes = usePanelStyles();
  const kit: PanelKit = { ...panelComponents, classes };
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
        if (s) onOpen((o) => o ?? 'convention');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // The report identifies the check; the language alone does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [annex?.report, service]);

  const onStored = (s: StoredConvention | null) => {
    setStored(s);
    if (s) props.onWritten();
  };
  return (
    <>
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
              onStored={onStored}
              onSelect={props.onSelect}
              onClose={() => onOpen(null)}
            />
          ) : (
            <ComparisonPanel
              key={annex.sheet}
              kit={kit}
              service={service}
              lang={lang}
              outcome={annex}
              writeOff={props.writeOff}
              stored={stored}
              onInserted={props.onWritten}
              onClose={() => onOpen(null)}
            />
          )}
        </Suspense>
      )}
    </>
  );
}
