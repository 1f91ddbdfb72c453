import { databaseAt } from './database'
import { TEST_ADMIN_PASSWORD } from './built-server'

/**
 * Mixed traffic from every role against one or more instances (each request goes to one of them
 * at random, as behind a load balancer): sponsors invite, influencers apply, both sides counter,
 * accept and reject, sponsors complete, admins and visitors read. Free of vitest, so the soak
 * script drives the same traffic as the tests. Every answer is checked against what its action
 * may answer: a 5xx, a failed connection or any other unexpected status is a failure.
 */

export interface Actor {
  role: 'admin' | 'sponsor' | 'influencer' | 'visitor'
  id: number
  token?: string
  /** Its own client address (test servers trust X-Forwarded-For): per-client limits stay apart. */
  ip: string
}

export interface Cast {
  urls: string[]
  admin: Actor
  sponsors: Actor[]
  influencers: Actor[]
  visitor: Actor
  /** The live campaigns, each with its sponsor. */
  campaigns: { id: number, sponsorId: number, slug: string }[]
}

export interface Tally {
  requests: number
  /** Answers by action and status, e.g. `accept 409`. */
  answers: Record<string, number>
  /** Each unexpected answer, the first 50 (`action: status body`). */
  failures: string[]
  failureCount: number
}

let clients = 0
const clientAddress = () => `fd01::${process.pid.toString(16)}:${(++clients).toString(16)}`

interface Answer { status: number, body: any }

