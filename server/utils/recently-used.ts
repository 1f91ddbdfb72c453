/**
 * A map of at most `capacity` entries that, when full, drops the entry read or stored longest
 * ago: a page everyone reads stays while a crawl of deep pages passes through. A Map keeps
 * insertion order, so reading an entry moves it to the end and the first key is the coldest.
 */
export class RecentlyUsed<K, V> {
  private entries = new Map<K, V>()

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`RecentlyUsed needs a capacity of at least 1, not ${capacity}`)
  }

  get size() {
    return this.entries.size
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  set(key: K, value: V) {
    this.entries.delete(key)
    this.entries.set(key, value)
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
  }
}
