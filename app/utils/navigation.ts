import type { NavigationMenuItem } from '@nuxt/ui'
import { ROLE_HOME } from '#shared/constants'
import type { Role } from '#shared/constants'

/** The sidebar of each role's area: a new dashboard page adds its entry here. */
export const DASHBOARD_NAVIGATION: Record<Role, NavigationMenuItem[]> = {
  sponsor: [
    { label: 'Dashboard', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.sponsor, exact: true },
  ],
  influencer: [
    { label: 'Dashboard', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.influencer, exact: true },
  ],
  admin: [
    { label: 'Overview', icon: 'i-lucide-layout-dashboard', to: ROLE_HOME.admin, exact: true },
  ],
}

/**
 * Links of the public pages' header; plain links, so they work without JavaScript. `exactHash`
 * keeps the home page's section links from all looking active on the home page.
 */
export const PUBLIC_NAVIGATION = [
  { label: 'For brands', to: '/#brands', exactHash: true },
  { label: 'For creators', to: '/#creators', exactHash: true },
] satisfies NavigationMenuItem[]
