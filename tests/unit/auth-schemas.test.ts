import { describe, expect, it } from 'vitest'
import { loginSchema, passwordChangeSchema, passwordSchema, signupSchema } from '../../shared/schemas/auth'

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

describe('password schema', () => {
  it('takes 8 characters up to 72 bytes of UTF-8, the most bcrypt reads', () => {
    expect(passwordSchema.safeParse('seven77').success).toBe(false)
    expect(passwordSchema.safeParse('eight888').success).toBe(true)
    expect(passwordSchema.safeParse('x'.repeat(72)).success).toBe(true)
    expect(passwordSchema.safeParse('x'.repeat(73)).success).toBe(false)
    // Counted in bytes, not characters: 36 two-byte letters fit, 19 four-byte emoji (76 bytes) do not.
    expect(passwordSchema.safeParse('é'.repeat(36)).success).toBe(true)
    expect(passwordSchema.safeParse('é'.repeat(37)).success).toBe(false)
    expect(passwordSchema.safeParse('🔑'.repeat(18)).success).toBe(true)
    expect(passwordSchema.safeParse('🔑'.repeat(19)).error?.issues[0]?.message).toMatch(/at most 72 bytes/)
  })

  it('for a change, wants the current password and a different new one', () => {
    expect(passwordChangeSchema.safeParse({ currentPassword: 'old password', newPassword: 'new password' }).success).toBe(true)
    const same = passwordChangeSchema.safeParse({ currentPassword: 'old password', newPassword: 'old password' })
    expect(same.error?.issues.map(i => i.path.join('.'))).toEqual(['newPassword'])
    expect(passwordChangeSchema.safeParse({ newPassword: 'new password' }).success).toBe(false)
  })
})
