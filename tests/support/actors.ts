import { expect } from 'vitest'
import { apiClient, newAccount } from './api-client'
import { TEST_ADMIN_PASSWORD } from './built-server'

export type Client = ReturnType<typeof apiClient> & { user: { id: number, username: string, role: string } }

/**
 * The test actors on one server: the suite's, or another one a test started (`baseURL`), such as
 * a second instance or a server pointed at its own Redis.
 */
export function actorsOn(baseURL?: string) {
  /** A client logged in (by cookie) as an existing account. */
  async function loginAs(login: string, password = login === 'admin' ? TEST_ADMIN_PASSWORD : 'demo-password'): Promise<Client> {
    const client = apiClient({ baseURL })
    const res = await client.post('/api/auth/login', { login, password })
    expect(res.status, `login ${login}`).toBe(200)
    return Object.assign(client, { user: res.body.user })
  }

  /** A fresh account of the role, logged in. Sponsors are approved by the admin unless `pending`. */
  async function newUser(role: 'sponsor' | 'influencer', options: { pending?: boolean, profile?: Record<string, unknown> } = {}): Promise<Client & { email: string, displayName: string }> {
    const client = apiClient({ baseURL })
    const account = newAccount(role)
    if (options.profile) account.profile = { ...account.profile, ...options.profile }
    const res = await client.post('/api/auth/signup', account)
    expect(res.status, 'signup').toBe(201)
    if (role === 'sponsor' && !options.pending) {
      const admin = await loginAs('admin')
      expect((await admin.patch(`/api/admin/users/${res.body.user.id}`, { status: 'active' })).status).toBe(200)
    }
    return Object.assign(client, { user: res.body.user, email: account.email, displayName: account.displayName })
  }

  return { loginAs, newUser, anonymous: () => apiClient({ baseURL }) }
}

export const { loginAs, newUser, anonymous } = actorsOn()

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

export function campaignBody(overrides: Record<string, unknown> = {}) {
  return {
    title: `Test campaign ${Math.random().toString(36).slice(2, 8)}`,
    description: 'A campaign made by the test suite to check the rules.',
    niche: 'fitness',
    goals: 'Two posts and a story.',
    startDate: day(-1),
    endDate: day(30),
    visibility: 'public',
    budget: 100_000,
    status: 'active',
    ...overrides,
  }
}

/** A live campaign of `sponsor`, created through the API. */
export async function liveCampaign(sponsor: Client, overrides: Record<string, unknown> = {}) {
  const res = await sponsor.post('/api/campaigns', campaignBody(overrides))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: number, slug: string, budget: number, status: string }
}
