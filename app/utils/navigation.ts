import type { NavigationMenuItem } from '@nuxt/ui'
import { ROLE_HOME } from '#shared/constants'
import type { Role } from '#shared/constants'
import { DIRECTORY_PATH } from './directory'

/** The sidebar of each role's area: a new dashboard page adds its entry here. */
export const DASHBOARD_NAVIGATION: Record<Role, NavigationMenuItem[]> = {
  sponsor: [
    { label: 'Dashboard', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.sponsor, exact: true },
    { label: 'Campaigns', icon: 'i-lucide-megaphone', to: '/sponsor/campaigns' },
    { label: 'Find influencers', icon: 'i-lucide-users-round', to: '/sponsor/influencers' },
    { label: 'Requests', icon: 'i-lucide-handshake', to: '/sponsor/requests' },
    { label: 'Reports', icon: 'i-lucide-chart-column', to: '/sponsor/reports' },
    { label: 'Exports', icon: 'i-lucide-file-down', to: '/sponsor/exports' },
    { label: 'Profile', icon: 'i-lucide-building-2', to: '/sponsor/profile' },
  ],
  influencer: [
    { label: 'Dashboard', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.influencer, exact: true },
    { label: 'Browse campaigns', icon: 'i-lucide-search', to: '/influencer/campaigns' },
    { label: 'Requests', icon: 'i-lucide-inbox', to: '/influencer/requests' },
    { label: 'Profile', icon: 'i-lucide-user-round', to: '/influencer/profile' },
  ],
  admin: [
    { label: 'Overview', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.admin, exact: true },
    { label: 'Users', icon: 'i-lucide-users', to: '/admin/users' },
    { label: 'Campaigns', icon: 'i-lucide-megaphone', to: '/admin/campaigns' },
    { label: 'Ad requests', icon: 'i-lucide-handshake', to: '/admin/requests' },
    { label: 'Outbox', icon: 'i-lucide-mail', to: '/admin/outbox' },
    { label: 'Scheduled jobs', icon: 'i-lucide-timer', to: '/admin/jobs' },
  ],
}

/** Links of the public pages' header; plain links, so they work without JavaScript. */
export const PUBLIC_NAVIGATION = [
  { label: 'Campaigns', to: DIRECTORY_PATH },
  { label: 'For brands', to: '/#brands' },
  { label: 'For creators', to: '/#creators' },
]

/** A campaign in the creator's dashboard: where they apply, and where the public Apply leads them. */
export function creatorCampaignPath(id: number): string {
  return `${ROLE_HOME.influencer}/campaigns/${id}`
}
