/**
 * What a workbook file would cost to open, measured before ExcelJS is given it, and refused with a
 * French message when it is out of proportion. A received file is untrusted: one merged area
 * `A1:XFD1048576` in 2 KB makes ExcelJS create 17 billion cells, a zip part may inflate to
 * gigabytes, a data validation or a defined name over the whole sheet is expanded cell by cell.
 *
 * The parts are inflated here once, as a stream, through JSZip — the very reader ExcelJS uses, so
 * what is measured is what ExcelJS would read (same entries, same names, same sizes; a header
 * that lies about a size changes nothing, only inflated bytes are counted) — and their tags are
 * counted on the way. Browser-safe (no Node module): the demo page loads files through it too.
 */
import JSZip from 'jszip';
import { columnIndex } from '../domain/a1';
import { XmlShapeError, XmlTagStream, attribute, decodeXml } from './xmlTags';

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

export interface WorkbookLimits {
  /** The file itself, in bytes. */
  fileBytes: number;
  /** Entries of the zip. */
  parts: number;
  /** One worksheet part, inflated. */
  sheetPartBytes: number;
  /** Any other part, inflated. */
  otherPartBytes: number;
  /** All parts, inflated. */
  totalBytes: number;
  /** A part larger than `bombRatio` times the whole file (and than `bombFloorBytes`) is a bomb. */
  bombRatio: number;
  bombFloorBytes: number;
  /**
   * What opening the workbook builds in memory, in cells: each written cell counts 1, each row 2,
   * each merged cell ½, each cell under a data validation or in a defined name ¼ (ExcelJS keeps
   * an object for every one of them; weights measured on the whole check, about 600 MB a million).
   */
  cells: number;
  /** One merged area. */
  mergedArea: number;
  /** Cells the ranges of one formula cover (the demo's formula evaluator visits each). */
  formulaRange: number;
  /** Cells all formulas cover together (a shared formula counted once per cell). */
  formulaCells: number;
}

/**
 * Sized so that a 100 000-row consolidated annex (7 MB; 1.17 M cells, 0.11 M rows, 0.23 M merged
 * cells: 1.5 M by the weights below, about 900 MB for the whole check) passes, and nothing much
 * larger does.
 */
export const LIMITS: WorkbookLimits = {
  fileBytes: 64 * 2 ** 20,
  parts: 10_000,
  sheetPartBytes: 128 * 2 ** 20,
  otherPartBytes: 64 * 2 ** 20,
  totalBytes: 256 * 2 ** 20,
  bombRatio: 100,
  bombFloorBytes: 16 * 2 ** 20,
  cells: 1_600_000,
  mergedArea: 100_000,
  formulaRange: 2 ** 21,
  formulaCells: 20_000_000,
};

/** What was counted (all of it when the file passed; up to the refusal otherwise). */
export interface WorkbookCensus {
  parts: number;
  inflatedBytes: number;
  cells: number;
  rows: number;
  mergedCells: number;
  validatedCells: number;
  namedCells: number;
  formulaCells: number;
}

/** A workbook refused before it was opened: `message` says why, the limit, and what to do (French). */
export class WorkbookLimitError extends Error {
  constructor(
    readonly limit: keyof WorkbookLimits | 'excelBounds' | 'xml',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookLimitError';
  }
}

// ---------------------------------------------------------------------------------------------
// Words.
// ---------------------------------------------------------------------------------------------

/** 1234567 → « 1 234 567 » (plain spaces: this goes to terminals and logs). */
export const count = (n: number): string => (Number.isFinite(n) ? Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : 'une infinité de');
const mo = (bytes: number): string => `${count(Math.floor(bytes / 2 ** 20))} Mo`;
const size = (bytes: number): string => (bytes < 2 ** 20 ? `${count(Math.max(1, Math.round(bytes / 1024)))} Ko` : mo(bytes));
const RESAVE = "Demandez à l'expéditeur un classeur enregistré par Excel.";
const SMALLER = "Enregistrez l'annexe seule dans un nouveau classeur (sans autres feuilles, images ni lignes et colonnes superflues), puis contrôlez ce classeur.";

// ---------------------------------------------------------------------------------------------
// References.
// ---------------------------------------------------------------------------------------------

const CELL = /^\$?([A-Za-z]+)\$?(\d+)$/;

/** `A1`, `$A$1` → 1-based row and column (beyond Excel's bounds as written). */
export function cellOf(ref: string): { row: number; col: number } | null {
  const m = CELL.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnIndex(m[1]) + 1 } : null;
}

