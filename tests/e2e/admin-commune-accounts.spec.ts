import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './support/axe'

// The administrator sets a commune's real collection account in place of the seed's test account: finds the
// commune typed without accents, is offered the holder's name without accents, previews the test VietQR
// code, saves, and sees the saved account (with its own test QR) on the page and in the list. The same form
// works without JavaScript. Other roles do not see the pages. Console errors fail the tests (fixtures.ts).

const ADMIN = { identifier: 'quantri', password: 'MotCua@2026' }

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'))
}

/** The page never scrolls sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('an administrator replaces a commune test account with its real account after checking the QR code', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, ADMIN.identifier, ADMIN.password)
  await page.goto('/quan-tri/xa-phuong')
  await expect(page.getByRole('heading', { level: 1, name: 'Tài khoản thu của xã, phường' })).toBeVisible()
  await expect(page.getByRole('link', { name: /Đang dùng tài khoản thử nghiệm/ })).toBeVisible()

  // Search without accents.
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('cua lo')
  await page.getByRole('button', { name: 'Lọc', exact: true }).click()
  await expect(page).toHaveURL(/[?&]q=cua\+lo/)
  const row = page.getByRole('row').filter({ hasText: 'Phường Cửa Lò' })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Tài khoản thử nghiệm')
  await expect(row).toContainText('DEMO16732')
  await expectNoSeriousViolations(page)

  await row.getByRole('link', { name: 'Phường Cửa Lò' }).click()
  await expect(page).toHaveURL(/\/quan-tri\/xa-phuong\/16732$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Phường Cửa Lò' })).toBeVisible()
  const current = page.getByTestId('current-account')
  await expect(current).toContainText('Tài khoản thử nghiệm')
  await expect(current).toContainText('không phải tài khoản ngân hàng thật')

  // A name typed with accents is refused, with its unaccented form offered.
  await page.getByLabel('Mã ngân hàng (BIN)').fill('970418')
  await page.getByLabel('Số tài khoản').fill('5101 0000 732')
  await page.getByLabel('Chủ tài khoản').fill('UBND phường Cửa Lò')
  await page.getByRole('button', { name: 'Xem trước mã QR' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được' })).toBeVisible()
  await expect(page.getByText('Tên chủ tài khoản chỉ gồm chữ in hoa không dấu')).toBeVisible()
  await expect(page.getByLabel('Chủ tài khoản')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Số tài khoản')).toHaveValue('5101 0000 732')
  await expectNoSeriousViolations(page)
  await page.getByRole('button', { name: 'Dùng tên gợi ý' }).click()
  await expect(page.getByLabel('Chủ tài khoản')).toHaveValue('UBND PHUONG CUA LO')

  // The test QR of what is typed, before saving.
  await page.getByRole('button', { name: 'Xem trước mã QR' }).click()
  const preview = page.getByRole('region', { name: 'Mã QR kiểm tra (chưa lưu)' })
  await expect(preview).toBeVisible()
  await expect(preview.getByRole('img', { name: /Mã VietQR chuyển 10\.000\s₫ vào tài khoản 51010000732 tại BIDV, nội dung MOTCUA KIEM TRA/ })).toBeVisible()
  await expect(preview.getByRole('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/)
  await expect(preview).toContainText('BIDV')
  await expect(preview).toContainText('UBND PHUONG CUA LO')
  await expect(preview).toContainText('MOTCUA KIEM TRA')
  // The server tidied the number; nothing is saved yet.
  await expect(page.getByLabel('Số tài khoản')).toHaveValue('51010000732')
  await expect(current).toContainText('DEMO16732')
  await expectNoSeriousViolations(page)

  await page.getByRole('button', { name: 'Lưu tài khoản' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tài khoản thu.' })).toBeVisible()
  await expect(current).toContainText('51010000732')
  await expect(current).toContainText('UBND PHUONG CUA LO')
  await expect(current).toContainText('BIDV')
  await expect(current).toContainText('Đã khai báo')
  await expect(current).not.toContainText('Tài khoản thử nghiệm')
  await expect(current.getByRole('img', { name: /vào tài khoản 51010000732 tại BIDV/ })).toBeVisible()
  // The change is in the page's history.
  await expect(page.getByRole('region', { name: 'Thay đổi gần đây' })).toContainText('commune.setCollectionAccount')

  // The form now carries the saved version: a second save is not mistaken for someone else's change.
  await page.getByLabel('Chủ tài khoản').fill('UBND PHUONG CUA LO (THU PHI)')
  await page.getByRole('button', { name: 'Lưu tài khoản' }).click()
  await expect(current).toContainText('UBND PHUONG CUA LO (THU PHI)')
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu tài khoản thu.' })).toBeVisible()

  // Saved: a fresh load shows it, in the form and in the list.
  await page.reload()
  await expect(page.getByLabel('Số tài khoản')).toHaveValue('51010000732')
  await expect(page.getByLabel('Chủ tài khoản')).toHaveValue('UBND PHUONG CUA LO (THU PHI)')
  await page.getByRole('link', { name: 'Về danh sách' }).click()
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('16732')
  await page.getByRole('button', { name: 'Lọc', exact: true }).click()
  const saved = page.getByRole('row').filter({ hasText: 'Phường Cửa Lò' })
  await expect(saved).toContainText('51010000732')
  await expect(saved).toContainText('Đã khai báo')
})

test('without JavaScript, the forms preview, save and remove as plain form posts', async ({ page, browser }) => {
  await signIn(page, ADMIN.identifier, ADMIN.password)
  // The same session in a browser with scripts off.
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'vi-VN',
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  })
  try {
    const plain = await context.newPage()
    await plain.goto('/quan-tri/xa-phuong/17662')
    await expect(plain.getByRole('heading', { level: 1, name: 'Xã Đô Lương' })).toBeVisible()
    await plain.getByLabel('Mã ngân hàng (BIN)').fill('970405')
    await plain.getByLabel('Số tài khoản').fill('3600205000111')
    await plain.getByLabel('Chủ tài khoản').fill('UBND xã Đô Lương')
    await plain.getByRole('button', { name: 'Lưu tài khoản' }).click()
    await expect(plain.getByText('Tên chủ tài khoản chỉ gồm chữ in hoa không dấu')).toBeVisible()
    await plain.getByRole('button', { name: 'Dùng tên gợi ý' }).click()
    await expect(plain.getByLabel('Chủ tài khoản')).toHaveValue('UBND XA DO LUONG')
    await plain.getByRole('button', { name: 'Xem trước mã QR' }).click()
    await expect(plain.getByRole('region', { name: 'Mã QR kiểm tra (chưa lưu)' }).getByRole('img', { name: /3600205000111 tại Agribank/ })).toBeVisible()
    await plain.getByRole('button', { name: 'Lưu tài khoản' }).click()
    await expect(plain.getByRole('status').filter({ hasText: 'Đã lưu tài khoản thu.' })).toBeVisible()
    await expect(plain.getByTestId('current-account')).toContainText('3600205000111')
    await expect(plain.getByTestId('current-account')).toContainText('UBND XA DO LUONG')

    // Removing the account needs the confirmation box.
    await plain.getByRole('button', { name: 'Xóa tài khoản thu' }).click()
    await expect(plain.getByRole('alert').filter({ hasText: 'Vui lòng đánh dấu xác nhận' })).toBeVisible()
    await expect(plain.getByTestId('current-account')).toContainText('3600205000111')
    await plain.getByLabel('Tôi hiểu rằng công dân sẽ không thanh toán được').check()
    await plain.getByRole('button', { name: 'Xóa tài khoản thu' }).click()
    await expect(plain.getByRole('status').filter({ hasText: 'Đã xóa tài khoản thu' })).toBeVisible()
    await expect(plain.getByTestId('current-account')).toContainText('Chưa có tài khoản')
    await expect(plain.getByTestId('current-account')).not.toContainText('3600205000111')
  } finally {
    await context.close()
  }
})

test('the pages fit a phone screen and a desktop screen', async ({ page }) => {
  await signIn(page, ADMIN.identifier, ADMIN.password)
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('/quan-tri/xa-phuong')
    await expect(page.getByRole('table', { name: 'Danh sách xã, phường và tài khoản thu' })).toBeVisible()
    await expectNoSidewaysScroll(page)
    await page.goto('/quan-tri/xa-phuong/16681')
    await expect(page.getByLabel('Mã ngân hàng (BIN)')).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
})

test('the collection-account pages are not there for other roles', async ({ page, expectedConsoleErrors }) => {
  // Chromium logs each 404 document as a failed resource.
  expectedConsoleErrors.push(/status of 404/)
  for (const identifier of ['canbo.thanhvinh', 'tinh.nghean']) {
    await page.context().clearCookies()
    await signIn(page, identifier, ADMIN.password)
    for (const path of ['/quan-tri/xa-phuong', '/quan-tri/xa-phuong/16681']) {
      const response = await page.goto(path)
      expect(response?.status(), `${identifier} ${path}`).toBe(404)
    }
  }
})
