import { passwordResetRequestSchema } from '#shared/schemas/auth'
import { RESET_LINK_MINUTES, createPasswordReset } from '../../../domain/password-reset'
import { passwordResetMail, siteLink } from '../../../mail/templates'

// Answers 202 whether or not an account uses the e-mail, and about as fast: the e-mail is
// recorded before the answer but delivered after it, so SMTP's delay tells nothing either.
export default defineApiHandler(async (event) => {
  const { email } = await readBodyAs(event, passwordResetRequestSchema)
  const mayMail = await limitPasswordResets(event, email)
  const reset = mayMail ? await createPasswordReset(useDb(), email) : undefined
  if (reset) {
    const site = mailSite()
    const link = siteLink(site, `/reset-password?token=${reset.token}`)
    const { delivery } = await sendMail({
      to: reset.user.email,
      dedupeKey: `password-reset:${reset.tokenId}`,
      ...passwordResetMail(site, { name: reset.user.displayName, link, minutes: RESET_LINK_MINUTES }),
    })
    event.waitUntil(delivery)
  }
  setResponseStatus(event, 202)
  return { ok: true }
})
