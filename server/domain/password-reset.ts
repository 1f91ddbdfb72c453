import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { passwordResetTokens, users } from '../database/schema'
import { DomainError } from './errors'
import { newSecretToken, tokenDigest } from './secret-tokens'
import { endAllSessions } from './sessions'

/** How long a reset link works: long enough to reach the inbox, short for a link left lying there. */
export const RESET_LINK_MINUTES = 30

/**
 * Issues a single-use reset token for the account that uses `email` (already lower-cased by its
 * schema) and returns it with whom to mail it to. Undefined when no account uses the e-mail, or
 * its account is suspended: the caller answers the same either way, so nobody learns which.
 */
export async function createPasswordReset(db: Db, email: string, now = new Date()) {
  const [user] = await db.select({ id: users.id, email: users.email, displayName: users.displayName, status: users.status })
    .from(users).where(eq(users.email, email))
  if (!user || user.status === 'suspended') return undefined
  const token = newSecretToken()
  const [created] = await writeTransaction(db, tx => tx.insert(passwordResetTokens).values({
    userId: user.id,
    tokenHash: tokenDigest(token),
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
    createdAt: now,
  }).returning({ id: passwordResetTokens.id }))
  return { token, tokenId: created!.id, user: { id: user.id, email: user.email, displayName: user.displayName } }
}

const LINK_REFUSALS = {
  unknown: 'This reset link is not valid; ask for a new one',
  used: 'This reset link was already used; ask for a new one if you need to',
  expired: `This reset link has expired (links work for ${RESET_LINK_MINUTES} minutes); ask for a new one`,
}

function refuseLink(why: keyof typeof LINK_REFUSALS): never {
  throw new DomainError('invalid', LINK_REFUSALS[why], { fields: { token: LINK_REFUSALS[why] } })
}

/** The token's row when it can still set a password; otherwise a 400 naming `token` says why not. */
async function usableToken(db: Db, token: string, now: Date) {
  const [row] = await db.select({ id: passwordResetTokens.id, userId: passwordResetTokens.userId, expiresAt: passwordResetTokens.expiresAt, usedAt: passwordResetTokens.usedAt, status: users.status })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, tokenDigest(token)))
  if (!row || row.status === 'suspended') refuseLink('unknown')
  if (row.usedAt) refuseLink('used')
  if (row.expiresAt.getTime() <= now.getTime()) refuseLink('expired')
  return row
}

/** Refuses a link that cannot work before its new password is hashed (hashing is the costly part). */
export async function checkPasswordResetToken(db: Db, token: string, now = new Date()) {
  await usableToken(db, token, now)
}

/**
 * Sets the new password through a reset link, in one transaction: the link is checked again
 * (two tabs may submit it at once; one wins), the hash is stored, the user's token version is
 * bumped and every session ended, so whoever knew the old password is logged out everywhere.
 * The user's other outstanding links die too: one reset answers them all. Returns whose it was.
 */
export async function resetPassword(db: Db, token: string, passwordHash: string, now = new Date()): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const { userId } = await usableToken(tx, token, now)
    await tx.update(users).set({ passwordHash, tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId))
    await tx.update(passwordResetTokens).set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
    await endAllSessions(tx, userId, 'password changed', now)
    return userId
  })
}
