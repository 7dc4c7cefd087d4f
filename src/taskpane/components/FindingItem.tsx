/**
 * One line of the results: a real <button>, so a click, Enter or Space selects its cell in the
 * sheet. It says each thing once: the cell and row, the row's label (wrapping, never cut
 * mid-word), then the figures, the gap and what to do — the engine renders the message for the
 * card (findingCardText), without the row, the label and the cell the card shows itself.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Finding, cellName, sheetRow } from '../../domain/findings';
import { AnnexTemplate } from '../../domain/template';
import { findingCardText, findingCell } from '../../domain/words/render';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';

export const useItemStyles = makeStyles({
  item: {
    position: 'relative',
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    overflowWrap: 'break-word',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `1px solid ${tokens.colorNeutralStroke1Hover}` },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
    flexShrink: 0,
  },
  row: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexShrink: 0 },
  // Wraps between words; only a word longer than the card breaks.
  label: { display: 'block', fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  message: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  merged: { display: 'block', marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface CellButtonProps {
  cell: string;
  label: string;
  /** The row, or the first and last rows of the actions a merged cell covers. */
  rows: number[];
  text: string;
  /** Set when one merged cell stands for several actions: how many. */
  actions?: number;
  lang: Lang;
  current: boolean;
  disabled?: boolean;
  onSelect(): void;
}

/** A line of the results that leads to a cell: findings, fills and proposals share it. */
export function CellButton(props: CellButtonProps) {
  const styles = useItemStyles();
  const t = strings(props.lang);
  const first = Math.min(...props.rows);
  const last = Math.max(...props.rows);
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, props.current && styles.current)}
      aria-current={props.current ? 'true' : undefined}
      onClick={props.onSelect}
      disabled={props.disabled}
      data-cell={props.cell}
    >
      <span className={styles.head}>
        <span className={styles.cell}>{props.cell}</span>
        <span className={styles.row}>{first === last ? t.rowLine(first) : t.rowsLine(first, last)}</span>
      </span>
      {props.label && <span className={styles.label}>{props.label}</span>}
      <span className={styles.message}>{props.text}</span>
      {props.actions !== undefined && props.actions > 1 && <span className={styles.merged}>{t.mergedCell(props.actions)}</span>}
    </button>
  );
}

/** The cell a card stands for: a missing code's is the cell the code goes into (a merged cell's top left). */
export function cardCell(f: Finding): string {
  return cellName(findingCell(f));
}

/**
 * The findings of one rule on one cell: one card (a merged cell covering several actions gives
 * several findings), its message rendered in the pane's language of the moment (switching needs no
 * new check).
 */
export function FindingItem(props: { findings: Finding[]; template: AnnexTemplate; lang: Lang; current: boolean; disabled?: boolean; onSelect(f: Finding): void }) {
  const f = props.findings[0];
  return (
    <CellButton
      cell={cardCell(f)}
      label={f.rowLabel}
      rows={props.findings.map((x) => sheetRow(x.at))}
      text={findingCardText(f, props.lang, props.template)}
      actions={props.findings.length > 1 ? props.findings.length : undefined}
      lang={props.lang}
      current={props.current}
      disabled={props.disabled}
      onSelect={() => props.onSelect(f)}
    />
  );
}
