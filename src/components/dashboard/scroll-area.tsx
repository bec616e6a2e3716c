import type { ReactNode } from 'react'

/**
 * A box that scrolls a wide table on its own, so the page never scrolls sideways on a phone. Focusable and
 * named, so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function ScrollArea({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // Focusable on purpose: the table in it may have nothing else to focus.
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-auto rounded border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-navy-700 ${className}`}>
      {children}
    </div>
  )
}
