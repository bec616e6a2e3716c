import 'server-only'
import { cookies } from 'next/headers'

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/

/**
 * After the session version was raised, the cookie on this device names a revoked session: drop it too,
 * so the browser stops sending it. (A `__Secure-` cookie can only be overwritten by a secure one.)
 */
export async function clearSessionCookie(): Promise<void> {
  const store = await cookies()
  for (const { name } of store.getAll()) {
    if (SESSION_COOKIE.test(name)) store.set(name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') })
  }
}
