import type { H3Event } from 'h3'
import type { LoginInput } from '#shared/schemas/auth'
import { findUserByLogin, passwordHashOf } from '../domain/users'

/**
 * Checks a login attempt: the client's and the account's limits, then the password (compared
 * even for an unknown name, so timing does not tell which names exist). Resolves to the user;
 * throws the 401, 403 or 429 to answer with. The JSON API and the plain login form share it.
 */
export async function authenticate(event: H3Event, { login, password }: LoginInput) {
  await limitLoginClient(event)
  const user = await findUserByLogin(useDb(), login)
  const accountKey = loginAccountKey(user, login)
  await limitLoginAccount(event, accountKey)

  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)
  if (!user || !matches) {
    await recordLoginFailure(accountKey)
    throw createError({ status: 401, message: 'Wrong username, email or password' })
  }
  if (user.status === 'suspended') throw createError({ status: 403, message: 'This account is suspended' })

  await clearLoginFailures(accountKey)
  return user
}

/**
 * Checks the password a logged-in user types again to confirm a change. A wrong one is a 400
 * naming `field` and counts as a failed login of the account, under the same limit: a borrowed
 * session does not make guessing the password any faster.
 */
export async function confirmPassword(event: H3Event, userId: number, password: string, field: string) {
  const accountKey = loginAccountKey({ id: userId }, '')
  await limitLoginAccount(event, accountKey)
  if (!await verifyPassword(password, (await passwordHashOf(useDb(), userId)) ?? DUMMY_PASSWORD_HASH)) {
    await recordLoginFailure(accountKey)
    const message = 'This is not your current password'
    throw createError({ status: 400, statusText: 'Bad Request', message: `Invalid request body: ${field}: ${message}`, data: { fields: { [field]: message } } })
  }
  await clearLoginFailures(accountKey)
}
