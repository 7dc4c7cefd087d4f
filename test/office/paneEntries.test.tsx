/** @jest-environment jsdom */
/**
 * The pane's Office-facing entries: « Aide > Diagnostic Excel » shows a copyable report (only
 * when the service offers it), the pane says plainly when it is opened outside Excel, and it
 * speaks the ribbon's language (the manifest's English locales, exactly).
 */
import '@testing-library/jest-dom';
import * as fs from 'fs';
import * as path from 'path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../../src/taskpane/components/App';
import { langFromDisplayLanguage } from '../../src/taskpane/i18n';
import { hostProblem } from '../../src/office/environment';
import { ENGLISH_LOCALES } from '../../src/office/locales';
import { AnnexService } from '../../src/office/service';

function service(diagnose?: AnnexService['diagnose']): AnnexService {
  const never = () => new Promise<never>(() => undefined);
  return {
    check: never,
    mark: never,
    fillCodes: never,
    insertSummary: never,
    clear: never,
    previewClear: never,
    clearMarks: never,
    previewTakeBack: never,
    takeBackCodes: never,
    select: async () => undefined,
    onSheetChanged: async () => () => undefined,
    ...(diagnose ? { diagnose } : {}),
  };
}

const pane = (s: AnnexService, lang: 'fr' | 'en' = 'fr') =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App service={s} lang={lang} />
    </FluentProvider>,
  );

describe('« Aide > Diagnostic Excel »', () => {
  it('runs the diagnostic and shows its report, read-only and copyable', async () => {
    let release!: (text: string) => void;
    const diagnose = jest.fn((lang: 'fr' | 'en') => new Promise<string>((resolve) => (release = (t) => resolve(`${lang}: ${t}`))));
    pane(service(diagnose));
    fireEvent.click(screen.getByRole('button', { name: 'Aide' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Diagnostic Excel' }));
    expect(diagnose).toHaveBeenCalledWith('fr');
    expect(await screen.findByTestId('diagnostic-running')).toHaveTextContent(/une feuille de test est créée, vérifiée, puis supprimée/);
    release('✔ A1 …\nRésumé : 15 ✔, 0 ✘, 3 ℹ.');
    const report = (await screen.findByRole('textbox', { name: 'Rapport du diagnostic Excel' })) as HTMLTextAreaElement;
    expect(report.value).toBe('fr: ✔ A1 …\nRésumé : 15 ✔, 0 ✘, 3 ℹ.');
    expect(report).toHaveAttribute('readonly');
    const writeText = jest.fn(async () => undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    fireEvent.click(screen.getByRole('button', { name: 'Copier le rapport' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(report.value));
    expect(await screen.findByText('Rapport copié.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByTestId('diagnostic')).not.toBeInTheDocument();
  });

  it('says so when the diagnostic fails, in English for an English pane', async () => {
    pane(service(async () => Promise.reject(new Error('Excel a refusé'))), 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Excel diagnostic' }));
    expect(await screen.findByTestId('diagnostic')).toHaveTextContent(/The diagnostic could not finish/);
  });

  it('is not offered by a service without it', () => {
    pane(service());
    expect(screen.queryByRole('button', { name: 'Aide' })).not.toBeInTheDocument();
  });
});

describe('opened outside Excel', () => {
  it('says plainly that the add-in works in Excel only, and where to open it', () => {
    expect(hostProblem({ host: 'Excel' }, 'fr')).toBeNull();
    expect(hostProblem({ host: 'Word' }, 'fr')).toBe(
      "Ce complément ne fonctionne que dans Excel, pas dans Word\u00a0: ouvrez le classeur de l’annexe dans Excel, puis cliquez sur «\u00a0Contrôler l'annexe 9\u00a0» (onglet Accueil, groupe «\u00a0Annexe 9\u00a0»).",
    );
    expect(hostProblem({ host: null }, 'fr')).toMatch(/^Ce volet ne fonctionne que dans Excel/);
    expect(hostProblem(undefined, 'en')).toMatch(/^This pane works only in Excel/);
  });

  it('the pane entry shows it instead of the pane', () => {
    const entry = fs.readFileSync(path.join(__dirname, '../../src/taskpane/index.tsx'), 'utf8');
    expect(entry).toMatch(/Office\.onReady\(\(info\) =>/);
    expect(entry).toMatch(/hostProblem\(info, detectLang\(\)\)/);
  });
});

describe('the pane speaks the ribbon’s language', () => {
  const manifest = fs.readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');

  it('every string the manifest translates has an English override for exactly the pane’s English locales', () => {
    const elements = manifest.match(/<(bt:String|DisplayName|Description)\b[\s\S]*?<\/\1>/g) ?? [];
    expect(elements.length).toBeGreaterThanOrEqual(7);
    for (const element of elements) {
      const locales = [...element.matchAll(/Override Locale="([^"]+)"/g)].map((m) => m[1]);
      expect(locales.sort()).toEqual([...ENGLISH_LOCALES].sort());
      const values = new Set([...element.matchAll(/Override Locale="[^"]+" Value="([^"]*)"/g)].map((m) => m[1]));
      expect(values.size).toBe(1);
    }
  });

  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-au', 'en'],
    ['en-PH', 'fr'],
    ['fr-FR', 'fr'],
    ['fr-BE', 'fr'],
    ['de-DE', 'fr'],
    ['en', 'en'],
  ])('%s → %s, like the ribbon', (tag, lang) => {
    expect(langFromDisplayLanguage(tag)).toBe(lang);
    const ribbonEnglish = new RegExp(`Override Locale="${tag}"`, 'i').test(manifest);
    if (tag !== 'en') expect(ribbonEnglish).toBe(lang === 'en');
  });
});
