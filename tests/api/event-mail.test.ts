import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorsOn, liveCampaign } from '../support/actors'
import { startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { sentTo, startSmtpServer } from '../support/smtp'
import type { Inbox } from '../support/smtp'

// Events e-mailed through a real SMTP server the test starts. The app's clock runs no task
// (TEST set): the reminder goes out when the test runs it.
describe('e-mail for events, through SMTP', () => {
  let inbox: Inbox
  let app: RunningServer

  beforeAll(async () => {
    inbox = await startSmtpServer()
    app = await startBuiltServer({
      NUXT_SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
      NUXT_MAIL_FROM: 'Influencia Test <robot@influencia.test>',
      NUXT_PUBLIC_SITE_URL: 'https://influencia.test',
    })
  })

  afterAll(async () => {
    await app?.stop()
    await inbox?.stop()
  })

  it('mails the invited influencer in plain text and HTML, with a link to the request; the sponsor who acted gets none', async () => {
    const sponsor = await actorsOn(app.url).newUser('sponsor')
    const creator = await actorsOn(app.url).newUser('influencer')
    const campaign = await liveCampaign(sponsor, { title: 'Trail Week' })
    const invite = await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId: creator.user.id, requirements: 'One reel', paymentAmount: 20_000 })
    expect(invite.status).toBe(201)

    const mail = await inbox.arrival(m => sentTo(m, creator.email) && m.subject === 'Invitation to Trail Week')
    const link = `https://influencia.test/influencer/requests/${invite.body.id}`
    expect(mail.from?.text).toBe('"Influencia Test" <robot@influencia.test>')
    expect(mail.text).toContain(`Hi ${creator.displayName},`)
    expect(mail.text).toContain('Offer: $200')
    expect(mail.text).toContain(link)
    expect(mail.html).toContain(`href="${link}"`)

    // The sponsor's answer is awaited on the counter-offer: that one reaches the sponsor.
    expect((await creator.post(`/api/ad-requests/${invite.body.id}/counter`, { paymentAmount: 25_000 })).status).toBe(200)
    const counter = await inbox.arrival(m => sentTo(m, sponsor.email) && m.subject === 'Counter-offer on Trail Week')
    expect(counter.text).toContain('New amount: $250')
    expect(counter.text).toContain(`https://influencia.test/sponsor/requests/${invite.body.id}`)
    // Besides that, only the approval of the brand's account: nothing about its own invitation.
    expect(inbox.messages.filter(m => sentTo(m, sponsor.email)).map(m => m.subject).sort())
      .toEqual(['Counter-offer on Trail Week', 'Your brand account is approved'])
  })

  it('mails the evening reminder once, however often the task runs', async () => {
    const admin = await actorsOn(app.url).loginAs('admin')
    const sponsor = await actorsOn(app.url).newUser('sponsor')
    const creator = await actorsOn(app.url).newUser('influencer')
    const campaign = await liveCampaign(sponsor, { title: 'Night Run' })
    const invite = await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId: creator.user.id, requirements: 'One reel', paymentAmount: 20_000 })
    expect(invite.status).toBe(201)

    expect((await admin.post('/api/admin/jobs/reminders:daily/run')).body).toMatchObject({ outcome: 'succeeded' })
    const reminder = await inbox.arrival(m => sentTo(m, creator.email) && m.subject === 'Waiting for your answer: Night Run')
    expect(reminder.text).toContain(`https://influencia.test/influencer/requests/${invite.body.id}`)
    expect(reminder.html).toContain('Open in Influencia')

    expect((await admin.post('/api/admin/jobs/reminders:daily/run')).body).toMatchObject({ outcome: 'succeeded', counts: { reminded: 0 } })
    const outbox = (await admin.get(`/api/admin/outbox?q=${encodeURIComponent(creator.email)}`)).body.items
    expect(outbox.map((m: any) => m.subject).sort()).toEqual(['Invitation to Night Run', 'Waiting for your answer: Night Run'])
  })
})
