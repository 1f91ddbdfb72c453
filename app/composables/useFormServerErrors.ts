import type { FormError, FormErrorWithId } from '@nuxt/ui'

/** What this needs of a UForm's template ref. */
export interface FormErrorTarget {
  setErrors: (errors: FormError[]) => void
  getErrors: () => FormErrorWithId[]
}

/**
 * Shows an API error on a UForm: each entry of `data.fields` (dotted paths like
 * `profile.budget`) goes to the field of that name; whatever no field shows, such as a wrong
 * password or a rate limit, becomes `message` for an alert above the form.
 */
export function useFormServerErrors(form: Readonly<Ref<FormErrorTarget | null | undefined>>) {
  const message = ref<string | null>(null)

  function show(error: unknown) {
    const problem = describeApiError(error)
    const fieldErrors: FormError[] = Object.entries(problem.fields).map(([name, text]) => ({ name, message: text }))
    form.value?.setErrors(fieldErrors)
    const shownErrors = form.value?.getErrors() ?? []
    const shown = new Set(shownErrors.map(e => e.name))
    const allShown = fieldErrors.length > 0 && fieldErrors.every(e => shown.has(e.name))
    message.value = allShown ? null : problem.message
    focusFirstError(shownErrors)
  }

  function clear() {
    message.value = null
  }

  return { message, show, clear }
}
