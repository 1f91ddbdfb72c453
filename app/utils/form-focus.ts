import type { FormErrorEvent, FormErrorWithId, FormInputEvents } from '@nuxt/ui'

/**
 * UForm's `validate-on` for the short sign-in forms, whose first field is focused on arrival:
 * by default leaving an empty field shows "required" at once, and that message, appearing on
 * mouse-down, pushes the links below down before mouse-up, so a click on "Forgot your
 * password?" or "Log in" was lost. A field is judged once something was typed or changed in it
 * (and on submit).
 */
export const VALIDATE_ON_CHANGE: FormInputEvents[] = ['input', 'change']

/**
 * Resolves once a field can take focus. UForm disables its fields while it validates and
 * submits, and reports errors before it enables them again: focusing then would silently fail
 * and leave focus on the page's body.
 */
function whenEnabled(field: HTMLElement): Promise<void> {
  if (!field.matches(':disabled')) return Promise.resolve()
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (field.matches(':disabled')) return
      observer.disconnect()
      resolve()
    })
    observer.observe(field, { attributes: true, attributeFilter: ['disabled'] })
  })
}

/**
 * Moves focus to the topmost invalid field and brings it into view: on a long form it may be far
 * above the button. The errors come in validation order, not page order, hence the comparison.
 */
export async function focusFirstError(errors: FormErrorWithId[]) {
  const fields = errors
    .map(error => (error.id ? document.getElementById(error.id) : null))
    .filter(element => element !== null)
  const first = fields.reduce<HTMLElement | undefined>(
    (top, field) => (!top || top.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_PRECEDING ? field : top),
    undefined,
  )
  if (!first) return
  await whenEnabled(first)
  first.focus({ preventScroll: true })
  first.scrollIntoView({ block: 'center' })
}

export function onFormError(event: FormErrorEvent) {
  focusFirstError(event.errors)
}
