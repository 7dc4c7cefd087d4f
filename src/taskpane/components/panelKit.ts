/**
 * What the panels loaded on demand (ConventionPanel, ComparisonPanel) take from Fluent UI, handed
 * to them by PaneExtras from the pane's own chunk. A lazy chunk that imported
 * '@fluentui/react-components' itself, even for `makeStyles` and `tokens` alone, made webpack keep
 * about 32 KB more (minified) in the pane's first load, measured with scripts/pane-size.js. Form
 * fields in the panels are native elements styled here.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';

export const usePanelStyles = makeStyles({
  panel: {
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'grid',
    rowGap: tokens.spacingVerticalM,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  p: { margin: 0 },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  row: { display: 'grid', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  inline: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'grid', rowGap: tokens.spacingVerticalS },
  plainList: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', rowGap: tokens.spacingVerticalXS },
  item: { textAlign: 'left', height: 'auto', padding: tokens.spacingVerticalS, justifyContent: 'flex-start', whiteSpace: 'normal', width: '100%' },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  pre: { margin: 0, whiteSpace: 'pre-wrap', fontSize: tokens.fontSizeBase200 },
  box: { padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, display: 'grid', rowGap: tokens.spacingVerticalXS },
  field: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  input: {
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  error: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export type PanelClasses = ReturnType<typeof usePanelStyles>;

export interface PanelKit {
  Button: typeof Button;
  MessageBar: typeof MessageBar;
  MessageBarBody: typeof MessageBarBody;
  Spinner: typeof Spinner;
  classes: PanelClasses;
}

export const panelComponents = { Button, MessageBar, MessageBarBody, Spinner };
