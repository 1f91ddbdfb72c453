import { loginSchema } from '../../../shared/schemas/auth'
import { findUserByLogin } from '../../domain/users'

export default defineApiHandler(async (event) => {
  const { login, password } = await readBodyAs(event, loginSchema)
  await guardLoginAttempt(event, login)

  const user = findUserByLogin(useDb(), login)
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
  if (!user || !matches) {
    await recordLoginFailure(login)
    throw createError({ status: 401, message: 'Wrong username, email or password' })
  }
  if (user.status === 'suspended') throw createError({ status: 403, message: 'This account is suspended' })

  await clearLoginFailures(login)
  return logIn(event, user)
})
