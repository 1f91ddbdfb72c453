import { loginSchema } from '#shared/schemas/auth'
import { landingPath, safeRedirect } from '#shared/redirect'
import type { LoginFormError } from '#shared/constants'

/**
 * The login form's own answer when the browser runs no JavaScript (the form posts here; with
 * JavaScript it calls the JSON API instead): the session cookies and a 303 on to where the
 * visitor was going, or back to the form with what went wrong.
 */
export default defineEventHandler(async (event) => {
  const form = await readBody<Record<string, unknown> | undefined>(event).catch(() => undefined)
  const redirect = safeRedirect(form?.redirect)
  const back = (error: LoginFormError) => sendRedirect(event, `/login?${new URLSearchParams({ error, ...(redirect ? { redirect } : {}) })}`, 303)

  const input = loginSchema.safeParse({ login: form?.login, password: form?.password })
  if (!input.success) return back('missing')
  if (nulCharacterPath(input.data)) return back('wrong')
  try {
    const user = await authenticate(event, input.data)
    await logIn(event, user)
    return sendRedirect(event, landingPath(user, redirect), 303)
  }
  catch (error) {
    if (!isError(error)) throw error
    return back(error.statusCode === 429 ? 'limited' : error.statusCode === 403 ? 'suspended' : 'wrong')
  }
})
