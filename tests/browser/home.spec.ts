import { expect, test } from '@playwright/test'

test('the home page introduces the marketplace', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('Influencia').first()).toBeVisible()
})
