/**
 * The verdict of a check: a headline with the counts first, then what was just written (the
 * pane's notes, given as children), then the findings grouped by rule — the headline rule (A ≠ C,
 * 50/50) first, each group collapsible with its count, its colour and icon beside its title —
 * then the codes to fill, the codes to choose and the notices about the table.
 */
import { ReactNode, forwardRef, useState } from 'react';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { makeStyles, tokens } from '@fluentui/react-components';
import { SheetReport } from '../../domain/analyze';
import { Finding, RuleCode } from '../../domain/findings';
import { RULE_STYLES } from '../../domain/marks';
import { Lang } from '../../domain/messages';
import { RULES, ruleTitle } from '../../domain/rules/registry';
import { wordsFor } from '../../domain/words';
import { noticeText } from '../../domain/words/render';
import { strings } from '../i18n';
import { CellButton, FindingItem, cardCell } from './FindingItem';
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
  heading: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} 0`,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  chevron: { marginLeft: 'auto', flexShrink: 0, display: 'inline-flex' },
  notes: { display: 'grid', rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalS },
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
  /** What was just written (a short confirmation), shown right under the verdict. */
  children?: ReactNode;
}

/** The headline rule of the convention first (A ≠ C, the 50/50 co-financing), then the others in their order. */
const GROUP_ORDER: RuleCode[] = ['A_NEQ_C', ...RULES.filter((r) => r !== 'A_NEQ_C')];

/** Above this many findings, only the first group starts open: the pane stays short. */
const ALL_OPEN_UP_TO = 6;

/** The findings of a rule by cell, in order: a merged cell covering several actions is one entry. */
function byCell(findings: Finding[]): Finding[][] {
  const cells = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = cardCell(f);
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  return [...cells.values()];
}

export const Results = forwardRef<HTMLHeadingElement, ResultsProps>(function Results(props, headlineRef) {
  const styles = useStyles();
  const { report, lang } = props;
  const t = strings(lang);
  const actions = actionCount(report);
  const groups = GROUP_ORDER.map((rule) => ({ rule, findings: report.findings.filter((f) => f.rule === rule) })).filter((g) => g.findings.length > 0);
  const isCurrent = (cell: string) => props.current === `${report.sheet}!${cell}`;
  const select = (cell: string) => props.onSelect(cell);
  const [open, setOpen] = useState<Partial<Record<RuleCode, boolean>>>({});
  const isOpen = (rule: RuleCode, index: number) => open[rule] ?? (index === 0 || report.findings.length <= ALL_OPEN_UP_TO);

  return (
    <section aria-labelledby="results-headline">
      {/* Focused after a check, so that the next Tab lands on the first finding. */}
      <h2 id="results-headline" className={styles.headline} tabIndex={-1} ref={headlineRef}>
        {t.headline(report.findings.length, actions, report.sheet)}
      </h2>

      {props.children && <div className={styles.notes}>{props.children}</div>}

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

      {groups.map((g, index) => {
        const style = RULE_STYLES[g.rule];
        const id = `rule-${g.rule}`;
        const expanded = isOpen(g.rule, index);
        return (
          <section key={g.rule} className={styles.group} aria-labelledby={id} data-rule={g.rule}>
            <h3 className={styles.heading}>
              <button
                type="button"
                id={id}
                className={styles.toggle}
                aria-expanded={expanded}
                aria-controls={`${id}-list`}
                onClick={() => setOpen((o) => ({ ...o, [g.rule]: !expanded }))}
              >
                <RuleBadge fill={style.fill} rule={g.rule} />
                <span>{t.ruleGroup(ruleTitle(g.rule, lang, report.template, g.findings), g.findings.length)}</span>
                <span className={styles.chevron} aria-hidden="true">
                  {expanded ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
                </span>
              </button>
            </h3>
            <ul className={styles.list} id={`${id}-list`} hidden={!expanded}>
              {byCell(g.findings).map((same) => (
                <li key={cardCell(same[0])}>
                  <FindingItem findings={same} template={report.template} lang={lang} current={isCurrent(cardCell(same[0]))} onSelect={(x) => select(cardCell(x))} />
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
        // Why it is only proposed (the row or the cell is in doubt): the reader decides with it.
        items={report.proposals.map((p) => ({ cell: p.cell, row: p.row, text: `${p.candidates.length > 0 ? p.candidates.join(t.or) : t.noCandidate} — ${wordsFor(lang).doubt[p.reason]}` }))}
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
            <CellButton cell={item.cell} label="" rows={[item.row]} text={item.text} lang={lang} current={isCurrent(item.cell)} onSelect={() => select(item.cell)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
