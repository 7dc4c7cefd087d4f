/**
 * « Aide » of the pane, a disclosure with its one entry, « Diagnostic Excel »: runs the service's
 * diagnostic (src/office/diagnostic.ts, loaded when asked for) and shows its report, read-only and
 * copyable, for the first person with real Excel to send. Kept apart from App so the pane's own
 * layout is untouched; a plain disclosure (written before the toolbar's « Plus d’actions » brought
 * Fluent's Menu into the pane's first load, 94 KB minified: see docs/addin.md).
 */
import { useId, useState } from 'react';
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

export const WORDS: Record<Lang, Record<'help' | 'diagnostic' | 'running' | 'title' | 'hint' | 'copy' | 'copied' | 'close' | 'failed', string>> = {
  fr: {
    help: 'Aide',
    diagnostic: 'Diagnostic Excel',
    running: 'Diagnostic en cours\u00a0: une feuille de test est créée, vérifiée, puis supprimée…',
    title: 'Rapport du diagnostic Excel',
    hint: "Copiez ce rapport et transmettez-le à l’administrateur du complément. Rien n’a été écrit hors de la feuille de test, qui a été supprimée.",
    copy: 'Copier le rapport',
    copied: 'Rapport copié.',
    close: 'Fermer',
    failed: "Le diagnostic n’a pas pu aller au bout",
  },
  en: {
    help: 'Help',
    diagnostic: 'Excel diagnostic',
    running: 'Diagnostic running: a scratch sheet is created, checked, then deleted…',
    title: 'Excel diagnostic report',
    hint: "Copy this report and send it to the add-in's administrator. Nothing was written outside the scratch sheet, which was deleted.",
    copy: 'Copy the report',
    copied: 'Report copied.',
    close: 'Close',
    failed: 'The diagnostic could not finish',
  },
};

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalS },
  report: { width: '100%', boxSizing: 'border-box', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalS },
});

export function HelpMenu(props: { lang: Lang; disabled?: boolean; run: (lang: Lang) => Promise<string> }) {
  const w = WORDS[props.lang];
  const styles = useStyles();
  const [state, setState] = useState<{ status: 'idle' | 'running' | 'done' | 'error'; text: string; copied?: boolean }>({ status: 'idle', text: '' });
  const [open, setOpen] = useState(false);
  const entries = useId();

  const start = () => {
    if (state.status === 'running') return;
    setOpen(false);
    setState({ status: 'running', text: '' });
    props.run(props.lang).then(
      (text) => setState({ status: 'done', text }),
      (e: unknown) => setState({ status: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(state.text);
      setState((s) => ({ ...s, copied: true }));
    } catch {
      // No clipboard access (some hosts): the report stays selectable in its box.
      setState((s) => ({ ...s, copied: false }));
    }
  };

  return (
    <div className={styles.root}>
      <Button
        appearance="subtle"
        size="small"
        aria-expanded={open}
        aria-controls={entries}
        disabled={props.disabled || state.status === 'running'}
        onClick={() => setOpen((o) => !o)}
      >
        {w.help}
      </Button>
      {open && (
        <div id={entries} role="group" aria-label={w.help}>
          <Button appearance="transparent" size="small" onClick={start}>
            {w.diagnostic}
          </Button>
        </div>
      )}
      {state.status === 'running' && <Spinner size="tiny" labelPosition="after" label={w.running} data-testid="diagnostic-running" />}
      {(state.status === 'done' || state.status === 'error') && (
        <MessageBar intent={state.status === 'done' ? 'info' : 'error'} layout="multiline" data-testid="diagnostic">
          <MessageBarBody>
            <MessageBarTitle>{state.status === 'done' ? w.title : w.failed}</MessageBarTitle>
            {state.status === 'done' && <div>{w.hint}</div>}
            <textarea className={styles.report} readOnly rows={14} value={state.text} aria-label={w.title} onFocus={(e) => e.currentTarget.select()} />
            {state.copied && <div role="status">{w.copied}</div>}
          </MessageBarBody>
          <MessageBarActions>
            {state.status === 'done' && (
              <Button size="small" onClick={() => void copy()}>
                {w.copy}
              </Button>
            )}
            <Button size="small" onClick={() => setState({ status: 'idle', text: '' })}>
              {w.close}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
