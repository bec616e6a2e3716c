/**
 * Security headers for every response, and the same-origin rule for state-changing API calls.
 * Pure functions, used by src/proxy.ts and unit-tested.
 */

/**
 * `formActionOrigins`: other origins a form of this site may end up at — a server action that answers a form
 * post with a redirect to the card/wallet gateway (PAYMENT_GATEWAY_URL): browsers apply form-action to the
 * redirects that follow a form submission, so without it the payment would be blocked when scripts are off.
 */
export function contentSecurityPolicy({ nonce, dev, https, formActionOrigins = [] }: { nonce: string; dev: boolean; https: boolean; formActionOrigins?: readonly string[] }): string {
  return [
    "default-src 'self'",
    // Only scripts carrying this response's nonce (Next.js adds it to its own), and what they load.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes are used by React and Next.js internals; scripts are the XSS risk.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formActionOrigins].join(' '),
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

export function securityHeaders({ csp, https }: { csp: string; https: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/**
 * API paths that accept cross-site POSTs by design: next-auth's endpoints carry their own double-submit
 * CSRF token; payment gateways call their notification URLs server to server (verified by signature).
 */
const CROSS_SITE_ALLOWED = [/^\/api\/auth\//, /^\/api\/payments\/[^/]+\/ipn$/]

/**
 * CSRF defence for route handlers (server actions get the same check from Next.js): a state-changing
 * request to /api must come from a page of this site, as its Origin header proves.
 */
export function isCrossSiteApiWrite({ method, pathname, origin, host }: { method: string; pathname: string; origin: string | null; host: string | null }): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || !pathname.startsWith('/api/')) return false
  if (CROSS_SITE_ALLOWED.some((pattern) => pattern.test(pathname))) return false
  if (!origin || !host) return true
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** The origin of a configured external gateway URL, for form-action (nothing when unset or not http(s)). */
export function gatewayFormOrigins(gatewayUrl: string | undefined): string[] {
  if (!gatewayUrl) return []
  try {
    const url = new URL(gatewayUrl)
    return url.protocol === 'https:' || url.protocol === 'http:' ? [url.origin] : []
  } catch {
    return []
  }
}
