import { expect, test } from './fixtures'

// Console errors fail every test (fixtures.ts).
test.describe('public home page', () => {
  test('shows the portal name, in Vietnamese, and the procedures from the database', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
    await expect(page).toHaveTitle(/MotCua Nghệ An/)
    await expect(page.getByRole('heading', { level: 1, name: 'MotCua Nghệ An' })).toBeVisible()
    const catalogue = page.getByRole('region', { name: 'Danh mục thủ tục hành chính' })
    await expect(catalogue.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible()
    await expect(catalogue.getByRole('heading', { name: /Hộ tịch/ })).toBeVisible()
  })

  test('finds a procedure typed without diacritics', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).fill('dang ky khai sinh')
    await page.getByRole('button', { name: 'Tìm kiếm' }).click()

    await expect(page).toHaveURL(/[?&]q=dang\+ky\+khai\+sinh/)
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' })
    await expect(results.getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible()
    await expect(results.getByRole('link', { name: 'Đăng ký kết hôn', exact: true })).toHaveCount(0)
    await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' })).toHaveValue('dang ky khai sinh')
  })

  test('the procedure page shows its fee and processing time', async ({ page }) => {
    await page.goto('/')
    await page
      .getByRole('region', { name: 'Danh mục thủ tục hành chính' })
      .getByRole('link', { name: 'Đăng ký khai sinh', exact: true })
      .click()

    await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible()
    const details = page.getByRole('region', { name: 'Thông tin thủ tục' })
    await expect(details.getByRole('term').filter({ hasText: 'Phí, lệ phí' })).toBeVisible()
    await expect(details.getByRole('definition').filter({ hasText: 'Miễn phí' })).toBeVisible()
    await expect(details.getByRole('term').filter({ hasText: 'Thời hạn giải quyết' })).toBeVisible()
    await expect(
      details.getByRole('definition').filter({ hasText: 'Trong ngày (nhận sau 15 giờ trả trong ngày làm việc tiếp theo)' }),
    ).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' })).toBeVisible()

    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click()
    await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fthu-tuc%2F/)
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible()
  })

  test('the language switch turns the page English and back', async ({ page }) => {
    await page.goto('/')
    const banner = page.getByRole('banner')
    await banner.getByRole('button', { name: 'English' }).click()

    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1, name: 'MotCua Nghe An' })).toBeVisible()
    await expect(page.getByRole('searchbox', { name: 'Search administrative procedures' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Birth registration', exact: true })).toBeVisible()

    // The choice is remembered on the next visit.
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await banner.getByRole('button', { name: 'Tiếng Việt' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
    await expect(page.getByRole('heading', { level: 1, name: 'MotCua Nghệ An' })).toBeVisible()
  })

  test('the sign-in link leads to the sign-in page', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).click()

    await expect(page).toHaveURL(/\/dang-nhap$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible()
    await expect(page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập')).toBeVisible()
    await expect(page.getByLabel('Mật khẩu')).toBeVisible()
    await expect(page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true })).toBeVisible()
  })
})
