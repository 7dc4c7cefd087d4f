/**
 * Pairing two versions of a table: actions, not cells. Each action of the old table is paired with
 * at most one of the new, in four passes, each over what the previous ones left:
 *   1. by fiche number (unless the titles say they are two different actions, see below);
 *   2. by title within its theme;
 *   3. by title alone (an action moved to another theme) — template rows are left out;
 *   4. by position within the block: in a pair of blocks, an unpaired row with the unpaired row
 *      standing in the same gap between paired rows (a renamed action).
 * What stays unpaired was added or removed. Measures, blocks and codes are paired by their
 * structure (theme, code, section, in order of appearance). Every pass is a walk with hash maps:
 * linear in the number of rows, no comparison of every title with every other.
 */
import { ComparableAction, ComparableTable } from './comparable';
import { structuralKey } from './groups';

export type PairedBy = 'fiche' | 'titleInTheme' | 'title' | 'position';

export interface ActionPair {
  /** Action ids; null on the side where the action does not exist. */
  old: number | null;
  new: number | null;
  by: PairedBy | null;
}

export interface Pairing {
  /** Every action of both tables once, in the new table's order; a removed action after the new place of the one before it. */
  pairs: ActionPair[];
  /** Action id → index in `pairs`, per side. */
  pairOfOld: Int32Array;
  pairOfNew: Int32Array;
  /** Indexes in `pairs` of paired actions whose order changed (not on the longest run kept in order). */
  reordered: Set<number>;
}

/** Generic pairing by key, in order of appearance: the k-th old with key K goes with the k-th new with key K. */
export function pairByKey<T>(olds: readonly T[], news: readonly T[], key: (t: T) => string): Array<[number | null, number | null]> {
  const pool = new Map<string, number[]>();
  olds.forEach((o, i) => {
    const k = key(o);
    const list = pool.get(k);
    if (list) list.push(i);
    else pool.set(k, [i]);
  });
  const heads = new Map<string, number>();
  const oldToNew = new Int32Array(olds.length).fill(-1);
  const newToOld = new Int32Array(news.length).fill(-1);
  news.forEach((n, j) => {
    const k = key(n);
    const list = pool.get(k);
    if (!list) return;
    const h = heads.get(k) ?? 0;
    if (h >= list.length) return;
    heads.set(k, h + 1);
    oldToNew[list[h]] = j;
    newToOld[j] = list[h];
  });
  return mergeOrder(oldToNew, newToOld);
}

/**
 * The pairs in the new version's order, each removed item placed after the new place of the
 * nearest paired item before it in the old version (at the top when there is none).
 */
export function mergeOrder(oldToNew: Int32Array, newToOld: Int32Array): Array<[number | null, number | null]> {
  // Removed items anchored after new position `anchor` (-1: before everything), in old order.
  const removedAfter = new Map<number, number[]>();
  let anchor = -1;
  for (let i = 0; i < oldToNew.length; i++) {
    if (oldToNew[i] >= 0) anchor = oldToNew[i];
    else {
      const list = removedAfter.get(anchor);
      if (list) list.push(i);
      else removedAfter.set(anchor, [i]);
    }
  }
  const out: Array<[number | null, number | null]> = [];
  for (const i of removedAfter.get(-1) ?? []) out.push([i, null]);
  for (let j = 0; j < newToOld.length; j++) {
    out.push([newToOld[j] >= 0 ? newToOld[j] : null, j]);
    for (const i of removedAfter.get(j) ?? []) out.push([i, null]);
  }
  return out;
}

/** Indexes (into `seq`) of a longest strictly increasing subsequence: O(n log n). */
export function longestIncreasing(seq: readonly number[]): Set<number> {
  const tailValue: number[] = [];
  const tailIndex: number[] = [];
  const previous = new Int32Array(seq.length); // each entry set below before it is read
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i];
    let lo = 0;
    let hi = tailValue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tailValue[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tailValue[lo] = v;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1] : -1;
  }
  const kept = new Set<number>();
  let i = tailIndex.length ? tailIndex[tailIndex.length - 1] : -1;
  while (i >= 0) {
    kept.add(i);
    i = previous[i];
  }
  return kept;
}

const SEP = '\u0001';

