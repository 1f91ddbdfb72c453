import { describe, expect, it } from 'vitest'
import { loginSchema, signupSchema } from '../../shared/schemas/auth'

const influencer = {
  role: 'influencer', username: 'Mia_Fit', email: '  Mia@Example.COM ', password: 'long enough', displayName: 'Mia',
  profile: { niche: 'fitness', audienceSize: 1000 },
}

describe('signup schema', () => {
  it('normalises username and email to lower case', () => {
    const parsed = signupSchema.parse(influencer)
    expect(parsed.username).toBe('mia_fit')
    expect(parsed.email).toBe('mia@example.com')
  })

  it('checks the profile of the chosen role', () => {
    const sponsorWithInfluencerProfile = signupSchema.safeParse({ ...influencer, role: 'sponsor' })
    expect(sponsorWithInfluencerProfile.success).toBe(false)
    const paths = sponsorWithInfluencerProfile.error!.issues.map(i => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['profile.company', 'profile.budget']))
  })

  it('takes money as whole cents only', () => {
    const sponsor = { ...influencer, role: 'sponsor', profile: { company: 'Co', sector: 'Retail', budget: 100.5 } }
    expect(signupSchema.safeParse(sponsor).success).toBe(false)
    expect(signupSchema.safeParse({ ...sponsor, profile: { ...sponsor.profile, budget: 10050 } }).success).toBe(true)
  })

  it('rejects admin signups, unknown niches and unknown fields', () => {
    expect(signupSchema.safeParse({ ...influencer, role: 'admin' }).success).toBe(false)
    expect(signupSchema.safeParse({ ...influencer, profile: { ...influencer.profile, niche: 'crypto-scams' } }).success).toBe(false)
    expect(signupSchema.safeParse({ ...influencer, status: 'active' }).success).toBe(false)
  })

  it('rejects usernames with spaces or symbols', () => {
    for (const username of ['mia fit', 'mia@fit', '-mia', 'ab']) {
      expect(signupSchema.safeParse({ ...influencer, username }).success, username).toBe(false)
    }
  })
})

describe('login schema', () => {
  it('accepts a username or an email and lower-cases it', () => {
    expect(loginSchema.parse({ login: ' MIA ', password: 'x' }).login).toBe('mia')
    expect(loginSchema.safeParse({ login: '', password: 'x' }).success).toBe(false)
  })
})
