/**
 * One requirement set, said the same everywhere a user or an administrator reads it: the code
 * (src/office/requirements.ts), the manifest, the README, docs/addin.md and the help page. The
 * adapter's own tests run on a host of exactly that version, where the fake refuses anything above
 * it (test/office/leastFavourable.test.ts, defect 3).
 */
import * as fs from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../../src/office/requirements';
import { requiredExcelApi } from '../../src/office/environment';

const read = (file: string) => fs.readFileSync(path.join(__dirname, '../..', file), 'utf8');

it('the manifest, the README, docs/addin.md and the help page state the version the code requires', () => {
  expect(MIN_EXCEL_API).toBe('1.13');
  expect(requiredExcelApi()).toBe(MIN_EXCEL_API);
  expect(read('manifest.xml')).toContain(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
  expect(read('README.md')).toContain(`Requires ExcelApi ${MIN_EXCEL_API}`);
  expect(read('docs/addin.md')).toContain(`**ExcelApi ${MIN_EXCEL_API}**`);
  expect(read('assets/aide.html')).toContain(`<code>ExcelApi ${MIN_EXCEL_API}</code>`);
  // No other version is given as the requirement.
  for (const file of ['assets/aide.html', 'docs/addin.md']) {
    const versions = [...read(file).matchAll(/ExcelApi\*{0,2}\s+\*{0,2}(1\.\d+)/g)].map((m) => m[1]);
    expect([file, versions.filter((v) => v !== MIN_EXCEL_API && v !== '1.20' && v !== '1.14')]).toEqual([file, []]);
  }
});
