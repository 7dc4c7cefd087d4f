/**
 * Text from a workbook on its way to a terminal. A received workbook can carry escape sequences
 * (ExcelJS decodes `_x001B_` in shared strings to a real ESC): they could clear the screen, set
 * the window title, write the clipboard (OSC 52) or print a fake « Aucune anomalie. ». Bidirectional
 * controls reorder what is shown. None of it may reach the terminal as it is.
 */

/** C0 controls except the line feed, DEL, C1 controls, and the bidirectional marks and controls. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** The same set plus the line feed: a workbook's text is one line of our report. */
const UNSAFE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;
/** Line and tab characters become a space (a label typed on two lines stays readable). */
const BLANKS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;

/** One line of text from a workbook (a label, a sheet name, a message quoting them), safe to print. */
export function terminalLine(text: string): string {
  return text.replace(BLANKS, ' ').replace(UNSAFE_OR_BREAK, '');
}

/** Text we compose (several lines), as a last net: everything unsafe goes, our line feeds stay. */
export function terminalText(text: string): string {
  return text.replace(/[\t\v\f\r\u0085\u2028\u2029]/gu, ' ').replace(UNSAFE, '');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls already, but leaves DEL, C1 and the
 * bidirectional controls raw. They can only be inside strings, so escaping them keeps the very
 * same document (and the same bytes when there are none).
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
