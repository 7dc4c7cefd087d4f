/**
 * Builds samples/annexe9-pas-de-calais-2023.xlsx from its transcription
 * (samples/annexe9-pas-de-calais-2023.json): `npx ts-node scripts/build-sample.ts`.
 * The output is deterministic: rerunning it must leave the file unchanged.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { AnnexSpec, LaidOutAnnex, layoutAnnex } from '../test/support/annex-layout';
import { GridStyle, deterministicXlsxBuffer, newWorkbook, writeGridToWorkbook } from './xlsx-writer';

export const SAMPLE_JSON = path.resolve(__dirname, '..', 'samples', 'annexe9-pas-de-calais-2023.json');
export const SAMPLE_XLSX = path.resolve(__dirname, '..', 'samples', 'annexe9-pas-de-calais-2023.xlsx');

export function readSpec(file: string = SAMPLE_JSON): AnnexSpec {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AnnexSpec;
}

/** Widths (characters) by column role, close to the national template. */
const WIDTHS: Record<string, number> = {
  theme: 38, imputation: 30, fiche: 10, title: 38,
  A: 18, B: 16, C: 18, valorisation: 16, D: 16, E: 16, F: 18,
};

/** The look of a real annex 9 for a laid-out spec: header fill, bold totals, borders, print setup. */
export function annexStyle(spec: AnnexSpec, laid: LaidOutAnnex): GridStyle {
  const { colOf, headerRow, rowOf } = laid;
  const cols = Object.values(colOf).filter((c): c is number => c !== undefined);
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  const lastRow = laid.grid.rows.length - 1;
  // The header starts at the letters row when there is one (it holds the spanning text headers).
  const headerTop = laid.grid.merges.some((m) => m.bottom === headerRow && m.top === headerRow - 1) ? headerRow - 1 : headerRow;
  const headerRows: number[] = [];
  for (let r = headerTop; r <= headerRow; r++) headerRows.push(r);
  const columnWidths: Record<number, number> = {};
  for (const [role, c] of Object.entries(colOf)) if (c !== undefined) columnWidths[c] = WIDTHS[role] ?? 16;
  if (left > 0) columnWidths[left - 1] = 2;
  const boldRows = spec.body.flatMap((entry, i) => (entry.kind === 'block' ? [] : rowOf[i]));
  const titleRows = spec.titleRows.map((_, i) => i);
  return {
    columnWidths,
    rowHeights: { [headerRow]: 78 },
    titleRows,
    headerRows,
    headerFill: 'FFDDEBF7',
    boldRows,
    wrapColumns: (['theme', 'imputation', 'fiche', 'title'] as const)
      .map((role) => colOf[role])
      .filter((c): c is number => c !== undefined),
    table: { top: headerTop, left, bottom: lastRow, right },
    landscape: true,
    printTitleRows: { first: headerTop, last: headerRow },
    freeze: { row: headerRow + 1, col: 0 },
  };
}

export function buildWorkbook(spec: AnnexSpec): ExcelJS.Workbook {
  const laid = layoutAnnex(spec);
  const workbook = newWorkbook();
  writeGridToWorkbook(laid.grid, workbook, annexStyle(spec, laid));
  return workbook;
}

export async function buildSampleBuffer(spec: AnnexSpec = readSpec()): Promise<Buffer> {
  return deterministicXlsxBuffer(buildWorkbook(spec));
}

async function main(): Promise<void> {
  const buf = await buildSampleBuffer();
  fs.writeFileSync(SAMPLE_XLSX, buf);
  console.log(`${path.relative(process.cwd(), SAMPLE_XLSX)} : ${buf.length} octets`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
