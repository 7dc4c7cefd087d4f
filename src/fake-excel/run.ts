/**
 * `Excel.run` over a fake workbook: `run(batch)`, `run(options, batch)`, `run(object, batch)` and
 * `run(context, batch)`, with a final sync of what the batch left queued, as Office.js does.
 */
import { FakeObject, FakeRequestContext, checkApi } from './proxies';
import type { FakeWorkbook } from './workbook/workbook';

export type FakeClientObjectLike = FakeObject | FakeRequestContext | Record<string, unknown>;

export async function runOn(workbook: FakeWorkbook, args: [FakeClientObjectLike | ((ctx: never) => Promise<unknown>), ...unknown[]]): Promise<unknown> {
  let context: FakeRequestContext | null = null;
  let options: Record<string, unknown> = {};
  let batch: unknown;
  if (args.length === 1) {
    batch = args[0];
  } else if (args.length === 2) {
    const first = args[0];
    batch = args[1];
    if (first instanceof FakeRequestContext) context = first;
    else if (first instanceof FakeObject) context = first.context;
    else if (Array.isArray(first) && first[0] instanceof FakeObject) context = (first[0] as FakeObject).context;
    else if (first && typeof first === 'object') options = first as Record<string, unknown>;
    else throw new TypeError('Excel.run: invalid arguments');
  } else {
    throw new TypeError('Excel.run: invalid arguments');
  }
  if (typeof batch !== 'function') throw new TypeError('Excel.run: the batch must be a function');
  if (context && context.host !== workbook) throw new Error('Excel.run: object from another workbook');
  // Options are API too: mergeUndoGroup is ExcelApi 1.20.
  for (const option of Object.keys(options)) checkApi(workbook, 'RunOptions', option);
  const ctx = context ?? new FakeRequestContext(workbook, options);
  workbook.recorder.runs.push({ options: { ...options }, syncs: 0 });
  const pending = (batch as (c: FakeRequestContext) => unknown)(ctx);
  if (!pending || typeof (pending as Promise<unknown>).then !== 'function') throw new Error('Excel.run: the batch function must return a promise');
  const result = await pending;
  await ctx.sync();
  return result;
}
