/**
 * The demo page: the task pane beside an in-memory workbook, so anyone can try the add-in
 * without Excel. Language from ?lang=en (French by default) and a switch in the top bar.
 */
import { ChangeEvent, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import App from '../taskpane/components/App';
import { Lang } from '../domain/messages';
import { DemoBook } from './book';
import { SheetView, SheetViewLabels } from './SheetView';
import { ErrorBoundary } from '../taskpane/components/ErrorBoundary';
import { UnreadableWorkbook, asUnreadable, unreadableMessage } from './loadErrors';

export const WORDS: Record<Lang, SheetViewLabels & { title: string; tagline: string; language: string; open: string; reset: string; loading: string; pane: string; workbook: string; loadError: string; sheetCrashed: string; file(name: string): string }> = {
  fr: {
    title: "Démonstration — contrôle de l’annexe 9",
    tagline: 'Le volet du complément Excel sur un classeur en mémoire\u00a0: rien ne quitte votre navigateur.',
    language: 'Langue',
    open: 'Ouvrir un classeur .xlsx…',
    reset: "Recharger l’exemple",
    loading: 'Chargement du classeur…',
    pane: 'Volet du complément',
    workbook: 'Classeur',
    loadError: 'Classeur illisible',
    sheetCrashed: 'La feuille n’a pas pu être affichée',
    file: (name) => `Classeur\u00a0: ${name}`,
    sheets: 'Feuilles du classeur',
    nameBox: 'Cellule sélectionnée',
    formulaBar: 'Contenu de la cellule (Entrée pour modifier)',
    grid: (sheet) => `Feuille «\u00a0${sheet}\u00a0»`,
  },
  en: {
    title: 'Demo — annex 9 check',
    tagline: 'The Excel add-in pane over an in-memory workbook: nothing leaves your browser.',
    language: 'Language',
    open: 'Open an .xlsx workbook…',
    reset: 'Reload the sample',
    loading: 'Loading the workbook…',
    pane: 'Add-in pane',
    workbook: 'Workbook',
    loadError: 'Unreadable workbook',
    sheetCrashed: 'The sheet could not be shown',
    file: (name) => `Workbook: ${name}`,
    sheets: 'Sheets of the workbook',
    nameBox: 'Selected cell',
    formulaBar: 'Cell content (Enter to change it)',
    grid: (sheet) => `Sheet "${sheet}"`,
  },
};

export type BookLoader = (source: { kind: 'sample' } | { kind: 'file'; file: File }) => Promise<DemoBook>;

function useBookVersion(book: DemoBook | null): number {
  const [store] = useState(() => ({ version: 0 }));
  const subscribe = useCallback(
    (onChange: () => void) =>
      book
        ? book.subscribe(() => {
            store.version++;
            onChange();
          })
        : () => undefined,
    [book, store],
  );
  return useSyncExternalStore(subscribe, () => store.version);
}

export function DemoApp(props: { initialLang: Lang; load: BookLoader; sampleName: string }) {
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [book, setBook] = useState<DemoBook | null>(null);
  const [bookId, setBookId] = useState(0);
  const [fileName, setFileName] = useState(props.sampleName);
  const [error, setError] = useState<{ name: string; cause: UnreadableWorkbook } | null>(null);
  const [loading, setLoading] = useState(false);
  const version = useBookVersion(book);
  const w = WORDS[lang];

  const open = useCallback(
    async (source: Parameters<BookLoader>[0], name: string) => {
      // The workbook open now stays until the new one is read: a file that cannot be read leaves it.
      setError(null);
      setLoading(true);
      try {
        const b = await props.load(source);
        setBook(b);
        setFileName(name);
        setBookId((n) => n + 1);
      } catch (e) {
        setError({ name, cause: asUnreadable(e) });
      } finally {
        setLoading(false);
      }
    },
    [props],
  );

  useEffect(() => {
    void open({ kind: 'sample' }, props.sampleName);
  }, [open, props.sampleName]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = w.title;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    window.history.replaceState(null, '', url);
  }, [lang, w.title]);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void open({ kind: 'file', file }, file.name);
    e.target.value = '';
  };

  return (
    <div className="demo">
      <header className="topbar">
        <div>
          <h1>{w.title}</h1>
          <p>{w.tagline}</p>
        </div>
        <div className="tools">
          <div role="group" aria-label={w.language} className="lang">
            {(['fr', 'en'] as const).map((l) => (
              <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={l} data-lang={l}>
                {l === 'fr' ? 'Français' : 'English'}
              </button>
            ))}
          </div>
          <label className="file">
            {w.open}
            <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={onFile} data-testid="open-file" />
          </label>
          <button type="button" onClick={() => void open({ kind: 'sample' }, props.sampleName)}>
            {w.reset}
          </button>
        </div>
      </header>
      <div className="workspace">
        <section className="workbook" aria-label={w.workbook}>
          <p className="filename">{w.file(fileName)}</p>
          {error && (
            <p role="alert" className="load-error">
              <strong>{w.loadError}</strong> — {unreadableMessage(error.cause, error.name, lang)}
            </p>
          )}
          {loading && <p role="status">{w.loading}</p>}
          {book && (
            <ErrorBoundary key={bookId} lang={lang} title={w.sheetCrashed}>
              <SheetView book={book} version={version} labels={w} />
            </ErrorBoundary>
          )}
        </section>
        <aside className="pane" aria-label={w.pane} data-testid="pane">
          <FluentProvider theme={webLightTheme}>
            {book && (
              <ErrorBoundary key={bookId} lang={lang}>
                <App service={book.service} lang={lang} />
              </ErrorBoundary>
            )}
          </FluentProvider>
        </aside>
      </div>
    </div>
  );
}
