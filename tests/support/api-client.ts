import { inject } from 'vitest'

export interface ApiResponse<T = any> {
  status: number
  body: T
  headers: Headers
  cookies: Record<string, string>
}

let nextClientAddress = 1

/**
 * A minimal API client for tests: JSON in and out, a cookie jar, and its own client address
 * (the test server trusts X-Forwarded-For) so per-client rate limits of one test do not
 * touch another. It talks to the suite's server, or to another one a test started (`baseURL`).
 */
export function apiClient(options: { ip?: string, baseURL?: string } = {}) {
  const baseURL = options.baseURL ?? inject('baseURL')
  // Unique across the test files running at once (each its own process): an address built from
  // `pid % 250` could repeat another file's, and share the client whose login limit that file
  // exhausts on purpose.
  const ip = options.ip ?? `fd00::${process.pid.toString(16)}:${(nextClientAddress++).toString(16)}`
  const jar = new Map<string, string>()

  async function request<T = any>(method: string, path: string, init: { body?: unknown, rawBody?: string, headers?: Record<string, string>, cookies?: boolean } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': ip, ...init.headers }
    if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] ??= 'application/json'
    if (init.cookies !== false && jar.size) {
      headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    }
    const res = await fetch(baseURL + path, {
      method,
      headers,
      body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      redirect: 'manual',
    })
    const cookies: Record<string, string> = {}
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      cookies[name] = value
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name)
      else jar.set(name, value)
    }
    const text = await res.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : null
    }
    catch { /* not JSON */ }
    return { status: res.status, body, headers: res.headers, cookies }
  }

  return {
    ip,
    jar,
    request,
    get: <T = any>(path: string, init?: Parameters<typeof request>[2]) => request<T>('GET', path, init),
    post: <T = any>(path: string, body?: unknown, init?: Parameters<typeof request>[2]) => request<T>('POST', path, { ...init, body }),
    patch: <T = any>(path: string, body?: unknown, init?: Parameters<typeof request>[2]) => request<T>('PATCH', path, { ...init, body }),
    delete: <T = any>(path: string, init?: Parameters<typeof request>[2]) => request<T>('DELETE', path, init),
  }
}

let unique = 0
/** A fresh, valid signup body for the given role. */
export function newAccount(role: 'sponsor' | 'influencer', overrides: Record<string, unknown> = {}) {
  const tag = `${Date.now().toString(36)}${process.pid % 1000}${unique++}`
  const profile = role === 'sponsor'
    ? { company: `Brand ${tag}`, sector: 'Outdoor', budget: 500_000 }
    : { niche: 'fitness', audienceSize: 12_000, engagementRate: 4.2, location: 'Berlin, DE', minimumRate: 15_000 }
  return {
    role,
    username: `${role.slice(0, 3)}_${tag}`,
    email: `${role}.${tag}@example.test`,
    password: 'correct horse battery',
    displayName: `Test ${role} ${tag}`,
    profile,
    ...overrides,
  }
}
