import { describe, expect, it } from 'vitest'
import { apiClient, newAccount } from '../support/api-client'

/** Posts the login form as a browser without JavaScript does: urlencoded, from this site. */
function postLoginForm(client: ReturnType<typeof apiClient>, fields: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) {
  return client.request('POST', '/login', {
    rawBody: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  })
}

describe('POST /login (the login form without JavaScript)', () => {
  it('logs in and sends the creator on to the page they were going to', async () => {
    const client = apiClient()
    const res = await postLoginForm(client, { login: 'mia', password: 'demo-password', redirect: '/influencer/campaigns/1' })

    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/influencer/campaigns/1')
    expect(Object.keys(res.cookies)).toEqual(expect.arrayContaining(['influencia_access', 'influencia_refresh']))
    const me = await client.get('/api/auth/me')
    expect(me.body.username).toBe('mia')
  })

  it('lands on the role\'s home without a redirect, and never on another site', async () => {
    const sponsor = await postLoginForm(apiClient(), { login: 'acme@brands.example', password: 'demo-password' })
    expect(sponsor.headers.get('location')).toBe('/sponsor')

    const offsite = await postLoginForm(apiClient(), { login: 'mia', password: 'demo-password', redirect: '//evil.example/x' })
    expect(offsite.status).toBe(303)
    expect(offsite.headers.get('location')).toBe('/influencer')
  })

  it('sends a wrong password back to the form saying so, keeping where the visitor was going, and sets no session', async () => {
    // An account of its own: failures count against the account, and the demo ones serve every test.
    const account = newAccount('influencer')
    expect((await apiClient().post('/api/auth/signup', account)).status).toBe(201)
    const client = apiClient()
    const res = await postLoginForm(client, { login: account.username, password: 'wrong-password', redirect: '/influencer/campaigns/1' })

    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login?error=wrong&redirect=%2Finfluencer%2Fcampaigns%2F1')
    expect(res.cookies).toEqual({})
    expect((await client.get('/api/auth/me')).status).toBe(401)
  })

  it('sends an empty form back as missing', async () => {
    const res = await postLoginForm(apiClient(), { login: '', password: '' })
    expect(res.headers.get('location')).toBe('/login?error=missing')
  })

  it('counts against the same limits as the JSON login', async () => {
    const account = newAccount('influencer')
    const client = apiClient()
    expect((await client.post('/api/auth/signup', account)).status).toBe(201)
    for (let i = 0; i < 5; i++) {
      expect((await postLoginForm(apiClient(), { login: account.username, password: 'wrong-password' })).headers.get('location')).toBe('/login?error=wrong')
    }
    const limited = await postLoginForm(apiClient(), { login: account.username, password: account.password })
    expect(limited.headers.get('location')).toBe('/login?error=limited')
    expect((await apiClient().post('/api/auth/login', { login: account.username, password: account.password })).status).toBe(429)
  })

  it('refuses a form posted from another site', async () => {
    const res = await postLoginForm(apiClient(), { login: 'mia', password: 'demo-password' }, { 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(res.cookies).toEqual({})
  })
})
