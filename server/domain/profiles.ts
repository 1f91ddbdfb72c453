import { eq } from 'drizzle-orm'
import type { Db } from '../database/client'
import { influencerProfiles, sponsorProfiles, users } from '../database/schema'
import type { InfluencerProfilePatch, ProfileUpdateInput, SponsorProfilePatch } from '../../shared/schemas/profile'
import { writeWithEvents } from './events'
import { getUserWithProfile } from './users'
import type { Viewer } from './viewer'

/** A user edits their own account fields and role profile, in one transaction. */
export function updateOwnProfile(db: Db, viewer: Viewer, input: ProfileUpdateInput) {
  writeWithEvents(db, (tx, emit) => {
    const account: Partial<typeof users.$inferInsert> = {}
    if (input.displayName !== undefined) account.displayName = input.displayName
    if (input.bio !== undefined) account.bio = input.bio
    if (Object.keys(account).length) tx.update(users).set(account).where(eq(users.id, viewer.id)).run()

    const profile = 'profile' in input ? input.profile : undefined
    // The handler validated `profile` with the schema of the caller's role.
    if (profile && Object.keys(profile).length) {
      if (viewer.role === 'sponsor') tx.update(sponsorProfiles).set(profile as SponsorProfilePatch).where(eq(sponsorProfiles.userId, viewer.id)).run()
      if (viewer.role === 'influencer') tx.update(influencerProfiles).set(profile as InfluencerProfilePatch).where(eq(influencerProfiles.userId, viewer.id)).run()
    }
    emit({ type: 'profile.updated', userId: viewer.id, role: viewer.role, actorId: viewer.id, recipients: [] })
  })
  return getUserWithProfile(db, viewer.id)!
}
