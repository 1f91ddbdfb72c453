import { eq, or } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { influencerProfiles, sponsorProfiles, users } from '../database/schema'
import type { SignupInput } from '#shared/schemas/auth'
import type { SessionUser } from '#shared/types/session'
import { DomainError } from './errors'
import { writeWithEvents } from './events'
import { endOtherSessions } from './sessions'

export type UserRow = typeof users.$inferSelect

/**
 * The influencer profile's own fields: what its owner edits and others see on their card. Not
 * what the platform keeps on it (the track record), which no form may send back.
 */
export const influencerProfileColumns = {
  niche: influencerProfiles.niche,
  specialization: influencerProfiles.specialization,
  platforms: influencerProfiles.platforms,
  audienceSize: influencerProfiles.audienceSize,
  engagementRate: influencerProfiles.engagementRate,
  location: influencerProfiles.location,
  minimumRate: influencerProfiles.minimumRate,
}

/** What the API shows of a user to the user themself (never the hash or the token version). */
export function presentUser(user: UserRow, profile: Record<string, unknown> | null) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    bio: user.bio,
    status: user.status,
    flagged: user.flagged,
    createdAt: user.createdAt.toISOString(),
    profile,
  }
}

export async function loadProfile(db: Db, user: Pick<UserRow, 'id' | 'role'>) {
  if (user.role === 'sponsor') {
    const [p] = await db.select().from(sponsorProfiles).where(eq(sponsorProfiles.userId, user.id))
    return p ? { company: p.company, sector: p.sector, website: p.website, budget: p.budget } : null
  }
  if (user.role === 'influencer') {
    // What the influencer edits, not what the platform keeps on the profile (the track record).
    const [profile] = await db.select(influencerProfileColumns)
      .from(influencerProfiles).where(eq(influencerProfiles.userId, user.id))
    return profile ?? null
  }
  return null
}

/** The profile loaded is the one of the user's role, which is what SessionUser says. */
export async function getUserWithProfile(db: Db, id: number): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id))
  return user ? presentUser(user, await loadProfile(db, user)) as SessionUser : null
}

/** Finds the account a login names: usernames and emails are both stored lower-cased. */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const key = login.trim().toLowerCase()
  return (await db.select().from(users).where(or(eq(users.username, key), eq(users.email, key))))[0]
}

/**
 * Creates a sponsor (pending until an admin approves it) or an influencer (active at once)
 * with its profile, in one transaction: either both rows exist afterwards or neither does.
 */
export async function createAccount(db: Db, input: SignupInput, passwordHash: string): Promise<UserRow> {
  return writeWithEvents(db, async (tx, emit) => {
    const taken = await tx.select({ username: users.username, email: users.email }).from(users)
      .where(or(eq(users.username, input.username), eq(users.email, input.email)))
    const fields: Record<string, string> = {}
    if (taken.some(t => t.username === input.username)) fields.username = 'This username is taken'
    if (taken.some(t => t.email === input.email)) fields.email = 'An account with this email exists'
    if (Object.keys(fields).length) {
      throw new DomainError('conflict', Object.values(fields).join('; '), { fields })
    }

    const [user] = await tx.insert(users).values({
      username: input.username,
      email: input.email,
      passwordHash,
      role: input.role,
      displayName: input.displayName,
      status: input.role === 'sponsor' ? 'pending' : 'active',
    }).returning()
    if (!user) throw new Error('The new account was not stored')

    if (input.role === 'sponsor') {
      await tx.insert(sponsorProfiles).values({ userId: user.id, ...input.profile, website: input.profile.website ?? '' })
    }
    else {
      const p = input.profile
      await tx.insert(influencerProfiles).values({
        userId: user.id,
        niche: p.niche,
        specialization: p.specialization ?? '',
        platforms: p.platforms ?? [],
        audienceSize: p.audienceSize,
        engagementRate: p.engagementRate ?? 0,
        location: p.location ?? '',
        minimumRate: p.minimumRate ?? 0,
        joinedAt: user.createdAt,
      })
    }
    emit({ type: 'account.created', userId: user.id, role: user.role, actorId: user.id, recipients: [] })
    return user
  })
}

export async function recordLogin(db: Db, userId: number) {
  await writeTransaction(db, tx => tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId)))
}

/** How stale a user's last visit may be before a request writes it again. */
export const LAST_SEEN_PRECISION_MS = 3_600_000

/**
 * Notes that the user is using the platform now, at most once an hour: the daily reminder only
 * needs to know who has stayed away for days, and a write on every request would cost more than
 * the request. `lastSeenAt` is the value the request's session lookup already read.
 */
export async function noteSeen(db: Db, userId: number, lastSeenAt: Date | null, now = new Date()) {
  if (lastSeenAt && now.getTime() - lastSeenAt.getTime() < LAST_SEEN_PRECISION_MS) return
  await writeTransaction(db, tx => tx.update(users).set({ lastSeenAt: now }).where(eq(users.id, userId)))
}

/** The stored hash of a user's password, to check a password typed again before a change. */
export async function passwordHashOf(db: Db, userId: number): Promise<string | undefined> {
  return (await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0]?.passwordHash
}

/**
 * Sets a new password for a user who proved the current one, in one transaction with the end of
 * every other session: whoever else knew the old password is logged out at once, while the
 * session that made the change goes on.
 */
export async function changePassword(db: Db, userId: number, currentSessionId: string, passwordHash: string, now = new Date()) {
  await writeTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
    await endOtherSessions(tx, userId, currentSessionId, 'password changed', now)
  })
}
