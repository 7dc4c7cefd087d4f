/** What "Compléter les imputations" will write, shown before anything is written. */
import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Fill } from '../../domain/findings';
import { Lang } from '../../domain/messages';
import { strings } from '../i18n';

const useStyles = makeStyles({
  panel: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase200 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, marginBottom: tokens.spacingVerticalM },
  th: { textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, padding: '2px 4px' },
  td: { verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px' },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function FillConfirm(props: { fills: Fill[]; lang: Lang; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  const t = strings(props.lang);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  return (
    <section
      className={styles.panel}
      aria-labelledby="fill-confirm-title"
      data-testid="fill-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h2 id="fill-confirm-title" className={styles.title} tabIndex={-1} ref={title}>
        {t.confirmFillTitle(props.fills.length)}
      </h2>
      <p className={styles.intro}>{t.confirmFillIntro}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {t.cellLabel}
            </th>
            <th className={styles.th} scope="col">
              {props.lang === 'fr' ? 'Imputation Chorus' : 'Chorus code'}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.fills.map((f) => (
            <tr key={f.cell}>
              <td className={`${styles.td} ${styles.cell}`}>{f.cell}</td>
              <td className={styles.td}>{f.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={props.onConfirm}>
          {t.confirmFill(props.fills.length)}
        </Button>
        <Button onClick={props.onCancel}>{t.cancel}</Button>
      </div>
    </section>
  );
}
