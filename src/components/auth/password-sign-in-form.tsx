'use client'

import { signIn } from 'next-auth/react'
import { useId, useRef, useState, type FormEvent } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'

export type PasswordSignInLabels = {
  identifier: string
  identifierHint: string
  password: string
  submit: string
  pending: string
  failed: string
  unavailable: string
}

const inputClass =
  'mt-1.5 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700'

/**
 * Password sign-in through next-auth (which adds its CSRF token). On success the browser loads the
 * destination afresh so every server component sees the new session.
 */
export function PasswordSignInForm({ labels, next, initialError }: { labels: PasswordSignInLabels; next: string; initialError: boolean }) {
  const [error, setError] = useState<string | null>(initialError ? labels.failed : null)
  const [pending, setPending] = useState(false)
  const passwordRef = useRef<HTMLInputElement>(null)
  const errorId = useId()

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setPending(true)
    setError(null)
    try {
      const result = await signIn('password', {
        identifier: String(form.get('identifier') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      })
      if (result?.ok && !result.error) {
        window.location.assign(next)
        return
      }
      setError(labels.failed)
    } catch {
      setError(labels.unavailable)
    }
    setPending(false)
    if (passwordRef.current) {
      passwordRef.current.value = ''
      passwordRef.current.focus()
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-describedby={error ? errorId : undefined}>
      {error ? (
        <p id={errorId} role="alert" className="rounded border border-gov-red-700 bg-gov-red-50 px-3 py-2 text-sm text-gov-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="dinh-danh" className="block font-semibold text-slate-800">
          {labels.identifier}
        </label>
        <input
          id="dinh-danh"
          name="identifier"
          type="text"
          required
          maxLength={100}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby="dinh-danh-goi-y"
          className={inputClass}
        />
        <p id="dinh-danh-goi-y" className="mt-1.5 text-sm text-slate-600">
          {labels.identifierHint}
        </p>
      </div>
      <div>
        <label htmlFor="mat-khau" className="block font-semibold text-slate-800">
          {labels.password}
        </label>
        <input
          ref={passwordRef}
          id="mat-khau"
          name="password"
          type="password"
          required
          maxLength={200}
          autoComplete="current-password"
          className={inputClass}
        />
      </div>
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full disabled:opacity-70`}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  )
}
