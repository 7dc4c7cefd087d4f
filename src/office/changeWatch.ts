/**
 * The user's changes while the pane works: counted per sheet by a workbook-wide onChanged handler
 * registered with the first check's read (no sync of its own), so that a mark refuses when its
 * sheet changed after its check's read; and the add-in's own writes told apart from the user's on
 * builds whose events carry no triggerSource.
 */
import { parseRect } from '../domain/a1';

/** Local address of an event's `'Annexe 9'!B5:C9`. */
const localAddress = (address: string) => (address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address).replace(/\$/g, '');

export class ChangeWatch {
  /** The workbook-wide handler is registered (its first request went through). */
  registered = false;
  private seq = 0;
  private readonly last = new Map<string, { seq: number; address: string }>();
  /** Cells the add-in just wrote, to tell its own changes from the user's on builds without triggerSource. */
  private ownWrites = { cells: new Set<string>(), until: 0 };

  /** The handler's registration went through: the change counter a check's read is stamped with. */
  registeredNow(): number {
    this.registered = true;
    return this.seq;
  }

  /** The workbook-wide change handler: counts the user's changes, per sheet. */
  noteChange(args: Excel.WorksheetChangedEventArgs): void {
    if (this.isOwnWrite(args)) return;
    const seq = ++this.seq;
    this.last.set(args.worksheetId, { seq, address: args.address });
  }

  /** The local address of the sheet's last change by the user after counter `seq`, or null. */
  changedSince(sheetId: string, seq: number): string | null {
    const change = this.last.get(sheetId);
    return change && change.seq > seq ? localAddress(change.address) : null;
  }

  noteOwnWrites(cells: string[]): void {
    this.ownWrites = { cells: new Set(cells), until: Date.now() + 5000 };
  }

  isOwnWrite(args: Excel.WorksheetChangedEventArgs): boolean {
    if (args.triggerSource === 'ThisLocalAddin') return true;
    if (Date.now() > this.ownWrites.until) return false;
    const local = args.address.includes('!') ? args.address.slice(args.address.lastIndexOf('!') + 1) : args.address;
    const rect = parseRect(local);
    return !!rect && rect.top === rect.bottom && rect.left === rect.right && this.ownWrites.cells.has(local.replace(/\$/g, '').toUpperCase());
  }
}
