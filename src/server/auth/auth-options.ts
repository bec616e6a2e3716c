import 'server-only'
import type { Account, NextAuthOptions, Profile } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { isAppError } from '@/domain/errors'
import { db } from '@/server/db'
import { getRequestMeta, requestMetaFrom, type RequestMeta } from '@/server/http/request-meta'
import { signInWithOidc } from './sign-in-with-oidc'
import { signInWithPassword, type SignedInUser } from './sign-in-with-password'
import { SESSION_MAX_AGE_SECONDS } from './session-policy'
import { VNEID_PROVIDER_ID, vneidConfig, vneidIdentityFrom, vneidProviders, type VneidIdTokenClaims } from './vneid-provider'

/**
 * VNeID sign-ins resolved to our user by the signIn callback, for the jwt callback that runs next in the same
 * request. Keyed by next-auth's account object (the same object reaches both callbacks), so nothing of it
 * outlives the request.
 */
const oidcSignIns = new WeakMap<Account, SignedInUser>()

async function currentRequestMeta(): Promise<RequestMeta | null> {
  try {
    return await getRequestMeta()
  } catch {
    return null
  }
}

/** Maps the validated ID token to our citizen; false (sign-in refused) for bad claims or a refused account. */
async function signInThroughVneid(account: Account, profile: Profile | undefined): Promise<boolean> {
  const config = vneidConfig()
  if (!config || !profile) return false
  const identity = { ...vneidIdentityFrom(profile as VneidIdTokenClaims, config), subject: account.providerAccountId }
  try {
    const user = await signInWithOidc(db(), { provider: VNEID_PROVIDER_ID, identity, meta: await currentRequestMeta() })
    oidcSignIns.set(account, user)
    return true
  } catch (error) {
    if (!isAppError(error)) throw error
    // The reason goes to the server log (no claim values: they are personal data); the person sees the
    // sign-in page's generic refusal.
    console.warn(`[auth] VNeID sign-in refused (${error.code}): ${error.message}`)
    return false
  }
}

/**
 * next-auth: JWT sessions in an HTTP-only cookie holding only the user id and the session version; every
 * server read loads the user again (server/auth/session.ts), so disabling an account, "sign out
 * everywhere" and a password change take effect on the next request.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/dang-nhap', error: '/dang-nhap' },
  providers: [
    CredentialsProvider({
      id: 'password',
      name: 'password',
      credentials: { identifier: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        try {
          const headers = new Headers(request?.headers as Record<string, string> | undefined)
          const user = await signInWithPassword(db(), { input: credentials, meta: requestMetaFrom(headers) })
          return { id: user.id, sessionVersion: user.sessionVersion }
        } catch (error) {
          if (isAppError(error) && error.code === 'INVALID_CREDENTIALS') return null
          throw error
        }
      },
    }),
    ...vneidProviders(),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider === VNEID_PROVIDER_ID) return signInThroughVneid(account, profile)
      return true
    },
    jwt({ token, user, account }) {
      if (account?.provider === VNEID_PROVIDER_ID) {
        // token.sub must be OUR user id, not the provider's subject; and nothing else from the ID token.
        const signedIn = oidcSignIns.get(account)
        if (!signedIn) throw new Error('VNeID sign-in reached the jwt callback without a resolved account')
        return { sub: signedIn.id, sessionVersion: signedIn.sessionVersion }
      }
      if (user) {
        token.sub = user.id
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0
      }
      return token
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion }
    },
  },
}
