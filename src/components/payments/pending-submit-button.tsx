'use client'

import { useFormStatus } from 'react-dom'

/**
 * A form's submit button that says it is working and ignores a second click while the form is posting (the
 * server also gives the same payment back on a repeat). Without JavaScript it is a plain submit button.
 */
export function PendingSubmitButton({ label, pendingLabel, className, describedBy }: { label: string; pendingLabel: string; className: string; describedBy?: string }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" disabled={pending} aria-describedby={describedBy} className={className}>
      {pending ? pendingLabel : label}
    </button>
  )
}
