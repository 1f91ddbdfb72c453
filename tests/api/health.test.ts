import { Agent, get } from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { apiClient } from '../support/api-client'
import { suiteDialect } from '../support/scratch-database'

describe('GET /api/health', () => {
  it('reports the database and the cache as up', async () => {
    const res = await apiClient().get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', db: 'ok', database: suiteDialect, cache: 'memory' })
  })
})

describe('GET /api/health/live', () => {
  it('answers while the process runs, without asking the database or the cache', async () => {
    const res = await apiClient().get('/api/health/live')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })
})

describe('idle connections', () => {
  it('are kept 65 s, longer than a proxy keeps its own (60 s), so the proxy is the one that closes them', async () => {
    const agent = new Agent({ keepAlive: true })
    const timeout = await new Promise<string | undefined>((resolve, reject) => {
      get(`${inject('baseURL')}/api/health/live`, { agent }, (res) => {
        res.resume()
        resolve(res.headers['keep-alive'] as string | undefined)
      }).on('error', reject)
    }).finally(() => agent.destroy())
    expect(timeout).toBe('timeout=65')
  })
})
