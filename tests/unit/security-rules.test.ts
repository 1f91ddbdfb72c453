import { describe, expect, it } from 'vitest'
import { securityRulesResolver } from '../../server/utils/security-rules'

const options = {
  '/**': { enabled: true, nonce: true, headers: { contentSecurityPolicy: { 'script-src': ["'self'", "'nonce-{{nonce}}'"] }, xFrameOptions: 'DENY' } },
  '/api/**': { nonce: false, corsHandler: { origin: ['https://partner.example'] } },
  '/campaigns': { nonce: false, headers: { contentSecurityPolicy: { 'script-src': [] }, crossOriginOpenerPolicy: false } },
} as never

describe('security rules of a path', () => {
  const resolve = securityRulesResolver(options)

  it('merge every matching route, the most specific winning and its lists replacing the general ones', () => {
    expect(resolve('/campaigns')).toEqual({
      route: '/campaigns',
      rules: { enabled: true, nonce: false, headers: { contentSecurityPolicy: { 'script-src': [] }, crossOriginOpenerPolicy: false, xFrameOptions: 'DENY' } },
    })
    expect(resolve('/api/campaigns')).toEqual({
      route: '/api/**',
      rules: { enabled: true, nonce: false, corsHandler: { origin: ['https://partner.example'] }, headers: { contentSecurityPolicy: { 'script-src': ["'self'", "'nonce-{{nonce}}'"] }, xFrameOptions: 'DENY' } },
    })
    expect(resolve('/sponsor').rules.nonce).toBe(true)
  })

  it('give each request headers of its own, and refuse a write to what requests share', () => {
    const first = resolve('/sponsor').rules
    first.headers!.contentSecurityPolicy = { 'script-src': ["'nonce-abc'"] }
    expect(resolve('/sponsor').rules.headers!.contentSecurityPolicy).toEqual({ 'script-src': ["'self'", "'nonce-{{nonce}}'"] })
    expect(() => (resolve('/api/x').rules.corsHandler as { origin: string[] }).origin.push('https://evil.example')).toThrow(TypeError)
  })

  it('leave the options it was given untouched', () => {
    resolve('/campaigns')
    expect((options as Record<string, { headers?: object }>)['/**']!.headers).toEqual({ contentSecurityPolicy: { 'script-src': ["'self'", "'nonce-{{nonce}}'"] }, xFrameOptions: 'DENY' })
    expect(Object.isFrozen((options as Record<string, object>)['/**'])).toBe(false)
  })
})
