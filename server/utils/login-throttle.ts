import type { H3Event } from 'h3'

// Two limits: attempts per client address stop one machine from trying many accounts;
// failures per account stop many machines from guessing one password.

function clientAddress(event: H3Event) {
  return getRequestIP(event, { xForwardedFor: configFlag(useRuntimeConfig().trustProxy, false) }) ?? 'unknown'
}

function refuse(event: H3Event, retryAfter: number): never {
  setResponseHeader(event, 'Retry-After', String(retryAfter))
  throw createError({ status: 429, message: `Too many login attempts; try again in ${Math.ceil(retryAfter / 60)} minute(s)`, data: { retryAfter } })
}

export async function guardLoginAttempt(event: H3Event, login: string) {
  const config = useRuntimeConfig()
  const window = config.loginWindowSeconds
  const client = await countHit(`login:client:${clientAddress(event)}`, window)
  if (client.count > config.loginMaxAttemptsPerClient) refuse(event, client.retryAfter)
  const account = await peekCount(`login:account:${login}`, window)
  if (account.count >= config.loginMaxFailuresPerAccount) refuse(event, account.retryAfter)
}

export async function recordLoginFailure(login: string) {
  await countHit(`login:account:${login}`, useRuntimeConfig().loginWindowSeconds)
}

export async function clearLoginFailures(login: string) {
  await resetCount(`login:account:${login}`)
}
