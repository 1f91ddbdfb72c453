import type { AdRequestCreateInput } from '#shared/schemas/ad-request'
import type { AdRequestView } from '~/types/api'
import type { ClientRules, FormErrorTarget } from './useFormServerErrors'
import type { SuccessToast } from './useFormSubmit'

/**
 * Sends a new ad request (an application or an invitation, POST /api/ad-requests) from a modal's
 * form. A creator has one open request per campaign: when the server refuses another, the open
 * one's id is kept in `openRequestId`, for the alert to link to it.
 */
export function useAdRequestSend(
  form: Readonly<Ref<FormErrorTarget | null | undefined>>,
  state: MaybeRefOrGetter<object>,
  clientRules: ClientRules,
) {
  const { $api } = useNuxtApp()
  const { busy, message, clear, formProps, submit } = useFormSubmit(form, state, clientRules)
  const openRequestId = ref<number>()

  /** For a modal opening afresh: nothing of the last attempt stays. */
  function reset() {
    clear()
    openRequestId.value = undefined
  }

  /** `sent` runs once the request exists (close the modal, tell the parent), before the toast. */
  function send(input: AdRequestCreateInput, sent: (request: AdRequestView) => void, toast: (request: AdRequestView) => SuccessToast) {
    openRequestId.value = undefined
    const { message: note, ...request } = input
    return submit(async () => {
      const created: AdRequestView = await $api('/api/ad-requests', { method: 'POST', body: note ? { ...request, message: note } : request })
      sent(created)
      return created
    }, { toast, onError: (error) => { openRequestId.value = openRequestIdOf(error) } })
  }

  return { busy, message, formProps, openRequestId, reset, send }
}
