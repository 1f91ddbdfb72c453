import type { LocationQuery, LocationQueryValue } from 'vue-router'

type Filters<K extends string> = Record<K, string | undefined>

function single(value: LocationQueryValue | LocationQueryValue[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first ? first : undefined
}

/** The query without empty entries, so the URL only shows the filters in use. */
function compact(query: Record<string, unknown>): LocationQuery {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as LocationQuery
}

/**
 * A list's filters and page, kept in the URL query: back/forward, a reload or a shared link show
 * the same list. Each change is a history entry; changing a filter goes back to the first page,
 * whose number the URL leaves out.
 */
export function useQueryFilters<K extends string>(keys: readonly K[]) {
  const route = useRoute()
  const router = useRouter()

  const filters = computed(() => Object.fromEntries(keys.map(key => [key, single(route.query[key])])) as Filters<K>)
  const page = computed(() => Math.max(1, Math.floor(Number(single(route.query.page))) || 1))

  function update(patch: Partial<Filters<K>>) {
    return router.push({ query: compact({ ...route.query, ...patch, page: undefined }) })
  }

  function setPage(value: number) {
    return router.push({ query: compact({ ...route.query, page: value > 1 ? String(value) : undefined }) })
  }

  function reset() {
    return router.push({ query: compact({ ...route.query, ...Object.fromEntries(keys.map(key => [key, undefined])), page: undefined }) })
  }

  return { filters, page, update, setPage, reset }
}
