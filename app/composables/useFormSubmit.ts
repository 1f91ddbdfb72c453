import type { ClientRules, FormErrorTarget } from './useFormServerErrors'

type ToastInput = Parameters<ReturnType<typeof useToast>['add']>[0]

/** What a submit says when it worked; the caller's title and icon, shown as a success. */
export type SuccessToast = Omit<ToastInput, 'color'>

/** Data a change made stale: a `useAsyncData` key for refreshNuxtData, or a function that reloads it. */
export type StaleData = string | (() => unknown)

export interface SubmitOptions<T> {
  /** Shown once the change is made (and what it made stale reloaded). */
  toast?: SuccessToast | ((result: T) => SuccessToast)
  /** Reloaded after the change, before the toast, so the toast never announces what is not yet on screen. */
  refresh?: StaleData[]
  /** Called with the error after it is shown, for what a form adds beside the alert. */
  onError?: (error: unknown) => void
}

/**
 * Sends a form (or a modal's confirmation) the way every form here does: the previous server
 * errors go, `busy` holds while the request runs, a failure lands on the form's fields or in
 * `message` for the alert above them (see useFormServerErrors), and a success reloads what it
 * made stale and says so in a toast.
 *
 * `submit` takes the request itself, so each caller keeps its typed `$api` call; whatever must
 * happen before the toast (closing a modal, going to the new page) belongs in that function.
 * It resolves to the request's result, or `undefined` when it failed.
 */
export function useFormSubmit(
  form: Readonly<Ref<FormErrorTarget | null | undefined>>,
  state: MaybeRefOrGetter<object>,
  clientRules?: ClientRules,
) {
  const toast = useToast()
  const { message, show, clear, formProps } = useFormServerErrors(form, state, clientRules)
  const busy = ref(false)

  async function submit<T>(request: () => Promise<T>, options: SubmitOptions<T> = {}): Promise<T | undefined> {
    clear()
    busy.value = true
    try {
      const result = await request()
      await refreshStale(options.refresh ?? [])
      const success = typeof options.toast === 'function' ? options.toast(result) : options.toast
      if (success) toast.add({ ...success, color: 'success' })
      return result
    }
    catch (error) {
      show(error)
      options.onError?.(error)
      return undefined
    }
    finally {
      busy.value = false
    }
  }

  return { busy, message, clear, formProps, submit }
}

/**
 * The change is saved whatever happens here: a failed reload only leaves older data on screen
 * until the next one, which is no reason to report a failed submit.
 */
async function refreshStale(stale: StaleData[]): Promise<void> {
  const keys = stale.filter(item => typeof item === 'string')
  const reloads = stale.filter(item => typeof item === 'function')
  await Promise.all([
    ...keys.length ? [refreshNuxtData(keys)] : [],
    ...reloads.map(async reload => reload()),
  ].map(pending => pending.catch(() => null)))
}
