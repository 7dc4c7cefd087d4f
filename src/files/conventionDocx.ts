/**
 * The text of a Word .docx, paragraph by paragraph, with mammoth's raw text extraction (tables
 * come out cell by cell, one paragraph each). Nothing outside the file is read.
 */
import * as mammoth from 'mammoth';
import { ConventionText } from '../domain/convention';

/** A .docx that could not be read, with the reason in French. */
export class DocxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxReadError';
  }
}

/** Paragraphs that have text, numbered from 1 in the order of the document. */
export async function readDocxText(data: Buffer): Promise<ConventionText> {
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: data }));
  } catch (e) {
    const why = /main document part|body element|word\/document\.xml/i.test((e as Error).message)
      ? "c’est une archive ZIP, mais pas un document Word .docx (un classeur .xlsx\u202f?)"
      : "ce n’est pas un document Word .docx lisible (fichier abîmé ou incomplet\u202f?)\u00a0: demandez une nouvelle copie de la convention, ou donnez-la en PDF";
    throw new DocxReadError(why);
  }
  return docxTextOf(value);
}

/** mammoth's raw text as paragraphs: those with text, numbered from 1 (the pane reads .docx the same way). */
export function docxTextOf(value: string): ConventionText {
  const paragraphs = value
    .split(/\n\n/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return { format: 'docx', unit: 'paragraph', parts: paragraphs.map((text, i) => ({ number: i + 1, text })) };
}
