import { describe, expect, it } from 'vitest'
import { apiClient } from '../support/api-client'

describe('GET /api/health', () => {
  it('reports the database and the cache as up', async () => {
    const res = await apiClient().get('/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', db: 'ok', cache: 'memory' })
  })
})

describe('GET /api/health/live', () => {
  it('answers while the process runs, without asking the database or the cache', async () => {
    const res = await apiClient().get('/api/health/live')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok' })
  })
})
