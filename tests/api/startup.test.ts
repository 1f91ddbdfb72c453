import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { startBuiltServer } from '../support/built-server'
import { databaseAt } from '../support/database'

describe('the production server at start', () => {
  it('refuses to start without a strong JWT secret', async () => {
    for (const secret of ['', 'too-short', 'influencia-development-secret-not-for-production-use']) {
      await expect(startBuiltServer({ NUXT_JWT_SECRET: secret })).rejects.toThrow(/Refusing to start: NUXT_JWT_SECRET/)
    }
  })

  it('migrates a new database from any working directory (an SQLite file in WAL mode)', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'influencia-cwd-'))
    const server = await startBuiltServer({ NUXT_SEED_DEMO: 'false' }, { cwd: elsewhere })
    try {
      const db = databaseAt(server.database)
      for (const table of ['users', 'campaigns', 'ad_requests', 'ad_request_events', 'notifications', 'flags', 'exports', 'job_runs', 'auth_sessions', 'refresh_tokens']) {
        expect(await db.count(table), table).toBe(0)
      }
      if (db.dialect === 'sqlite') {
        const file = new Database(server.database, { readonly: true })
        expect(file.pragma('journal_mode', { simple: true })).toBe('wal')
        file.close()
      }
    }
    finally {
      await server.stop()
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })
})
