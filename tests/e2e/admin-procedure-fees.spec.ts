import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './support/axe'

// The administrator changes a procedure's fee: from the administration home to the list of procedures, opens
// domestic adoption registration (400 000 ₫ on submission in the seed), is told what is wrong with exemptions
// that are not JSON, then publishes a new version charging 450 000 ₫ when the result is collected, and sees
// version 2 in the fee's history (by whom, today) with version 1 kept. The same form works without JavaScript.
// Console errors fail the tests (fixtures.ts).

const ADMIN = { identifier: 'quantri', password: 'MotCua@2026' }
const ADOPTION = 'Đăng ký việc nuôi con nuôi trong nước'

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'))
}

/** Today in Vietnam, as the pages show dates (dd/MM/yyyy). */
function today(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date())
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value
  return `${part('day')}/${part('month')}/${part('year')}`
}

test('an administrator changes the amount and the moment of a fee and sees the new version in its history', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, ADMIN.identifier, ADMIN.password)
  await page.goto('/quan-tri')
  await page.getByRole('navigation', { name: 'Quản trị', exact: true }).getByRole('link', { name: 'Thủ tục, lệ phí' }).click()
  await expect(page).toHaveURL(/\/quan-tri\/thu-tuc$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục và lệ phí' })).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: ADOPTION })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('400.000\u00a0₫')
  await expect(row).toContainText('Nộp khi nộp hồ sơ')
  await expectNoSeriousViolations(page)

  await row.getByRole('link', { name: ADOPTION }).click()
  await expect(page).toHaveURL(/\/quan-tri\/thu-tuc\/2\.001263$/)
  await expect(page.getByRole('heading', { level: 1, name: ADOPTION })).toBeVisible()
  const amount = page.getByLabel('Mức thu (đồng)')
  await expect(amount).toHaveValue('400000')
  await expect(page.getByLabel('Nộp khi nộp hồ sơ')).toBeChecked()
  const history = page.getByTestId('fee-history')
  await expect(history.getByRole('row')).toHaveCount(2) // header + version 1
  await expectNoSeriousViolations(page)

  // Exemptions that are not JSON: refused with the reason under the field, nothing published.
  await amount.fill('450.000')
  await page.getByLabel('Nộp khi nhận kết quả').check()
  await page.getByLabel('Các trường hợp miễn phí (JSON)').fill('[{"when": ')
  await page.getByRole('button', { name: 'Công bố phiên bản mới' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được' })).toBeVisible()
  await expect(page.getByText('Nội dung không phải JSON hợp lệ')).toBeVisible()
  await expect(page.getByLabel('Các trường hợp miễn phí (JSON)')).toHaveAttribute('aria-invalid', 'true')
  // What was typed is kept.
  await expect(amount).toHaveValue('450.000')
  await expect(page.getByLabel('Nộp khi nhận kết quả')).toBeChecked()
  await expect(history.getByRole('row')).toHaveCount(2)
  await expectNoSeriousViolations(page)

  await page.getByLabel('Các trường hợp miễn phí (JSON)').fill('')
  await page.getByRole('button', { name: 'Công bố phiên bản mới' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Đã công bố phiên bản 2' })).toBeVisible()
  await expect(page.getByTestId('current-fee')).toContainText('450.000\u00a0₫')
  await expect(page.getByTestId('current-fee')).toContainText('Nộp khi nhận kết quả')
  await expect(amount).toHaveValue('450000')

  // The history: version 2 now in force, published today by the administrator; version 1 kept as it was.
  await expect(history.getByRole('row')).toHaveCount(3)
  const v2 = history.getByRole('row').nth(1)
  await expect(v2.getByRole('rowheader')).toContainText('2')
  await expect(v2).toContainText('Đang áp dụng')
  await expect(v2).toContainText('450.000\u00a0₫')
  await expect(v2).toContainText('Nộp khi nhận kết quả')
  await expect(v2).toContainText(today())
  await expect(v2).toContainText('Quản trị hệ thống')
  const v1 = history.getByRole('row').nth(2)
  await expect(v1.getByRole('rowheader')).toContainText('1')
  await expect(v1).toContainText('400.000\u00a0₫')
  await expect(v1).toContainText('Nộp khi nộp hồ sơ')
  await expect(v1).toContainText('Dữ liệu khởi tạo')
  await expectNoSeriousViolations(page)

  // The list shows the new fee.
  await page.getByRole('link', { name: 'Về danh sách' }).click()
  const updated = page.getByRole('row').filter({ hasText: ADOPTION })
  await expect(updated).toContainText('450.000\u00a0₫')
  await expect(updated).toContainText('Nộp khi nhận kết quả')
  await expect(updated).toContainText('Phiên bản 2')
})

test('without JavaScript, the fee form refuses and publishes as a plain form post', async ({ page, browser }) => {
  await signIn(page, ADMIN.identifier, ADMIN.password)
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'vi-VN',
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  })
  try {
    const plain = await context.newPage()
    // Building permit for a detached house: its amount is not known in the seed.
    await plain.goto('/quan-tri/thu-tuc/1.009122')
    await expect(plain.getByLabel('Mức thu (đồng)')).toHaveValue('')
    await plain.getByLabel('Mức thu (đồng)').fill('75.000,5')
    await plain.getByRole('button', { name: 'Công bố phiên bản mới' }).click()
    await expect(plain.getByText('Mức thu là số nguyên không âm')).toBeVisible()
    await plain.getByLabel('Mức thu (đồng)').fill('75.000')
    await plain.getByRole('button', { name: 'Công bố phiên bản mới' }).click()
    await expect(plain.getByRole('status').filter({ hasText: /Đã công bố phiên bản \d+/ })).toBeVisible()
    await expect(plain.getByTestId('current-fee')).toContainText('75.000\u00a0₫')
  } finally {
    await context.close()
  }
})
