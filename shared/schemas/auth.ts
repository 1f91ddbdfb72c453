import { z } from 'zod'
import { NICHES, PLATFORMS } from '../constants'
import { formatCents } from '../money'

/** The largest amount anywhere (cents): it keeps sums far inside Number.MAX_SAFE_INTEGER. */
const MAX_CENTS = 100_000_000_000

/**
 * Money as integer cents from `min` up. An amount out of range is told the range, in dollars:
 * forms show these messages as they are, and never adjust what was typed.
 */
export function money(min: number) {
  const range = `Enter an amount from ${formatCents(min)} to ${formatCents(MAX_CENTS)}`
  return z.number({ error: 'Must be an amount in cents' })
    .int('Must be a whole number of cents')
    .min(min, range)
    .max(MAX_CENTS, range)
}

export const cents = money(0)

const trimmed = (label: string, max: number) =>
  z.string({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} is too long (max ${max})`)

export const usernameSchema = z.string({ error: 'Username is required' }).trim().toLowerCase()
  .min(3, 'At least 3 characters')
  .max(32, 'At most 32 characters')
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'Letters, digits, dot, dash and underscore only')

export const emailSchema = z.string({ error: 'Email is required' }).trim().toLowerCase()
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))

/** bcrypt reads only the first 72 bytes of a password: longer ones would be cut without a word. */
export const PASSWORD_MAX_BYTES = 72

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

/**
 * A new password (signup, reset, change): the rules both the forms and the server check. The
 * server also refuses the most common passwords (hashNewPassword in server/utils/password.ts).
 */
export const passwordSchema = z.string({ error: 'Password is required' })
  .min(8, 'At least 8 characters')
  .refine(password => utf8Bytes(password) <= PASSWORD_MAX_BYTES, `Too long: at most ${PASSWORD_MAX_BYTES} bytes (72 plain letters; accented letters and emoji count 2 to 4 each)`)

export const sponsorProfileSchema = z.strictObject({
  company: trimmed('Company', 120),
  sector: trimmed('Sector', 80),
  // A web address only: a javascript: or data: "website" would run script wherever a page links it.
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter a full URL, e.g. https://example.com' }).max(300)]).optional(),
  budget: cents,
})

export const platformHandleSchema = z.strictObject({
  platform: z.enum(PLATFORMS, { error: 'Choose a platform' }),
  handle: trimmed('Handle', 80),
})

export const influencerProfileSchema = z.strictObject({
  niche: z.enum(NICHES, { error: 'Choose a niche' }),
  specialization: z.string().trim().max(120, 'Too long (max 120)').optional(),
  platforms: z.array(platformHandleSchema).max(8, 'At most 8 platforms').optional(),
  audienceSize: z.number({ error: 'Audience size is required' }).int('Enter a whole number')
    .min(0, 'Enter a number from 0 to 2,000,000,000').max(2_000_000_000, 'Enter a number from 0 to 2,000,000,000'),
  engagementRate: z.number({ error: 'Must be a number' })
    .min(0, 'Enter a rate from 0 to 100 %').max(100, 'Enter a rate from 0 to 100 %').optional(),
  location: z.string().trim().max(120, 'Too long (max 120)').optional(),
  minimumRate: cents.optional(),
})

const accountFields = {
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  displayName: trimmed('Display name', 80),
}

export const signupSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('sponsor'), ...accountFields, profile: sponsorProfileSchema }),
  z.strictObject({ role: z.literal('influencer'), ...accountFields, profile: influencerProfileSchema }),
], { error: 'Choose sponsor or influencer' })
export type SignupInput = z.infer<typeof signupSchema>

export const loginSchema = z.strictObject({
  login: z.string({ error: 'Username or email is required' }).trim().toLowerCase().min(1, 'Username or email is required').max(254, 'Too long'),
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(128, 'Too long'),
})
export type LoginInput = z.infer<typeof loginSchema>

export const refreshSchema = z.strictObject({
  refreshToken: z.string().min(20).max(200).optional(),
})

export const passwordResetRequestSchema = z.strictObject({
  email: emailSchema,
})
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>

const RESET_TOKEN_INVALID = 'This reset link is not valid; ask for a new one'

export const passwordResetConfirmSchema = z.strictObject({
  token: z.string({ error: RESET_TOKEN_INVALID }).min(20, RESET_TOKEN_INVALID).max(200, RESET_TOKEN_INVALID),
  newPassword: passwordSchema,
})
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(128, 'Too long'),
  newPassword: passwordSchema,
}).refine(input => input.newPassword !== input.currentPassword, { path: ['newPassword'], message: 'Choose a password different from the current one' })
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>
