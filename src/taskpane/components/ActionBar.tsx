/**
 * The pane's actions at the task pane's real width (320–350 px): the « Relecture seule » switch
 * first, above everything it turns off; one primary action, « Vérifier la feuille »; the writing
 * commands as a compact toolbar of icons with words, wrapping to a second line when narrow.
 * Writing commands stay reachable by keyboard when unavailable (disabledFocusable) and say why
 * through aria-describedby, not only by looking grey.
 */
import { Button, Switch, Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndo20Regular, Eraser20Regular, TableAdd20Regular, TaskListSquareLtr20Regular, TextBulletListAdd20Regular } from '@fluentui/react-icons';
import { ReactElement } from 'react';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'grid', rowGap: tokens.spacingVerticalS },
  primary: { width: '100%' },
  // Wraps instead of widening the pane; each command keeps its words.
  toolbar: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, padding: 0, marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  command: { justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, whiteSpace: 'normal' },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  switchHint: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface ActionState {
  /** Why the command cannot be used now; undefined when it can. */
  disabledReason?: string;
}

export interface ActionBarProps {
  lang: Lang;
  busy: boolean;
  reviewOnly: boolean;
  /** Shown under the commands when writing is off as a whole (review only, read-only sheet). */
  writeHint?: string;
  fill: ActionState;
  summary: ActionState;
  clear: ActionState;
  takeBack: ActionState;
  onCheck(): void;
  onFill(): void;
  onSummary(): void;
  onClear(): void;
  onTakeBack(): void;
  onReviewOnly(on: boolean): void;
}

export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const t = strings(props.lang);
  const command = (id: string, icon: ReactElement, label: string, state: ActionState, onClick: () => void) => {
    const off = props.busy || state.disabledReason !== undefined;
    const describedBy = [state.disabledReason ? `${id}-why` : '', props.writeHint ? 'write-hint' : ''].filter(Boolean).join(' ');
    return (
      <>
        <ToolbarButton
          id={id}
          className={styles.command}
          appearance="subtle"
          icon={icon}
          disabledFocusable={off}
          onClick={off ? undefined : onClick}
          aria-describedby={describedBy || undefined}
          title={state.disabledReason}
        >
          {label}
        </ToolbarButton>
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
      <Button
        id="action-check"
        className={styles.primary}
        appearance="primary"
        icon={<TaskListSquareLtr20Regular />}
        disabledFocusable={props.busy}
        onClick={props.busy ? undefined : props.onCheck}
      >
        {t.check}
      </Button>
      <Toolbar className={styles.toolbar} aria-label={t.writeCommandsLabel} size="small">
        {command('action-fill', <TextBulletListAdd20Regular />, t.fill, props.fill, props.onFill)}
        {command('action-summary', <TableAdd20Regular />, t.summary, props.summary, props.onSummary)}
        {command('action-clear', <Eraser20Regular />, t.clear, props.clear, props.onClear)}
        {command('action-take-back', <ArrowUndo20Regular />, t.takeBack, props.takeBack, props.onTakeBack)}
      </Toolbar>
      {props.writeHint && (
        <p id="write-hint" className={styles.hint}>
          {props.writeHint}
        </p>
      )}
    </div>
  );
}
