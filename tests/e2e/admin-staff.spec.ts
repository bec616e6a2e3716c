import type { Page } from '@playwright/test'
import { expect, REFUSED_SIGN_IN, test } from './fixtures'

// The administrator's journey: create a clerk, find it in the list and in the audit log, disable it; the
// disabled clerk's open session ends at once and it can no longer sign in. Console errors fail the test
// (fixtures.ts), except the 401 Chromium logs for the refused sign-in at the end.

const ADMIN = { identifier: 'quantri', password: 'MotCua@2026' }
const CLERK = { username: 'canbo.kiemthu.e2e', fullName: 'Lê Thị Kiểm Thử', password: 'TamThoi2026x', commune: 'Phường Cửa Lò' }

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

test('an administrator creates a clerk, finds it in the list and the audit log, and disables it', async ({ page, browser, expectedConsoleErrors }) => {
  test.setTimeout(120_000)
  await signIn(page, ADMIN.identifier, ADMIN.password)
  await expect(page).toHaveURL(/\/quan-tri$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Quản lý tài khoản cán bộ' })).toBeVisible()

  // The form validates on the server and answers next to each field, keeping what was typed.
  await page.getByRole('link', { name: 'Thêm tài khoản' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Thêm tài khoản cán bộ' })).toBeVisible()
  await page.getByLabel('Họ và tên').fill(CLERK.fullName)
  await page.getByLabel('Tên đăng nhập').fill('ab')
  await page.getByLabel('Mật khẩu tạm thời').fill('ngan')
  await page.getByLabel('Nhập lại mật khẩu').fill('ngan')
  await expect(page.getByLabel('Vai trò')).toHaveValue('CLERK')
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Chưa lưu được' })).toBeVisible()
  await expect(page.getByText('Tên đăng nhập dài từ 3 đến 50 ký tự.')).toBeVisible()
  await expect(page.getByText('Mật khẩu phải có ít nhất 10 ký tự.')).toBeVisible()
  await expect(page.getByText('Cán bộ xã, phường phải được phân công ít nhất một xã, phường.')).toBeVisible()
  await expect(page.getByLabel('Họ và tên')).toHaveValue(CLERK.fullName)
  await expect(page.getByLabel('Tên đăng nhập')).toHaveValue('ab')
  await expect(page.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Tên đăng nhập').fill(CLERK.username)
  await page.getByLabel('Mật khẩu tạm thời').fill(CLERK.password)
  await page.getByLabel('Nhập lại mật khẩu').fill(CLERK.password)
  // The commune picker finds a commune typed without accents.
  await page.getByLabel('Tìm xã, phường').fill('cua lo')
  await page.getByRole('checkbox', { name: new RegExp(CLERK.commune) }).check()
  await expect(page.getByText('Đã chọn 1 xã, phường')).toBeVisible()
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()

  await expect(page).toHaveURL(/\/quan-tri\/can-bo\/[0-9a-f-]{36}\?moi=1$/)
  await expect(page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${CLERK.username}` })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: CLERK.fullName })).toBeVisible()
  const accountUrl = page.url().replace(/\?.*$/, '')

  // The list finds it.
  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Tài khoản cán bộ' }).click()
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('kiem thu')
  await page.getByRole('button', { name: 'Lọc', exact: true }).click()
  await expect(page).toHaveURL(/[?&]q=kiem\+thu/)
  const row = page.getByRole('row').filter({ hasText: CLERK.username })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(CLERK.fullName)
  await expect(row).toContainText('Cán bộ Một cửa')
  await expect(row).toContainText(CLERK.commune)
  await expect(row).toContainText('Đang hoạt động')

  // The audit log records who created it.
  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Nhật ký hệ thống' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký hệ thống' })).toBeVisible()
  const created = page.getByRole('row').filter({ hasText: 'Tạo tài khoản cán bộ' }).filter({ hasText: CLERK.username }).first()
  await expect(created).toContainText('Quản trị hệ thống')
  await expect(created).toContainText(CLERK.fullName)
  await expect(created).toContainText(CLERK.commune)

  // The clerk signs in elsewhere (its own browser) before being disabled.
  const clerkContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'vi-VN' })
  const clerkPage = await clerkContext.newPage()
  try {
    await signIn(clerkPage, CLERK.username, CLERK.password)
    await expect(clerkPage).toHaveURL(/\/can-bo$/)

    await page.goto(accountUrl)
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Đã khóa tài khoản' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Mở khóa tài khoản' })).toBeVisible()
    await expect(page.getByText(/Đã khóa từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeVisible()

    // Its open session ends at once.
    await clerkPage.reload()
    await expect(clerkPage).toHaveURL(/\/dang-nhap/)
  } finally {
    await clerkContext.close()
  }

  await page.goto('/quan-tri/nhat-ky')
  const disabled = page.getByRole('row').filter({ hasText: 'Khóa tài khoản' }).filter({ hasText: CLERK.username }).first()
  await expect(disabled).toContainText('Quản trị hệ thống')
  await expect(disabled).toContainText('Mọi phiên đăng nhập của tài khoản đã kết thúc.')

  // A disabled account cannot sign in.
  await page.getByRole('button', { name: 'Đăng xuất' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' })).toBeVisible()
  expectedConsoleErrors.push(REFUSED_SIGN_IN)
  await signIn(page, CLERK.username, CLERK.password)
  await expect(page.getByRole('alert').filter({ hasText: 'không đúng' })).toBeVisible()
  await expect(page).toHaveURL(/\/dang-nhap/)
})

test('the administration pages are not there for other roles', async ({ page, expectedConsoleErrors }) => {
  // Chromium logs each 404 document as a failed resource.
  expectedConsoleErrors.push(/status of 404/)
  await signIn(page, 'canbo.thanhvinh', ADMIN.password)
  await expect(page).toHaveURL(/\/can-bo$/)
  for (const path of ['/quan-tri', '/quan-tri/can-bo/moi', '/quan-tri/nhat-ky']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible()
  }
})
