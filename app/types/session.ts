import type { Niche, Platform, Role, UserStatus } from '#shared/constants'

// What GET /api/auth/me answers: the logged-in user with the profile of their role.

export interface SponsorProfile {
  company: string
  sector: string
  website: string
  /** Cents. */
  budget: number
}

export interface InfluencerProfile {
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

interface Account {
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

/** Login and signup also return tokens for API clients; the browser relies on the cookies. */
export interface AuthResponse {
  user: SessionUser
}
