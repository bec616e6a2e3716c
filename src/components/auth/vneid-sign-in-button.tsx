'use client'

import { signIn } from 'next-auth/react'
import { useId, useState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'

/** Texts from the `Vneid` message namespace, translated by the server page (no message bundle shipped). */
export type VneidSignInLabels = { signIn: string; pending: string; unavailable: string }

/**
 * "Đăng nhập bằng VNeID": starts the OpenID Connect sign-in (next-auth adds its CSRF token, PKCE, state and
 * nonce) and leaves the page for the provider. Renders nothing when VNeID is not configured — the page
 * passes `enabled` from the server's `isVneidConfigured()`.
 */
export function VneidSignInButton({ enabled, callbackUrl, labels }: { enabled: boolean; callbackUrl: string; labels: VneidSignInLabels }) {
  const [pending, setPending] = useState(false)
  const [failed, setFailed] = useState(false)
  const errorId = useId()
  if (!enabled) return null

  async function start() {
    setPending(true)
    setFailed(false)
    try {
      // On success the browser navigates away to the provider; this promise never settles usefully.
      await signIn('vneid', { callbackUrl })
    } catch {
      setFailed(true)
      setPending(false)
    }
  }

  return (
    <div>
      <button
        type="button"
        onClick={() => void start()}
        disabled={pending}
        aria-describedby={failed ? errorId : undefined}
        className={`${buttonStyles.secondary} min-h-11 w-full disabled:cursor-wait disabled:opacity-70`}
      >
        {pending ? labels.pending : labels.signIn}
      </button>
      {failed ? (
        <p id={errorId} role="alert" className="mt-2 text-sm text-gov-red-800">
          {labels.unavailable}
        </p>
      ) : null}
    </div>
  )
}
