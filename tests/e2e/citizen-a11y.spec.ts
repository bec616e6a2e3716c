import type { Page } from '@playwright/test'
import { expect, REFUSED_SIGN_IN, test } from './fixtures'
import { apiSession } from './support/api-session'
import { expectNoSeriousViolations } from './support/axe'

/**
 * Issue 6, item 7: every citizen-facing page passes an axe scan of WCAG 2.1 A and AA with no serious or
 * critical violation — in Vietnamese (the default), on a 390 px phone for the pages citizens reach first, in
 * English once, and in the states a citizen meets (search results, a refused form, a lookup result).
 */

/** A demo citizen the other end-to-end tests leave alone (they use Nguyễn Văn An and Trần Thị Bình). */
const CITIZEN = { citizenId: '040198007153', phone: '0945726318' }
const PHONE_VIEWPORT = { width: 390, height: 844 }
const SIGN_IN_LABEL = 'Số định danh cá nhân / Số điện thoại / Tên đăng nhập'

/** The page of "Đăng ký khai sinh", reached the way a citizen does: through the catalogue. */
async function openBirthRegistration(page: Page) {
  await page.goto('/')
  await page.getByRole('region', { name: 'Danh mục thủ tục hành chính' }).getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible()
}

/** The browser gets the session cookie of a sign-in through next-auth's endpoint (the form has tests of its own). */
async function signInAs(page: Page, baseURL: string, identifier: string) {
  const session = await apiSession(baseURL, identifier)
  await page.context().addCookies((await session.storageState()).cookies)
  await session.dispose()
}

test.describe('citizen pages have no serious or critical WCAG 2.1 AA violation', () => {
  // An axe scan takes seconds on two busy cores, and some tests scan a page in two or three states.
  test.describe.configure({ timeout: 120_000 })

  test('home page with the catalogue', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('region', { name: 'Danh mục thủ tục hành chính' })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test('catalogue search results, and a search that finds nothing', async ({ page }) => {
    await page.goto('/?q=khai+sinh')
    await expect(page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('link', { name: 'Đăng ký khai sinh', exact: true })).toBeVisible()
    await expectNoSeriousViolations(page)

    await page.goto('/?q=zzzzqqqq')
    await expect(page.getByRole('link', { name: 'Xem tất cả thủ tục' })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test('procedure page', async ({ page }) => {
    await openBirthRegistration(page)
    await expectNoSeriousViolations(page)
  })

  test('sign-in page, and after a refused sign-in', async ({ page, expectedConsoleErrors }) => {
    await page.goto('/dang-nhap')
    await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible()
    await expectNoSeriousViolations(page)

    expectedConsoleErrors.push(REFUSED_SIGN_IN)
    const main = page.getByRole('main')
    await main.getByLabel(SIGN_IN_LABEL).fill(CITIZEN.citizenId)
    await main.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-sai')
    await main.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
    await expect(main.getByRole('alert')).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test('registration page, and after a refused registration', async ({ page }) => {
    await page.goto('/dang-ky')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' })).toBeVisible()
    await expectNoSeriousViolations(page)

    // Nothing filled in: every field says what is missing.
    await main.getByRole('button', { name: 'Đăng ký' }).click()
    await expect(main.getByLabel('Họ, chữ đệm và tên')).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousViolations(page)
  })

  test('forgot password page', async ({ page }) => {
    await page.goto('/quen-mat-khau')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test('public lookup: empty, refused and with a result', async ({ page, baseURL }) => {
    // A real dossier of the demo citizen: its code from their own list, their phone number as the proof.
    const session = await apiSession(baseURL!, CITIZEN.citizenId)
    const list = await (await session.get('/ho-so-cua-toi')).text()
    await session.dispose()
    const code = /href="\/ho-so-cua-toi\/([^"/?#]+)"/.exec(list)?.[1]
    expect(code, 'a dossier in the demo citizen’s list').toBeTruthy()

    await page.goto('/tra-cuu')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page)

    await main.getByRole('button', { name: 'Tra cứu' }).click()
    await expect(main.getByLabel('Mã hồ sơ')).toHaveAttribute('aria-invalid', 'true')
    await expectNoSeriousViolations(page)

    await main.getByLabel('Mã hồ sơ').fill(code!)
    await main.getByLabel('Số điện thoại hoặc số CCCD của người nộp').fill(CITIZEN.phone)
    await main.getByRole('button', { name: 'Tra cứu' }).click()
    await expect(main.getByRole('heading', { level: 2, name: `Hồ sơ ${code}` })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test.describe('signed in as a citizen', () => {
    test.beforeEach(async ({ page, baseURL }) => {
      await signInAs(page, baseURL!, CITIZEN.citizenId)
    })

    test('my dossiers', async ({ page }) => {
      await page.goto('/ho-so-cua-toi')
      await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test('one of my dossiers', async ({ page }) => {
      await page.goto('/ho-so-cua-toi')
      const firstDossier = page.getByRole('main').getByRole('list', { name: /^Danh sách hồ sơ/ }).getByRole('link').first()
      const code = (await firstDossier.textContent())!.trim()
      await firstDossier.click()
      await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${code}$`))
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test('account page', async ({ page }) => {
      await page.goto('/tai-khoan')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSeriousViolations(page)
    })
  })

  test('in English: the procedure page after the language switch', async ({ page }) => {
    await openBirthRegistration(page)
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1, name: 'Birth registration' })).toBeVisible()
    await expectNoSeriousViolations(page)
  })

  test.describe('on a 390 px phone', () => {
    test.use({ viewport: PHONE_VIEWPORT })

    test('home page', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' })).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test('procedure page', async ({ page }) => {
      await openBirthRegistration(page)
      await expectNoSeriousViolations(page)
    })

    test('sign-in page', async ({ page }) => {
      await page.goto('/dang-nhap')
      await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible()
      await expectNoSeriousViolations(page)
    })

    test('public lookup page', async ({ page }) => {
      await page.goto('/tra-cuu')
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSeriousViolations(page)
    })
  })
})
