import type { H3Event } from 'h3'

/**
 * Limits password-reset requests. Per client address: one machine cannot mail many people, and
 * is told so (429). Per e-mail: one inbox is not flooded; past that limit the answer stays 202
 * and nothing more is sent, because a different answer would tell which e-mails have accounts.
 * Both count every request, whether an account uses the e-mail or not. Returns whether a link
 * may be sent.
 */
export async function limitPasswordResets(event: H3Event, email: string): Promise<boolean> {
  const config = useRuntimeConfig()
  const window = config.passwordResetWindowSeconds
  const client = await countHit(`reset:client:${clientAddress(event)}`, window)
  if (client.count > config.passwordResetMaxPerClient) {
    setResponseHeader(event, 'Retry-After', client.retryAfter)
    throw createError({
      status: 429,
      statusText: 'Too Many Requests',
      message: `Too many password reset requests; try again in ${Math.ceil(client.retryAfter / 60)} minute(s)`,
      data: { retryAfter: client.retryAfter },
    })
  }
  const perEmail = await countHit(`reset:email:${email}`, window)
  return perEmail.count <= config.passwordResetMaxPerEmail
}
