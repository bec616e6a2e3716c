/**
 * Runs the test OpenID Connect provider (tests/support/oidc-provider.ts) until stopped; Playwright starts it
 * before the app (playwright.config.ts). Settings from the environment:
 *   OIDC_TEST_PORT (3211), OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET,
 *   OIDC_TEST_REDIRECT_URI (http://127.0.0.1:${E2E_PORT ?? 3210}/api/auth/callback/vneid).
 *
 *   npx tsx tests/support/oidc-provider-server.ts
 */
import { startOidcProvider, TEST_CITIZEN, TEST_OIDC_DEFAULTS, TEST_PERSON_WITHOUT_CCCD } from './oidc-provider'

async function main() {
  const appPort = process.env.E2E_PORT ?? '3210'
  const provider = await startOidcProvider({
    port: Number(process.env.OIDC_TEST_PORT ?? TEST_OIDC_DEFAULTS.port),
    clientId: process.env.OIDC_TEST_CLIENT_ID ?? TEST_OIDC_DEFAULTS.clientId,
    clientSecret: process.env.OIDC_TEST_CLIENT_SECRET ?? TEST_OIDC_DEFAULTS.clientSecret,
    redirectUris: [process.env.OIDC_TEST_REDIRECT_URI ?? `http://127.0.0.1:${appPort}/api/auth/callback/vneid`],
    citizens: [TEST_CITIZEN, TEST_PERSON_WITHOUT_CCCD],
  })
  console.log(`[oidc-test-provider] listening, issuer ${provider.issuer}`)
  const stop = () => {
    provider.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
