/** What the colours on the sheet mean, with the symbols that tell them apart without colour. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { FILLED_CODE, ROW_TINT, legend } from '../../domain/marks';
import { Lang } from '../../domain/messages';
import { AnnexTemplate } from '../../domain/template';
import { strings } from '../i18n';
import { RuleBadge } from './RuleBadge';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalL },
  summary: {
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
});

export function Legend(props: { lang: Lang; template?: AnnexTemplate }) {
  const styles = useStyles();
  const t = strings(props.lang);
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t.legendTitle}</summary>
      <ul className={styles.list}>
        {legend(props.lang, props.template).map((l) => (
          <li key={l.rule} className={styles.item}>
            <RuleBadge fill={l.fill} rule={l.rule} />
            <span>{l.title}</span>
          </li>
        ))}
        <li className={styles.item}>
          <RuleBadge fill={ROW_TINT} rule="rowTint" />
          <span>{t.legendRowTint}</span>
        </li>
        <li className={styles.item}>
          <RuleBadge fill={FILLED_CODE} rule="filled" />
          <span>{t.legendFilled}</span>
        </li>
      </ul>
    </details>
  );
}
