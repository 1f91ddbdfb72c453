import { endAllSessions } from '../../domain/sessions'
import { sessionsChanged } from '../../live/hub'

// Logs the user out on every device at once, this one included (a lost phone, a shared computer).
export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  await endAllSessions(useDb(), user.id, 'logout')
  clearAuthCookies(event)
  sessionsChanged(user.id)
  return { ok: true }
})
