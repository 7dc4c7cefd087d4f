/**
 * Requirement sets: every method and property the fake offers is checked against the version the
 * fake claims (excelApiSets.generated.ts, from @types/office-js), as office.js does.
 */
import { EXCEL_API_SETS } from '../excelApiSets.generated';
import { compareVersions } from '../workbook/host';
import type { FakeWorkbook } from '../workbook/workbook';
import { FakeRichApiError } from './errors';

/** "1.6" is ExcelApi; "ExcelApiOnline 1.1" is a set the fake never claims. */
function supports(host: FakeWorkbook, set: string): boolean {
  return /^[\d.]+$/.test(set) && compareVersions(host.apiVersion, set) >= 0;
}

/** Throws ApiNotFound, as office.js does before sending anything, for a member above the host's version. */
export function checkApi(host: FakeWorkbook, type: string, member: string): void {
  const set = EXCEL_API_SETS[type]?.[member];
  if (set === undefined || supports(host, set)) return;
  const needs = /^[\d.]+$/.test(set) ? `ExcelApi ${set}` : set;
  throw new FakeRichApiError('ApiNotFound', `The API you are trying to use could not be found: ${type}.${member} needs ${needs}, this Excel has ExcelApi ${host.apiVersion}.`, `${type}.${member}`);
}
