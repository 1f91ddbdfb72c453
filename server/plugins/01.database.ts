import { migrateDatabase } from '../database/client'
import { DEV_ADMIN_PASSWORD, isEmpty, seedDemo } from '../database/seed/demo'
import { bundledPath } from '../utils/bundled-path'

// Brings the schema up to date before the first request, and fills an empty database with the
// demo data when NUXT_SEED_DEMO allows it (by default in development only). Nitro does not wait
// for a plugin's promise, so requests that arrive meanwhile wait for it here: none is answered
// from a database that is still being migrated or half filled.
export default defineNitroPlugin((nitroApp) => {
  const config = useRuntimeConfig()
  let ready: Promise<void> | null = prepare()
  preparingDatabase(ready)
  ready.then(() => (ready = null), (error) => {
    console.error('[influencia] The database could not be prepared:', error)
    process.exit(1)
  })
  nitroApp.hooks.hook('request', () => ready ?? undefined)

  async function prepare() {
    const db = useDb()
    await migrateDatabase(db, config.migrationsDir || bundledPath('drizzle', 'drizzle'))
    const seedWanted = configFlag(config.seedDemo, import.meta.dev)
    if (seedWanted && await isEmpty(db)) {
      const logins = await seedDemo(db, { adminPassword: config.adminPassword || (import.meta.dev ? DEV_ADMIN_PASSWORD : undefined) })
      console.info(`[influencia] Empty database filled with demo data. Logins:\n${logins}`)
    }
  }
})
