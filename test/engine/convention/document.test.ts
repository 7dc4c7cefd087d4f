/**
 * The convention's text as the readers hand it over, and the one stream the extraction searches:
 * pages and lines, the characters a PDF damages, headings, hyphenation, running page headers,
 * the way back to a page, and the sentence quoted around a figure. Small hand-typed texts;
 * every expectation is typed by hand.
 */
import { buildStream, conventionTextFromString, locate, quoteOf, sentenceBounds } from '../../../src/domain/convention/document';

const line = (number: number, text: string) => ({ number, text });
/** The stream of a pasted text, one argument a line. */
const streamOf = (...lines: string[]) => buildStream(conventionTextFromString(lines.join('\n')));
/** The stream of a text of pages (as `pdftotext` writes them: a form feed between pages). */
const pagesOf = (...pages: string[][]) => buildStream(conventionTextFromString(pages.map((p) => p.join('\n')).join('\f')));

describe('pasted text: lines, or pages when it has form feeds', () => {
  it('drops the byte order mark that starts a file, keeps one inside the text (the stream cleans it)', () => {
    expect(conventionTextFromString('\uFEFFARTICLE 1\nObjet')).toEqual({ format: 'text', unit: 'line', parts: [line(1, 'ARTICLE 1'), line(2, 'Objet')] });
    expect(conventionTextFromString('ARTICLE\uFEFF1')).toEqual({ format: 'text', unit: 'line', parts: [line(1, 'ARTICLE\uFEFF1')] });
  });

  it('reads Windows (CR LF) and old Mac (CR) line breaks as line breaks', () => {
    expect(conventionTextFromString('Article 1\r\nArticle 2\rArticle 3').parts).toEqual([line(1, 'Article 1'), line(2, 'Article 2'), line(3, 'Article 3')]);
  });

  it('the final line break ends the last line; a blank line before it is a line; an empty text is one empty line', () => {
    expect(conventionTextFromString('Objet\nDurée\n').parts).toEqual([line(1, 'Objet'), line(2, 'Durée')]);
    expect(conventionTextFromString('Objet\nDurée').parts).toEqual([line(1, 'Objet'), line(2, 'Durée')]);
    expect(conventionTextFromString('Objet\n\n').parts).toEqual([line(1, 'Objet'), line(2, '')]);
    expect(conventionTextFromString('\n').parts).toEqual([line(1, '')]);
    expect(conventionTextFromString('').parts).toEqual([line(1, '')]);
  });

  it('a form feed cuts pages; a last page that is blank (spaces, line breaks) is no page; an empty page inside is one', () => {
    expect(conventionTextFromString('Page un\fPage deux')).toEqual({ format: 'text', unit: 'page', parts: [line(1, 'Page un'), line(2, 'Page deux')] });
    expect(conventionTextFromString('Page un\fPage deux\f').parts).toEqual([line(1, 'Page un'), line(2, 'Page deux')]);
    expect(conventionTextFromString('Page un\r\nsuite\fPage deux\f \r\n').parts).toEqual([line(1, 'Page un\nsuite'), line(2, 'Page deux')]);
    expect(conventionTextFromString('Page un\f\fPage trois').parts).toEqual([line(1, 'Page un'), line(2, ''), line(3, 'Page trois')]);
  });
});

