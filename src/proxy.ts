import { NextResponse, type NextRequest } from 'next/server'
import { routeSetsFramingHeaders } from '@/server/attachments/attachment-response-headers'
import { contentSecurityPolicy, gatewayFormOrigins, isCrossSiteApiWrite, securityHeaders } from '@/server/http/security-headers'

/**
 * Runs before every request: refuses cross-site writes to the API (CSRF) and sets the security headers,
 * with a fresh CSP nonce that Next.js applies to its scripts. Authorization is NOT done here: every page,
 * action and route checks it on the server itself.
 */
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https'
  if (
    isCrossSiteApiWrite({
      method: request.method,
      pathname: request.nextUrl.pathname,
      origin: request.headers.get('origin'),
      host: request.headers.get('x-forwarded-host') ?? request.headers.get('host'),
    })
  ) {
    return NextResponse.json({ error: 'CROSS_SITE_REQUEST' }, { status: 403 })
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  // A payment form's server action redirects to the card/wallet gateway when one is configured (the sandbox
  // is this site's own page).
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', https, formActionOrigins: gatewayFormOrigins(process.env.PAYMENT_GATEWAY_URL) })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('Content-Security-Policy', csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  // Next.js keeps these over a route's own: GET /api/attachments/:id sets them itself (its inline files may
  // be framed by this site's pages, for the preview; its other answers by no one).
  const routeFraming = routeSetsFramingHeaders(request.nextUrl.pathname)
  for (const [name, value] of Object.entries(securityHeaders({ csp, https }))) {
    if (routeFraming && (name === 'Content-Security-Policy' || name === 'X-Frame-Options')) continue
    response.headers.set(name, value)
  }
  return response
}

// Every request but static build assets. Prefetches are not skipped: a request header must never be
// able to switch the CSRF rule off.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
}
