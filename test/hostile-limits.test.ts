/**
 * Measuring a workbook before it is opened (issue 17): the streaming tag reader cannot be fooled
 * by where a chunk ends, a comment or a `>` in an attribute; the census counts what ExcelJS then
 * builds; and no workbook of the robustness corpus is refused.
 */
import * as ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XmlShapeError, XmlTagStream, attribute, decodeXml } from '../src/files/xmlTags';
import { LIMITS, WorkbookLimitError, areaOf, cellOf, formulaArea } from '../src/files/workbookLimits';
import { checkWorkbookLimits } from '../src/files/workbookScan';
import { CASES, writeCorpus } from '../fixtures/corpus/generate';
import { afterSheetData, miniAnnex, patchPart, SHEET_PART, withDefinedName, withMerges } from './security/hostileFiles';

interface Seen {
  tags: string[];
  texts: string[];
}

/** The tags of `xml`, fed in chunks cut at `cuts`. */
function tagsOf(xml: string, cuts: number[] = []): Seen {
  const seen: Seen = { tags: [], texts: [] };
  let text = '';
  const handler = {
    open: (name: string, attrs: string, selfClosing: boolean) => {
      seen.tags.push(`${name}${attribute(attrs, 'ref') ? `@${attribute(attrs, 'ref')}` : ''}${selfClosing ? '/' : ''}`);
      if (name === 'f') {
        tags.wantText = true;
        text = '';
      }
    },
    text: (raw: string) => (text += raw),
    close: (name: string) => {
      if (name === 'f') {
        tags.wantText = false;
        seen.texts.push(decodeXml(text));
      }
    },
  };
  const tags: XmlTagStream = new XmlTagStream(handler, 4096);
  let from = 0;
  for (const cut of [...cuts, xml.length]) {
    tags.push(xml.slice(from, cut));
    from = cut;
  }
  tags.end();
  return seen;
}

describe('the streaming tag reader', () => {
  const xml =
    '<?xml version="1.0"?><worksheet xmlns:x="urn:x"><!-- <mergeCell ref="Z1:Z9"/> --><sheetData><row r="1"><x:c r="A1" t="s"><v>0</v></x:c>' +
    '<c r="B1"><f>SUM(&#65;2:A3)&amp;"&lt;"</f><v>1</v></c></row></sheetData><![CDATA[<c r="Q1">]]><mergeCells><mergeCell x=">" ref="A1:B2"/></mergeCells></worksheet>';
  const expected: Seen = {
    tags: ['worksheet', 'sheetData', 'row', 'c', 'v', 'c', 'f', 'v', 'mergeCells', 'mergeCell@A1:B2/'],
    texts: ['SUM(A2:A3)&"<"'],
  };

  it('reads tags, skips comments, CDATA and declarations, and takes a `>` inside quotes', () => {
    expect(tagsOf(xml)).toEqual(expected);
  });

  it('gives the same tags wherever the chunks are cut', () => {
    for (let cut = 1; cut < xml.length; cut++) expect(tagsOf(xml, [cut])).toEqual(expected);
    expect(tagsOf(xml, Array.from({ length: xml.length - 1 }, (_, i) => i + 1))).toEqual(expected); // one character at a time
  });

  it('refuses a DOCTYPE (entities), an endless tag and a truncated part', () => {
    expect(() => tagsOf('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow(new XmlShapeError('doctype'));
    expect(() => tagsOf(`<c r="A1 ${'x'.repeat(10_000)}`)).toThrow(new XmlShapeError('token'));
    expect(() => tagsOf('<row r="1"><c r="A')).toThrow(new XmlShapeError('truncated'));
  });
});

describe('references', () => {
  it('cells, areas and the ranges of formulas', () => {
    expect(cellOf('$XFD$1048576')).toEqual({ row: 1_048_576, col: 16_384 });
    expect(areaOf('A1:XFD1048576')).toBe(17_179_869_184);
    expect(areaOf('B2:A1')).toBe(4);
    expect(areaOf('C7')).toBe(1);
    expect(areaOf('A:A')).toBeNull();
    expect(formulaArea("SUM(A2:XFD1048576)")).toBe(17_179_852_800);
    expect(formulaArea("SUM('Annexe 9'!$F$5:$F$14)+SUMIF(B5:B14,\"A1:Z99\",F5:F14)")).toBe(30);
    expect(formulaArea('A:A+1:1')).toBe(0); // whole columns and rows: neither ExcelJS nor the demo's evaluator expands them
  });
});

describe('the census', () => {
  it('counts what ExcelJS builds: cells, rows, merged, validated and named cells', async () => {
    let xlsx = await miniAnnex();
    xlsx = await withMerges(xlsx, ['N20:O21']);
    xlsx = await afterSheetData(xlsx, '<dataValidations count="1"><dataValidation type="whole" sqref="P1:P10 Q1"><formula1>0</formula1></dataValidation></dataValidations>');
    xlsx = await withDefinedName(xlsx, 'zone', "'Annexe 9'!$B$5:$C$6");
    const census = await checkWorkbookLimits(xlsx);
    const JSZip = (await import('jszip')).default;
    const sheetXml = await (await JSZip.loadAsync(xlsx)).file(SHEET_PART)!.async('string');
    expect(census.cells).toBe(sheetXml.match(/<c[ >]/g)!.length);
    expect(census.rows).toBe(sheetXml.match(/<row[ >]/g)!.length);
    // What ExcelJS itself makes of them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(census.mergedCells).toBe(merges.reduce((n, ref) => n + areaOf(ref)!, 0));
    expect(census.validatedCells).toBe(Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length);
    expect(census.validatedCells).toBe(11);
    expect(census.namedCells).toBe(4);
  });

  it('a part out of all proportion to the file is a bomb (limits scaled down to see it)', async () => {
    const bomb = await patchPart(await miniAnnex(), SHEET_PART, (xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(2 ** 20)}`));
    const tiny = { ...LIMITS, bombFloorBytes: 1024, bombRatio: 10 };
    await expect(checkWorkbookLimits(bomb, tiny)).rejects.toThrow(WorkbookLimitError);
    await expect(checkWorkbookLimits(bomb, tiny)).rejects.toThrow(/bombe de décompression/);
    await expect(checkWorkbookLimits(bomb)).resolves.toMatchObject({ parts: expect.any(Number) });
  });
});

describe('no workbook of the robustness corpus is refused by the limits', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annex9-limits-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('all of them pass', async () => {
    const written = await writeCorpus(dir, CASES.filter((c) => c.workbook).map((c) => c.id));
    expect(written.length).toBeGreaterThan(30);
    let measured = 0;
    for (const w of written) {
      const bytes = await fs.readFile(w.path);
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') continue;
      let census;
      try {
        census = await checkWorkbookLimits(bytes);
      } catch (e) {
        if (e instanceof WorkbookLimitError) throw new Error(`${w.case.id}: ${e.message}`);
        continue; // not a readable zip: the load says « endommagé », as before
      }
      expect(census.parts).toBeGreaterThan(0);
      measured++;
    }
    expect(measured).toBeGreaterThan(30);
  });
});
