import { passwordChangeSchema } from '#shared/schemas/auth'
import { changePassword } from '../../domain/users'
import { sessionsChanged } from '../../live/hub'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const { currentPassword, newPassword } = await readBodyAs(event, passwordChangeSchema)
  await confirmPassword(event, user.id, currentPassword, 'currentPassword')
  const passwordHash = await hashNewPassword(newPassword, 'newPassword')
  await changePassword(useDb(), user.id, user.sessionId, passwordHash)
  // The other sessions' open pages stop hearing, wherever they are; this one's go on.
  sessionsChanged(user.id)
  return { ok: true }
})
