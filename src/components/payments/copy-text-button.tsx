'use client'

import { useState, useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * Copies a value (an account number, a transfer description) to the clipboard. Progressive enhancement: the
 * button appears only once scripts run and the browser offers the clipboard; the value itself is always on
 * the page to select by hand. Says "copied" in a polite live region.
 */
export function CopyTextButton({ text, label, accessibleLabel, copiedLabel }: { text: string; label: string; accessibleLabel: string; copiedLabel: string }) {
  const available = useSyncExternalStore(
    subscribe,
    () => typeof navigator !== 'undefined' && Boolean(navigator.clipboard?.writeText),
    () => false,
  )
  const [copied, setCopied] = useState(false)
  if (!available) return null
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={accessibleLabel}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => {
              setCopied(true)
              window.setTimeout(() => setCopied(false), 3000)
            },
            () => setCopied(false),
          )
        }}
        className="rounded border border-navy-700 bg-white px-2 py-0.5 text-xs font-semibold text-navy-800 hover:bg-navy-50"
      >
        {label}
      </button>
      <span role="status" className="text-xs text-emerald-800">
        {copied ? copiedLabel : ''}
      </span>
    </span>
  )
}
