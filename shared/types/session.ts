import type { Niche, Platform, Role, UserStatus } from '../constants'

// The logged-in user with the profile of their role, as GET /api/auth/me, login and signup
// answer it. Type aliases, not interfaces: the server builds these from plain records.

export type SponsorProfile = {
  company: string
  sector: string
  website: string
  /** Cents. */
  budget: number
}

export type InfluencerProfile = {
  niche: Niche
  specialization: string
  platforms: { platform: Platform, handle: string }[]
  audienceSize: number
  /** Percent, e.g. 3.5 for 3.5 %. */
  engagementRate: number
  location: string
  /** Cents. */
  minimumRate: number
}

type Account = {
  id: number
  username: string
  email: string
  displayName: string
  bio: string
  status: UserStatus
  flagged: boolean
  createdAt: string
}

export type SessionUser =
  | Account & { role: 'sponsor', profile: SponsorProfile | null }
  | Account & { role: 'influencer', profile: InfluencerProfile | null }
  | Account & { role: Exclude<Role, 'sponsor' | 'influencer'>, profile: null }
