/**
 * The one pass over a workbook file before ExcelJS is given it: the zip's entries counted, each
 * part inflated once as a stream through JSZip (the very reader ExcelJS uses) and its tags
 * counted on the way (workbookCensus.ts). Browser-safe (no Node module).
 */
import JSZip from 'jszip';
import { Census } from './workbookCensus';
import { LIMITS, RESAVE, WorkbookCensus, WorkbookLimitError, WorkbookLimits, count, fileTooLargeMessage } from './workbookLimits';
import { XmlShapeError, XmlTagStream, attribute } from './xmlTags';

/** Worksheet parts, as ExcelJS recognises them (its pattern is not anchored). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** `PK\1\2`: every entry of a zip has one central directory header; counting them costs one pass. */
function centralHeaders(data: Uint8Array): number {
  let n = 0;
  for (let i = data.indexOf(0x50); i >= 0 && i < data.length - 3; i = data.indexOf(0x50, i + 1)) {
    if (data[i + 1] === 0x4b && data[i + 2] === 0x01 && data[i + 3] === 0x02) n++;
  }
  return n;
}

type Streamable = { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> };

/** Inflate one part chunk by chunk; `onChunk` may throw to stop (the rest is never inflated). */
function inflate(file: JSZip.JSZipObject, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // internalStream is JSZip's documented streaming API (missing from its typings).
    const helper = (file as unknown as Streamable).internalStream('uint8array');
    let stopped = false;
    helper
      .on('data', (chunk) => {
        if (stopped) return;
        try {
          onChunk(chunk);
        } catch (e) {
          stopped = true;
          helper.pause();
          reject(e);
        }
      })
      .on('error', (e) => {
        stopped = true;
        reject(e);
      })
      .on('end', () => {
        if (!stopped) resolve();
      })
      .resume();
  });
}

function normalizePart(name: string): string {
  return name.startsWith('/') ? name.slice(1) : name;
}

/** Inflates a part, counting its bytes, and reads its XML tags on the way when `makeHandler` is given. */
async function scanPart(
  census: Census,
  file: JSZip.JSZipObject,
  isSheet: boolean,
  makeHandler: ((stream: () => XmlTagStream) => ConstructorParameters<typeof XmlTagStream>[0]) | null,
  afterChunk?: () => void,
): Promise<void> {
  const part = normalizePart(file.name);
  let bytes = 0;
  let tags: XmlTagStream | null = null;
  if (makeHandler) tags = new XmlTagStream(makeHandler(() => tags!));
  const decoder = makeHandler ? new TextDecoder('utf-8') : null;
  try {
    await inflate(file, (chunk) => {
      bytes += chunk.length;
      census.addBytes(part, bytes, chunk.length, isSheet);
      if (tags && decoder) {
        tags.push(decoder.decode(chunk, { stream: true }));
        afterChunk?.();
      }
    });
    if (tags && decoder) {
      tags.push(decoder.decode());
      tags.end();
      afterChunk?.();
    }
  } catch (e) {
    if (e instanceof XmlShapeError) {
      const why = e.why === 'doctype' ? 'une déclaration DOCTYPE ou ENTITY' : e.why === 'token' ? 'un élément de plus de 1 Mo' : 'un XML tronqué';
      throw new WorkbookLimitError('xml', `la partie interne «\u00a0${part}\u00a0» n’est pas un XML de classeur Excel (${why})\u00a0: le classeur n’est pas ouvert. ${RESAVE}`);
    }
    throw e;
  }
}

/**
 * Measure a workbook file before opening it; throws WorkbookLimitError (French) when it is out of
 * proportion, any other error when it is not a readable zip (the caller says « endommagé »).
 */
export async function checkWorkbookLimits(data: Uint8Array, limits: WorkbookLimits = LIMITS): Promise<WorkbookCensus> {
  if (data.length > limits.fileBytes) throw new WorkbookLimitError('fileBytes', fileTooLargeMessage(data.length, limits));
  const headers = centralHeaders(data);
  if (headers > limits.parts) {
    throw new WorkbookLimitError(
      'parts',
      `l’archive .xlsx contient plus de ${count(limits.parts)} parties internes (${count(headers)})\u202f; la limite du contrôle est de ${count(limits.parts)}. Un classeur enregistré par Excel en compte quelques dizaines. ${RESAVE}`,
    );
  }
  const census = new Census(data.length, limits);
  const zip = await JSZip.loadAsync(data);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  census.counts.parts = files.length;

  // The workbook part and its relationships first: they name the sheets for the messages.
  const sheets: Array<{ name: string; rid: string }> = [];
  /** Worksheet part (`xl/worksheets/sheet1.xml`) → sheet name. */
  const sheetOfPart = new Map<string, string>();
  const workbook = files.find((f) => normalizePart(f.name) === 'xl/workbook.xml');
  const rels = files.find((f) => normalizePart(f.name) === 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  if (workbook) await scanPart(census, workbook, false, (stream) => census.workbookHandler(sheets, stream), () => census.checkObjects());
  if (rels) {
    await scanPart(census, rels, false, () => ({
      open: (name: string, attrs: string) => {
        if (name !== 'Relationship') return;
        const target = attribute(attrs, 'Target') ?? '';
        targets.set(attribute(attrs, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      },
    }));
  }
  for (const s of sheets) {
    const target = targets.get(s.rid);
    if (target) sheetOfPart.set(target, s.name);
  }

  for (const file of files) {
    if (file === workbook || file === rels) continue;
    const part = normalizePart(file.name);
    const isSheet = WORKSHEET_PART.test(part);
    if (isSheet) {
      const sheet = sheetOfPart.get(part) ?? part;
      await scanPart(census, file, true, (stream) => census.sheetHandler(sheet, stream), () => census.checkObjects());
    } else {
      await scanPart(census, file, false, null);
    }
  }
  census.checkObjects();
  return census.counts;
}
