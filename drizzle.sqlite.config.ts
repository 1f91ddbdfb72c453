import { defineConfig } from 'drizzle-kit'

// One schema and one migrations folder per dialect; `npm run db:generate` writes both.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/database/sqlite/schema.ts',
  out: './drizzle/sqlite',
})
