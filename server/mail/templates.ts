// E-mail bodies: each template returns the subject, a plain-text body and an HTML body saying
// the same. HTML is built with the `html` tag below, which escapes every value put into it, so a
// display name like `<script>` arrives as text. Styles are inline: mail clients drop <style>.

/** Where the messages come from: the site's name and its public origin, for links. */
export interface MailSite {
  name: string
  url: string
}

export interface MailContent {
  subject: string
  text: string
  html: string
}

/** HTML that is already safe: the result of the `html` tag, put into another one as it is. */
class SafeHtml {
  constructor(readonly value: string) {}
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ENTITIES[c]!)
}

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(piece).join('')
  return escapeHtml(String(value ?? ''))
}

/** A template literal of HTML whose interpolated values are escaped (unless already SafeHtml). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? piece(values[i]) : ''), ''))
}

/** An absolute link on the site: `path` is relative to its public origin. */
export function siteLink(site: MailSite, path: string): string {
  return new URL(path, site.url.endsWith('/') ? site.url : `${site.url}/`).toString()
}

/** The app's primary colour (violet 700: white text on it passes contrast). */
const BRAND = '#6d28d9'
const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif`

/** A button-like link; the plain address follows it for clients that hide buttons. */
export function actionButton(label: string, href: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px">${label}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b">Or paste this address into your browser:<br><a href="${href}" style="color:${BRAND};word-break:break-all">${href}</a></p>`
}

/** The frame every message shares: the site's name on top, the content, a footer with its address. */
export function layout(site: MailSite, title: string, content: SafeHtml): string {
  const home = siteLink(site, '/')
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:${FONT};color:#18181b">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;padding:24px 12px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e4e4e7;font-size:18px;font-weight:700"><a href="${home}" style="color:${BRAND};text-decoration:none">${site.name}</a></td></tr>
<tr><td style="padding:28px;font-size:15px;line-height:1.6">
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${title}</h1>
${content}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e4e4e7;font-size:12px;color:#71717a">${site.name} · sponsorships between brands and creators · <a href="${home}" style="color:#71717a">${home}</a></td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`.value
}

/** The link to choose a new password, sent on a reset request. */
export function passwordResetMail(site: MailSite, { name, link, minutes }: { name: string, link: string, minutes: number }): MailContent {
  const title = 'Choose a new password'
  const text = `Hi ${name},

Someone, hopefully you, asked to reset the password of your ${site.name} account.
Choose a new password here:

${link}

The link works once, for ${minutes} minutes. Setting a new password logs you out everywhere.
If you did not ask for this, ignore this e-mail: your password stays as it is.

${site.name}
${siteLink(site, '/')}
`
  const body = html`<p style="margin:0 0 16px">Hi ${name},</p>
<p style="margin:0 0 16px">Someone, hopefully you, asked to reset the password of your ${site.name} account.</p>
${actionButton('Choose a new password', link)}
<p style="margin:0 0 16px">The link works once, for ${minutes} minutes. Setting a new password logs you out everywhere.</p>
<p style="margin:0;color:#52525b">If you did not ask for this, ignore this e-mail: your password stays as it is.</p>`
  return { subject: `Reset your ${site.name} password`, text, html: layout(site, title, body) }
}

/**
 * The e-mail about a notification: its title and description as the inbox shows them, and a
 * link to where it can be seen in the app.
 */
export function notificationMail(site: MailSite, { name, title, description, link }: { name: string, title: string, description?: string, link: string }): MailContent {
  const text = `Hi ${name},

${title}${description ? `\n${description}` : ''}

See it on ${site.name}:
${link}

You get this e-mail because it is about your account on ${site.name}.

${site.name}
${siteLink(site, '/')}
`
  const body = html`<p style="margin:0 0 16px">Hi ${name},</p>
${description ? html`<p style="margin:0 0 16px">${description}</p>` : ''}
${actionButton(`Open in ${site.name}`, link)}
<p style="margin:0;color:#52525b">You get this e-mail because it is about your account on ${site.name}.</p>`
  return { subject: title, text, html: layout(site, title, body) }
}
