import { passwordResetConfirmSchema } from '../../../../shared/schemas/auth'
import { checkPasswordResetToken, resetPassword } from '../../../domain/password-reset'

export default defineApiHandler(async (event) => {
  const { token, newPassword } = await readBodyAs(event, passwordResetConfirmSchema)
  const db = useDb()
  checkPasswordResetToken(db, token)
  const passwordHash = await hashPassword(newPassword, useRuntimeConfig().bcryptCost)
  resetPassword(db, token, passwordHash)
  // Every session of the account has ended, this browser's too if it had one.
  clearAuthCookies(event)
  return { ok: true }
})
