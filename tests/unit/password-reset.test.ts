import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../server/database/client'
import { users } from '../../server/database/schema'
import { DomainError } from '../../server/domain/errors'
import { createPasswordReset, resetPassword } from '../../server/domain/password-reset'
import { openTestDomainDb } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

let database: TestDomainDb
let db: Db
const start = new Date('2026-11-30T10:00:00Z')
const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000)

/** The message a refused link gets (and fails the test when the link is accepted). */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  }
  catch (error) {
    if (error instanceof DomainError) {
      expect(error.kind).toBe('invalid')
      expect(error.data).toEqual({ fields: { token: error.message } })
      return error.message
    }
    throw error
  }
  throw new Error('the link was accepted')
}

beforeEach(async () => {
  database = await openTestDomainDb()
  db = database.db
  await db.insert(users).values([
    { username: 'mia', email: 'mia@creators.example', passwordHash: 'old', role: 'influencer', displayName: 'Mia', status: 'active' },
    { username: 'nova', email: 'nova@brands.example', passwordHash: 'old', role: 'sponsor', displayName: 'Nova', status: 'pending' },
    { username: 'sam', email: 'sam@creators.example', passwordHash: 'old', role: 'influencer', displayName: 'Sam', status: 'suspended' },
  ])
})

afterEach(() => database.close())

const accountOf = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!

describe('reset links', () => {
  it('are issued to active and pending accounts, not to unknown or suspended ones', async () => {
    expect((await createPasswordReset(db, 'mia@creators.example', start))?.user).toMatchObject({ email: 'mia@creators.example', displayName: 'Mia' })
    expect(await createPasswordReset(db, 'nova@brands.example', start)).toBeDefined()
    expect(await createPasswordReset(db, 'sam@creators.example', start)).toBeUndefined()
    expect(await createPasswordReset(db, 'nobody@example.test', start)).toBeUndefined()
  })

  it('work until 30 minutes have passed, then say they expired', async () => {
    const early = (await createPasswordReset(db, 'mia@creators.example', start))!
    const late = (await createPasswordReset(db, 'mia@creators.example', start))!
    expect(await refusal(() => resetPassword(db, late.token, 'new-hash', minutesLater(30)))).toMatch(/expired/)
    await resetPassword(db, early.token, 'new-hash', minutesLater(29.9))
    expect(await accountOf('mia@creators.example')).toMatchObject({ passwordHash: 'new-hash', tokenVersion: 1 })
  })

  it('work once', async () => {
    const { token } = (await createPasswordReset(db, 'mia@creators.example', start))!
    await resetPassword(db, token, 'first', minutesLater(1))
    expect(await refusal(() => resetPassword(db, token, 'second', minutesLater(2)))).toMatch(/already used/)
    expect((await accountOf('mia@creators.example')).passwordHash).toBe('first')
  })

  it('stop working when the account is suspended', async () => {
    const { token, user } = (await createPasswordReset(db, 'mia@creators.example', start))!
    await db.update(users).set({ status: 'suspended' })
    expect(await refusal(() => resetPassword(db, token, 'new-hash', minutesLater(1)))).toMatch(/not valid/)
    expect((await accountOf(user.email)).passwordHash).toBe('old')
  })
})
