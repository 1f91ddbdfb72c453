import { refreshSchema } from '#shared/schemas/auth'
import { SessionEndedError } from '../../domain/sessions'

export default defineApiHandler(async (event) => {
  const body = await readBodyAs(event, refreshSchema)
  const token = body.refreshToken ?? getCookie(event, REFRESH_COOKIE)
  // The refresh cookie lives exactly as long as a refresh token: when it is gone, it expired.
  if (!token) throw new SessionEndedError('expired')
  try {
    return await refreshSession(event, token)
  }
  catch (error) {
    clearAuthCookies(event)
    throw error
  }
})
