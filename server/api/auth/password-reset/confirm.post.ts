import { passwordResetConfirmSchema } from '#shared/schemas/auth'
import { checkPasswordResetToken, resetPassword } from '../../../domain/password-reset'
import { sessionsChanged } from '../../../live/hub'

export default defineApiHandler(async (event) => {
  const { token, newPassword } = await readBodyAs(event, passwordResetConfirmSchema)
  const db = useDb()
  await checkPasswordResetToken(db, token)
  const passwordHash = await hashNewPassword(newPassword, 'newPassword')
  const userId = await resetPassword(db, token, passwordHash)
  // Every session of the account has ended, this browser's too if it had one, and its open pages stop hearing.
  clearAuthCookies(event)
  sessionsChanged(userId)
  return { ok: true }
})
