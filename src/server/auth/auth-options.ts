import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { isAppError } from '@/domain/errors'
import { db } from '@/server/db'
import { requestMetaFrom } from '@/server/http/request-meta'
import { signInWithPassword } from './sign-in-with-password'
import { SESSION_MAX_AGE_SECONDS } from './session-policy'

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
  ],
  callbacks: {
    jwt({ token, user }) {
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
