// /api/auth/* — next-auth's endpoints (sign-in, callbacks, sign-out, CSRF token, session).
import NextAuth from 'next-auth'
import { authOptions } from '@/server/auth/auth-options'

const handler = NextAuth(authOptions)

export { handler as GET, handler as POST }
