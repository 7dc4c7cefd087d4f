/**
 * The census of a workbook being read (workbookScan.ts): the objects ExcelJS would create, counted
 * from the tags of its parts as they are inflated, and refused (WorkbookLimitError, in French) as
 * soon as they are out of proportion.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../domain/a1';
import { XmlTagStream, attribute, decodeXml } from './xmlTags';
import { RESAVE, SMALLER, WorkbookCensus, WorkbookLimitError, WorkbookLimits, areaOf, cellOf, count, formulaArea, mo, size } from './workbookLimits';

export class Census {
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
      `ce classeur est trop grand pour être contrôlé\u00a0: ${listed} au moins, soit l’équivalent de ${count(weight)} cellules en mémoire\u202f; la limite du contrôle est de ${count(this.limits.cells)} (une ligne compte pour deux cellules\u202f; une annexe de 100\u202f000 lignes en compte environ 1\u202f500\u202f000). ${SMALLER}`,
    );
  }

  /** Bytes of one part: its own cap, the total, and the proportion to the file. */
  addBytes(part: string, partBytes: number, chunk: number, isSheet: boolean): void {
    this.counts.inflatedBytes += chunk;
    const l = this.limits;
    if (partBytes > l.bombFloorBytes && partBytes > l.bombRatio * this.fileBytes) {
      throw new WorkbookLimitError(
        'bombRatio',
        `la partie interne «\u00a0${part}\u00a0» se décompresse en plus de ${mo(partBytes)} à partir d’un fichier de ${size(this.fileBytes)}\u00a0: c’est une bombe de décompression, le classeur n’est pas ouvert (limite du contrôle\u00a0: ${l.bombRatio} fois la taille du fichier). ${RESAVE}`,
      );
    }
    const cap = isSheet ? l.sheetPartBytes : l.otherPartBytes;
    if (partBytes > cap) {
      throw new WorkbookLimitError(
        isSheet ? 'sheetPartBytes' : 'otherPartBytes',
        `la partie interne «\u00a0${part}\u00a0» dépasse ${mo(cap)} une fois décompressée\u202f; la limite du contrôle est de ${mo(cap)} par ${isSheet ? 'feuille' : 'partie'}. ${SMALLER}`,
      );
    }
    if (this.counts.inflatedBytes > l.totalBytes) {
      throw new WorkbookLimitError('totalBytes', `le contenu du classeur dépasse ${mo(l.totalBytes)} une fois décompressé\u202f; la limite du contrôle est de ${mo(l.totalBytes)}. ${SMALLER}`);
    }
  }

  /** The tags of a worksheet that make ExcelJS create objects. */
  sheetHandler(sheet: string, stream: () => XmlTagStream) {
    const l = this.limits;
    const c = this.counts;
    const outOfExcel = (what: string, ref: string) =>
      new WorkbookLimitError(
        'excelBounds',
        `la feuille «\u00a0${sheet}\u00a0» désigne ${what} ${ref}, hors des limites d’Excel (1\u202f048\u202f576 lignes, 16\u202f384 colonnes jusqu’à XFD)\u00a0: ce fichier n’a pas été enregistré par Excel, il n’est pas ouvert. ${RESAVE}`,
      );
    let lastCell = '';
    let formula: { raw: string; si?: string; shared: boolean } | null = null;
    const sharedArea = new Map<string, number>();
    const addFormula = (area: number, text: string) => {
      if (area > l.formulaRange) {
        const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
        throw new WorkbookLimitError(
          'formulaRange',
          `la feuille «\u00a0${sheet}\u00a0» contient en ${lastCell || '?'} une formule qui porte sur ${count(area)} cellules (=${shown})\u202f; la limite du contrôle est de ${count(l.formulaRange)} cellules par formule. Réduisez la plage de cette formule aux lignes du tableau, enregistrez, puis relancez le contrôle.`,
        );
      }
      c.formulaCells += area;
      if (c.formulaCells > l.formulaCells) {
        throw new WorkbookLimitError(
          'formulaCells',
          `les formules du classeur portent en tout sur plus de ${count(l.formulaCells)} cellules\u202f; la limite du contrôle est de ${count(l.formulaCells)}. Réduisez leurs plages aux lignes du tableau, enregistrez, puis relancez le contrôle.`,
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
              if (at && (at.row > MAX_ROWS || at.col > MAX_COLUMNS || at.row < 1)) throw outOfExcel('la cellule', r);
              lastCell = r;
            }
            break;
          }
          case 'row': {
            c.rows++;
            const r = Number(attribute(attrs, 'r') ?? '1');
            if (!(r >= 1 && r <= MAX_ROWS)) throw outOfExcel('la ligne', attribute(attrs, 'r') ?? '');
            break;
          }
          case 'mergeCell': {
            const ref = attribute(attrs, 'ref') ?? '';
            const area = areaOf(ref) ?? 0;
            if (area > l.mergedArea) {
              throw new WorkbookLimitError(
                'mergedArea',
                `la feuille «\u00a0${sheet}\u00a0» contient une zone fusionnée de ${count(area)} cellules (${ref})\u202f; la limite du contrôle est de ${count(l.mergedArea)} cellules par zone fusionnée. Défusionnez cette zone dans Excel (Accueil > Fusionner et centrer), enregistrez, puis relancez le contrôle.`,
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
