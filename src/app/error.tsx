'use client'

import Link from 'next/link'
import { useEffect } from 'react'
import { referenceText } from '@/components/layout/error-text'
import { useErrorText } from '@/components/layout/error-text-provider'
import { buttonStyles } from '@/components/ui/button-styles'

/** Unexpected errors below the root layout: the header and footer stay, with a polite way forward. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const text = useErrorText()
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null

  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6 sm:py-24">
      <h1 className="text-2xl font-bold text-navy-900 sm:text-3xl">{text.title}</h1>
      <p className="mt-3 text-slate-700">{text.body}</p>
      {digest ? <p className="mt-2 text-sm text-slate-600">{referenceText(text, digest)}</p> : null}
      <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
        <button type="button" onClick={() => retry()} className={buttonStyles.primary}>
          {text.retry}
        </button>
        <Link href="/" className={buttonStyles.secondary}>
          {text.home}
        </Link>
      </div>
    </div>
  )
}
