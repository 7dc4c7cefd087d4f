/**
 * What a write will do, shown before anything is written: the codes « Compléter les imputations »
 * will write, or the cells « Retirer les imputations complétées » will empty (sheet!cell and code).
 */
import { useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Fill } from '../../domain/findings';
import { Lang } from '../../domain/messages';
import { CodeToTakeBack } from '../../office/service';
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
  td: { verticalAlign: 'top', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 4px', overflowWrap: 'anywhere' },
  cell: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
});

interface ConfirmProps {
  testId: string;
  title: string;
  intro: string;
  rows: Array<{ cell: string; code: string }>;
  after?: string;
  confirm: string;
  lang: Lang;
  onConfirm(): void;
  onCancel(): void;
}

function CellsConfirm(props: ConfirmProps) {
  const styles = useStyles();
  const t = strings(props.lang);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, []);
  const titleId = `${props.testId}-title`;
  return (
    <section
      className={styles.panel}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h2 id={titleId} className={styles.title} tabIndex={-1} ref={title}>
        {props.title}
      </h2>
      <p className={styles.intro}>{props.intro}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} scope="col">
              {t.cellLabel}
            </th>
            <th className={styles.th} scope="col">
              {t.codeLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.cell}>
              <td className={`${styles.td} ${styles.cell}`}>{r.cell}</td>
              <td className={styles.td}>{r.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.after && <p className={styles.intro}>{props.after}</p>}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={props.onConfirm}>
          {props.confirm}
        </Button>
        <Button onClick={props.onCancel}>{t.cancel}</Button>
      </div>
    </section>
  );
}

export function FillConfirm(props: { fills: Fill[]; lang: Lang; onConfirm(): void; onCancel(): void }) {
  const t = strings(props.lang);
  // One row per cell: a merged code cell covering several actions is written once.
  const rows = [...new Map(props.fills.map((f) => [f.cell, { cell: f.cell, code: f.code }])).values()];
  return (
    <CellsConfirm
      testId="fill-confirm"
      title={t.confirmFillTitle(rows.length)}
      intro={t.confirmFillIntro}
      rows={rows}
      confirm={t.confirmFill(rows.length)}
      lang={props.lang}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    />
  );
}

/** « Retirer les imputations complétées »: exactly the cells it will empty, `sheet!cell`, with their code. */
export function TakeBackConfirm(props: { codes: CodeToTakeBack[]; kept: string[]; lang: Lang; onConfirm(): void; onCancel(): void }) {
  const t = strings(props.lang);
  const quoteSheet = (s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);
  return (
    <CellsConfirm
      testId="take-back-confirm"
      title={t.confirmTakeBackTitle(props.codes.length)}
      intro={t.confirmTakeBackIntro}
      rows={props.codes.map((c) => ({ cell: `${quoteSheet(c.sheet)}!${c.cell}`, code: c.code }))}
      after={props.kept.length ? t.takeBackKept(props.kept) : undefined}
      confirm={t.confirmTakeBack(props.codes.length)}
      lang={props.lang}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    />
  );
}
