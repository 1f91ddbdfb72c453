import type { MaybeRefOrGetter } from 'vue'

export interface Crumb {
  label: string
  to: string
}

export interface PublicPageMeta {
  /** Without the site's name: the title template adds it. */
  title: string
  description: string
  /** The page's one address (path and query): its canonical URL and og:url. */
  path: string
  /** Home › … › this page, shown as links and given to search engines as a BreadcrumbList. */
  breadcrumbs?: Crumb[]
}

/**
 * What search engines and link previews read from a public page: title, description, the
 * canonical URL on the site's address (NUXT_PUBLIC_SITE_URL), Open Graph and Twitter tags, and
 * the breadcrumb trail as JSON-LD.
 */
export function usePublicPageMeta(meta: MaybeRefOrGetter<PublicPageMeta>) {
  const site = useSiteConfig()
  const canonical = computed(() => new URL(toValue(meta).path, site.url).href)
  const fullTitle = computed(() => `${toValue(meta).title} · ${site.name}`)
  const description = computed(() => toValue(meta).description)

  useSeoMeta({
    title: () => toValue(meta).title,
    description,
    ogType: 'website',
    ogSiteName: site.name,
    ogTitle: fullTitle,
    ogDescription: description,
    ogUrl: canonical,
    twitterCard: 'summary',
    twitterTitle: fullTitle,
    twitterDescription: description,
  })
  useHead({ link: [{ rel: 'canonical', href: canonical }] })

  const crumbs = toValue(meta).breadcrumbs
  if (crumbs) useSchemaOrg([defineBreadcrumb({ itemListElement: crumbs.map(crumb => ({ name: crumb.label, item: crumb.to })) })])
}
