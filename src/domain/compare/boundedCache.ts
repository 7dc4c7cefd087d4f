/**
 * Values computed from a text, kept for the texts already seen: at most `max` of them, then all
 * forgotten at once (a comparison of two large tables must not hold every title ever read).
 */
export class BoundedCache<V> {
  private readonly kept = new Map<string, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.kept.size;
  }

  /** The value for `key`, computed once while it is kept. */
  get(key: string, compute: (key: string) => V): V {
    let value = this.kept.get(key);
    if (value === undefined) {
      if (this.kept.size >= this.max) this.kept.clear();
      value = compute(key);
      this.kept.set(key, value);
    }
    return value;
  }
}
