import type { H3Event } from 'h3'

// Two limits: attempts per client address stop one machine from trying many accounts;
// failures per account stop many machines from guessing one password. An account is counted
// by its id, so switching between its username and its email does not reset the count.

function refuse(event: H3Event, retryAfter: number): never {
  setResponseHeader(event, 'Retry-After', retryAfter)
  throw createError({ status: 429, statusText: 'Too Many Requests', message: `Too many login attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, data: { retryAfter } })
}

/** The key failures are counted under: the account when it exists, else the name tried. */
export function loginAccountKey(user: { id: number } | undefined, login: string) {
  return user ? `login:account:${user.id}` : `login:name:${login}`
}

export async function limitLoginClient(event: H3Event) {
  const config = useRuntimeConfig()
  const client = await countHit(`login:client:${clientAddress(event)}`, config.loginWindowSeconds)
  if (client.count > config.loginMaxAttemptsPerClient) refuse(event, client.retryAfter)
}

export async function limitLoginAccount(event: H3Event, accountKey: string) {
  const config = useRuntimeConfig()
  const account = await peekCount(accountKey, config.loginWindowSeconds)
  if (account.count >= config.loginMaxFailuresPerAccount) refuse(event, account.retryAfter)
}

export async function recordLoginFailure(accountKey: string) {
  await countHit(accountKey, useRuntimeConfig().loginWindowSeconds)
}

export async function clearLoginFailures(accountKey: string) {
  await resetCount(accountKey)
}
