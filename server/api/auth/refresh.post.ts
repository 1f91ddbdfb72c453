import { refreshSchema } from '#shared/schemas/auth'
import { SessionEndedError } from '../../domain/sessions'

export default defineApiHandler(async (event) => {
  const body = await readBodyAs(event, refreshSchema)
  const token = body.refreshToken ?? getCookie(event, REFRESH_COOKIE)
  // The refresh cookie lives exactly as long as a refresh token: when it is gone, it expired,
  // unless an earlier request found the session ended and kept why. Only a page load tells it
  // and so uses it up: a tab's background check must not take it from the next page.
  if (!token) throw new SessionEndedError(sessionEndReasonOf(event) ?? 'expired')
  try {
    return await refreshSession(event, token)
  }
  catch (error) {
    if (error instanceof SessionEndedError) clearEndedSessionCookies(event, error)
    else clearAuthCookies(event)
    throw error
  }
})
