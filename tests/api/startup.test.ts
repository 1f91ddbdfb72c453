import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startBuiltServer } from '../support/built-server'

describe('the production server at start', () => {
  it('refuses to start without a strong JWT secret', async () => {
    for (const secret of ['', 'too-short', 'influencia-development-secret-not-for-production-use']) {
      await expect(startBuiltServer({ NUXT_JWT_SECRET: secret })).rejects.toThrow(/Refusing to start: NUXT_JWT_SECRET/)
    }
  })

  it('migrates a new database from any working directory, in WAL mode with foreign keys', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'influencia-cwd-'))
    const server = await startBuiltServer({ NUXT_SEED_DEMO: 'false' }, { cwd: elsewhere })
    try {
      const db = new Database(server.dbPath, { readonly: true })
      const tables = db.prepare(`select name from sqlite_master where type = 'table'`).all().map((t: any) => t.name)
      expect(tables).toEqual(expect.arrayContaining(['users', 'campaigns', 'ad_requests', 'ad_request_events', 'notifications', 'flags', 'exports', 'job_runs', 'auth_sessions', 'refresh_tokens']))
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
      db.close()
    }
    finally {
      await server.stop()
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})
