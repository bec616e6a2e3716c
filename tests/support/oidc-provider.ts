/**
 * A real OpenID Connect provider for the tests, standing in for VNeID: the `oidc-provider` package (a
 * certified implementation) on 127.0.0.1, with one confidential client (the portal), RS256 keys generated at
 * start, an in-memory account store of citizens, a plain HTML login page (no JavaScript) and consent granted
 * automatically.
 *
 * Test hooks, for proving that the portal checks what it receives: `POST /__test/mode` with
 * `{"mode":"tampered"}` makes the NEXT ID token the token endpoint issues carry a changed claim under the
 * original signature; `{"mode":"expired"}` makes it correctly signed but expired an hour ago. The mode then
 * falls back to "normal" by itself. `GET /__test/mode` tells the current mode.
 */
import { createPrivateKey, createSign, generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { IncomingMessage, Server } from 'node:http'
import Provider, { type Configuration } from 'oidc-provider'

export type TestCitizen = {
  /** What the tester types on the login page. */
  login: string
  /** The provider's stable subject identifier for this person. */
  sub: string
  claims: { citizen_id: string; name: string; phone_number?: string }
}

export type IdTokenMode = 'normal' | 'tampered' | 'expired'

export type OidcProviderOptions = {
  port: number
  host?: string
  clientId: string
  clientSecret: string
  redirectUris: string[]
  citizens: TestCitizen[]
}

export type RunningOidcProvider = {
  issuer: string
  setMode(mode: IdTokenMode): void
  close(): Promise<void>
}

/** The citizen the end-to-end tests sign in as (not among the seeded demo citizens). */
export const TEST_CITIZEN: TestCitizen = {
  login: '040196123457',
  sub: 'vneid-7f3a2c91-test-citizen',
  claims: { citizen_id: '040196123457', name: 'Nguyễn Thị Vân', phone_number: '+84987650123' },
}

/** Someone the provider vouches for with only an old 9-digit ID card number: the portal must refuse it. */
export const TEST_PERSON_WITHOUT_CCCD: TestCitizen = {
  login: '186543210',
  sub: 'vneid-2b8e4d17-old-id-card',
  claims: { citizen_id: '186543210', name: 'Trần Văn Cũ' },
}

/** Defaults of the runnable server (oidc-provider-server.ts); playwright.config.ts passes the same values explicitly. */
export const TEST_OIDC_DEFAULTS = {
  port: 3211,
  clientId: 'motcua-e2e',
  clientSecret: 'motcua-e2e-client-secret-not-for-production',
} as const

const MODES: readonly IdTokenMode[] = ['normal', 'tampered', 'expired']

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char)

const base64url = (input: Buffer | string) => Buffer.from(input).toString('base64url')

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown>; signature: string } {
  const [header, payload, signature] = token.split('.')
  if (!header || !payload || signature === undefined) throw new Error('not a compact JWS')
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
    signature,
  }
}

function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
  const signature = createSign('RSA-SHA256').update(input).sign(key)
  return `${input}.${base64url(signature)}`
}

/** A changed claim under the original signature: what an attacker who edits a token in transit produces. */
function tamper(idToken: string): string {
  const { header, payload, signature } = decodeJwt(idToken)
  const forged = { ...payload, citizen_id: '040085003917', name: 'Kẻ Giả Mạo' }
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(forged))}.${signature}`
}

/** Correctly signed with the provider's own key, but issued two hours ago and expired one hour ago. */
function expire(idToken: string, key: KeyObject): string {
  const { header, payload } = decodeJwt(idToken)
  const now = Math.floor(Date.now() / 1000)
  return signRs256(header, { ...payload, iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }, key)
}

function loginPage(uid: string, error: string | null): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>VNeID (thử nghiệm)</title><link rel="icon" href="data:,"></head>
<body>
  <main>
    <h1>Đăng nhập VNeID (máy chủ thử nghiệm)</h1>
    ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
      <label for="login">Số định danh cá nhân</label>
      <input id="login" name="login" autocomplete="off" required>
      <button type="submit">Đăng nhập</button>
    </form>
  </main>
</body>
</html>`
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const host = options.host ?? '127.0.0.1'
  const issuer = `http://${host}:${options.port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomBytes(8).toString('hex')
  const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256', use: 'sig' }
  const signingKey = createPrivateKey({ key: privateJwk, format: 'jwk' })
  const citizensBySub = new Map(options.citizens.map((citizen) => [citizen.sub, citizen]))
  const citizensByLogin = new Map(options.citizens.map((citizen) => [citizen.login, citizen]))
  let mode: IdTokenMode = 'normal'

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [privateJwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'citizen_id'],
      phone: ['phone_number', 'phone_number_verified'],
    },
    // The scope claims go into the ID token itself (the portal reads the ID token, not the userinfo endpoint).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const citizen = citizensBySub.get(sub)
      if (!citizen) return undefined
      return {
        accountId: sub,
        async claims() {
          return { sub, ...citizen.claims, ...(citizen.claims.phone_number ? { phone_number_verified: true } : {}) }
        },
      }
    },
  }

  const provider = new Provider(issuer, configuration)

  // Test hooks and the interaction pages, in front of the provider's own routes.
  provider.use(async (ctx, next) => {
    if (ctx.path === '/__test/mode') {
      if (ctx.method === 'POST') {
        const body = parseJson(await readBody(ctx.req)) as { mode?: unknown } | null
        if (!MODES.includes(body?.mode as IdTokenMode)) {
          ctx.status = 400
          ctx.body = { error: `mode must be one of ${MODES.join(', ')}` }
          return
        }
        mode = body?.mode as IdTokenMode
      }
      ctx.body = { mode }
      return
    }

    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(ctx.path)
    if (interaction) {
      const details = await provider.interactionDetails(ctx.req, ctx.res)
      if (ctx.method === 'POST' && interaction[2]) {
        const form = new URLSearchParams(await readBody(ctx.req))
        const citizen = citizensByLogin.get((form.get('login') ?? '').trim())
        if (!citizen) {
          ctx.type = 'html'
          ctx.body = loginPage(details.uid, 'Không tìm thấy tài khoản định danh này.')
          return
        }
        const returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: citizen.sub } }, { mergeWithLastSubmission: false })
        ctx.status = 303
        ctx.redirect(returnTo)
        return
      }
      if (details.prompt.name === 'login') {
        ctx.type = 'html'
        ctx.body = loginPage(details.uid, null)
        return
      }
      // Consent: granted automatically, as for a first-party client.
      const { params, session } = details
      const accountId = session?.accountId
      if (!accountId) throw new Error('consent without a signed-in account')
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: String(params.client_id) })
      if (!grant) throw new Error('grant not found')
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] }
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
      const grantId = await grant.save()
      const returnTo = await provider.interactionResult(
        ctx.req,
        ctx.res,
        { consent: details.grantId ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      )
      ctx.status = 303
      ctx.redirect(returnTo)
      return
    }

    await next()

    if (ctx.oidc?.route === 'token' && ctx.status === 200 && mode !== 'normal') {
      const body = ctx.body as { id_token?: string } | undefined
      if (body?.id_token) {
        ctx.body = { ...body, id_token: mode === 'tampered' ? tamper(body.id_token) : expire(body.id_token, signingKey) }
        mode = 'normal'
      }
    }
  })

  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(options.port, host, () => resolve(listening))
    listening.once('error', reject)
  })
  const address = server.address() as AddressInfo

  return {
    issuer: `http://${host}:${address.port}`,
    setMode(next) {
      mode = next
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
