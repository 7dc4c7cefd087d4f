/** The rule's colour swatch with its symbol: colour is never the only carrier of meaning. */
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '26px',
    height: '22px',
    padding: '0 4px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    // The rule fills are light (Okabe–Ito tints): black text on them passes WCAG AA.
    color: '#000000',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '1',
    flexShrink: 0,
  },
});

export function RuleBadge(props: { fill: string; symbol: string }) {
  const styles = useStyles();
  return (
    <span className={styles.badge} style={{ backgroundColor: props.fill }} aria-hidden="true">
      {props.symbol}
    </span>
  );
}
