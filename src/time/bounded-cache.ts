// A Map that forgets the entries not used for a while beyond a fixed size: caches keyed by zones,
// instants and event texts stay small however many different values requests bring.
//
// Two generations instead of an exact LRU list: a hit in the young generation is one Map lookup
// (moving every hit to the end of one Map, as before, was a tenth of a large feed's build), a hit
// in the old one moves the entry to the young one, and when the young generation is full the old
// one is dropped whole. What is used survives; at most `limit` entries are kept.
export class BoundedCache<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #generation: number;

  constructor(readonly limit: number) {
    this.#generation = Math.max(1, Math.floor(limit / 2));
  }

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#store(key, old);
    }
    return old;
  }

  set(key: K, value: V): V {
    this.#old.delete(key);
    this.#store(key, value);
    return value;
  }

  #store(key: K, value: V): void {
    if (!this.#young.has(key) && this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
