/**
 * The pane's commands at the task pane's real width (320–350 px): the « Relecture seule » switch
 * first, above everything it turns off; then one toolbar on one line — the primary action,
 * « Vérifier la feuille », and « Plus d’actions », a menu (Fluent UI's) holding every other
 * command with its icon and words, in three groups: writing to the workbook, the convention and
 * comparison panels, taking back. Unavailable commands stay reachable by keyboard (disabled but
 * focusable) and say why through aria-describedby, not only by looking grey.
 */
import {
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Switch,
  Toolbar,
  ToolbarButton,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  BranchCompare20Regular,
  Delete20Regular,
  DocumentCheckmark20Regular,
  Eraser20Regular,
  MoreHorizontal20Regular,
  TableAdd20Regular,
  TaskListSquareLtr20Regular,
  TextBulletListAdd20Regular,
} from '@fluentui/react-icons';
import { ReactElement } from 'react';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';
import { LAUNCHER } from './PaneExtras';

const useStyles = makeStyles({
  bar: { display: 'grid', rowGap: tokens.spacingVerticalS },
  // One line at 320 px and wider (the primary action and the menu, 290 px in Chromium's fallback
  // font); narrower still, the menu goes under rather than past the pane's edge.
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXS, padding: 0 },
  nowrap: { whiteSpace: 'nowrap', flexShrink: 0 },
  more: { paddingLeft: tokens.spacingHorizontalSNudge, paddingRight: tokens.spacingHorizontalSNudge, minWidth: 0 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  switchHint: { margin: `0 0 0 ${tokens.spacingHorizontalXXL}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  // A task pane is narrow: the menu's entries wrap rather than widen it past the pane.
  popover: { maxWidth: 'calc(100vw - 16px)' },
  item: { whiteSpace: 'normal' },
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
  convention: ActionState;
  /** Absent when the service cannot read another sheet: no such entry. */
  compare?: ActionState;
  clear: ActionState;
  takeBack: ActionState;
  clearAll: ActionState;
  onCheck(): void;
  onFill(): void;
  onSummary(): void;
  onConvention(): void;
  onCompare(): void;
  onClear(): void;
  onTakeBack(): void;
  onClearAll(): void;
  onReviewOnly(on: boolean): void;
}

export function ActionBar(props: ActionBarProps) {
  const styles = useStyles();
  const t = strings(props.lang);
  const launcher = LAUNCHER[props.lang];
  const reasons: ReactElement[] = [];
  const command = (id: string, icon: ReactElement, label: string, state: ActionState, onClick: () => void, writes = true) => {
    const off = props.busy || state.disabledReason !== undefined;
    const describedBy = [state.disabledReason ? `${id}-why` : '', writes && props.writeHint ? 'write-hint' : ''].filter(Boolean).join(' ');
    if (state.disabledReason) {
      reasons.push(
        <span key={id} id={`${id}-why`} className={styles.hidden}>
          {state.disabledReason}
        </span>,
      );
    }
    return (
      <MenuItem
        id={id}
        className={styles.item}
        icon={icon}
        disabled={off}
        onClick={off ? undefined : onClick}
        aria-describedby={describedBy || undefined}
        title={state.disabledReason}
      >
        {label}
      </MenuItem>
    );
  };
  const items = (
    <MenuList>
      <MenuGroup>
        <MenuGroupHeader>{t.writeCommandsLabel}</MenuGroupHeader>
        {command('action-fill', <TextBulletListAdd20Regular />, t.fill, props.fill, props.onFill)}
        {command('action-summary', <TableAdd20Regular />, t.summary, props.summary, props.onSummary)}
      </MenuGroup>
      <MenuDivider />
      <MenuGroup>
        <MenuGroupHeader>{t.menuPanels}</MenuGroupHeader>
        {command('action-convention', <DocumentCheckmark20Regular />, launcher.conventionOpen, props.convention, props.onConvention, false)}
        {props.compare && command('action-compare', <BranchCompare20Regular />, launcher.compareOpen, props.compare, props.onCompare, false)}
      </MenuGroup>
      <MenuDivider />
      <MenuGroup>
        <MenuGroupHeader>{t.menuTakeBack}</MenuGroupHeader>
        {command('action-clear', <Eraser20Regular />, t.clear, props.clear, props.onClear)}
        {command('action-take-back', <ArrowUndo20Regular />, t.takeBack, props.takeBack, props.onTakeBack)}
        {command('action-clear-all', <Delete20Regular />, t.clearAll, props.clearAll, props.onClearAll)}
      </MenuGroup>
    </MenuList>
  );
  return (
    <div className={styles.bar}>
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
      <Toolbar className={styles.toolbar} aria-label={t.actionsLabel} data-testid="pane-toolbar">
        <ToolbarButton
          id="action-check"
          className={styles.nowrap}
          appearance="primary"
          icon={<TaskListSquareLtr20Regular />}
          disabledFocusable={props.busy}
          onClick={props.busy ? undefined : props.onCheck}
        >
          {t.check}
        </ToolbarButton>
        <Menu positioning={{ position: 'below', align: 'end' }} hasIcons>
          <MenuTrigger disableButtonEnhancement>
            <ToolbarButton id="action-more" className={mergeClasses(styles.nowrap, styles.more)} icon={<MoreHorizontal20Regular />} aria-label={t.moreActions} title={t.moreActions}>
              {t.moreActionsShort}
            </ToolbarButton>
          </MenuTrigger>
          <MenuPopover className={styles.popover}>
            {items}
            {reasons}
          </MenuPopover>
        </Menu>
      </Toolbar>
      {props.writeHint && (
        <p id="write-hint" className={styles.hint}>
          {props.writeHint}
        </p>
      )}
    </div>
  );
}
