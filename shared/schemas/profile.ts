import { z } from 'zod'
import type { Role } from '../constants'
import { influencerProfileSchema, sponsorProfileSchema } from './auth'

const accountFields = {
  displayName: z.string().trim().min(1, 'Display name is required').max(80, 'At most 80 characters').optional(),
  bio: z.string().trim().max(1000, 'At most 1000 characters').optional(),
}

export const sponsorSelfUpdateSchema = z.strictObject({ ...accountFields, profile: sponsorProfileSchema.partial().optional() })
export const influencerSelfUpdateSchema = z.strictObject({ ...accountFields, profile: influencerProfileSchema.partial().optional() })
export const adminSelfUpdateSchema = z.strictObject(accountFields)

/** PATCH /api/me/profile: the account fields plus the fields of the caller's own role profile. */
export function profileUpdateSchemaFor(role: Role) {
  if (role === 'sponsor') return sponsorSelfUpdateSchema
  if (role === 'influencer') return influencerSelfUpdateSchema
  return adminSelfUpdateSchema
}
export type SponsorProfilePatch = NonNullable<z.infer<typeof sponsorSelfUpdateSchema>['profile']>
export type InfluencerProfilePatch = NonNullable<z.infer<typeof influencerSelfUpdateSchema>['profile']>
export type ProfileUpdateInput = z.infer<typeof sponsorSelfUpdateSchema> | z.infer<typeof influencerSelfUpdateSchema>
