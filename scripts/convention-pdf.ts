/**
 * The seed's text printed to PDF, the way the convention travels: `npm run sample:convention`
 * writes build/convention/deliberation-pas-de-calais-2023-06-12.pdf (build/ is not versioned).
 * The tests build the same PDF in a temporary folder.
 *
 * LibreOffice does the printing, as the brief asks; only its spreadsheet part is installed here
 * and in CI (libreoffice-calc-nogui), which cannot open a .txt as a document, so each line of the
 * text becomes a row of a one-column sheet (ExcelJS), printed one page wide with a running header
 * and footer, as a word processor's PDF has: the header then lands in the middle of the sentences
 * that cross a page, which is what the extraction must survive.
 */
import { execFile } from 'child_process';
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

export const SEED_TEXT = path.resolve(__dirname, '..', 'samples', 'sources', 'deliberation-pas-de-calais-2023-06-12.txt');

function soffice(args: string[], profile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // A private profile: no clash with a running LibreOffice, nothing left in $HOME.
    execFile('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { timeout: 180_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`soffice a échoué (LibreOffice est-il installé ? apt-get install libreoffice-calc-nogui) : ${error.message}\n${stderr}`)) : resolve(),
    );
  });
}

/** Print a text file to PDF; returns the PDF's path in `outDir`. */
export async function textToPdf(textFile: string, outDir: string, options: { header?: string; footer?: string } = {}): Promise<string> {
  const lines = (await fs.readFile(textFile, 'utf8')).replace(/\r\n?/g, '\n').split('\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Texte', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: options.header ?? '&LDélibération n°2023-260&RPage &P',
      oddFooter: options.footer ?? '&CCommission permanente du 12 juin 2023',
    },
  });
  // Wide enough for the longest line: a wrapped cell would be printed out of order.
  ws.getColumn(1).width = Math.max(20, ...lines.map((l) => l.length)) + 4;
  lines.forEach((l, i) => {
    ws.getCell(i + 1, 1).value = l;
  });
  await fs.mkdir(outDir, { recursive: true });
  const base = path.basename(textFile).replace(/\.[^.]*$/, '');
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-pdf-'));
  try {
    const xlsx = path.join(work, `${base}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    await soffice(['--convert-to', 'pdf', '--outdir', work, xlsx], path.join(work, 'profile'));
    const pdf = path.join(outDir, `${base}.pdf`);
    await fs.copyFile(path.join(work, `${base}.pdf`), pdf);
    return pdf;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const out = path.resolve(__dirname, '..', 'build', 'convention');
  textToPdf(SEED_TEXT, out).then(
    (pdf) => process.stdout.write(`${path.relative(process.cwd(), pdf)}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 2;
    },
  );
}
