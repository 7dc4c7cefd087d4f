/**
 * What the demo page needs from its in-memory workbook, besides the AnnexService the pane uses:
 * the sheets' cells with their marks (to draw the grid), the selection, and typing in a cell.
 */
import { MergedArea } from '../domain/grid';
import { AnnexService } from '../office/service';

export interface CellView {
  /** What the cell shows (formatted like Excel would, roughly). */
  text: string;
  /** Background as the user sees it: the add-in's mark (fill or conditional format) over the cell's own fill. */
  fill?: string;
  /** The mark's note, if any (shown as a tooltip). */
  note?: string;
  numeric?: boolean;
  bold?: boolean;
}

export interface SheetSnapshot {
  name: string;
  rowCount: number;
  colCount: number;
  /** Cells by `row:col`, 0-based sheet coordinates. */
  cells: Map<string, CellView>;
  merges: MergedArea[];
}

export interface DemoBook {
  service: AnnexService;
  sheetNames(): string[];
  activeSheet(): string;
  activate(name: string): Promise<void>;
  /** The selected cell (A1) of the active sheet, if any. */
  selection(): { sheet: string; cell: string } | null;
  select(sheet: string, cell: string): Promise<void>;
  snapshot(sheet: string): SheetSnapshot;
  /** Type a value in a cell as a user would: the sheet's changed event fires. */
  type(sheet: string, cell: string, value: string): Promise<void>;
  /** Told after anything may have changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}
