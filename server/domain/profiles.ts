import { eq } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { influencerProfiles, sponsorProfiles, users } from '../database/schema'
import type { InfluencerProfilePatch, ProfileUpdateInput, SponsorProfilePatch } from '../../shared/schemas/profile'
import { getUserWithProfile } from './users'
import type { Viewer } from './viewer'

/** A user edits their own account fields and role profile, in one transaction. */
export function updateOwnProfile(db: Db, viewer: Viewer, input: ProfileUpdateInput) {
  writeTransaction(db, (tx) => {
    const account: Partial<typeof users.$inferInsert> = {}
    if (input.displayName !== undefined) account.displayName = input.displayName
    if (input.bio !== undefined) account.bio = input.bio
    if (Object.keys(account).length) tx.update(users).set(account).where(eq(users.id, viewer.id)).run()

    const profile = 'profile' in input ? input.profile : undefined
    if (!profile || !Object.keys(profile).length) return
    // The handler validated `profile` with the schema of the caller's role.
    if (viewer.role === 'sponsor') tx.update(sponsorProfiles).set(profile as SponsorProfilePatch).where(eq(sponsorProfiles.userId, viewer.id)).run()
    if (viewer.role === 'influencer') tx.update(influencerProfiles).set(profile as InfluencerProfilePatch).where(eq(influencerProfiles.userId, viewer.id)).run()
  })
  return getUserWithProfile(db, viewer.id)!
}
