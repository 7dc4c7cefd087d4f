/**
 * The text of a PDF in the pane, with pdf.js's browser build: loaded only when the user opens a
 * PDF (a chunk of its own), its worker a file of the add-in's own origin (copied by webpack to
 * `pdfjs/`), nothing fetched from anywhere else. A received PDF is untrusted: no script
 * evaluation, no font faces, no XFA, as on the command line.
 */
import * as pdfjs from 'pdfjs-dist';
import type { ConventionText } from '../../domain/convention/document';
import { pageLines, TextItem } from '../pdfLines';
import { ReaderError } from './readerError';

/** As the command line's limit (src/files/conventionPdf.ts). */
const MAX_PAGES = 2000;

/** Where webpack puts the worker, next to the page (webpack.config.js, webpack.demo.config.js). */
export const PDF_WORKER_PATH = 'pdfjs/pdf.worker.min.js';

export async function readPdf(data: Uint8Array): Promise<ConventionText> {
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(`${PDF_WORKER_PATH}?v=${pdfjs.version}`, document.baseURI).toString();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
  });
  let doc: pdfjs.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    if ((e as { name?: string }).name === 'PasswordException') throw new ReaderError('password');
    throw new ReaderError('pdfInvalid');
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new ReaderError('pdfTooLarge');
    const parts = [];
    let letters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const text = pageLines(content.items as Array<TextItem | { type: string }>);
      letters += text.replace(/\s/g, '').length;
      parts.push({ number: n, text });
      page.cleanup();
    }
    if (letters < 20) throw new ReaderError('pdfNoText');
    return { format: 'pdf', unit: 'page', parts };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
