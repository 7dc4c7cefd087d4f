/**
 * The in-memory workbook drawn as a simple spreadsheet: sheet tabs, a name box, a formula bar
 * (typing there changes the sheet, so the pane's "sheet changed" state can be tried), and the
 * grid with the add-in's marks. Cell text is rendered as text.
 */
import { KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { columnLetters } from '../domain/a1';
import { DemoBook, SheetSnapshot } from './book';

export interface SheetViewLabels {
  sheets: string;
  nameBox: string;
  formulaBar: string;
  grid(sheet: string): string;
}

interface Layout {
  /** `r:c` of cells hidden under a merge. */
  covered: Set<string>;
  /** Spans of merge masters. */
  spans: Map<string, { rowSpan: number; colSpan: number }>;
}

function layoutOf(snap: SheetSnapshot): Layout {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of snap.merges) {
    spans.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  return { covered, spans };
}

/** Column widths from the texts: labels wrap at a cap, amount columns fit their amounts. */
function widthsOf(snap: SheetSnapshot, spills: Set<string>): number[] {
  const text = Array.from({ length: snap.colCount }, () => 3);
  const numbers = Array.from({ length: snap.colCount }, () => 0);
  for (const [key, cell] of snap.cells) {
    if (spills.has(key)) continue;
    const c = Number(key.split(':')[1]);
    if (cell.numeric) numbers[c] = Math.max(numbers[c], cell.text.length);
    else text[c] = Math.max(text[c], Math.min(cell.text.length, 20));
  }
  return text.map((t, c) => Math.round((numbers[c] > 0 ? Math.max(numbers[c], Math.min(t, 12)) : t) * 6.8 + 10));
}

/** Text cells whose right neighbour is empty overflow into it, as in Excel (titles above the table). */
function spillsOf(snap: SheetSnapshot, layout: Layout): Set<string> {
  const spills = new Set<string>();
  for (const [key, cell] of snap.cells) {
    if (cell.numeric || !cell.text || layout.spans.has(key)) continue;
    const [r, c] = key.split(':').map(Number);
    const next = `${r}:${c + 1}`;
    if (c + 1 < snap.colCount && !snap.cells.get(next)?.text && !layout.covered.has(next) && !layout.spans.has(next)) spills.add(key);
  }
  return spills;
}

const MAX_ROWS = 2000;

export function SheetView(props: { book: DemoBook; version: number; labels: SheetViewLabels }) {
  const { book, version, labels } = props;
  const sheet = book.activeSheet();
  // The book changes in place: `version` says when, so the snapshot is taken again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const snap = useMemo(() => book.snapshot(sheet), [book, sheet, version]);
  const layout = useMemo(() => layoutOf(snap), [snap]);
  const spills = useMemo(() => spillsOf(snap, layout), [snap, layout]);
  const widths = useMemo(() => widthsOf(snap, spills), [snap, spills]);
  const selection = book.selection();
  const selected = selection?.cell ?? null;
  const selectedRef = useRef<HTMLTableCellElement>(null);
  const [draft, setDraft] = useState('');

  const selectedText = useMemo(() => {
    if (!selected) return '';
    const m = /^([A-Z]+)(\d+)$/.exec(selected);
    if (!m) return '';
    for (const [key, cell] of snap.cells) {
      const [r, c] = key.split(':').map(Number);
      if (`${columnLetters(c)}${r + 1}` === selected) return cell.text;
    }
    return '';
  }, [snap, selected]);

  useEffect(() => {
    setDraft(selectedText);
  }, [selectedText, selected]);
  // Braces matter: scrollIntoView returns a promise in recent Chromium, and an effect must not.
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected, sheet]);

  const rows = Math.min(Math.max(snap.rowCount, 1), MAX_ROWS);
  const cols = Math.max(snap.colCount, 1);

  const onFormulaKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && selected) void book.type(sheet, selected, draft);
    if (e.key === 'Escape') setDraft(selectedText);
  };

  return (
    <div className="sheet">
      <div className="sheet-bar">
        <output className="name-box" aria-label={labels.nameBox} data-testid="name-box">
          {selected ?? ''}
        </output>
        <input
          className="formula-bar"
          aria-label={labels.formulaBar}
          value={draft}
          disabled={!selected}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onFormulaKey}
          data-testid="formula-bar"
        />
      </div>
      {/* Focusable, so that keyboard users can scroll the sheet too (axe: scrollable-region-focusable). */}
      <div className="grid-scroll" tabIndex={0} role="region" aria-label={labels.grid(sheet)}>
        <table
          className="grid"
          role="grid"
          aria-label={labels.grid(sheet)}
          data-sheet={sheet}
          style={{ width: 44 + widths.slice(0, cols).reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: 44 }} />
            {widths.slice(0, cols).map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" aria-hidden="true" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={selected && selected.replace(/\d+$/, '') === columnLetters(c) ? 'head on' : 'head'}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={selected && selected.replace(/^[A-Z]+/, '') === String(r + 1) ? 'head on' : 'head'}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  const key = `${r}:${c}`;
                  if (layout.covered.has(key)) return null;
                  const cell = snap.cells.get(key);
                  const address = `${columnLetters(c)}${r + 1}`;
                  const isSelected = address === selected;
                  const span = layout.spans.get(key);
                  return (
                    <td
                      key={c}
                      ref={isSelected ? selectedRef : undefined}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      data-cell={address}
                      data-fill={cell?.fill}
                      aria-selected={isSelected}
                      className={
                        [cell?.numeric ? 'num' : '', spills.has(key) ? 'spill' : '', isSelected ? 'selected' : '', cell?.note ? 'has-note' : '']
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                      style={cell?.fill ? { backgroundColor: cell.fill } : undefined}
                      title={cell?.note}
                      onClick={() => void book.select(sheet, address)}
                    >
                      {cell?.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="tabs" role="tablist" aria-label={labels.sheets}>
        {book.sheetNames().map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === sheet}
            className={name === sheet ? 'tab on' : 'tab'}
            onClick={() => void book.activate(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
