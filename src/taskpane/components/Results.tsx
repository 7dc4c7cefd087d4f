/**
 * The verdict of a check: a headline with the counts, then the findings grouped by rule (colour
 * AND symbol AND title), the codes to fill, the codes to choose and the notices about the table.
 */
import { forwardRef } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { SheetReport } from '../../domain/analyze';
import { Finding, cellName } from '../../domain/findings';
import { RULE_STYLES } from '../../domain/marks';
import { Lang } from '../../domain/messages';
import { RULES, ruleTitle } from '../../domain/rules/registry';
import { noticeText } from '../../domain/words/render';
import { strings } from '../i18n';
import { CellButton, FindingItem } from './FindingItem';
import { RuleBadge } from './RuleBadge';

const useStyles = makeStyles({
  headline: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  clean: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  cleanMark: { fontSize: tokens.fontSizeBase500, lineHeight: '1', color: tokens.colorPaletteGreenForeground1 },
  cleanTitle: { display: 'block', fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase400 },
  group: { marginTop: tokens.spacingVerticalM },
  groupTitle: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  // minmax(0, 1fr): long titles ellipsize instead of widening the pane.
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalS },
  intro: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export function actionCount(report: SheetReport): number {
  return report.tables.reduce((n, t) => n + t.stats.actions, 0);
}

export function subtotalCount(report: SheetReport): number {
  return report.tables.reduce((n, t) => n + t.stats.subtotals, 0);
}

export interface ResultsProps {
  report: SheetReport;
  lang: Lang;
  /** `sheet!cell` of the last line clicked, to show where the user is. */
  current: string | null;
  onSelect(cell: string): void;
}

export const Results = forwardRef<HTMLHeadingElement, ResultsProps>(function Results(props, headlineRef) {
  const styles = useStyles();
  const { report, lang } = props;
  const t = strings(lang);
  const actions = actionCount(report);
  const groups = RULES.map((rule) => ({ rule, findings: report.findings.filter((f) => f.rule === rule) })).filter(
    (g) => g.findings.length > 0,
  );
  const isCurrent = (cell: string) => props.current === `${report.sheet}!${cell}`;
  const select = (cell: string) => props.onSelect(cell);

  return (
    <section aria-labelledby="results-headline">
      {/* Focused after a check, so that the next Tab lands on the first finding. */}
      <h2 id="results-headline" className={styles.headline} tabIndex={-1} ref={headlineRef}>
        {t.headline(report.findings.length, actions, report.sheet)}
      </h2>

      {report.findings.length === 0 && (
        <div className={styles.clean} data-testid="clean">
          <span className={styles.cleanMark} aria-hidden="true">
            ✓
          </span>
          <span>
            <strong className={styles.cleanTitle}>{t.clean}</strong>
            {t.cleanDetail(actions, subtotalCount(report))}
          </span>
        </div>
      )}

      {groups.map((g) => {
        const style = RULE_STYLES[g.rule];
        const id = `rule-${g.rule}`;
        return (
          <section key={g.rule} className={styles.group} aria-labelledby={id} data-rule={g.rule}>
            <h3 id={id} className={styles.groupTitle}>
              <RuleBadge fill={style.fill} symbol={style.symbol} />
              <span>{t.ruleGroup(ruleTitle(g.rule, lang, report.template), g.findings.length)}</span>
            </h3>
            <ul className={styles.list}>
              {g.findings.map((f: Finding, i) => (
                <li key={`${cellName(f.at)}-${i}`}>
                  <FindingItem finding={f} template={report.template} lang={lang} current={isCurrent(cellName(f.at))} onSelect={(x) => select(cellName(x.at))} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      <CellList
        id="fills"
        title={t.fillsTitle(report.fills.length)}
        intro={t.fillsIntro}
        items={report.fills.map((fill) => ({ cell: fill.cell, row: fill.row, text: fill.code }))}
        lang={lang}
        isCurrent={isCurrent}
        select={select}
      />
      <CellList
        id="proposals"
        title={t.proposalsTitle(report.proposals.length)}
        items={report.proposals.map((p) => ({ cell: p.cell, row: p.row, text: p.candidates.length > 0 ? p.candidates.join(t.or) : t.noCandidate }))}
        lang={lang}
        isCurrent={isCurrent}
        select={select}
      />

      {report.notices.length > 0 && (
        <section className={styles.group} aria-labelledby="notices-title">
          <h3 id="notices-title" className={styles.groupTitle}>
            {t.notesTitle}
          </h3>
          <ul className={styles.notices}>
            {report.notices.map((n, i) => (
              <li key={i}>{noticeText(n, lang, report.template)}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
});

interface CellListProps {
  /** `fills` or `proposals`: the section's test id and title id. */
  id: string;
  title: string;
  intro?: string;
  items: Array<{ cell: string; row: number; text: string }>;
  lang: Lang;
  isCurrent: (cell: string) => boolean;
  select: (cell: string) => void;
}

/** A titled list of cells (codes to fill, codes to choose), each a button that selects its cell; nothing when empty. */
function CellList({ id, title, intro, items, lang, isCurrent, select }: CellListProps) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <section className={styles.group} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`} className={styles.groupTitle}>
        <span>{title}</span>
      </h3>
      {intro && <p className={styles.intro}>{intro}</p>}
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.cell}>
            <CellButton cell={item.cell} label="" row={item.row} text={item.text} lang={lang} current={isCurrent(item.cell)} onSelect={() => select(item.cell)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
