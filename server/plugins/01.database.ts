import { migrateDatabase } from '../database/client'
import { DEV_ADMIN_PASSWORD, isEmpty, seedDemo } from '../database/seed/demo'
import { bundledPath } from '../utils/bundled-path'

// Brings the schema up to date before the first request, and fills an empty database with the
// demo data when NUXT_SEED_DEMO allows it (by default in development only).
export default defineNitroPlugin(() => {
  const config = useRuntimeConfig()
  const db = useDb()
  migrateDatabase(db, config.migrationsDir || bundledPath('drizzle', 'drizzle'))

  const seedWanted = configFlag(config.seedDemo, import.meta.dev)
  if (seedWanted && isEmpty(db)) {
    const logins = seedDemo(db, { adminPassword: config.adminPassword || (import.meta.dev ? DEV_ADMIN_PASSWORD : undefined) })
    console.info(`[influencia] Empty database filled with demo data. Logins:\n${logins}`)
  }
})
