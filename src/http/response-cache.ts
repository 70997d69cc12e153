// Built public responses (feeds, pages) kept in memory, each under the data version it was built
// from and until the moment its content changes by itself (a webinar starting, registration
// closing). A different version or a passed moment is a miss, so nothing stale is ever served; the
// total size is bounded, the least recently used going first. Concurrent misses for the same
// response build it once.

export type Built<T> = {
  value: T;
  /** Clock milliseconds after which the value is out of date even without a change; null: never. */
  expiresAt: number | null;
};

export type ResponseCache<T> = {
  /** The value of `key` built for `stamp` and not expired at `nowMs`; built by `build` otherwise. */
  get(key: string, stamp: string, nowMs: number, build: () => Promise<Built<T>>): Promise<T>;
  /** The value of `key` if it is kept for `stamp` and not expired at `nowMs`; never builds. */
  peek(key: string, stamp: string, nowMs: number): T | undefined;
  readonly size: number;
  readonly bytes: number;
};

type Entry<T> = Built<T> & { stamp: string; bytes: number };

export function createResponseCache<T>(options: { maxBytes: number; sizeOf: (value: T) => number }): ResponseCache<T> {
  const entries = new Map<string, Entry<T>>();
  const building = new Map<string, Promise<Built<T>>>();
  let bytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(key: string, stamp: string, built: Built<T>): void {
    remove(key);
    const size = options.sizeOf(built.value) + key.length;
    if (size > options.maxBytes / 4) return;
    entries.set(key, { ...built, stamp, bytes: size });
    bytes += size;
    // A Map iterates in insertion order, and a hit re-inserts: the first key is the least recent.
    while (bytes > options.maxBytes) remove(entries.keys().next().value!);
  }

  function fresh(key: string, stamp: string, nowMs: number): Entry<T> | undefined {
    const entry = entries.get(key);
    if (!entry || entry.stamp !== stamp || (entry.expiresAt !== null && nowMs >= entry.expiresAt)) return undefined;
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  return {
    peek(key, stamp, nowMs) {
      return fresh(key, stamp, nowMs)?.value;
    },
    async get(key, stamp, nowMs, build) {
      const entry = fresh(key, stamp, nowMs);
      if (entry) return entry.value;
      const buildKey = `${stamp}\n${key}`;
      let pending = building.get(buildKey);
      if (!pending) {
        pending = build();
        building.set(buildKey, pending);
        pending.then(
          (built) => {
            building.delete(buildKey);
            // A slow build of an older version may land after a newer one: harmless, as the next
            // request's stamp will not match it and builds again.
            store(key, stamp, built);
          },
          () => building.delete(buildKey),
        );
      }
      return (await pending).value;
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
