import type { InternalApi } from 'nitropack/types'
import type { AsyncDataRequestStatus } from '#app'
import type { Page } from '#shared/schemas/common'
import type { ApiAnswer } from '~/types/api'

type ApiQuery = Record<string, string | number | undefined>

/** The API routes whose GET answers a page of a list. */
type PagedRoute = { [R in keyof InternalApi]: InternalApi[R] extends { get: Page<unknown> } ? R : never }[keyof InternalApi]

interface PagedListOptions<Url extends PagedRoute, K extends string> {
  /** The list's data key: one per list. */
  key: string
  url: Url
  /** The URL query entries the list reads (the page number is always read). */
  keys: readonly K[]
  pageSize?: number
  /**
   * The API filters from the URL's values. A hand-edited value the API would refuse comes back
   * undefined, so it is ignored rather than turned into an error.
   */
  filters: (values: Record<K, string | undefined>) => ApiQuery
  /** What the list always asks, or asks without narrowing it: a scope, the sort. */
  fixed?: (values: Record<K, string | undefined>) => ApiQuery
}

/** What a list page (ListPage) needs of a paged list: its filters, its answer and its state. */
export interface PagedList<T, K extends string = string> {
  filters: Readonly<Ref<Record<K, string | undefined>>>
  update: (patch: Partial<Record<K, string | undefined>>) => unknown
  setPage: (page: number) => unknown
  reset: () => unknown
  filtered: Readonly<Ref<boolean>>
  data: Readonly<Ref<Page<T> | null | undefined>>
  status: Readonly<Ref<AsyncDataRequestStatus>>
  error: Readonly<Ref<unknown>>
  refresh: () => unknown
}

/**
 * A paged list from the API whose filters and page live in the URL (useQueryFilters): a change of
 * the URL reloads it, and the previous page stays on screen while the next one loads.
 */
export function usePagedList<Url extends PagedRoute, K extends string = string>(options: PagedListOptions<Url, K>) {
  const { $api } = useNuxtApp()
  const { filters, page, update, setPage, reset } = useQueryFilters(options.keys)

  const narrowing = computed(() => options.filters(filters.value))
  const filtered = computed(() => Object.values(narrowing.value).some(value => value !== undefined && value !== ''))
  const apiQuery = computed(() => ({
    ...options.fixed?.(filters.value),
    ...narrowing.value,
    page: page.value,
    pageSize: options.pageSize ?? 20,
  }))

  const { data, status, error, refresh } = useAsyncData(
    options.key,
    () => $api<ApiAnswer<Url>>(options.url, { query: apiQuery.value }),
    { watch: [apiQuery], lazy: true },
  )

  return { filters, update, setPage, reset, filtered, data, status, error, refresh }
}
