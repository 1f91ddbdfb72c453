import { describe, expect, it } from 'vitest'
import { isPublicPage } from '../../shared/public-pages'

describe('isPublicPage', () => {
  it('covers the home page, the directory and every campaign page, with any query', () => {
    for (const path of ['/', '/?utm_source=x', '/campaigns', '/campaigns/', '/campaigns?niche=food&page=2', '/campaigns/summer-trail-gear-launch', '/campaigns/x#apply']) {
      expect(isPublicPage(path), path).toBe(true)
    }
  })

  it('leaves out dashboards, forms and look-alike paths', () => {
    for (const path of ['/login', '/signup?role=sponsor', '/influencer/campaigns/1', '/sponsor', '/campaignsx', '/api/public/campaigns', '/__nuxt_error']) {
      expect(isPublicPage(path), path).toBe(false)
    }
  })
})
