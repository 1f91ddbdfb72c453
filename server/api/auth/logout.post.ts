import { endSession } from '../../domain/sessions'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  endSession(useDb(), user.sessionId)
  clearAuthCookies(event)
  return { ok: true }
})
