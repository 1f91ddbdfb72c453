type SortItem = { label: string, value: string }

/**
 * The sort choices of a searchable list: while a search text is given the API ranks by relevance
 * ("Best match", offered first and the default); without one, `unsearched` is the default.
 */
export function useSearchSort(search: () => string | undefined, items: SortItem[], unsearched: string) {
  const defaultSort = computed(() => (search() ? 'relevance' : unsearched))
  const sortItems = computed(() => (search() ? [{ label: 'Best match', value: 'relevance' }, ...items] : items))
  return { defaultSort, sortItems }
}
