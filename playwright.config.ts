import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3210)
/** The local OpenID Connect provider standing in for VNeID (tests/support/oidc-provider.ts), and the app's client there. */
const oidc = {
  port: Number(process.env.OIDC_TEST_PORT ?? 3211),
  clientId: 'motcua-e2e',
  clientSecret: 'motcua-e2e-client-secret-not-for-production',
}

/**
 * End-to-end tests against the production build, served by scripts/e2e-server.ts on a fresh seeded
 * database, in Debian's Chromium (never a downloaded browser).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: the app, its database and one browser.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Not test-results/ itself: Playwright empties its output folder, where the other reports also go.
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npx tsx tests/support/oidc-provider-server.ts',
      url: `http://127.0.0.1:${oidc.port}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        OIDC_TEST_PORT: String(oidc.port),
        OIDC_TEST_CLIENT_ID: oidc.clientId,
        OIDC_TEST_CLIENT_SECRET: oidc.clientSecret,
        OIDC_TEST_REDIRECT_URI: `http://127.0.0.1:${port}/api/auth/callback/vneid`,
      },
    },
    {
      command: 'npx tsx --conditions=react-server scripts/e2e-server.ts',
      url: `http://127.0.0.1:${port}/`,
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        E2E_PORT: String(port),
        E2E_OIDC_ISSUER: `http://127.0.0.1:${oidc.port}`,
        E2E_OIDC_CLIENT_ID: oidc.clientId,
        E2E_OIDC_CLIENT_SECRET: oidc.clientSecret,
      },
    },
  ],
})
