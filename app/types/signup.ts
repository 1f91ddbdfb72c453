import type { Niche, Platform } from '#shared/constants'

// The signup form's profile while it is being filled in: the shapes of `sponsorProfileSchema`
// and `influencerProfileSchema`, with the fields nobody has filled yet left undefined.

export interface SponsorProfileDraft {
  company: string
  sector: string
  website: string
  /** Cents. */
  budget?: number
}

export interface PlatformDraft {
  platform?: Platform
  handle: string
}

export interface InfluencerProfileDraft {
  niche?: Niche
  specialization: string
  platforms: PlatformDraft[]
  audienceSize?: number
  engagementRate?: number
  location: string
  /** Cents. */
  minimumRate?: number
}
