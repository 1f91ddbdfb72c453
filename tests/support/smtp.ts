import { simpleParser } from 'mailparser'
import type { ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** What an SMTP server started by the test received, and refused. */
export interface Inbox {
  port: number
  messages: ParsedMail[]
  refused: string[]
  /** Resolves when the next SMTP connection has closed: the sender is done with its message. */
  nextClose: () => Promise<void>
  /** Resolves with the first message that matches, at once if it has already arrived. */
  arrival: (matches: (mail: ParsedMail) => boolean) => Promise<ParsedMail>
  stop: () => Promise<void>
}

/** A real SMTP server on a free port; recipients at `refuse.example` are turned away. */
export async function startSmtpServer(): Promise<Inbox> {
  const messages: ParsedMail[] = []
  const refused: string[] = []
  let closed: (() => void)[] = []
  let waiting: { matches: (mail: ParsedMail) => boolean, resolve: (mail: ParsedMail) => void }[] = []
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refuse.example')) {
        refused.push(address.address)
        return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        messages.push(mail)
        const served = waiting.filter(w => w.matches(mail))
        waiting = waiting.filter(w => !served.includes(w))
        for (const w of served) w.resolve(mail)
        callback()
      }, callback)
    },
    onClose() {
      const waiting = closed
      closed = []
      for (const resolve of waiting) resolve()
    },
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return {
    port,
    messages,
    refused,
    nextClose: () => new Promise(resolve => closed.push(resolve)),
    arrival: (matches) => {
      const arrived = messages.find(matches)
      return arrived ? Promise.resolve(arrived) : new Promise(resolve => waiting.push({ matches, resolve }))
    },
    stop: () => new Promise(resolve => server.close(() => resolve())),
  }
}

/** Whether the message was addressed to `address`. */
export function sentTo(mail: ParsedMail, address: string): boolean {
  return [mail.to ?? []].flat().some(to => to.value.some(v => v.address?.toLowerCase() === address.toLowerCase()))
}
