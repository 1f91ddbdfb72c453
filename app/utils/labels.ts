import type { BadgeProps } from '@nuxt/ui'
import type { Platform, Role, UserStatus } from '#shared/constants'

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  sponsor: 'Sponsor',
  influencer: 'Influencer',
}

export const STATUS_BADGES: Record<UserStatus, { label: string, color: BadgeProps['color'] }> = {
  pending: { label: 'Awaiting approval', color: 'warning' },
  active: { label: 'Active', color: 'success' },
  suspended: { label: 'Suspended', color: 'error' },
}

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  twitch: 'Twitch',
  x: 'X',
  linkedin: 'LinkedIn',
  blog: 'Blog',
  podcast: 'Podcast',
}
