import { publicCampaignPages } from '../../domain/campaigns'

// The sitemap's source of campaign pages (nuxt.config.ts `sitemap.sources`): every campaign with
// a public page, with the time it last changed.
export default defineSitemapEventHandler(event => cachedRead(event, cached.sitemapCampaigns(), async () => (await publicCampaignPages(useDb())).map(page => ({
  loc: `/campaigns/${page.slug}`,
  lastmod: page.updatedAt.toISOString(),
}))))
