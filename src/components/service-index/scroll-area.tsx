import type { ReactNode } from 'react'

/**
 * A box that scrolls a wide table on its own, so the page never scrolls sideways on a phone. Focusable and named
 * so keyboard users can scroll it too (axe "scrollable-region-focusable").
 */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    // Focusable on purpose: the table inside may have nothing else to focus.
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-navy-700">
      {children}
    </div>
  )
}
