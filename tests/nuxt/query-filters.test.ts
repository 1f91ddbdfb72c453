import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'

/** A list's filters as a page holds them: what the component reads from the URL, and its actions. */
function mountList(url: string) {
  let list!: ReturnType<typeof useQueryFilters<'status' | 'q'>>
  const Component = defineComponent({
    setup() {
      list = useQueryFilters(['status', 'q'] as const)
      return () => h('p', `status: ${list.filters.value.status ?? 'any'}, search: ${list.filters.value.q ?? 'none'}, page ${list.page.value}`)
    },
  })
  return mountSuspended(Component, { route: url }).then(wrapper => ({ wrapper, list }))
}

const currentUrl = () => useRouter().currentRoute.value.fullPath

// The lists live on pages; the home page is the one route the test app shows without a login.
beforeAll(() => {
  registerEndpoint('/api/public/featured-campaigns', () => [])
})

describe('useQueryFilters', () => {
  it('reads the filters and the page from the URL', async () => {
    const { wrapper } = await mountList('/?status=active&q=tea&page=3')
    expect(wrapper.text()).toBe('status: active, search: tea, page 3')
  })

  it('reads a missing, empty, repeated or nonsensical value as no filter and page 1', async () => {
    const { wrapper } = await mountList('/?status=&q=tea&q=coffee&page=-2')
    expect(wrapper.text()).toBe('status: any, search: tea, page 1')
  })

  it('puts a changed filter in the URL and goes back to the first page', async () => {
    const { wrapper, list } = await mountList('/?status=active&page=3')
    await list.update({ q: 'tea' })
    expect(currentUrl()).toBe('/?status=active&q=tea')
    expect(wrapper.text()).toBe('status: active, search: tea, page 1')
  })

  it('leaves a cleared filter out of the URL', async () => {
    const { list } = await mountList('/?status=active&q=tea')
    await list.update({ status: undefined })
    expect(currentUrl()).toBe('/?q=tea')
  })

  it('keeps the filters when the page changes, and leaves page 1 out of the URL', async () => {
    const { wrapper, list } = await mountList('/?status=active')
    await list.setPage(2)
    expect(currentUrl()).toBe('/?status=active&page=2')
    expect(wrapper.text()).toBe('status: active, search: none, page 2')
    await list.setPage(1)
    expect(currentUrl()).toBe('/?status=active')
  })

  it('resets its own filters and page, leaving other parameters alone', async () => {
    const { list } = await mountList('/?status=active&q=tea&page=4&view=grid')
    await list.reset()
    expect(currentUrl()).toBe('/?view=grid')
  })

  it('makes each change a history entry, so Back shows the previous list', async () => {
    const { wrapper, list } = await mountList('/?status=active')
    await list.update({ status: 'paused' })
    useRouter().back()
    await vi.waitUntil(() => currentUrl() === '/?status=active')
    expect(wrapper.text()).toBe('status: active, search: none, page 1')
  })
})
