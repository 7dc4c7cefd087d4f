/**
 * The text of a PDF, page by page, with Mozilla's pdf.js (the Node "legacy" build). It runs in
 * this process: the worker's code is loaded here and handed to pdf.js, so it starts no worker
 * and fetches nothing; its font and CMap data are read from its own package folder. A received
 * PDF is untrusted: no script evaluation, no font loading into the page, no XFA forms.
 */
import * as path from 'path';
import { ConventionText } from '../domain/convention';
import { TextItem, pageLines } from './pdfLines';

/** A PDF that could not be read, with the reason in French. */
export class PdfReadError extends Error {
  constructor(
    message: string,
    readonly reason: 'password' | 'invalid' | 'noText' | 'tooLarge',
  ) {
    super(message);
    this.name = 'PdfReadError';
  }
}

/** More pages than a convention with all its fiches has, by far: beyond, the file is refused. */
export const MAX_PDF_PAGES = 2000;


interface PdfJs {
  version: string;
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(o?: Record<string, unknown>): Promise<{ items: Array<TextItem | { type: string }> }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

let loaded: PdfJs | null = null;

/**
 * pdf.js ships as ES modules only. Node's own require loads them (require of ES modules, Node
 * 20.19 and later); going through `process.getBuiltinModule` keeps that true under a test runner
 * whose module system cannot (Jest's).
 */
function loadPdfJs(): PdfJs {
  if (loaded) return loaded;
  const nodeModule = process.getBuiltinModule('module') as typeof import('module');
  const nodeRequire = nodeModule.createRequire(__filename);
  const g = globalThis as { pdfjsWorker?: unknown };
  // The worker's message handler, in this thread: pdf.js uses it instead of starting a worker.
  g.pdfjsWorker ??= nodeRequire('pdfjs-dist/legacy/build/pdf.worker.mjs');
  loaded = nodeRequire('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
  return loaded;
}

function packageFolder(sub: string): string {
  const nodeModule = process.getBuiltinModule('module') as typeof import('module');
  const root = path.dirname(nodeModule.createRequire(__filename).resolve('pdfjs-dist/package.json'));
  return `${path.join(root, sub)}${path.sep}`;
}

/** The text of every page. Throws PdfReadError with a French message for what cannot be read. */
export async function readPdfText(data: Uint8Array): Promise<ConventionText> {
  const pdfjs = loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may take over the buffer it is given: a copy keeps the caller's intact.
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PdfReadError('le PDF est protégé par un mot de passe\u00a0: demandez une version sans mot de passe.', 'password');
    }
    // pdf.js's own words are English and technical: the user gets what to do.
    throw new PdfReadError("ce n’est pas un PDF lisible (fichier abîmé ou incomplet\u202f?)\u00a0: demandez une nouvelle copie de la convention, ou donnez sa version Word (.docx).", 'invalid');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new PdfReadError(`le PDF a ${doc.numPages} pages, plus que les ${MAX_PDF_PAGES} qu’une convention et ses fiches peuvent compter\u00a0: ce n’est pas une convention.`, 'tooLarge');
    }
    const parts = [];
    let letters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const text = pageLines(content.items);
      letters += text.replace(/\s/g, '').length;
      parts.push({ number: n, text });
      page.cleanup();
    }
    if (letters < 20) {
      throw new PdfReadError(
        "le PDF ne contient pas de texte (c’est sans doute un document numérisé, une image)\u00a0: demandez la version enregistrée depuis le traitement de texte, ou collez le texte.",
        'noText',
      );
    }
    return { format: 'pdf', unit: 'page', parts };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
