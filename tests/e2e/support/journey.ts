import type { Browser, Page } from '@playwright/test'
import { expect } from '../fixtures'

/** Steps shared by the journeys that walk a dossier through several roles, each in its own browser context. */

export const DEMO_PASSWORD = 'MotCua@2026'
/** A minimal PDF (the server checks the content, not the name). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Signs in on the sign-in page of an open page and waits to leave it. */
export async function signIn(page: Page, identifier: string): Promise<void> {
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'))
}

/** A new browser context signed in as a demo account. */
export async function signedIn(browser: Browser, identifier: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto('/dang-nhap')
  await signIn(page, identifier)
  return page
}

/** Opens the action's panel on a dossier page and returns it. */
export async function actionPanel(page: Page, action: string) {
  const panel = page.locator(`details[data-action="${action}"]`)
  await expect(panel).toBeVisible()
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click()
  return panel
}

export async function expectState(page: Page, state: string) {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(state)
}
