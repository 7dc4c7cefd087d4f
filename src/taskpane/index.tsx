/**
 * Entry point of the task pane (webpack entry "taskpane").
 * Waits for Office.js, then renders <App/> inside Fluent UI's theme provider.
 * The pane itself lives in ./components/App (default export); it talks to Excel through the
 * AnnexService of ../office/excelService, and picks its language from Office.context.displayLanguage.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from './components/App';
import { createAddinService } from '../office/addinService';
import { hostProblem } from '../office/environment';
import { detectLang } from './i18n';
import { ErrorBoundary } from './components/ErrorBoundary';

const container = document.getElementById('container');

Office.onReady((info) => {
  if (!container) {
    throw new Error('Élément #container introuvable dans taskpane.html');
  }
  // Opened outside Excel (Word, PowerPoint, a plain browser): say so plainly instead of failing later.
  const outside = hostProblem(info, detectLang());
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {outside ? (
        <p role="alert" style={{ margin: '1rem', fontFamily: 'inherit' }}>
          {outside}
        </p>
      ) : (
        <ErrorBoundary lang={detectLang()}>
          <App service={createAddinService()} />
        </ErrorBoundary>
      )}
    </FluentProvider>,
  );
});
