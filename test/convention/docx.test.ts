/**
 * A convention as a Word .docx, made here (the parts a .docx needs, zipped with jszip): runs that
 * cut an amount in two, a soft line break in a code, the fiche's box in a table; read with mammoth.
 * Then the formats the readers refuse, each with its French reason.
 */
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { extractConvention } from '../../src/domain/convention';
import { readConventionFile } from '../../src/files/convention';
import { runCli } from '../support/cli';
import { SAMPLE_XLSX, cents } from './seed';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** A paragraph; each string a run, `\n` a soft line break (<w:br/>). */
const p = (...runs: string[]) =>
  `<w:p>${runs.map((r) => `<w:r>${r.split('\n').map((t) => `<w:t xml:space="preserve">${esc(t)}</w:t>`).join('<w:br/>')}</w:r>`).join('')}</w:p>`;
const cell = (...paragraphs: string[]) => `<w:tc>${paragraphs.join('')}</w:tc>`;

async function docx(body: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const CONVENTION = [
  p('ARTICLE 2 – ENGAGEMENTS RÉCIPROQUES DU DÉPARTEMENT ET DE L’ÉTAT'),
  p('Au titre de l’année 2023, le soutien financier de l’État s’élève à un montant de 6\u202F707', '\u202F058\u00A0€.'),
  p('3.1. Imputation'),
  p('La subvention d’un montant de 110 000 euros est imputée sur les crédits du programme n° 304 (code activité : 030450191903).'),
  p('La subvention d’un montant de 80 000 euros est imputée sur les crédits du programme n° 304 (code activité : 030450191904).'),
  p('La subvention d’un montant de 89 523 euros est imputée sur les crédits du programme n° 304 (code activité :\n030450191902).'),
  p('Les subventions d’un montant de 6 067 058 euros sont imputées sur les crédits du programme n° 304 (code activité : 0304 50 19 19 07).'),
  p('La subvention d’un montant de 640 000 € est imputée sur les crédits du programme n° 304 (code activité : 030450191910).'),
  p('CALPAE 2023 – MESURE SOCLE – ACCES AUX DROITS'),
  p('Action 17 : Formation des référents RSA'),
  `<w:tbl><w:tr>${cell(p('FINALITE'), p('Former.'), p('BUDGET ESTIME'), p('(50 % Etat ‐ 50 % Département)'), p('2023 : 179 046 € au total dont'), p('participation État de 89 523 €'))}${cell(p('PRESENTATION DU PROJET'), p('Des sessions.'))}</w:tr></w:tbl>`,
].join('');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-convention-docx-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('a convention as a .docx', () => {
  it('reads article 2, article 3.1 and the fiche, each with its paragraph', async () => {
    const file = path.join(dir, 'convention.docx');
    await fs.writeFile(file, await docx(CONVENTION));
    const doc = await readConventionFile(file);
    expect([doc.format, doc.unit]).toEqual(['docx', 'paragraph']);
    const x = extractConvention(doc);
    expect(x.stateTotal).toEqual({
      cents: cents(6707058),
      source: { unit: 'paragraph', first: 2, last: 2, quote: "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €." },
    });
    expect(x.codes.map((c) => [c.code.slice(-2), c.cents / 100, c.source.first])).toEqual([
      ['03', 110000, 4],
      ['04', 80000, 5],
      ['02', 89523, 6],
      ['07', 6067058, 7],
      ['10', 640000, 8],
    ]);
    expect(x.fiches.map((f) => [f.number, f.title, f.total, f.stateShare, f.source?.first, f.source?.last])).toEqual([
      [17, 'Formation des référents RSA', cents(179046), cents(89523), 15, 16],
    ]);
    expect(x.unread).toEqual([]);
  });

  it('is checked against the sample annex like the PDF: the same disagreements', async () => {
    const file = path.join(dir, 'convention.docx');
    const { code, stdout } = await runCli(['check', SAMPLE_XLSX, '--convention', file, '--json']);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings.filter((f: { rule: string }) => !['SECTION_TOTAL', 'ROW_TOTAL'].includes(f.rule));
    expect(findings.map((f: { rule: string; code?: string; difference: string }) => [f.rule, f.code ?? null, f.difference])).toEqual([
      ['CONVENTION_SPLIT', null, '279523'],
      ['CONVENTION_CODE', '0304 50 19 19 03', '190000'],
      ['CONVENTION_CODE', '0304 50 19 19 04', '-80000'],
      ['CONVENTION_CODE', '0304 50 19 19 07', '-389523'],
      // One fiche in this document: the 22 other rows with money have none.
      ...Array.from({ length: 22 }, () => ['ROW_WITHOUT_FICHE', null, null]),
    ]);
    expect(findings[0].sources[0]).toEqual({ unit: 'paragraph', first: 2, last: 2, quote: "Au titre de l'année 2023, le soutien financier de l'État s'élève à un montant de 6 707 058 €." });
  });
});

describe('files that are not a readable convention', () => {
  it('refuses a workbook, an old .doc, an RTF, binary data and a missing file, saying why in French (exit 2)', async () => {
    const cases: Array<[string, Buffer | null, string]> = [
      ['classeur.docx', await fs.readFile(SAMPLE_XLSX), 'c’est une archive ZIP, mais pas un document Word .docx (un classeur .xlsx\u202f?)'],
      ['ancien.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ancien format Word (.doc), non pris en charge'],
      ['lettre.rtf', Buffer.from('{\\rtf1\\ansi convention}'), 'document RTF, non pris en charge'],
      ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4, 0, 0, 0, 0, 5, 6, 0, 0, 0, 1]), 'format non reconnu'],
      ['absente.pdf', null, 'le fichier n’existe pas'],
    ];
    for (const [name, bytes, why] of cases) {
      const file = path.join(dir, name);
      if (bytes) await fs.writeFile(file, bytes);
      const r = await runCli(['check', SAMPLE_XLSX, '--convention', file]);
      expect([name, r.code, r.stdout]).toEqual([name, 2, '']);
      expect(r.stderr).toContain(`${file}\u00a0: ${why}`);
    }
  });

  it('reads a text file saved by an old Windows editor (Windows-1252)', async () => {
    const file = path.join(dir, 'ancien.txt');
    await fs.writeFile(file, Buffer.from("Le soutien financier de l'\xC9tat s'\xE9l\xE8ve \xE0 6 707 058 \x80.", 'latin1'));
    const x = extractConvention(await readConventionFile(file));
    expect(x.stateTotal?.source.quote).toBe("Le soutien financier de l'État s'élève à 6 707 058 €.");
  });
});
