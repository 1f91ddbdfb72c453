import type { PublicReads } from '~/types/api'

type Input<K extends keyof PublicReads> = Parameters<PublicReads[K]>[0]
type Answer<K extends keyof PublicReads> = Awaited<ReturnType<PublicReads[K]>>

/** Where the browser fetches each read. */
const ROUTES: { [K in keyof PublicReads]: (input: Input<K>) => { path: string, query?: Record<string, unknown> } } = {
  campaignList: query => ({ path: '/api/public/campaigns', query }),
  campaign: slug => ({ path: `/api/public/campaigns/${encodeURIComponent(slug)}` }),
  featuredCampaigns: () => ({ path: '/api/public/featured-campaigns' }),
}

/**
 * A public page's data, from the route that answers it: fetched in the browser, read in-process
 * during the server render (the server leaves the routes' reads on the request). Read again when
 * `input` changes; with `immediate: false` it is not read until then.
 */
export function usePublicRead<K extends keyof PublicReads>(name: K, input?: MaybeRefOrGetter<Input<K>>, options: { immediate?: boolean } = {}) {
  const reads = import.meta.server ? useRequestEvent()?.context.publicReads as PublicReads | undefined : undefined
  const route = () => ROUTES[name](toValue(input) as never)
  const key = () => {
    const { path, query } = route()
    return `public:${path}:${JSON.stringify(query ?? {})}`
  }
  return useAsyncData<Answer<K>>(key, () => {
    if (reads) return (reads[name] as (input: Input<K>) => Promise<Answer<K>>)(toValue(input) as Input<K>)
    const { path, query } = route()
    return $fetch<Answer<K>>(path, { query })
  }, { immediate: options.immediate })
}
