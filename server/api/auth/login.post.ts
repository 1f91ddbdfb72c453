import { loginSchema } from '../../../shared/schemas/auth'
import { findUserByLogin } from '../../domain/users'

export default defineApiHandler(async (event) => {
  const { login, password } = await readBodyAs(event, loginSchema)
  await limitLoginClient(event)
  const user = findUserByLogin(useDb(), login)
  const accountKey = loginAccountKey(user, login)
  await limitLoginAccount(event, accountKey)

  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
  if (!user || !matches) {
    await recordLoginFailure(accountKey)
    throw createError({ status: 401, message: 'Wrong username, email or password' })
  }
  if (user.status === 'suspended') throw createError({ status: 403, message: 'This account is suspended' })

  await clearLoginFailures(accountKey)
  return logIn(event, user)
})
