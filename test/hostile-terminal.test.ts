/**
 * The sanitiser between a workbook's text and the terminal (issue 17): pure functions, then the
 * command line's JSON, unchanged byte for byte on normal input.
 */
import * as path from 'path';
import { terminalJson, terminalLine, terminalText } from '../src/cli/terminalText';
import { runCli } from './support/cli';

const ESC = '\u001b';
const BEL = '\u0007';

describe('terminalLine: one line of workbook text', () => {
  it.each([
    ['clear screen and home', `Titre${ESC}[2J${ESC}[H`, 'Titre[2J[H'],
    ['window title (OSC 0)', `${ESC}]0;Annexe validée${BEL}Titre`, ']0;Annexe validéeTitre'],
    ['clipboard (OSC 52) ended by ST', `${ESC}]52;c;cm0gLXJm${ESC}\\Titre`, ']52;c;cm0gLXJm\\Titre'],
    ['8-bit CSI (C1)', '\u009b2JTitre', '2JTitre'],
    ['every other C1', '\u0080\u0085x\u009f', ' x'],
    ['DEL and NUL', 'a\u007fb\u0000c', 'abc'],
    ['a fake line of our report', 'Titre\n\nAucune anomalie.\r\n', 'Titre  Aucune anomalie.  '],
    ['tabs, vertical tab, form feed', 'a\tb\u000bc\u000cd', 'a b c d'],
    ['bidi embeddings and overrides', 'a\u202ab\u202bc\u202cd\u202de\u202ef', 'abcdef'],
    ['bidi isolates', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['bidi marks', '\u200ea\u200fb\u061cc', 'abc'],
    ['Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
  ])('%s', (_what, input, expected) => {
    expect(terminalLine(input)).toBe(expected);
    expect(terminalLine(input)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('leaves French text, amounts and symbols as they are', () => {
    const normal = '« Accompagnement global » (ligne 8) : F affiché 650 001,00 €, A+B+C+D+E = 650 000,00 € — écart +1,00 €. Œuvre, çà, ½, 中文, 🙂';
    expect(terminalLine(normal)).toBe(normal);
    expect(terminalText(`${normal}\n${normal}`)).toBe(`${normal}\n${normal}`);
  });
});

describe('terminalText: text we compose, as a last net', () => {
  it('keeps our line feeds and removes the rest', () => {
    expect(terminalText(`Fichier : a.xlsx\nFeuille${ESC}[31m\r\n  L50    x`)).toBe('Fichier : a.xlsx\nFeuille[31m \n  L50    x');
  });
});

describe('terminalJson', () => {
  it('escapes what JSON.stringify leaves raw, and only that', () => {
    const value = { message: `a${ESC}b\u007fc\u009bd\u202ee\u2066f\u2028g`, n: 1 };
    const json = terminalJson(JSON.stringify(value));
    expect(json).toBe('{"message":"a\\u001bb\\u007fc\\u009bd\\u202ee\\u2066f\\u2028g","n":1}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('the sample’s JSON report is byte for byte what JSON.stringify gives', async () => {
    const sample = path.resolve(__dirname, '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');
    const r = await runCli(['check', sample, '--json']);
    const printed = r.stdout.replace(/\n$/, '');
    expect(printed).toBe(JSON.stringify(JSON.parse(printed), null, 2));
    expect(terminalJson(printed)).toBe(printed);
  });
});
