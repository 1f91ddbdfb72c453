import { eq } from 'drizzle-orm'
import type { Db } from '../database/client'
import { influencerProfiles, sponsorProfiles, users } from '../database/schema'
import type { InfluencerProfilePatch, ProfileUpdateInput, SponsorProfilePatch } from '#shared/schemas/profile'
import { writeWithEvents } from './events'
import { getUserWithProfile } from './users'
import type { Viewer } from './viewer'

/** A user edits their own account fields and role profile, in one transaction. */
export async function updateOwnProfile(db: Db, viewer: Viewer, input: ProfileUpdateInput) {
  await writeWithEvents(db, async (tx, emit) => {
    const account: Partial<typeof users.$inferInsert> = {}
    if (input.displayName !== undefined) account.displayName = input.displayName
    if (input.bio !== undefined) account.bio = input.bio
    if (Object.keys(account).length) await tx.update(users).set(account).where(eq(users.id, viewer.id))

    const profile = 'profile' in input ? input.profile : undefined
    // The handler validated `profile` with the schema of the caller's role.
    if (profile && Object.keys(profile).length) {
      if (viewer.role === 'sponsor') await tx.update(sponsorProfiles).set(profile as SponsorProfilePatch).where(eq(sponsorProfiles.userId, viewer.id))
      if (viewer.role === 'influencer') await tx.update(influencerProfiles).set(profile as InfluencerProfilePatch).where(eq(influencerProfiles.userId, viewer.id))
    }
    emit({ type: 'profile.updated', userId: viewer.id, role: viewer.role, actorId: viewer.id, recipients: [] })
  })
  return getUserWithProfile(db, viewer.id)!
}
