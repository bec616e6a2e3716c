import type { Browser, Locator, Page } from '@playwright/test'
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

/** A row of a definition list, by its term. */
export const definition = (scope: Locator, term: string) => scope.locator(`dt:text-is("${term}") + dd`)

/**
 * Applies online for "Chứng thực chữ ký" (2.000884: a fixed 10 000 ₫ a case, charged before processing) in
 * `commune`, uploading a PDF to every file slot, and returns the new dossier's code. A draft left by an
 * earlier run on the same database is thrown away first.
 */
export async function applyForSignatureCertification(page: Page, { commune, address, documentName }: { commune: string; address: string; documentName: string }): Promise<string> {
  const start = '/thu-tuc/2.000884/nop-ho-so'
  await page.goto(start)
  if (await page.getByText('Bạn có bản nháp').isVisible()) {
    await page.getByRole('button', { name: 'Bắt đầu khai hồ sơ' }).click()
    await page.getByRole('button', { name: 'Hủy bản nháp' }).click()
    await page.goto(start)
  }
  await page.getByLabel('Xã, phường giải quyết hồ sơ').selectOption({ label: commune })
  await page.getByRole('button', { name: 'Bắt đầu khai hồ sơ' }).click()
  await expect(page).toHaveURL(/\/nop-ho-so\/[0-9a-f-]{36}$/)

  const applicantAddress = page.getByRole('group', { name: /^Nơi cư trú \*/ })
  await applicantAddress.getByLabel('Số nhà, đường, thôn, xóm').fill(address)
  await applicantAddress.getByLabel('Xã, phường (Tỉnh Nghệ An)').selectOption({ label: commune })
  await page.getByLabel('Tên giấy tờ, văn bản cần chứng thực chữ ký').fill(documentName)
  await page.getByLabel('Ký', { exact: true }).check()
  await page.getByLabel('Số bản').fill('1')

  const documents = page.getByRole('region', { name: 'Giấy tờ kèm theo' })
  const slots = documents.locator('input[type="file"]')
  const count = await slots.count()
  for (let index = 0; index < count; index++) {
    await slots.nth(index).setInputFiles({ name: `Giấy tờ ${index + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF })
    await expect(documents.getByRole('link', { name: new RegExp(`Giấy tờ ${index + 1}\\.pdf`) })).toBeVisible()
  }
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Đã nộp hồ sơ thành công/ })).toBeVisible()
  return (await page.getByTestId('dossier-code').innerText()).trim()
}