async function call(url: string, actor: Actor, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'x-forwarded-for': actor.ip, 'accept': path.startsWith('/api/') ? 'application/json' : 'text/html' }
  if (actor.token) headers.authorization = `Bearer ${actor.token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), redirect: 'manual' })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  }
  catch { /* a page */ }
  return { status: res.status, body: parsed }
}

/** A call during set-up, which must answer as expected. */
async function must(url: string, actor: Actor, method: string, path: string, body: unknown, status: number) {
  const answer = await call(url, actor, method, path, body)
  if (answer.status !== status) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!
const amount = (min: number, max: number) => Math.round((min + Math.random() * (max - min)) / 100) * 100

/**
 * New accounts and live campaigns on the instances at `urls` (made through the first one).
 * Budgets are small beside the offers (a few deals fill one), so concurrent accepts compete for
 * the last of a budget and the budget check is exercised.
 */
export async function castOn(urls: string[], { sponsors = 3, influencers = 8, campaignsPerSponsor = 3, budget = 100_000 } = {}): Promise<Cast> {
  const url = urls[0]!
  const tag = `${Date.now().toString(36)}${process.pid % 1000}`
  const admin: Actor = { role: 'admin', id: 0, ip: clientAddress() }
  const login = await must(url, admin, 'POST', '/api/auth/login', { login: 'admin', password: TEST_ADMIN_PASSWORD }, 200)
  Object.assign(admin, { id: login.user.id, token: login.accessToken })

  async function signUp(role: 'sponsor' | 'influencer', n: number): Promise<Actor> {
    const actor: Actor = { role, id: 0, ip: clientAddress() }
    const username = `${role.slice(0, 3)}_${tag}_${n}`
    const profile = role === 'sponsor'
      ? { company: `Load Brand ${tag} ${n}`, sector: 'Outdoor', budget: 10_000_000 }
      : { niche: 'fitness', audienceSize: 10_000 + n * 1000, engagementRate: 3.5, location: 'Berlin, DE', minimumRate: 10_000 }
    const body = await must(url, actor, 'POST', '/api/auth/signup', {
      role, username, email: `${username}@load.example`, password: 'correct horse battery', displayName: `Load ${role} ${n}`, profile,
    }, 201)
    Object.assign(actor, { id: body.user.id, token: body.accessToken })
    if (role === 'sponsor') await must(url, admin, 'PATCH', `/api/admin/users/${actor.id}`, { status: 'active' }, 200)
    return actor
  }

  const sponsorActors = await Promise.all(Array.from({ length: sponsors }, (_, n) => signUp('sponsor', n)))
  const influencerActors = await Promise.all(Array.from({ length: influencers }, (_, n) => signUp('influencer', n)))
  const campaigns: Cast['campaigns'] = []
  for (const sponsor of sponsorActors) {
    for (let n = 0; n < campaignsPerSponsor; n++) {
      const campaign = await must(url, sponsor, 'POST', '/api/campaigns', {
        title: `Load campaign ${tag} ${sponsor.id}-${n}`, description: 'A campaign under mixed load.', niche: 'fitness',
        startDate: day(-1), endDate: day(30), visibility: 'public', budget, status: 'active',
      }, 201)
      campaigns.push({ id: campaign.id, sponsorId: sponsor.id, slug: campaign.slug })
    }
  }
  return { urls, admin, sponsors: sponsorActors, influencers: influencerActors, visitor: { role: 'visitor', id: 0, ip: clientAddress() }, campaigns }
}

interface Action {
  name: string
  weight: number
  /** Statuses this action may answer; anything else is a failure. */
  expected: number[]
  /** The last answer, or null when there was nothing to do (no request waiting for the actor). */
  run: (cast: Cast, send: (actor: Actor, method: string, path: string, body?: unknown) => Promise<Answer>) => Promise<Answer | null>
}

/** Another amount than the one on the table (countering with the same one is a 400), never below 100 €. */
function counterTo(onTable: number) {
  const step = amount(1_000, 5_000)
  return onTable - step >= 10_000 && Math.random() < 0.5 ? onTable - step : onTable + step
}

/** A request waiting for `actor`'s answer, or null when none is. */
async function awaitingAnswer(actor: Actor, send: (actor: Actor, method: string, path: string) => Promise<Answer>) {
  const list = await send(actor, 'GET', '/api/ad-requests?awaitingMe=true&pageSize=20')
  return list.status === 200 && list.body.items.length ? pick(list.body.items as { id: number, paymentAmount: number }[]) : null
}

// 409: the request changed meanwhile (another answer came first), the pair already has an open
// request, or an accept no longer fits the budget. 404 only where a request can vanish from a
// filtered list, never for an id the actor owns.
const ACTIONS: Action[] = [
  { name: 'invite', weight: 4, expected: [201, 409], run: (cast, send) => {
    const sponsor = pick(cast.sponsors)
    const campaign = pick(cast.campaigns.filter(c => c.sponsorId === sponsor.id))
    return send(sponsor, 'POST', '/api/ad-requests', { campaignId: campaign.id, influencerId: pick(cast.influencers).id, requirements: 'Two posts and a story', paymentAmount: amount(15_000, 45_000) })
  } },
  { name: 'apply', weight: 4, expected: [201, 409], run: (cast, send) =>
    send(pick(cast.influencers), 'POST', '/api/ad-requests', { campaignId: pick(cast.campaigns).id, requirements: 'One reel a week', paymentAmount: amount(15_000, 45_000) }) },
  ...(['accept', 'counter', 'reject'] as const).map((verb): Action => ({
    name: verb, weight: verb === 'accept' ? 5 : verb === 'counter' ? 3 : 1, expected: [200, 409],
    run: async (cast, send) => {
      const actor = Math.random() < 0.5 ? pick(cast.sponsors) : pick(cast.influencers)
      const request = await awaitingAnswer(actor, send)
      if (!request) return null
      const body = verb === 'counter' ? { paymentAmount: counterTo(request.paymentAmount), message: 'How about this?' } : {}
      return send(actor, 'POST', `/api/ad-requests/${request.id}/${verb}`, body)
    },
  })),
  { name: 'complete', weight: 1, expected: [200, 409], run: async (cast, send) => {
    const sponsor = pick(cast.sponsors)
    const list = await send(sponsor, 'GET', '/api/ad-requests?status=accepted&pageSize=20')
    if (list.status !== 200) return list
    if (!list.body.items.length) return null
    return send(sponsor, 'POST', `/api/ad-requests/${pick(list.body.items as { id: number }[]).id}/complete`, {})
  } },
  { name: 'sponsor reads', weight: 3, expected: [200], run: (cast, send) => send(pick(cast.sponsors), 'GET', pick(['/api/me/summary', '/api/campaigns?mine=true', '/api/influencers?niche=fitness', '/api/ad-requests?status=in_negotiation', '/api/notifications?unread=true'])) },
  { name: 'influencer reads', weight: 3, expected: [200], run: (cast, send) => send(pick(cast.influencers), 'GET', pick(['/api/me/summary', '/api/campaigns/recommended', '/api/ad-requests', '/api/notifications'])) },
  { name: 'admin reads', weight: 1, expected: [200], run: (cast, send) => send(cast.admin, 'GET', pick(['/api/admin/stats', '/api/admin/users?pageSize=50', '/api/ad-requests?pageSize=50'])) },
  { name: 'visitor reads', weight: 2, expected: [200], run: (cast, send) => send(cast.visitor, 'GET', pick(['/api/public/campaigns', '/', '/campaigns', `/campaigns/${pick(cast.campaigns).slug}`])) },
]
const TOTAL_WEIGHT = ACTIONS.reduce((sum, action) => sum + action.weight, 0)

function pickAction(): Action {
  let roll = Math.random() * TOTAL_WEIGHT
  for (const action of ACTIONS) {
    roll -= action.weight
    if (roll < 0) return action
  }
  return ACTIONS.at(-1)!
}

/**
 * Drives the cast's traffic with `concurrency` clients until `requests` actions have run or
 * `seconds` have passed, whichever comes first. `tally` may be read while it runs.
 */
export async function driveTraffic(cast: Cast, { concurrency = 8, requests = 1000, seconds = 60, tally = newTally() } = {}): Promise<Tally> {
  const deadline = Date.now() + seconds * 1000
  let started = 0
  const fail = (line: string) => {
    tally.failureCount++
    if (tally.failures.length < 50) tally.failures.push(line)
  }
  async function client() {
    while (started < requests && Date.now() < deadline) {
      started++
      const action = pickAction()
      // Every call the action makes is checked, the look-ups before a transition included.
      const send = async (actor: Actor, method: string, path: string, body?: unknown) => {
        tally.requests++
        try {
          const answer = await call(pick(cast.urls), actor, method, path, body)
          if (answer.status >= 500) fail(`${action.name} ${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
          return answer
        }
        catch (error) {
          fail(`${action.name} ${method} ${path}: ${(error as Error).cause ?? error}`)
          return { status: 0, body: null }
        }
      }
      const answer = await action.run(cast, send)
      // A refusal for want of budget is told apart: it shows the budget check was reached.
      const overBudget = answer?.status === 409 && /remaining budget/.test(answer.body?.message) ? ' over budget' : ''
      const key = answer ? `${action.name} ${answer.status}${overBudget}` : `${action.name} nothing to do`
      tally.answers[key] = (tally.answers[key] ?? 0) + 1
      if (answer && answer.status !== 0 && answer.status < 500 && !action.expected.includes(answer.status)) {
        fail(`${action.name}: unexpected ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  return tally
}

export function newTally(): Tally {
  return { requests: 0, answers: {}, failures: [], failureCount: 0 }
}

/**
 * The campaigns whose accepted and completed payments add up to more than their budget, read
 * from the database: the one money invariant, which must hold whatever the load.
 */
export function overCommittedCampaigns(database: string) {
  return databaseAt(database).rows<{ id: number, budget: number, committed: number }>(`select c.id, c.budget, sum(r.payment_amount) as committed from campaigns c
      join ad_requests r on r.campaign_id = c.id and r.status in ('accepted', 'completed')
      group by c.id, c.budget having sum(r.payment_amount) > c.budget`)
}
