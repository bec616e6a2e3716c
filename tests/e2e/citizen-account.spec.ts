import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * A citizen's own account: registering, signing in, recovering a forgotten password through the demo
 * mailbox, changing it. Every run uses a fresh database; the numbers are random so a rerun against the
 * same server does not collide, and no seeded demo account is touched.
 */

/** A consistent person: born 1990 (female, digit 1), birth registered in Nghệ An (040). */
function newCitizen() {
  const serial = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')
  return {
    fullName: 'Lê Thị Hoa',
    citizenId: `040190${serial}`,
    birthDate: '1990-04-15',
    phone: `0389${serial}`,
    password: 'HoaNgheAn2026',
  }
}
type Citizen = ReturnType<typeof newCitizen>

async function register(page: Page, citizen: Citizen) {
  await page.goto('/dang-ky')
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' })).toBeVisible()
  await main.getByLabel('Họ, chữ đệm và tên').fill(citizen.fullName)
  await main.getByLabel('Số định danh cá nhân').fill(citizen.citizenId)
  await main.getByLabel('Ngày sinh').fill(citizen.birthDate)
  await main.getByRole('radio', { name: 'Nữ' }).check()
  await main.getByLabel('Số điện thoại di động').fill(citizen.phone)
  await main.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password)
  await main.getByLabel('Nhập lại mật khẩu').fill(citizen.password)
  await main.getByRole('button', { name: 'Đăng ký' }).click()
  await expect(page).toHaveURL(/\/dang-nhap\?registered=1$/)
}

