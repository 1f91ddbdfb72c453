import { describe, expect, it } from 'vitest'
import { RecentlyUsed } from '../../server/utils/recently-used'

const keysOf = (map: RecentlyUsed<string, number>, candidates: string[]) => candidates.filter(key => map.get(key) !== undefined)

describe('the memory cache map', () => {
  it('keeps at most its capacity, dropping the entry stored longest ago when nothing was read', () => {
    const map = new RecentlyUsed<string, number>(3)
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i)
    expect(map.size).toBe(3)
    expect(keysOf(map, ['a', 'b', 'c', 'd'])).toEqual(['b', 'c', 'd'])
  })

  it('keeps an entry that is read while newer ones pass through', () => {
    const map = new RecentlyUsed<string, number>(3)
    map.set('home', 0)
    for (let page = 1; page <= 20; page++) {
      expect(map.get('home')).toBe(0)
      map.set(`page ${page}`, page)
    }
    expect(map.get('home')).toBe(0)
    expect(map.get('page 18')).toBeUndefined()
    expect(keysOf(map, ['page 19', 'page 20'])).toEqual(['page 19', 'page 20'])
  })

  it('stores a key again as the most recent, with its new value, without growing', () => {
    const map = new RecentlyUsed<string, number>(2)
    map.set('a', 1)
    map.set('b', 2)
    map.set('a', 3)
    map.set('c', 4)
    expect(map.size).toBe(2)
    expect(map.get('a')).toBe(3)
    expect(map.get('b')).toBeUndefined()
  })

  it('refuses a capacity under one', () => {
    expect(() => new RecentlyUsed(0)).toThrow(/capacity/)
  })
})
