import { mockNuxtImport, mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { readBody, setResponseStatus } from 'h3'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import ApplyModal from '~/components/campaign/ApplyModal.vue'

// A creator whose minimum rate prices the application; nothing else of the session matters here.
mockNuxtImport('useAuthStore', () => () => ({ user: { role: 'influencer', profile: { minimumRate: 40_000 } } }))

const campaign = { id: 7, title: 'Trail Week', remaining: 500_000, sponsor: { id: 3, company: 'Nova Outdoors', website: '' } }

async function openApplyModal() {
  const wrapper = await mountSuspended(ApplyModal, { props: { campaign, open: false } })
  onTestFinished(() => wrapper.unmount())
  await wrapper.setProps({ open: true })
  const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')
  await vi.waitUntil(() => dialog()?.querySelector('form'))
  const requirements = dialog()!.querySelector('textarea')!
  requirements.value = 'One video review'
  requirements.dispatchEvent(new Event('input'))
  return { wrapper, dialog: () => dialog()!, send: () => dialog()!.querySelector('form')!.requestSubmit() }
}

describe('applying to a campaign', () => {
  it('sends the application at the creator’s own rate, closes and says who will answer', async () => {
    const sent = vi.fn()
    registerEndpoint('/api/ad-requests', {
      method: 'POST',
      handler: async (event) => {
        const body = await readBody(event)
        sent(body)
        return { id: 42, campaignId: 7, requirements: body.requirements, paymentAmount: body.paymentAmount, status: 'pending' }
      },
    })
    const { wrapper, send } = await openApplyModal()
    send()
    await vi.waitUntil(() => wrapper.emitted('applied'))

    expect(sent).toHaveBeenCalledWith({ campaignId: 7, requirements: 'One video review', paymentAmount: 40_000 })
    expect(wrapper.emitted('update:open')).toEqual([[false]])
    const toasts = useNuxtApp().vueApp.runWithContext(useToast).toasts.value
    expect(toasts.at(-1)).toMatchObject({ title: 'Application sent', description: 'Nova Outdoors will answer your offer of $400.' })
  })

  it('links to the open request when the server refuses a second one, and stays open', async () => {
    registerEndpoint('/api/ad-requests', {
      method: 'POST',
      handler: (event) => {
        setResponseStatus(event, 409)
        return { statusCode: 409, message: 'You already have an open request on this campaign', data: { adRequestId: 42 } }
      },
    })
    const { wrapper, dialog, send } = await openApplyModal()
    send()
    await vi.waitUntil(() => dialog().querySelector('[role="alert"]'))

    const alert = dialog().querySelector('[role="alert"]')!
    expect(alert.textContent).toContain('Your application was not sent')
    expect(alert.textContent).toContain('You already have an open request on this campaign')
    expect(alert.querySelector('a')!.getAttribute('href')).toBe('/influencer/requests/42')
    expect(wrapper.emitted('update:open')).toBeUndefined()
  })
})
