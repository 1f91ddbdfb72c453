import type { FormError, FormErrorWithId, FormInputEvents } from '@nuxt/ui'

/** What this needs of a UForm's template ref (its exposed API, plus Vue's `$el`). */
export interface FormErrorTarget {
  setErrors: (errors: FormError[]) => void
  getErrors: () => FormErrorWithId[]
  $el?: unknown
}

/** A field's error as the server gave it, with the value the server judged. */
interface HeldError {
  name: string
  message: string
  value: string
}

type FormState = object
/** A form's own checks beyond its zod schema, in UForm's `validate` shape. */
export type ClientRules = (state: FormState) => FormError[]

/** A field's value by dotted path (`profile.budget`), in a form that compares by content. */
function snapshot(state: FormState, path: string): string {
  const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], state)
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * Shows an API error on a UForm: each entry of `data.fields` (dotted paths like
 * `profile.budget`) goes to the field of that name; whatever no field shows, such as a wrong
 * password or a rate limit, becomes `message` for an alert above the form.
 *
 * A server's field error stays until the person changes that field. UForm re-validates a field
 * on input (after a delay), blur and change, and each time replaces that field's errors with
 * what the client-side rules say: a date typed just before the click would otherwise have its
 * server error wiped a moment after it appeared. So the server's verdicts are served to UForm
 * as one more rule, `validate`, for as long as the field holds the value they were about, and
 * they are dropped when a new submit starts (the server judges afresh).
 *
 * Fields are re-validated only as the person types (after UForm's short delay), not on blur or
 * change: those fire on the mousedown of a click on the submit button, and an error that
 * disappears at that moment moves the button from under the pointer, so the click is lost.
 *
 * Pass the form's state and its own client rules, and bind the returned `formProps` on UForm.
 */
export function useFormServerErrors(
  form: Readonly<Ref<FormErrorTarget | null | undefined>>,
  state: MaybeRefOrGetter<FormState>,
  clientRules?: ClientRules,
) {
  const message = ref<string | null>(null)
  let held: HeldError[] = []

  function validate(current: FormState): FormError[] {
    held = held.filter(error => snapshot(current, error.name) === error.value)
    return [...(clientRules?.(current) ?? []), ...held.map(({ name, message }) => ({ name, message }))]
  }

  function show(error: unknown) {
    const problem = describeApiError(error)
    const current = toValue(state)
    held = Object.entries(problem.fields).map(([name, text]) => ({ name, message: text, value: snapshot(current, name) }))
    form.value?.setErrors(held.map(({ name, message }) => ({ name, message })))
    const shownErrors = form.value?.getErrors() ?? []
    const shown = new Set(shownErrors.map(e => e.name))
    const allShown = held.length > 0 && held.every(e => shown.has(e.name))
    message.value = allShown ? null : problem.message
    focusFirstError(shownErrors)
  }

  function clear() {
    message.value = null
    held = []
  }

  // A new submit is judged afresh: without this, a server error about one intent (publishing)
  // would block another (saving a draft). Capture runs before UForm's own submit handler.
  if (import.meta.client) {
    watch(() => form.value?.$el, (element, _previous, onCleanup) => {
      if (!(element instanceof HTMLFormElement)) return
      const forget = () => { held = [] }
      element.addEventListener('submit', forget, { capture: true })
      onCleanup(() => element.removeEventListener('submit', forget, { capture: true }))
    }, { immediate: true, flush: 'post' })
  }

  const formProps = { validate, validateOn: ['input'] satisfies FormInputEvents[] }
  return { message, show, clear, formProps }
}
