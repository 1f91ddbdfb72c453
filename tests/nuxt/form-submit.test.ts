import { flushPromises } from '@vue/test-utils'
import type { DOMWrapper } from '@vue/test-utils'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { readBody, setResponseStatus } from 'h3'
import type { H3Event } from 'h3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import NameForm from './fixtures/NameForm.vue'

/** A PATCH /api/me/profile that answers only when the test lets it. */
function heldEndpoint(answer: (event: H3Event) => unknown) {
  let release!: () => void
  const released = new Promise<void>((resolve) => { release = resolve })
  const received = vi.fn()
  registerEndpoint('/api/me/profile', {
    method: 'PATCH',
    handler: async (event) => {
      received(await readBody(event))
      await released
      return answer(event)
    },
  })
  return { release, received }
}

/** An API error as the server sends it: its message, and the fields it refused. */
function refusal(event: H3Event, status: number, message: string, fields?: Record<string, string>) {
  setResponseStatus(event, status)
  return { statusCode: status, message, data: fields && { fields } }
}

/** Types into a field and leaves it, as a person does before clicking the submit button. */
async function type(input: DOMWrapper<HTMLInputElement>, value: string) {
  await input.setValue(value)
  await input.trigger('blur')
}

// The toasts the app shows, read as the app's own toaster reads them.
const toaster = () => useNuxtApp().vueApp.runWithContext(useToast)
const toasts = () => toaster().toasts.value.map(toast => toast.title)

afterEach(() => toaster().clear())

describe('useFormSubmit', () => {
  it('holds the submit button while the request runs, then says it is saved', async () => {
    const server = heldEndpoint(() => ({ ok: true }))
    const wrapper = await mountSuspended(NameForm)
    await type(wrapper.find('input[name="displayName"]'), 'Ada')
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => server.received.mock.calls.length > 0)

    expect(server.received).toHaveBeenCalledWith({ displayName: 'Ada', bio: '' })
    expect(wrapper.find('button[type="submit"]').attributes()).toHaveProperty('disabled')
    expect(toasts()).toEqual([])

    server.release()
    await vi.waitUntil(() => toasts().length > 0)
    await flushPromises()
    expect(toasts()).toEqual(['Profile saved'])
    expect(toaster().toasts.value[0]).toMatchObject({ color: 'success', icon: 'i-lucide-check' })
    expect(wrapper.find('button[type="submit"]').attributes()).not.toHaveProperty('disabled')
  })

  it('shows a refused field under that field until the person edits it, and no toast', async () => {
    const server = heldEndpoint(event => refusal(event, 422, 'Check the highlighted fields', { displayName: 'That name is taken' }))
    server.release()
    const wrapper = await mountSuspended(NameForm)
    await type(wrapper.find('input[name="displayName"]'), 'Ada')
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => wrapper.text().includes('That name is taken'))

    // Every refusal is shown on its field, so no alert repeats the general message.
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(toasts()).toEqual([])

    // Typing in another field runs the form's own rules again; the server's verdict on the name stands.
    await type(wrapper.find('input[name="bio"]'), 'Writes about code and coffee')
    await vi.waitUntil(() => wrapper.text().includes('Keep the bio under 20 characters'))
    expect(wrapper.text()).toContain('That name is taken')

    await wrapper.find('input[name="displayName"]').setValue('Ada L.')
    await vi.waitUntil(() => !wrapper.text().includes('That name is taken'))
    expect(wrapper.text()).toContain('Keep the bio under 20 characters')
  })

  it('shows what no field can show in the alert above the form', async () => {
    registerEndpoint('/api/me/profile', {
      method: 'PATCH',
      handler: event => refusal(event, 429, 'Too many attempts, try again in a minute'),
    })
    const wrapper = await mountSuspended(NameForm)
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => wrapper.find('[role="alert"]').exists())

    expect(wrapper.find('[role="alert"]').text()).toContain('Too many attempts, try again in a minute')
    expect(toasts()).toEqual([])
  })

  it('reloads what the change made stale before it says so', async () => {
    registerEndpoint('/api/me/profile', { method: 'PATCH', handler: () => ({ ok: true }) })
    const order: string[] = []
    const reloadUser = vi.fn(async () => { order.push(`reloaded with ${toasts().length} toasts`) })
    const wrapper = await mountSuspended(NameForm, { props: { refresh: [reloadUser] } })
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => toasts().length > 0)

    expect(reloadUser).toHaveBeenCalledOnce()
    expect(order).toEqual(['reloaded with 0 toasts'])
  })

  it('still says it is saved when the reload fails: the change was made', async () => {
    registerEndpoint('/api/me/profile', { method: 'PATCH', handler: () => ({ ok: true }) })
    const wrapper = await mountSuspended(NameForm, { props: { refresh: [() => Promise.reject(new Error('offline'))] } })
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => toasts().length > 0)

    expect(toasts()).toEqual(['Profile saved'])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('refreshes the data loaded under the keys it is given', async () => {
    registerEndpoint('/api/me/profile', { method: 'PATCH', handler: () => ({ ok: true }) })
    let loads = 0
    // A key of its own: the test app (and its data cache) lives on across repeated runs.
    const key = `profile-summary-${crypto.randomUUID()}`
    await useNuxtApp().vueApp.runWithContext(() => useAsyncData(key, async () => ++loads))
    const wrapper = await mountSuspended(NameForm, { props: { refresh: [key] } })
    await wrapper.find('form').trigger('submit')
    await vi.waitUntil(() => toasts().length > 0)

    expect(loads).toBe(2)
  })
})
