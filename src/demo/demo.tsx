/** Entry of the demo page (webpack.demo.config.js). */
import { createRoot } from 'react-dom/client';
import { langFromDisplayLanguage } from '../taskpane/i18n';
import { DemoApp, BookLoader } from './DemoApp';
import { gridsFromXlsx } from './loadWorkbook';
import { FAVOURABLE, FakeWorkbook, installFakeExcel } from '../fake-excel';
import { createExcelService } from '../office/excelService';
import { fakeBook } from './fakeBook';
import { createSummaryWriter } from '../office/summarySheet';

const SAMPLE = 'annexe9-pas-de-calais-2023.xlsx';
const params = new URLSearchParams(window.location.search);
let uninstall: (() => void) | undefined;

const load: BookLoader = async (source) => {
  let data: ArrayBuffer;
  if (source.kind === 'sample') {
    const response = await fetch(SAMPLE);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.arrayBuffer();
  } else {
    data = await source.file.arrayBuffer();
  }
  const grids = await gridsFromXlsx(data);
  // ?readonly=1 opens the workbook read-only, to see how the pane behaves with a file received by email.
  // The fake takes the least favourable reading of what Microsoft's documentation leaves open;
  // ?readings=favourable the other one (« Aide > Diagnostic Excel » tells them apart).
  const workbook = FakeWorkbook.fromGrids(grids.sheets, {
    readOnly: params.get('readonly') === '1',
    readings: params.get('readings') === 'favourable' ? FAVOURABLE : undefined,
  });
  // The real Office code, over the fake Excel objects: the page's globals now point at this workbook.
  uninstall?.();
  uninstall = installFakeExcel(globalThis, workbook);
  return fakeBook(workbook, createExcelService({ writeSummary: createSummaryWriter() }));
};

const container = document.getElementById('demo');
if (!container) throw new Error('#demo introuvable');
createRoot(container).render(<DemoApp initialLang={langFromDisplayLanguage(params.get('lang'))} load={load} sampleName={SAMPLE} />);