describe('the stream: one line of clean text', () => {
  it('undoes what a PDF does to characters: ligatures, soft hyphens, curly apostrophes, hard hyphens, bullets, odd spaces', () => {
    const s = streamOf('\uF0B7 Le b\u00E9n\u00E9\uFB01ciaire\u00A0:\u202F l\u2019accompa\u00ADgnement non\u2011salari\u00E9', 'PUBLICS\u2022TERRITOIRE \uFB00 \uFB04');
    expect(s).toEqual({
      unit: 'line',
      text: "• Le bénéficiaire : l'accompagnement non-salarié PUBLICS • TERRITOIRE ff ffl",
      lineStarts: [0, 49],
      lineParts: [0, 1],
      parts: [
        line(1, '\uF0B7 Le b\u00E9n\u00E9\uFB01ciaire\u00A0:\u202F l\u2019accompa\u00ADgnement non\u2011salari\u00E9'),
        line(2, 'PUBLICS\u2022TERRITOIRE \uFB00 \uFB04'),
      ],
      removedLines: 0,
      breaks: new Set(),
    });
  });

  it('joins lines with one space, leaves blank lines out, and starts a segment only where the page changes', () => {
    const s = pagesOf(['Le montant', '', 'est de'], ['dix euros.']);
    expect(s).toEqual({
      unit: 'page',
      text: 'Le montant est de dix euros.',
      lineStarts: [0, 18],
      lineParts: [0, 1],
      parts: [line(1, 'Le montant\n\nest de'), line(2, 'dix euros.')],
      removedLines: 0,
      breaks: new Set(),
    });
  });

  describe('hyphenation', () => {
    it('a word cut at the end of a line is joined without its hyphen', () => {
      expect(streamOf('les crédits sont impu-', 'tés au programme').text).toBe('les crédits sont imputés au programme');
      expect(streamOf('du Pas-de-Calais accom-', 'pagne les allocataires').text).toBe('du Pas-de-Calais accompagne les allocataires');
    });

    it('a hyphen inside a line is no cut', () => {
      expect(streamOf('accompagnement socio-professionnel', 'des allocataires').text).toBe('accompagnement socio-professionnel des allocataires');
    });

    it('a line followed by a capital is no cut word: the hyphen stays, the break is a space', () => {
      expect(streamOf('les ex-', 'Bénéficiaires du RSA').text).toBe('les ex- Bénéficiaires du RSA');
    });

    it('a compound already hyphenated (« c’est-à- », « va-et- ») keeps its hyphen, joined to the next line without a space', () => {
      expect(streamOf("c'est-à-", 'dire les allocataires').text).toBe("c'est-à-dire les allocataires");
      expect(streamOf('le va-et-', 'vient entre emploi et formation').text).toBe('le va-et-vient entre emploi et formation');
    });
  });

  describe('headings end sentences', () => {
    /** The offsets where a sentence starts whatever precedes, for a line followed by another. */
    const breaksAfter = (heading: string) => [...streamOf(heading, 'la suite').breaks];

    it('an upper-case line of four capitals or more is a heading', () => {
      expect(breaksAfter('ARTICLE 2 – ENGAGEMENTS')).toEqual([24]);
      expect(breaksAfter('ÉTAT')).toEqual([5]);
      // Four capitals, no two of them one character apart.
      expect(breaksAfter('CD / UE')).toEqual([8]);
    });

    it('three capitals, a line with lower case, or no letter at all is no heading', () => {
      expect(breaksAfter('CAF : 1 000 €')).toEqual([]);
      expect(breaksAfter('Le RSA et la CAF du PAS')).toEqual([]);
      expect(breaksAfter('2023')).toEqual([]);
    });

    it('a short numbered title without final punctuation is a heading, numbered in any way', () => {
      expect(breaksAfter('3 Imputation')).toEqual([13]);
      expect(breaksAfter('12. Publics')).toEqual([12]);
      expect(breaksAfter('3.1 Imputation')).toEqual([15]);
      expect(breaksAfter('3.12 Durée')).toEqual([11]);
      expect(breaksAfter('3.1.2. Suivi')).toEqual([13]);
      expect(breaksAfter('II. Objet')).toEqual([10]);
    });

    it('a numbered line ending in punctuation, longer than 80 characters, or not numbered is no heading', () => {
      expect(breaksAfter('3.1. Imputation des crédits.')).toEqual([]);
      expect(breaksAfter('2 Le Département s’engage :')).toEqual([]);
      expect(breaksAfter('Art. premier')).toEqual([]);
      expect(breaksAfter('3.1Imputation')).toEqual([]);
      expect(breaksAfter(`4 ${'x'.repeat(78)}`)).toEqual([81]);
      expect(breaksAfter(`4 ${'x'.repeat(79)}`)).toEqual([]);
    });
  });
});

describe('running page headers and footers', () => {
  const header = (n: number) => `Convention CALPAE 2023 – page ${n}`;
  const footer = 'Département du Pas-de-Calais';

  it('a line at the edges of three pages is left out, found under the blank lines that start and end a page', () => {
    const s = pagesOf(
      ['', '', header(1), 'Article 1', 'La présente convention', 'a pour objet', footer, '', ''],
      ['', '', header(2), 'le soutien', 'du Département', 'à ses actions.', footer, '', ''],
      ['', '', header(3), 'Article 2', 'Elle vaut', 'pour un an.', footer, '', ''],
    );
    expect(s.text).toBe('Article 1 La présente convention a pour objet le soutien du Département à ses actions. Article 2 Elle vaut pour un an.');
    expect(s.removedLines).toBe(6);
    expect([s.lineStarts, s.lineParts]).toEqual([
      [0, 46, 87],
      [0, 1, 2],
    ]);
  });

  it('a line at the edges of two pages, or once at an edge and elsewhere in the middle, is kept', () => {
    const two = pagesOf([header(1), 'Article 1', footer], [header(2), 'Article 2', footer]);
    expect([two.text, two.removedLines]).toEqual([`${header(1)} Article 1 ${footer} ${header(2)} Article 2 ${footer}`, 0]);

    const engage = 'Le Département s’engage';
    const s = pagesOf(
      [header(1), 'Premièrement', engage, 'à accompagner', footer],
      [header(2), 'Deuxièmement', engage, 'à financer', footer],
      [header(3), 'Troisièmement', engage, 'à évaluer', footer],
      [header(4), engage, 'à rendre compte.', footer],
    );
    expect(s.text).toBe(
      "Premièrement Le Département s'engage à accompagner Deuxièmement Le Département s'engage à financer Troisièmement Le Département s'engage à évaluer Le Département s'engage à rendre compte.",
    );
    expect(s.removedLines).toBe(8);
  });

  it('a running line written again in the middle of a page is kept there', () => {
    const s = pagesOf([header(1), 'Objet', footer], [header(2), 'Durée', 'Convention CALPAE 2023 – page 2', 'suite', footer], [header(3), 'Suivi', footer]);
    expect([s.text, s.removedLines]).toEqual(['Objet Durée Convention CALPAE 2023 – page 2 suite Suivi', 6]);
  });

  it('a pasted text has no pages: a line repeated three times is kept', () => {
    const s = streamOf('FINALITE', 'Accompagner.', 'FINALITE', 'Orienter.', 'FINALITE', 'Insérer.');
    expect([s.text, s.removedLines]).toEqual(['FINALITE Accompagner. FINALITE Orienter. FINALITE Insérer.', 0]);
  });
});

