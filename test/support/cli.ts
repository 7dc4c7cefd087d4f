/** Running the command line in-process, with its output captured, as every CLI test does. */
import * as ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`) });
  return { code, stdout, stderr };
}

/** The first row of a worksheet whose column A starts with `start`. */
export function rowStartingWith(ws: ExcelJS.Worksheet, start: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (!found && typeof v === 'string' && v.startsWith(start)) found = row;
  });
  if (!found) throw new Error(`no row ${start}`);
  return found;
}
