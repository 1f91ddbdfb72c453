import * as postgres from './postgres/schema'
import * as sqlite from './sqlite/schema'

/**
 * The database this process runs on: PostgreSQL when NUXT_DATABASE_URL is a postgres:// URL,
 * otherwise the SQLite file. Read once, when the process starts, because the tables the domain
 * imports below are that database's.
 */
export const TABLES_DIALECT: 'sqlite' | 'postgres' = /^postgres(ql)?:\/\//.test(process.env.NUXT_DATABASE_URL ?? '') ? 'postgres' : 'sqlite'

// The two schemas declare the same tables with the same types (tests/unit/schema-parity.test.ts),
// so the domain is typed against PostgreSQL's and runs on whichever was chosen.
const tables = (TABLES_DIALECT === 'postgres' ? postgres : sqlite) as unknown as typeof postgres

export const {
  users, sponsorProfiles, influencerProfiles, campaigns, adRequests, adRequestEvents, notifications, flags,
  exports, jobRuns, periodicNotices, authSessions, refreshTokens, outbox, passwordResetTokens,
} = tables