describe('from the stream back to the parts', () => {
  const s = streamOf('Le soutien', "de l'État", "s'élève à 10 €.");

  it('names the lines a stretch spans, as a reader counts them', () => {
    expect(s.text).toBe("Le soutien de l'État s'élève à 10 €.");
    expect(locate(s, 0, 10, 'Le soutien')).toEqual({ unit: 'line', first: 1, last: 1, quote: 'Le soutien' });
    expect(locate(s, 11, 20, "de l'État")).toEqual({ unit: 'line', first: 2, last: 2, quote: "de l'État" });
    expect(locate(s, 3, 36, 'q')).toEqual({ unit: 'line', first: 1, last: 3, quote: 'q' });
    // An empty stretch is where it starts.
    expect(locate(s, 31, 31, '')).toEqual({ unit: 'line', first: 3, last: 3, quote: '' });
  });

  it('an empty text has no part to name: 0', () => {
    expect(locate(streamOf(''), 0, 0, '')).toEqual({ unit: 'line', first: 0, last: 0, quote: '' });
  });
});

describe('the sentence around a figure', () => {
  const around = (s: ReturnType<typeof streamOf>, figure: string) => {
    const start = s.text.indexOf(figure);
    const bounds = sentenceBounds(s, start, start + figure.length);
    return { ...bounds, quote: quoteOf(s, bounds) };
  };

  it('a sentence ends at « . », « ; », « ! » or « ? » followed by a space', () => {
    const s = streamOf('Vu la loi. Le montant est de 10 €; il est versé! Est-ce clair? Oui.');
    expect(around(s, '10 €')).toEqual({ start: 11, end: 34, quote: 'Le montant est de 10 €;' });
    expect(around(s, 'versé')).toEqual({ start: 35, end: 48, quote: 'il est versé!' });
    expect(around(s, 'clair')).toEqual({ start: 49, end: 62, quote: 'Est-ce clair?' });
    expect(around(s, 'Oui')).toEqual({ start: 63, end: 67, quote: 'Oui.' });
  });

  it('a dot inside a number ends no sentence', () => {
    const s = streamOf('Groupe de marchandises 10.02.01 pour 5 €. Fin.');
    expect(around(s, '5 €')).toEqual({ start: 0, end: 41, quote: 'Groupe de marchandises 10.02.01 pour 5 €.' });
  });

  it('a sentence ends at the end of the text, with or without its final stop', () => {
    expect(around(streamOf('Fin. Le montant est de 5 €'), '5 €')).toEqual({ start: 5, end: 26, quote: 'Le montant est de 5 €' });
    // An empty stretch after the last full stop is in no sentence.
    expect(sentenceBounds(streamOf('Fin. Début.'), 11, 11)).toEqual({ start: 11, end: 11 });
  });

  it('a heading ends the sentence before it and starts the one after it; the quote has no trailing space', () => {
    const s = streamOf('3.1 Montant de 12 000 €', 'La subvention est imputée.');
    expect(s.text).toBe('3.1 Montant de 12 000 € La subvention est imputée.');
    expect(around(s, '12 000 €')).toEqual({ start: 0, end: 24, quote: '3.1 Montant de 12 000 €' });
    expect(around(s, 'imputée')).toEqual({ start: 24, end: 50, quote: 'La subvention est imputée.' });
  });

  it('a stretch starting with the space after a full stop keeps its start; its quote starts a sentence', () => {
    const s = streamOf('Fin. 12 € versés');
    const bounds = sentenceBounds(s, 4, 9);
    expect(bounds).toEqual({ start: 4, end: 16 });
    expect(quoteOf(s, bounds)).toBe('12 € versés');
  });

  it('reaches at most 600 characters on each side; the quote is cut on whole words, with « … »', () => {
    // A form's line of underscores has no sentence end.
    const s = streamOf(`${'_'.repeat(800)} 10 € ${'_'.repeat(800)}`);
    const bounds = sentenceBounds(s, 801, 805);
    expect(bounds).toEqual({ start: 201, end: 1405 });
    expect(quoteOf(s, bounds)).toBe('…10 €…');
    expect(quoteOf(streamOf('Le montant versé est de 10 € par an'), { start: 4, end: 30 })).toBe('…versé est de 10 €…');
  });
});