export function pairActions(oldTable: ComparableTable, newTable: ComparableTable): Pairing {
  const olds = oldTable.actions;
  const news = newTable.actions;
  const oldToNew = new Int32Array(olds.length).fill(-1);
  const newToOld = new Int32Array(news.length).fill(-1);
  const byOld: Array<PairedBy | null> = new Array(olds.length).fill(null);

  // The titles of each side: a fiche number shared by two rows of different titles, either of which
  // is found in the other version, is a renumbering, not the same action.
  const oldTitles = new Set(olds.map((a) => a.keys.title));
  const newTitles = new Set(news.map((a) => a.keys.title));
  const ficheAgrees = (o: ComparableAction, n: ComparableAction): boolean => {
    if (!o.keys.title || !n.keys.title || o.keys.title === n.keys.title) return true;
    return !oldTitles.has(n.keys.title) && !newTitles.has(o.keys.title);
  };

  const pass = (by: PairedBy, key: (a: ComparableAction) => string, accept?: (o: ComparableAction, n: ComparableAction) => boolean) => {
    const pool = new Map<string, number[]>();
    for (const o of olds) {
      if (oldToNew[o.id] >= 0) continue;
      const k = key(o);
      // No key, nothing to match on: left out of the pool, so that a new row with no key finds no list.
      if (!k) continue;
      const list = pool.get(k);
      if (list) list.push(o.id);
      else pool.set(k, [o.id]);
    }
    const heads = new Map<string, number>();
    for (const n of news) {
      if (newToOld[n.id] >= 0) continue;
      const k = key(n);
      const list = pool.get(k);
      if (!list) continue;
      const h = heads.get(k) ?? 0;
      if (h >= list.length) continue;
      const o = olds[list[h]];
      if (accept && !accept(o, n)) continue;
      heads.set(k, h + 1);
      oldToNew[o.id] = n.id;
      newToOld[n.id] = o.id;
      byOld[o.id] = by;
    }
  };

  pass('fiche', (a) => a.keys.fiche, ficheAgrees);
  pass('titleInTheme', (a) => (a.keys.title ? `${a.keys.theme}${SEP}${a.keys.title}` : ''));
  pass('title', (a) => (a.placeholder ? '' : a.keys.title));

  // Position within the block: blocks paired by structure, then their unpaired rows in order.
  const blockPairs = pairByKey(
    oldTable.blocks.map(structuralKey),
    newTable.blocks.map(structuralKey),
    (k) => k,
  );
  // Within a pair of blocks, an unpaired row is paired with an unpaired row standing in the same
  // gap: after the same paired action (or at the block's top). An inserted row and a renamed one
  // thus stay apart: the renamed row sits where the old one was, the inserted one elsewhere.
  for (const [ob, nb] of blockPairs) {
    if (ob === null || nb === null) continue;
    const gaps = new Map<number, number[]>(); // new id of the paired row before the gap (-1: top) → old ids
    let before = -1;
    for (const id of oldTable.blocks[ob].actions) {
      if (oldToNew[id] >= 0) before = oldToNew[id];
      else {
        const list = gaps.get(before);
        if (list) list.push(id);
        else gaps.set(before, [id]);
      }
    }
    before = -1;
    const heads = new Map<number, number>();
    for (const id of newTable.blocks[nb].actions) {
      if (newToOld[id] >= 0) {
        before = id;
        continue;
      }
      const list = gaps.get(before);
      const h = heads.get(before) ?? 0;
      if (!list || h >= list.length) continue;
      heads.set(before, h + 1);
      oldToNew[list[h]] = id;
      newToOld[id] = list[h];
      byOld[list[h]] = 'position';
    }
  }

  const merged = mergeOrder(oldToNew, newToOld);
  // An unpaired old action has no `byOld` (null): only pairs say how they were made.
  const pairs: ActionPair[] = merged.map(([o, n]) => ({ old: o, new: n, by: o === null ? null : byOld[o] }));
  // Every action of either side is in exactly one pair: each entry is set below.
  const pairOfOld = new Int32Array(olds.length);
  const pairOfNew = new Int32Array(news.length);
  pairs.forEach((p, i) => {
    if (p.old !== null) pairOfOld[p.old] = i;
    if (p.new !== null) pairOfNew[p.new] = i;
  });

  // Order: the paired actions' old positions, read in the new order; off the longest increasing run = moved.
  const paired: number[] = [];
  const seq: number[] = [];
  pairs.forEach((p, i) => {
    if (p.old !== null && p.new !== null) {
      paired.push(i);
      seq.push(p.old);
    }
  });
  const kept = longestIncreasing(seq);
  const reordered = new Set<number>();
  seq.forEach((_, k) => {
    if (!kept.has(k)) reordered.add(paired[k]);
  });
  return { pairs, pairOfOld, pairOfNew, reordered };
}
