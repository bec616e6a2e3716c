import type { APIRequestContext, Page } from '@playwright/test'
import { TEST_CITIZEN, TEST_PERSON_WITHOUT_CCCD, type IdTokenMode, type TestCitizen } from '../support/oidc-provider'
import { expect, test } from './fixtures'

/**
 * Sign-in through VNeID, end to end: the portal against a real OpenID Connect provider (oidc-provider,
 * started by playwright.config.ts), in Chromium, through the provider's own login page. Console errors fail
 * every test (fixtures.ts) — including the refused sign-ins, which must end on the sign-in page quietly.
 */
const OIDC_ISSUER = `http://127.0.0.1:${process.env.OIDC_TEST_PORT ?? 3211}`

async function setIdTokenMode(request: APIRequestContext, mode: IdTokenMode) {
  const response = await request.post(`${OIDC_ISSUER}/__test/mode`, { data: { mode } })
  expect(response.ok()).toBe(true)
}

async function idTokenMode(request: APIRequestContext): Promise<IdTokenMode> {
  const response = await request.get(`${OIDC_ISSUER}/__test/mode`)
  return ((await response.json()) as { mode: IdTokenMode }).mode
}

/** Our session as next-auth reports it: `{}` when signed out. */
async function session(page: Page): Promise<{ userId?: string; sessionVersion?: number }> {
  const response = await page.request.get('/api/auth/session')
  expect(response.ok()).toBe(true)
  return (await response.json()) as { userId?: string; sessionVersion?: number }
}

/** From the portal's sign-in page to the provider's login page, and through it as this person. */
async function signInThroughVneid(page: Page, person: TestCitizen = TEST_CITIZEN) {
  await page.goto('/dang-nhap?next=%2Fchuyen-huong')
  await page.getByRole('button', { name: 'Đăng nhập bằng VNeID' }).click()
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`))
  await page.getByLabel('Số định danh cá nhân').fill(person.login)
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click()
}

test.describe('sign-in with VNeID (OpenID Connect)', () => {
  test.afterEach(async ({ request }) => {
    await setIdTokenMode(request, 'normal')
  })

  test('a new citizen signs in through the provider, and signing in again reuses the same account', async ({ page }) => {
    await signInThroughVneid(page)

    // /chuyen-huong sends each role to its home: a citizen's is "my dossiers".
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)
    await expect(page.getByText(TEST_CITIZEN.claims.name).first()).toBeVisible()
    const first = await session(page)
    expect(first.userId).toMatch(/^[0-9a-f-]{36}$/)
    expect(first.sessionVersion).toBe(0)

    // Signed out of both the portal and the provider: the whole flow again, login page included.
    await page.context().clearCookies()
    expect(await session(page)).toEqual({})
    await signInThroughVneid(page)
    await expect(page).toHaveURL(/\/ho-so-cua-toi$/)
    const again = await session(page)
    expect({ userId: again.userId, sessionVersion: again.sessionVersion }).toEqual({ userId: first.userId, sessionVersion: 0 })
  })

  const refusals = [
    ['tampered', 'a tampered ID token (changed claims under the original signature) is refused'],
    ['expired', 'an expired ID token (correctly signed) is refused'],
  ] as const
  for (const [mode, title] of refusals) {
    test(title, async ({ page, request }) => {
      await setIdTokenMode(request, mode)
      await signInThroughVneid(page)

      // next-auth sends a refused sign-in back to the sign-in page with an error code.
      await expect(page).toHaveURL(/\/dang-nhap\?(.+&)?error=OAuthCallback(&|$)/)
      await expect(page.getByRole('main').getByRole('alert')).toContainText('Không đăng nhập được bằng VNeID')
      expect(await session(page)).toEqual({})
      // The provider did issue the altered token (the hook fired), so the refusal is the portal's doing.
      expect(await idTokenMode(request)).toBe('normal')
    })
  }

  test('a valid ID token whose claims do not name a citizen (no 12-digit CCCD) is refused by the portal', async ({ page }) => {
    await signInThroughVneid(page, TEST_PERSON_WITHOUT_CCCD)

    // The token itself is fine; our signIn callback says no.
    await expect(page).toHaveURL(/\/dang-nhap\?(.+&)?error=AccessDenied(&|$)/)
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Không đăng nhập được bằng VNeID')
    expect(await session(page)).toEqual({})
  })
})
