import type { FormErrorEvent, FormErrorWithId } from '@nuxt/ui'

/**
 * Brings the topmost invalid field into view: on a long form it may be far above the button.
 * The errors come in validation order, not page order, hence the comparison.
 */
export function focusFirstError(errors: FormErrorWithId[]) {
  const fields = errors
    .map(error => (error.id ? document.getElementById(error.id) : null))
    .filter(element => element !== null)
  const first = fields.reduce<HTMLElement | undefined>(
    (top, field) => (!top || top.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_PRECEDING ? field : top),
    undefined,
  )
  first?.focus({ preventScroll: true })
  first?.scrollIntoView({ block: 'center' })
}

export function onFormError(event: FormErrorEvent) {
  focusFirstError(event.errors)
}
