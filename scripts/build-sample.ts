/**
 * Builds samples/annexe9-pas-de-calais-2023.xlsx from its transcription
 * (samples/annexe9-pas-de-calais-2023.json): `npm run sample:build`. The building itself is in
 * fixtures/sample-workbook.ts, which the tests and the benchmark share.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SAMPLE_XLSX, buildSampleBuffer } from '../fixtures/sample-workbook';

async function main(): Promise<void> {
  const buf = await buildSampleBuffer();
  fs.writeFileSync(SAMPLE_XLSX, buf);
  console.log(`${path.relative(process.cwd(), SAMPLE_XLSX)} : ${buf.length} octets`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
