import 'server-only'
import type { OAuthConfig } from 'next-auth/providers/oauth'
import { z } from 'zod'

/**
 * Sign-in through VNeID (or any OpenID Connect provider), configured by environment:
 *   VNEID_ISSUER, VNEID_CLIENT_ID, VNEID_CLIENT_SECRET — all three, or none (then the provider is off);
 *   VNEID_SCOPE (default "openid profile phone");
 *   VNEID_CLAIM_CITIZEN_ID / VNEID_CLAIM_NAME / VNEID_CLAIM_PHONE — the ID-token claims that carry the
 *   12-digit citizen ID number, the full name and the phone (defaults citizen_id, name, phone_number).
 *
 * next-auth reads the provider's discovery document and, with `idToken: true`, lets openid-client validate
 * the ID token: RS256 signature against the provider's JWKS, issuer, audience, expiry (10 s tolerance) and
 * the nonce; PKCE and state protect the code exchange. Only the validated ID token's claims are used —
 * never the userinfo endpoint. tests/e2e/vneid.spec.ts proves that a tampered or expired token is refused.
 */
export const VNEID_PROVIDER_ID = 'vneid'

const optional = z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(1).optional())
const claimName = (fallback: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(1).max(100).default(fallback))

const VneidEnv = z.object({
  VNEID_ISSUER: optional.pipe(
    z
      .url({ protocol: /^https?$/ })
      // Discovery and the signing keys are fetched from the issuer: plain http only on this machine (tests).
      .refine((url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url), {
        message: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
      })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  VNEID_CLIENT_ID: optional,
  VNEID_CLIENT_SECRET: optional,
  VNEID_SCOPE: claimName('openid profile phone'),
  VNEID_CLAIM_CITIZEN_ID: claimName('citizen_id'),
  VNEID_CLAIM_NAME: claimName('name'),
  VNEID_CLAIM_PHONE: claimName('phone_number'),
})

export type VneidConfig = {
  issuer: string
  clientId: string
  clientSecret: string
  scope: string
  claims: { citizenId: string; name: string; phone: string }
}

/** The VNeID settings, or null when VNeID sign-in is not configured; a partial configuration throws. */
export function vneidConfig(env: NodeJS.ProcessEnv = process.env): VneidConfig | null {
  const parsed = VneidEnv.safeParse(env)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new Error(`Invalid VNeID environment: ${details}`)
  }
  const { VNEID_ISSUER: issuer, VNEID_CLIENT_ID: clientId, VNEID_CLIENT_SECRET: clientSecret } = parsed.data
  if (!issuer && !clientId && !clientSecret) return null
  if (!issuer || !clientId || !clientSecret) {
    const missing = Object.entries({ VNEID_ISSUER: issuer, VNEID_CLIENT_ID: clientId, VNEID_CLIENT_SECRET: clientSecret })
      .filter(([, value]) => !value)
      .map(([name]) => name)
    throw new Error(`Invalid VNeID environment: set all of VNEID_ISSUER, VNEID_CLIENT_ID and VNEID_CLIENT_SECRET, or none (missing ${missing.join(', ')})`)
  }
  return {
    issuer,
    clientId,
    clientSecret,
    scope: parsed.data.VNEID_SCOPE,
    claims: { citizenId: parsed.data.VNEID_CLAIM_CITIZEN_ID, name: parsed.data.VNEID_CLAIM_NAME, phone: parsed.data.VNEID_CLAIM_PHONE },
  }
}

/** For the sign-in page: whether to offer the "Đăng nhập bằng VNeID" button. */
export function isVneidConfigured(): boolean {
  return vneidConfig() !== null
}

/** The raw ID-token claims, as openid-client hands them over after validating the token. */
export type VneidIdTokenClaims = Record<string, unknown> & { sub?: unknown }

/** The person the claims describe, under our names; values are unchecked (sign-in-with-oidc.ts validates). */
export type VneidIdentity = { subject: unknown; citizenId: unknown; fullName: unknown; phone: unknown }

export function vneidIdentityFrom(claims: VneidIdTokenClaims, config: VneidConfig): VneidIdentity {
  return {
    subject: claims.sub,
    citizenId: claims[config.claims.citizenId],
    fullName: claims[config.claims.name],
    phone: claims[config.claims.phone],
  }
}

/** next-auth's provider list entry for VNeID: one provider when configured, none otherwise. */
export function vneidProviders(config: VneidConfig | null = vneidConfig()): OAuthConfig<VneidIdTokenClaims>[] {
  if (!config) return []
  return [
    {
      id: VNEID_PROVIDER_ID,
      name: 'VNeID',
      type: 'oauth',
      wellKnown: `${config.issuer}/.well-known/openid-configuration`,
      issuer: config.issuer,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authorization: { params: { scope: config.scope } },
      // Only RS256-signed ID tokens: refuses "alg: none" and HMAC tokens forged with the client secret.
      client: { id_token_signed_response_alg: 'RS256', token_endpoint_auth_method: 'client_secret_basic' },
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      // next-auth needs an `id`: the provider's subject (it becomes the account's providerAccountId). Our
      // own user is resolved from the claims in the signIn callback (auth-options.ts).
      profile(claims) {
        const name = claims[config.claims.name]
        return { id: String(claims.sub ?? ''), name: typeof name === 'string' ? name : null, email: null, image: null }
      },
    },
  ]
}
