import { request, type APIRequestContext } from '@playwright/test'

export const DEMO_PASSWORD = 'MotCua@2026'

/**
 * An HTTP client signed in as a demo account through next-auth's own credentials endpoint (CSRF token
 * included), for tests that check many URLs without driving the browser UI.
 */
export async function apiSession(baseURL: string, identifier: string | null): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL })
  if (identifier === null) return context
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const response = await context.post('/api/auth/callback/password', {
    form: { csrfToken, identifier, password: DEMO_PASSWORD, json: 'true' },
    maxRedirects: 0,
  })
  if (response.status() >= 400) throw new Error(`sign-in as ${identifier} failed: ${response.status()}`)
  const session = (await (await context.get('/api/auth/session')).json()) as { userId?: string }
  if (!session.userId) throw new Error(`no session for ${identifier}`)
  return context
}
