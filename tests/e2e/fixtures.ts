import { test as base, expect } from '@playwright/test'

/**
 * Every end-to-end test fails when the page logs a console error or throws: a broken hydration or a
 * failed request is a defect even when the assertions pass. A test that provokes an error on purpose
 * (a refused sign-in answers 401, which Chromium logs) declares it in `expectedConsoleErrors`.
 */
export const test = base.extend<{ expectedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  // The fixture callback is named `provide`, not Playwright's usual `use`, which React's lint rules
  // mistake for the React hook.
  expectedConsoleErrors: async ({}, provide) => {
    await provide([])
  },
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, provide) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await provide(errors)
      const unexpected = errors.filter((error) => !expectedConsoleErrors.some((pattern) => pattern.test(error)))
      expect(unexpected, 'console errors on the page').toEqual([])
    },
    { auto: true },
  ],
})

/** What Chromium logs when a sign-in is refused (next-auth answers 401). */
export const REFUSED_SIGN_IN = /status of 401/

export { expect }
