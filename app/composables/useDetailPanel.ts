/** The row a list shows in its detail panel, and whether the panel is open. */
export function useDetailPanel<T>() {
  const item = shallowRef<T | null>(null)
  const open = ref(false)

  function show(value: T) {
    item.value = value
    open.value = true
  }

  return { item, open, show }
}
