/**
 * The request context: actions are queued and applied at `sync`, in order; the first failing
 * action stops the batch and earlier ones stay applied (Excel does not roll back). Every sync is
 * recorded with its request and response payload sizes, and refused past the workbook's limit.
 */
import type { FakeWorkbook } from '../workbook/workbook';
import type { SyncRecord } from '../workbook/host';
import { FakeRichApiError } from './errors';
import { FakeWorkbookProxy } from './workbookProxy';

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Bytes of `s` with every non-ASCII character written as a \uXXXX escape (the least favourable wire format). */
function escapedLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) n += 5;
  return n;
}

/** Envelope of one action in a request, and of one result in a response (ids, types, names). */
const ACTION_ENVELOPE = 100;
const RESULT_ENVELOPE = 30;

export interface Action {
  /** What goes over the wire (for the request size). */
  describe: unknown;
  /** Runs against the host; returns response data (or undefined) and what to commit on success. */
  run(): { data?: unknown; commit?: () => void } | void;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  private queue: Action[] = [];

  constructor(
    readonly host: FakeWorkbook,
    readonly runOptions: Record<string, unknown> = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  _enqueue(action: Action): void {
    this.queue.push(action);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (!this.queue.length) return passThroughValue as T;
    const actions = this.queue;
    this.queue = [];
    const host = this.host;
    const index = host.recorder.syncs.length;
    const escaped = host.readings.wire === 'escaped';
    const measure = (x: unknown, items: number, envelope: number) => {
      const json = JSON.stringify(x);
      return escaped ? escapedLength(json) + items * envelope : byteLength(json);
    };
    const record: SyncRecord = { requestBytes: measure(actions.map((a) => a.describe), actions.length, ACTION_ENVELOPE), responseBytes: 0, actions: actions.length };
    host.recorder.syncs.push(record);
    const run = host.recorder.runs[host.recorder.runs.length - 1];
    if (run) run.syncs++;
    await Promise.resolve(); // a sync always crosses to the host and back
    host.beforeSync?.(index, host);
    if (host.cellEditMode && !(this.runOptions.delayForCellEdit && host.readings.delayForCellEdit === 'honoured')) {
      record.failed = 'InvalidOperationInCellEditMode';
      throw new FakeRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    }
    const limit = host.payloadLimitBytes;
    if (limit !== undefined && record.requestBytes > limit) {
      record.failed = 'RequestPayloadSizeLimitExceeded';
      throw new FakeRichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const responses: unknown[] = [];
    const commits: Array<() => void> = [];
    for (const action of actions) {
      let out: ReturnType<Action['run']>;
      try {
        out = action.run();
      } catch (e) {
        const err = e instanceof FakeRichApiError ? e : new FakeRichApiError('InvalidArgument', (e as Error).message);
        record.failed = err.code;
        record.responseBytes = measure(responses, responses.length, RESULT_ENVELOPE);
        throw err;
      }
      if (out && out.data !== undefined) responses.push(out.data);
      if (out && out.commit) commits.push(out.commit);
    }
    record.responseBytes = measure(responses, responses.length, RESULT_ENVELOPE);
    if (limit !== undefined && record.responseBytes > limit) {
      record.failed = 'ResponsePayloadSizeLimitExceeded';
      throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    for (const commit of commits) commit();
    return passThroughValue as T;
  }
}
