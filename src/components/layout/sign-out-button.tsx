'use client'

import { signOut } from 'next-auth/react'

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/' })}
      className="rounded border border-white/60 px-2.5 py-1.5 text-sm font-semibold whitespace-nowrap text-white hover:bg-white/10 sm:px-3"
    >
      {label}
    </button>
  )
}
