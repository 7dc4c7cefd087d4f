/**
 * A rule's mark colour (the one on the sheet) with a Fluent icon: colour is never the only carrier
 * of meaning, and the words beside it say what the rule is (no symbols such as Σ² or ½ to decode).
 */
import { ReactElement } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowSync20Regular,
  ArrowTrending20Regular,
  Calculator20Regular,
  CalculatorMultiple20Regular,
  Checkmark20Regular,
  DataBarVertical20Regular,
  QuestionCircle20Regular,
  RowTriple20Regular,
  Scales20Regular,
  Tag20Regular,
} from '@fluentui/react-icons';
import { RuleCode } from '../../domain/findings';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '22px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    // The rule fills are light (Okabe–Ito tints): black on them passes WCAG AA.
    color: '#000000',
    flexShrink: 0,
  },
});

const ICONS: Record<RuleCode | 'rowTint' | 'filled', () => ReactElement> = {
  UNREADABLE_AMOUNT: () => <QuestionCircle20Regular />,
  STALE_FORMULA: () => <ArrowSync20Regular />,
  SUBTOTAL: () => <Calculator20Regular />,
  SECTION_TOTAL: () => <CalculatorMultiple20Regular />,
  GRAND_TOTAL: () => <DataBarVertical20Regular />,
  ROW_TOTAL: () => <RowTriple20Regular />,
  A_NEQ_C: () => <Scales20Regular />,
  VALORISATION_EXCEEDS_C: () => <ArrowTrending20Regular />,
  MISSING_IMPUTATION: () => <Tag20Regular />,
  rowTint: () => <RowTriple20Regular />,
  filled: () => <Checkmark20Regular />,
};

export function RuleBadge(props: { fill: string; rule: RuleCode | 'rowTint' | 'filled' }) {
  const styles = useStyles();
  return (
    <span className={styles.badge} style={{ backgroundColor: props.fill }} aria-hidden="true" data-rule-badge={props.rule}>
      {ICONS[props.rule]()}
    </span>
  );
}
