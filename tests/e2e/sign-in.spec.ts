import { expect, REFUSED_SIGN_IN, test } from './fixtures'
import { DEMO_PASSWORD } from './support/api-session'

// Each role signs in through the real form and lands on its own home, with only its menu.
const roles = [
  { role: 'citizen (ID number)', identifier: '040085003917', home: '/ho-so-cua-toi', heading: 'Hồ sơ của tôi', menu: ['Hồ sơ của tôi', 'Tài khoản'] },
  { role: 'citizen (phone)', identifier: '0912048731', home: '/ho-so-cua-toi', heading: 'Hồ sơ của tôi', menu: ['Hồ sơ của tôi', 'Tài khoản'] },
  { role: 'clerk', identifier: 'canbo.thanhvinh', home: '/can-bo', heading: 'Bàn làm việc một cửa', menu: ['Hồ sơ của xã, phường', 'Tiếp nhận hồ sơ', 'Thu phí, lệ phí', 'Thống kê', 'Tài khoản'] },
  { role: 'specialist', identifier: 'chuyenvien.truongvinh', home: '/can-bo', heading: 'Bàn làm việc một cửa', menu: ['Hồ sơ của xã, phường', 'Thống kê', 'Tài khoản'] },
  { role: 'leader', identifier: 'lanhdao.doluong', home: '/can-bo', heading: 'Bàn làm việc một cửa', menu: ['Hồ sơ của xã, phường', 'Thu phí, lệ phí', 'Thống kê', 'Tài khoản'] },
  { role: 'provincial officer', identifier: 'tinh.nghean', home: '/tinh', heading: 'Tổng quan toàn tỉnh', menu: ['Tổng quan toàn tỉnh', 'Tài khoản'] },
  { role: 'administrator', identifier: 'quantri', home: '/quan-tri', heading: null, menu: ['Tổng quan toàn tỉnh', 'Tài khoản cán bộ', 'Nhật ký hệ thống', 'Quy trình xử lý', 'Tài khoản thu xã, phường', 'Thủ tục, lệ phí', 'Tài khoản'] },
]

for (const account of roles) {
  test(`${account.role} signs in and lands on ${account.home}`, async ({ page }) => {
    await page.goto('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(account.identifier)
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${account.home}$`))
    if (account.heading) await expect(page.getByRole('heading', { level: 1, name: account.heading })).toBeVisible()
    const menu = page.getByRole('navigation', { name: 'Chức năng' })
    await expect(menu.getByRole('link')).toHaveText(account.menu)
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' })).toBeVisible()
  })
}

test('a wrong password and an unknown account get the same message', async ({ page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(REFUSED_SIGN_IN)
  const messages: string[] = []
  for (const identifier of ['canbo.cualo', 'khong.co.ai']) {
    await page.goto('/dang-nhap')
    await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
    await page.getByLabel('Mật khẩu').fill('mat-khau-sai')
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    // Scoped to the page's main content: Next.js's route announcer is an alert region too.
    const alert = page.getByRole('main').getByRole('alert')
    await expect(alert).toBeVisible()
    messages.push((await alert.textContent()) ?? '')
  }
  expect(messages[0]).toContain('không đúng')
  expect(messages[1]).toBe(messages[0])
})

test('a page that needs signing in sends the visitor to sign in, then back', async ({ page }) => {
  await page.goto('/can-bo')
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fcan-bo$/)
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill('canbo.vinhphu')
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect(page).toHaveURL(/\/can-bo$/)
  await expect(page.getByText('Hồ sơ của Phường Vinh Phú.')).toBeVisible()
})
