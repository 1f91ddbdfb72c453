import { eventMails } from '../domain/event-mail'
import { onDomainEvent } from '../domain/events'

// E-mail for the events people want mailed, after the change has committed. Messages go one at a
// time: an evening's reminders for thousands of influencers must not open thousands of SMTP
// connections at once. A failure is logged by sendMail and never reaches the write that caused it.
export default defineNitroPlugin((nitroApp) => {
  let queue = Promise.resolve()
  const stop = onDomainEvent((delivered) => {
    queue = queue.then(async () => {
      for (const message of await eventMails(useDb(), mailSite(), delivered)) await (await sendMail(message)).delivery
    }).catch(error => console.error('[mail] Could not prepare the e-mails of an event:', error))
  })
  nitroApp.hooks.hook('close', async () => {
    stop()
    await queue
  })
})
