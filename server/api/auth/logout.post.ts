import { endSession } from '../../domain/sessions'
import { sessionsChanged } from '../../live/hub'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  await endSession(useDb(), user.sessionId)
  clearAuthCookies(event)
  // This session's event streams end, wherever they are open.
  sessionsChanged(user.id)
  return { ok: true }
})
