/**
 * A message of the engine, shown as plain text (React escapes it) with each amount kept on one
 * line: formatEuro writes plain spaces, so the pane stops amounts from breaking with CSS.
 */
import { Fragment } from 'react';
import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ amount: { whiteSpace: 'nowrap' } });

// `1 280 000,00 €`, `-320 000,00 €` (French) and `€1,280,000.00` (English).
const AMOUNT = /-?\d{1,3}(?: \d{3})*,\d{2} €|-?€\d{1,3}(?:,\d{3})*\.\d{2}/g;

export function splitAmounts(text: string): Array<{ text: string; amount: boolean }> {
  const parts: Array<{ text: string; amount: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(AMOUNT)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), amount: false });
    parts.push({ text: m[0], amount: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), amount: false });
  return parts;
}

export function MessageText(props: { text: string }) {
  const styles = useStyles();
  return (
    <>
      {splitAmounts(props.text).map((p, i) =>
        p.amount ? (
          <span key={i} className={styles.amount}>
            {p.text}
          </span>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
