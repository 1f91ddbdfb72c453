import { refreshSchema } from '../../../shared/schemas/auth'

export default defineApiHandler(async (event) => {
  const body = await readBodyAs(event, refreshSchema)
  const token = body.refreshToken ?? getCookie(event, REFRESH_COOKIE)
  if (!token) throw createError({ status: 401, message: 'No refresh token; log in again' })
  try {
    return await refreshSession(event, token)
  }
  catch (error) {
    clearAuthCookies(event)
    throw error
  }
})
