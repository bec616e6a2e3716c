import 'next-auth'
import 'next-auth/jwt'

declare module 'next-auth' {
  interface Session {
    userId?: string
    sessionVersion?: number
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sessionVersion?: number
  }
}
