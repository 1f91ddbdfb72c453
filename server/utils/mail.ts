import nodemailer from 'nodemailer'
import type { Transporter } from 'nodemailer'
import type { MailStatus } from '#shared/constants'
import { markMailFailed, markMailSent, recordMail } from '../domain/outbox'
import type { MailMessage } from '../domain/outbox'
import type { MailSite } from '../mail/templates'

/** What became of a message: `duplicate` when its event had been mailed already. */
export interface MailOutcome {
  status: MailStatus | 'duplicate'
}

let smtp: Transporter | undefined

// Short timeouts: a mail server that does not answer must not hold a connection (and the
// memory of a pending message) for the default minutes.
function smtpTransport(url: string): Transporter {
  smtp ??= nodemailer.createTransport({
    url,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 15_000,
  })
  return smtp
}

/** The site as e-mails name it and link to it. */
export function mailSite(): MailSite {
  const { name, url } = useRuntimeConfig().public.site
  return { name, url }
}

/**
 * Sends one e-mail: the only way the app sends any. The message is recorded in the outbox
 * table before this resolves; what it resolves to is the delivery, which a caller may leave to
 * run after answering its request (see `event.waitUntil`). With NUXT_SMTP_URL the message then
 * goes out by SMTP and its row says sent or failed; without, the outbox is where it is delivered,
 * for admins to read. A message whose dedupe key was seen before is dropped. Never rejects: a
 * failed send is recorded and logged, and the request that caused it goes on.
 */
export async function sendMail(message: MailMessage): Promise<{ delivery: Promise<MailOutcome> }> {
  const { smtpUrl } = useRuntimeConfig()
  let id: number | undefined
  try {
    id = await recordMail(useDb(), message, smtpUrl ? 'smtp' : 'outbox')
  }
  catch (error) {
    console.error(`[mail] Could not record "${message.subject}" for ${message.to}:`, error)
    return { delivery: Promise.resolve({ status: 'failed' }) }
  }
  if (id === undefined) return { delivery: Promise.resolve({ status: 'duplicate' }) }
  if (!smtpUrl) return { delivery: Promise.resolve({ status: 'sent' }) }
  return { delivery: deliver(id, message, smtpUrl) }
}

async function deliver(id: number, { to, subject, text, html }: MailMessage, url: string): Promise<MailOutcome> {
  try {
    await smtpTransport(url).sendMail({ from: useRuntimeConfig().mailFrom, to, subject, text, html })
    await markMailSent(useDb(), id)
    return { status: 'sent' }
  }
  catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    await markMailFailed(useDb(), id, reason).catch(failure => console.error('[mail] Could not record a failed send:', failure))
    console.warn(`[mail] Could not send "${subject}" to ${to}: ${reason}`)
    return { status: 'failed' }
  }
}
