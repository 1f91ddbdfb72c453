import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../server/utils/password'

describe('password hashing (bcrypt in worker threads)', () => {
  it('hashes with a salt and the requested cost, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery', 10)
    const b = await hashPassword('correct horse battery', 10)
    expect(a).toMatch(/^\$2[aby]\$10\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery', a)).toBe(true)
    expect(await verifyPassword('correct horse batterY', a)).toBe(false)
  })

  it('keeps the main thread idle while hashing', async () => {
    await hashPassword('warm up the pool', 4)
    const before = performance.eventLoopUtilization()
    await Promise.all([hashPassword('one password', 11), hashPassword('two password', 11)])
    const busy = performance.eventLoopUtilization(before).utilization
    // Hashing on this thread (even bcryptjs' chunked async mode) would keep it busy nearly 100 %.
    expect(busy).toBeLessThan(0.3)
  })

  it('the dummy hash used for unknown accounts is a real bcrypt hash that matches nothing typed', async () => {
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false)
    expect(await verifyPassword('password', DUMMY_PASSWORD_HASH)).toBe(false)
  })
})
