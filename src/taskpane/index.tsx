/**
 * Entry point of the task pane (webpack entry "taskpane").
 * Waits for Office.js, then renders <App/> inside Fluent UI's theme provider.
 * The pane itself lives in ./components/App (default export); it talks to Excel through the
 * AnnexService of ../office/excelService, and picks its language from Office.context.displayLanguage.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from './components/App';
import { createExcelService } from '../office/excelService';
import { createSummaryWriter } from '../office/summarySheet';

const container = document.getElementById('container');

Office.onReady(() => {
  if (!container) {
    throw new Error('Élément #container introuvable dans taskpane.html');
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App service={createExcelService({ writeSummary: createSummaryWriter() })} />
    </FluentProvider>,
  );
});
