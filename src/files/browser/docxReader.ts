/** The text of a Word .docx in the pane, with mammoth (loaded only when the user opens a .docx). */
import * as mammoth from 'mammoth';
import type { ConventionText } from '../../domain/convention/document';
import { docxTextOf } from '../conventionDocx';
import { ReaderError } from './readerError';

export async function readDocx(data: ArrayBuffer): Promise<ConventionText> {
  try {
    const { value } = await mammoth.extractRawText({ arrayBuffer: data });
    return docxTextOf(value);
  } catch {
    throw new ReaderError('docxInvalid');
  }
}
