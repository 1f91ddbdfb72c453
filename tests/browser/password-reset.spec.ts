import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { expectAccessible, expectGreeting, gotoHydrated, logInThroughForm, signUp } from './helpers'

test('someone who forgot their password gets a link by e-mail, sets a new one and logs in with it', async ({ page, otherPage, request }) => {
  const account = await signUp(request, 'influencer', { displayName: 'Robin Reset' })
  const newPassword = 'my-brand-new-password'

  await gotoHydrated(page, '/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page).toHaveURL('/forgot-password')
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible()
  await page.getByLabel('Email').fill(account.email)
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByRole('status')).toContainText('If an account uses that e-mail, we\'ve sent a link')
  await expectAccessible(page, 'the forgot-password page, link sent')

  // No SMTP server in the test run: the e-mail sits in the outbox, where an admin reads it.
  await otherPage.request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })
  await gotoHydrated(otherPage, `/admin/outbox?q=${encodeURIComponent(account.email)}`)
  await otherPage.getByRole('button', { name: `Open the e-mail “Reset your Influencia password” to ${account.email}` }).click()
  const mail = otherPage.getByRole('dialog', { name: 'Reset your Influencia password' })
  await expect(mail).toContainText(`To ${account.email}`)
  await expect(mail).toContainText('Outbox only')
  const body = await mail.locator('pre').textContent()
  const link = body?.match(/http:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0]
  expect(link, 'the reset link in the e-mail').toBeDefined()

  await gotoHydrated(page, link!)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Repeat the new password').fill('not-the-same-password')
  await page.getByRole('button', { name: 'Set the new password' }).click()
  await expect(page.getByText('The two passwords differ')).toBeVisible()
  await page.getByLabel('Repeat the new password').fill(newPassword)
  await expect(page.getByText('The two passwords differ')).toBeHidden()
  await page.getByRole('button', { name: 'Set the new password' }).click()

  await expect(page).toHaveURL('/login?reset=1')
  await expect(page.getByRole('status')).toContainText('Your password was changed. Log in with the new one.')
  await logInThroughForm(page, account.email, account.password)
  await expect(page.getByRole('alert')).toContainText('Wrong username, email or password')
  await logInThroughForm(page, account.email, newPassword)
  await expect(page).toHaveURL('/influencer')
  await expectGreeting(page, account.displayName)

  // The link worked once: opened again, it says so and offers a new one.
  await gotoHydrated(page, link!)
  await page.getByLabel('New password', { exact: true }).fill('another-new-password')
  await page.getByLabel('Repeat the new password').fill('another-new-password')
  await page.getByRole('button', { name: 'Set the new password' }).click()
  await expect(page.getByRole('alert')).toContainText('This reset link was already used')
  await expect(page.getByRole('alert').getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password')
})
