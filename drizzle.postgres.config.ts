import { defineConfig } from 'drizzle-kit'

// One schema and one migrations folder per dialect; `npm run db:generate` writes both.
// Full-text search is a hand-written migration (drizzle/postgres/0001_search.sql), outside the schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/database/postgres/schema.ts',
  out: './drizzle/postgres',
})