async function signIn(page: Page, identifier: string, password: string) {
  await page.goto('/dang-nhap')
  const main = page.getByRole('main')
  await main.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(identifier)
  await main.getByLabel('Mật khẩu', { exact: true }).fill(password)
  await main.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

test.describe('citizen account', () => {
  test('a refused registration keeps what was typed and says what is wrong, next to the field', async ({ page }) => {
    const citizen = newCitizen()
    await page.goto('/dang-ky')
    const main = page.getByRole('main')
    await main.getByLabel('Họ, chữ đệm và tên').fill(citizen.fullName)
    await main.getByLabel('Số định danh cá nhân').fill(citizen.citizenId)
    await main.getByLabel('Ngày sinh').fill(citizen.birthDate)
    // The ID number says female (digit 1): declaring male is refused.
    await main.getByRole('radio', { name: 'Nam', exact: true }).check()
    await main.getByLabel('Số điện thoại di động').fill('0212345678')
    await main.getByLabel('Mật khẩu', { exact: true }).fill('ngan')
    await main.getByLabel('Nhập lại mật khẩu').fill('ngan')
    await main.getByRole('button', { name: 'Đăng ký' }).click()

    await expect(main.getByRole('alert')).toContainText('Vui lòng kiểm tra lại các mục được đánh dấu bên dưới.')
    const citizenId = main.getByLabel('Số định danh cá nhân')
    await expect(citizenId).toHaveAttribute('aria-invalid', 'true')
    await expect(citizenId).toHaveAccessibleDescription(/Số thứ tư của số định danh không khớp với giới tính hoặc năm sinh đã khai\./)
    await expect(main.getByLabel('Số điện thoại di động')).toHaveAccessibleDescription(/Số điện thoại di động Việt Nam gồm 10 chữ số/)
    await expect(main.getByLabel('Mật khẩu', { exact: true })).toHaveAccessibleDescription(/Mật khẩu phải có ít nhất 10 ký tự\./)
    // What was typed is kept (passwords excepted).
    await expect(main.getByLabel('Họ, chữ đệm và tên')).toHaveValue(citizen.fullName)
    await expect(citizenId).toHaveValue(citizen.citizenId)
    await expect(main.getByLabel('Ngày sinh')).toHaveValue(citizen.birthDate)
    await expect(main.getByRole('radio', { name: 'Nam', exact: true })).toBeChecked()
    await expect(main.getByLabel('Số điện thoại di động')).toHaveValue('0212345678')
    await expect(main.getByLabel('Mật khẩu', { exact: true })).toHaveValue('')

    // Fixed, it goes through.
    await main.getByRole('radio', { name: 'Nữ' }).check()
    await main.getByLabel('Số điện thoại di động').fill(citizen.phone)
    await main.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password)
    await main.getByLabel('Nhập lại mật khẩu').fill(citizen.password)
    await main.getByRole('button', { name: 'Đăng ký' }).click()
    await expect(page).toHaveURL(/\/dang-nhap\?registered=1$/)

    // The same ID number cannot be registered twice.
    await page.goto('/dang-ky')
    await main.getByLabel('Họ, chữ đệm và tên').fill('Người Khác')
    await main.getByLabel('Số định danh cá nhân').fill(citizen.citizenId)
    await main.getByLabel('Ngày sinh').fill(citizen.birthDate)
    await main.getByRole('radio', { name: 'Nữ' }).check()
    await main.getByLabel('Số điện thoại di động').fill('0389000001')
    await main.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password)
    await main.getByLabel('Nhập lại mật khẩu').fill(citizen.password)
    await main.getByRole('button', { name: 'Đăng ký' }).click()
    await expect(main.getByLabel('Số định danh cá nhân')).toHaveAccessibleDescription(/Số định danh cá nhân này đã được đăng ký\./)
  })

  test('a citizen registers, then signs in with the ID number and lands on their dossiers', async ({ page }) => {
    const citizen = newCitizen()
    await register(page, citizen)
    await expect(page.getByRole('main').getByRole('status')).toContainText('Đăng ký tài khoản thành công. Mời bạn đăng nhập.')

    await signIn(page, citizen.citizenId, citizen.password)
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)
  })

  test('a forgotten password is reset with the code from the demo mailbox', async ({ page, context }) => {
    const citizen = newCitizen()
    await register(page, citizen)

    await page.goto('/dang-nhap')
    await page.getByRole('main').getByRole('link', { name: 'Quên mật khẩu?' }).click()
    await expect(page).toHaveURL(/\/quen-mat-khau$/)
    const main = page.getByRole('main')
    await main.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill(citizen.phone)
    await main.getByRole('button', { name: 'Gửi mã xác nhận' }).click()
    await expect(main.getByRole('status')).toContainText('Nếu tài khoản tồn tại, mã xác nhận đã được gửi')

    const mailbox = await context.newPage()
    await mailbox.goto('/hop-thu-thu-nghiem')
    await expect(mailbox.getByRole('heading', { level: 1, name: 'Hộp thư thử nghiệm' })).toBeVisible()
    const row = mailbox.getByRole('row').filter({ hasText: citizen.phone }).first()
    await expect(row).toContainText('Mã khôi phục mật khẩu MotCua của bạn là')
    const code = /là (\d{6}),/.exec((await row.textContent()) ?? '')?.[1]
    expect(code).toMatch(/^\d{6}$/)
    await mailbox.close()

    // A wrong code is refused, politely, and nothing changes.
    const wrong = code === '000000' ? '111111' : '000000'
    await expect(main.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập')).toHaveValue(citizen.phone)
    await main.getByLabel('Mã xác nhận').fill(wrong)
    await main.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauMoi2027')
    await main.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi2027')
    await main.getByRole('button', { name: 'Đặt mật khẩu mới' }).click()
    await expect(main.getByLabel('Mã xác nhận')).toHaveAccessibleDescription(/Mã xác nhận không đúng hoặc đã hết hiệu lực\./)

    await main.getByLabel('Mã xác nhận').fill(code!)
    await main.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauMoi2027')
    await main.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi2027')
    await main.getByRole('button', { name: 'Đặt mật khẩu mới' }).click()
    await expect(page).toHaveURL(/\/dang-nhap\?changed=1$/)

    // (That the old password no longer works is checked in tests/integration/citizen-account.test.ts: a refused
    // sign-in answers 401, which the browser logs as a console error, and console errors fail e2e tests.)
    await signIn(page, citizen.citizenId, 'MatKhauMoi2027')
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)
  })

  test('a signed-in citizen changes the password from the account page and signs in again', async ({ page }) => {
    const citizen = newCitizen()
    await register(page, citizen)
    await signIn(page, citizen.phone, citizen.password)
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)

    await page.goto('/tai-khoan')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1, name: 'Tài khoản' })).toBeVisible()
    await expect(main.getByRole('definition').filter({ hasText: citizen.citizenId })).toBeVisible()

    const form = main.getByRole('region', { name: 'Đổi mật khẩu' })
    await form.getByLabel('Mật khẩu hiện tại').fill('KhongDung2026')
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('DoiMatKhau2027')
    await form.getByLabel('Nhập lại mật khẩu mới').fill('DoiMatKhau2027')
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect(form.getByLabel('Mật khẩu hiện tại')).toHaveAccessibleDescription('Mật khẩu hiện tại không đúng.')

    await form.getByLabel('Mật khẩu hiện tại').fill(citizen.password)
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('DoiMatKhau2027')
    await form.getByLabel('Nhập lại mật khẩu mới').fill('DoiMatKhau2027')
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect(page).toHaveURL(/\/dang-nhap\?changed=1$/)
    await expect(page.getByRole('main').getByRole('status')).toContainText('Mật khẩu đã được thay đổi.')

    await signIn(page, citizen.citizenId, 'DoiMatKhau2027')
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)

    // Signing out everywhere ends this session too.
    await page.goto('/tai-khoan')
    await main.getByRole('button', { name: 'Đăng xuất trên mọi thiết bị' }).click()
    await expect(page).toHaveURL(/\/dang-nhap\?expired=1$/)
    await page.goto('/tai-khoan')
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Ftai-khoan$/)
  })
})
