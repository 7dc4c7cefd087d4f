/**
 * The pane's actions. Writing buttons stay reachable by keyboard when unavailable
 * (disabledFocusable) and say why through aria-describedby, not only by looking grey.
 */
import { Button, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'grid', rowGap: tokens.spacingVerticalS },
  primary: { width: '100%' },
  // One column in a narrow pane (Excel's default width), more when it is widened.
  secondary: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(190px, 1fr))', gap: tokens.spacingVerticalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  switchHint: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ActionState {
  /** Why the button cannot be used now; undefined when it can. */
  disabledReason?: string;
}

export interface ActionBarProps {
  lang: Lang;
  busy: boolean;
  reviewOnly: boolean;
  /** Shown under the buttons when writing is off as a whole (review only, read-only sheet). */
  writeHint?: string;
  fill: ActionState;
  summary: ActionState;
  clear: ActionState;
  onCheck(): void;
  onFill(): void;
  onSummary(): void;
  onClear(): void;
  onReviewOnly(on: boolean): void;
}

export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const t = strings(props.lang);
  const writeButton = (id: string, label: string, state: ActionState, onClick: () => void) => {
    const off = props.busy || state.disabledReason !== undefined;
    const describedBy = [state.disabledReason ? `${id}-why` : '', props.writeHint ? 'write-hint' : ''].filter(Boolean).join(' ');
    return (
      <>
        <Button
          id={id}
          disabledFocusable={off}
          onClick={off ? undefined : onClick}
          aria-describedby={describedBy || undefined}
          title={state.disabledReason}
        >
          {label}
        </Button>
        {state.disabledReason && (
          <span id={`${id}-why`} className={styles.hidden}>
            {state.disabledReason}
          </span>
        )}
      </>
    );
  };
  return (
    <div className={styles.bar} role="group" aria-label={t.actionsLabel}>
      <Button
        id="action-check"
        className={styles.primary}
        appearance="primary"
        disabledFocusable={props.busy}
        onClick={props.busy ? undefined : props.onCheck}
      >
        {t.check}
      </Button>
      <div className={styles.secondary}>
        {writeButton('action-fill', t.fill, props.fill, props.onFill)}
        {writeButton('action-summary', t.summary, props.summary, props.onSummary)}
        {writeButton('action-clear', t.clear, props.clear, props.onClear)}
      </div>
      {props.writeHint && (
        <p id="write-hint" className={styles.hint}>
          {props.writeHint}
        </p>
      )}
      <div>
        <Switch
          id="review-only"
          label={t.reviewOnly}
          checked={props.reviewOnly}
          disabled={props.busy}
          onChange={(_, data) => props.onReviewOnly(data.checked)}
          aria-describedby="review-only-hint"
        />
        <p id="review-only-hint" className={styles.switchHint}>
          {t.reviewOnlyHint}
        </p>
      </div>
    </div>
  );
}
