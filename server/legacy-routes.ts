import type { NitroEventHandler } from 'nitropack'

/**
 * The original service's paths, kept for the clients written against it. Each answers exactly as
 * its new twin, whose handler it is registered to (nuxt.config `serverHandlers`): no code of their own.
 */
export const LEGACY_ROUTES: NitroEventHandler[] = [
  { route: '/api/campaigns-list', method: 'get', handler: '~~/server/api/campaigns/index.get.ts' },
  { route: '/api/creators', method: 'get', handler: '~~/server/api/influencers/index.get.ts' },
  { route: '/api/requests', method: 'get', handler: '~~/server/api/ad-requests/index.get.ts' },
  { route: '/sponsor/add_adRequest_data', method: 'post', handler: '~~/server/api/ad-requests/index.post.ts' },
  { route: '/auth/login', method: 'post', handler: '~~/server/api/auth/login.post.ts' },
]
