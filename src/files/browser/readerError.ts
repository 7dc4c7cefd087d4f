/** A convention file the pane cannot read; the reason is put in words by the panel (French first). */
export type ReaderReason = 'password' | 'pdfInvalid' | 'pdfTooLarge' | 'pdfNoText' | 'docxInvalid' | 'oldWord' | 'rtf' | 'unknown' | 'tooLarge';

export class ReaderError extends Error {
  constructor(readonly reason: ReaderReason) {
    super(reason);
    this.name = 'ReaderError';
  }
}
