import { describe, expect, it } from 'vitest'
import { apiClient, newAccount } from '../support/api-client'

describe('login rate limits', () => {
  it('locks an account after 5 failures, even against the right password, with Retry-After', async () => {
    const account = newAccount('influencer')
    await apiClient().post('/api/auth/signup', account)

    for (let i = 0; i < 5; i++) {
      // Each guess from another address: the per-account limit must hold across clients.
      const res = await apiClient().post('/api/auth/login', { login: account.username, password: `guess-${i}` })
      expect(res.status).toBe(401)
    }
    const locked = await apiClient().post('/api/auth/login', { login: account.email, password: account.password })
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(locked.body.message).toMatch(/Too many login attempts/)
  })

  it('a success before the limit clears the account\'s failures', async () => {
    const account = newAccount('influencer')
    await apiClient().post('/api/auth/signup', account)
    for (let i = 0; i < 4; i++) await apiClient().post('/api/auth/login', { login: account.username, password: 'nope-nope' })
    expect((await apiClient().post('/api/auth/login', { login: account.username, password: account.password })).status).toBe(200)
    for (let i = 0; i < 4; i++) await apiClient().post('/api/auth/login', { login: account.username, password: 'nope-nope' })
    expect((await apiClient().post('/api/auth/login', { login: account.username, password: account.password })).status).toBe(200)
  })

  it('limits one client address to 30 attempts in the window, whatever accounts it tries', async () => {
    const client = apiClient()
    for (let i = 0; i < 30; i++) {
      const res = await client.post('/api/auth/login', { login: `someone-${i}`, password: 'whatever123' })
      expect(res.status).toBe(401)
    }
    const blocked = await client.post('/api/auth/login', { login: 'mia', password: 'demo-password' })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBeTruthy()
    // Another address is not affected.
    expect((await apiClient().post('/api/auth/login', { login: 'mia', password: 'demo-password' })).status).toBe(200)
  })
})
