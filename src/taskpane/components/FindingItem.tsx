/** One finding: a real <button>, so a click, Enter or Space selects its cell in the sheet. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Finding, cellName, sheetRow } from '../../domain/findings';
import { AnnexTemplate } from '../../domain/template';
import { findingText } from '../../domain/words/render';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';
import { MessageText } from './MessageText';

export const useItemStyles = makeStyles({
  item: {
    position: 'relative',
    display: 'block',
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `1px solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXXS },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    flexShrink: 0,
  },
  label: {
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  row: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexShrink: 0, marginLeft: 'auto' },
  message: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export interface CellButtonProps {
  cell: string;
  label: string;
  row: number;
  text: string;
  lang: Lang;
  current: boolean;
  disabled?: boolean;
  onSelect(): void;
}

/** A line of the results that leads to a cell: findings, fills and proposals share it. */
export function CellButton(props: CellButtonProps) {
  const styles = useItemStyles();
  const t = strings(props.lang);
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, props.current && styles.current)}
      aria-current={props.current ? 'true' : undefined}
      onClick={props.onSelect}
      disabled={props.disabled}
      data-cell={props.cell}
    >
      <span className={styles.hidden}>{t.goToCell(props.cell)} — </span>
      <span className={styles.head}>
        <span className={styles.cell}>{props.cell}</span>
        {props.label && (
          <span className={styles.label} title={props.label}>
            {props.label}
          </span>
        )}
        <span className={styles.row}>{t.rowLine(props.row)}</span>
      </span>
      <span className={styles.message}>
        <MessageText text={props.text} />
      </span>
    </button>
  );
}

/** A finding, its message rendered in the pane's language of the moment (switching needs no new check). */
export function FindingItem(props: { finding: Finding; template: AnnexTemplate; lang: Lang; current: boolean; disabled?: boolean; onSelect(f: Finding): void }) {
  const f = props.finding;
  return (
    <CellButton
      cell={cellName(f.at)}
      label={f.rowLabel}
      row={sheetRow(f.at)}
      text={findingText(f, props.lang, props.template)}
      lang={props.lang}
      current={props.current}
      disabled={props.disabled}
      onSelect={() => props.onSelect(f)}
    />
  );
}