/** Cells of `A1:B2` (or of one cell); null for what is not a cell-to-cell reference (`A:A`, a name). */
export function areaOf(ref: string): number | null {
  const [a, b = a, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const from = cellOf(a);
  const to = cellOf(b);
  if (!from || !to) return null;
  return (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
}

const RANGE_IN_FORMULA = /(\$?[A-Za-z]{1,4}\$?\d{1,15}):(\$?[A-Za-z]{1,4}\$?\d{1,15})/g;

/** Cells covered by the cell-to-cell ranges of a formula (or defined name), string literals aside. */
export function formulaArea(formula: string): number {
  let total = 0;
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(RANGE_IN_FORMULA)) total += areaOf(`${m[1]}:${m[2]}`) ?? 0;
  return total;
}

// ---------------------------------------------------------------------------------------------
// The census.
// ---------------------------------------------------------------------------------------------

/** Worksheet parts, as ExcelJS recognises them (its pattern is not anchored). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Why a file of `bytes` is not read at all. */
export function fileTooLargeMessage(bytes: number, limits: WorkbookLimits = LIMITS): string {
  return `le fichier fait ${mo(bytes)} ; la limite du contrôle est de ${mo(limits.fileBytes)}. ${SMALLER}`;
}

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

class Census {
  readonly counts: WorkbookCensus = { parts: 0, inflatedBytes: 0, cells: 0, rows: 0, mergedCells: 0, validatedCells: 0, namedCells: 0, formulaCells: 0 };

  constructor(
    private readonly fileBytes: number,
    private readonly limits: WorkbookLimits,
  ) {}

  /** What the workbook would build, in cells (see WorkbookLimits.cells for the weights). */
  weight(): number {
    const c = this.counts;
    return c.cells + 2 * c.rows + c.mergedCells / 2 + (c.validatedCells + c.namedCells) / 4;
  }

  checkObjects(): void {
    const weight = this.weight();
    if (weight <= this.limits.cells) return;
    const c = this.counts;
    const parts = [
      [c.cells, 'cellules remplies'],
      [c.rows, 'lignes'],
      [c.mergedCells, 'cellules fusionnées'],
      [c.validatedCells, 'cellules sous validation de données'],
      [c.namedCells, 'cellules de noms définis'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, what]) => `${count(n as number)} ${what}`);
    const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}` : parts[0];
    throw new WorkbookLimitError(
      'cells',
      `ce classeur est trop grand pour être contrôlé : ${listed} au moins, soit l'équivalent de ${count(weight)} cellules en mémoire ; la limite du contrôle est de ${count(this.limits.cells)} (une ligne compte pour deux cellules ; une annexe de 100 000 lignes en compte environ 1 500 000). ${SMALLER}`,
    );
  }

  /** Bytes of one part: its own cap, the total, and the proportion to the file. */
  addBytes(part: string, partBytes: number, chunk: number, isSheet: boolean): void {
    this.counts.inflatedBytes += chunk;
    const l = this.limits;
    if (partBytes > l.bombFloorBytes && partBytes > l.bombRatio * this.fileBytes) {
      throw new WorkbookLimitError(
        'bombRatio',
        `la partie interne « ${part} » se décompresse en plus de ${mo(partBytes)} à partir d'un fichier de ${size(this.fileBytes)} : c'est une bombe de décompression, le classeur n'est pas ouvert (limite du contrôle : ${l.bombRatio} fois la taille du fichier). ${RESAVE}`,
      );
    }
    const cap = isSheet ? l.sheetPartBytes : l.otherPartBytes;
    if (partBytes > cap) {
      throw new WorkbookLimitError(
        isSheet ? 'sheetPartBytes' : 'otherPartBytes',
        `la partie interne « ${part} » dépasse ${mo(cap)} une fois décompressée ; la limite du contrôle est de ${mo(cap)} par ${isSheet ? 'feuille' : 'partie'}. ${SMALLER}`,
      );
    }
    if (this.counts.inflatedBytes > l.totalBytes) {
      throw new WorkbookLimitError('totalBytes', `le contenu du classeur dépasse ${mo(l.totalBytes)} une fois décompressé ; la limite du contrôle est de ${mo(l.totalBytes)}. ${SMALLER}`);
    }
  }

  /** The tags of a worksheet that make ExcelJS create objects. */
  sheetHandler(sheet: string, stream: () => XmlTagStream) {
    const l = this.limits;
    const c = this.counts;
    const outOfExcel = (what: string, ref: string) =>
      new WorkbookLimitError(
        'excelBounds',
        `la feuille « ${sheet} » désigne ${what} ${ref}, hors des limites d'Excel (1 048 576 lignes, 16 384 colonnes jusqu'à XFD) : ce fichier n'a pas été enregistré par Excel, il n'est pas ouvert. ${RESAVE}`,
      );
    let lastCell = '';
    let formula: { raw: string; si?: string; shared: boolean } | null = null;
    const sharedArea = new Map<string, number>();
    const addFormula = (area: number, text: string) => {
      if (area > l.formulaRange) {
        const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
        throw new WorkbookLimitError(
          'formulaRange',
          `la feuille « ${sheet} » contient en ${lastCell || '?'} une formule qui porte sur ${count(area)} cellules (=${shown}) ; la limite du contrôle est de ${count(l.formulaRange)} cellules par formule. Réduisez la plage de cette formule aux lignes du tableau, enregistrez, puis relancez le contrôle.`,
        );
      }
      c.formulaCells += area;
      if (c.formulaCells > l.formulaCells) {
        throw new WorkbookLimitError(
          'formulaCells',
          `les formules du classeur portent en tout sur plus de ${count(l.formulaCells)} cellules ; la limite du contrôle est de ${count(l.formulaCells)}. Réduisez leurs plages aux lignes du tableau, enregistrez, puis relancez le contrôle.`,
        );
      }
    };
    return {
      open: (name: string, attrs: string, selfClosing: boolean) => {
        switch (name) {
          case 'c': {
            c.cells++;
            const r = attribute(attrs, 'r');
            if (r !== undefined) {
              const at = cellOf(r);
              if (at && (at.row > EXCEL_ROWS || at.col > EXCEL_COLUMNS || at.row < 1)) throw outOfExcel('la cellule', r);
              lastCell = r;
            }
            break;
          }
          case 'row': {
            c.rows++;
            const r = Number(attribute(attrs, 'r') ?? '1');
            if (!(r >= 1 && r <= EXCEL_ROWS)) throw outOfExcel('la ligne', attribute(attrs, 'r') ?? '');
            break;
          }
          case 'mergeCell': {
            const ref = attribute(attrs, 'ref') ?? '';
            const area = areaOf(ref) ?? 0;
            if (area > l.mergedArea) {
              throw new WorkbookLimitError(
                'mergedArea',
                `la feuille « ${sheet} » contient une zone fusionnée de ${count(area)} cellules (${ref}) ; la limite du contrôle est de ${count(l.mergedArea)} cellules par zone fusionnée. Défusionnez cette zone dans Excel (Accueil > Fusionner et centrer), enregistrez, puis relancez le contrôle.`,
              );
            }
            c.mergedCells += area;
            break;
          }
          case 'dataValidation': {
            // ExcelJS keeps one entry per cell of each range of sqref.
            for (const ref of (attribute(attrs, 'sqref') ?? '').split(/\s+/)) c.validatedCells += ref ? areaOf(ref) ?? 1 : 0;
            break;
          }
          case 'f': {
            const shared = attribute(attrs, 't') === 'shared';
            const si = attribute(attrs, 'si');
            if (selfClosing) {
              // A cell sharing an earlier formula: ExcelJS writes the formula out for it.
              if (shared && si !== undefined) addFormula(sharedArea.get(si) ?? 0, '');
            } else {
              formula = { raw: '', si, shared };
              stream().wantText = true;
            }
            break;
          }
        }
      },
      text: (raw: string) => {
        if (formula) formula.raw += raw;
      },
      close: (name: string) => {
        if (name !== 'f' || !formula) return;
        stream().wantText = false;
        const text = decodeXml(formula.raw);
        const area = formulaArea(text);
        if (formula.shared && formula.si !== undefined) sharedArea.set(formula.si, area);
        formula = null;
        addFormula(area, text);
      },
    };
  }

  /** The workbook part: sheet names (for messages), and defined names ExcelJS expands cell by cell. */
  workbookHandler(sheets: Array<{ name: string; rid: string }>, stream: () => XmlTagStream) {
    let definedName: { name: string; raw: string } | null = null;
    return {
      open: (name: string, attrs: string, selfClosing: boolean) => {
        if (name === 'sheet') sheets.push({ name: attribute(attrs, 'name') ?? '', rid: attribute(attrs, 'r:id') ?? attribute(attrs, 'id') ?? '' });
        if (name === 'definedName' && !selfClosing) {
          definedName = { name: attribute(attrs, 'name') ?? '', raw: '' };
          stream().wantText = true;
        }
      },
      text: (raw: string) => {
        if (definedName) definedName.raw += raw;
      },
      close: (name: string) => {
        if (name !== 'definedName' || !definedName) return;
        stream().wantText = false;
        // Print areas and titles are read apart; every other name is kept cell by cell.
        if (definedName.name !== '_xlnm.Print_Area' && definedName.name !== '_xlnm.Print_Titles') {
          this.counts.namedCells += formulaArea(decodeXml(definedName.raw));
        }
        definedName = null;
      },
    };
  }
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
      throw new WorkbookLimitError('xml', `la partie interne « ${part} » n'est pas un XML de classeur Excel (${why}) : le classeur n'est pas ouvert. ${RESAVE}`);
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
      `l'archive .xlsx contient plus de ${count(limits.parts)} parties internes (${count(headers)}) ; la limite du contrôle est de ${count(limits.parts)}. Un classeur enregistré par Excel en compte quelques dizaines. ${RESAVE}`,
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
