/**
 * What a write will do, shown before anything is written: the codes « Compléter les imputations »
 * will write, the cells « Retirer les imputations complétées » will empty (sheet!cell and code), or
 * everything « Tout retirer… » will remove (marks, codes, sheets, convention figures) and keep.
 */
import { ReactNode, useEffect, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Fill } from '../../domain/findings';
import { Lang } from '../../domain/messages';
import { ClearPreview, CodeToTakeBack } from '../../office/service';
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
  list: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingLeft: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase200 },
  listItem: { marginBottom: tokens.spacingVerticalXS },
});

/** Cells and their codes, as a table with its headers. */
function CodesTable(props: { rows: Array<{ cell: string; code: string }>; lang: Lang }) {
  const styles = useStyles();
  const t = strings(props.lang);
  return (
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
  );
}

interface ConfirmProps {
  testId: string;
  title: string;
  intro: string;
  /** The cells and codes (no table when there are none). */
  rows: Array<{ cell: string; code: string }>;
  /** Shown between the intro and the table. */
  children?: ReactNode;
  after?: ReactNode;
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
      {props.children}
      {props.rows.length > 0 && <CodesTable rows={props.rows} lang={props.lang} />}
      {props.after}
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

function Kept(props: { text: string }) {
  return <p className={useStyles().intro}>{props.text}</p>;
}

/** `sheet!cell` as Excel writes it: the sheet quoted when its name needs it. */
const quoteSheet = (s: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

/** « Retirer les imputations complétées »: exactly the cells it will empty, `sheet!cell`, with their code. */
export function TakeBackConfirm(props: { codes: CodeToTakeBack[]; kept: string[]; lang: Lang; onConfirm(): void; onCancel(): void }) {
  const t = strings(props.lang);
  return (
    <CellsConfirm
      testId="take-back-confirm"
      title={t.confirmTakeBackTitle(props.codes.length)}
      intro={t.confirmTakeBackIntro}
      rows={props.codes.map((c) => ({ cell: `${quoteSheet(c.sheet)}!${c.cell}`, code: c.code }))}
      after={props.kept.length ? <Kept text={t.takeBackKept(props.kept)} /> : undefined}
      confirm={t.confirmTakeBack(props.codes.length)}
      lang={props.lang}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    />
  );
}

/**
 * « Tout retirer… »: everything it will remove for the sheet, as the service's preview found it —
 * the marks (cells), each filled code (`sheet!cell` and code), the summary and comparison sheets
 * that will be deleted, the convention figures — then what it will keep, and why.
 */
export function ClearAllConfirm(props: { preview: ClearPreview; lang: Lang; onConfirm(): void; onCancel(): void }) {
  const styles = useStyles();
  const t = strings(props.lang);
  const p = props.preview;
  const codes = p.codes.map((c) => ({ cell: `${quoteSheet(c.sheet)}!${c.cell}`, code: c.code }));
  const keptSheets = [...p.summaries.kept, ...p.comparisons.kept];
  return (
    <CellsConfirm
      testId="clear-all-confirm"
      title={t.confirmClearAllTitle(p.sheet)}
      intro={t.confirmClearAllIntro}
      rows={[]}
      after={
        <>
          {p.kept.length > 0 && <Kept text={t.takeBackKept(p.kept)} />}
          {keptSheets.length > 0 && <Kept text={t.clearAllKeptSheets(keptSheets)} />}
        </>
      }
      confirm={t.confirmClearAll}
      lang={props.lang}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <ul className={styles.list} data-testid="clear-all-list">
        {p.markedCells > 0 && <li className={styles.listItem}>{t.clearAllMarks(p.markedCells)}</li>}
        {codes.length > 0 && (
          <li className={styles.listItem}>
            {t.clearAllCodes(codes.length)}
            <CodesTable rows={codes} lang={props.lang} />
          </li>
        )}
        {p.summaries.deleted.length > 0 && <li className={styles.listItem}>{t.clearAllSummaries(p.summaries.deleted)}</li>}
        {p.comparisons.deleted.length > 0 && <li className={styles.listItem}>{t.clearAllComparisons(p.comparisons.deleted)}</li>}
        {p.convention && <li className={styles.listItem}>{t.clearAllConvention}</li>}
      </ul>
    </CellsConfirm>
  );
}
