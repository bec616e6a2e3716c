import type { ReactNode } from 'react'

const tones = {
  info: 'border-navy-600 bg-navy-50 text-navy-900',
  warning: 'border-amber-500 bg-amber-50 text-amber-950',
  error: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  success: 'border-emerald-600 bg-emerald-50 text-emerald-950',
} as const

/** A bordered message box. `role="status"` (polite) or `role="alert"` when it reports a problem. */
export function Notice({
  tone = 'info',
  role,
  children,
}: {
  tone?: keyof typeof tones
  role?: 'status' | 'alert'
  children: ReactNode
}) {
  return (
    <div role={role} className={`rounded border-l-4 px-4 py-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  )
}
