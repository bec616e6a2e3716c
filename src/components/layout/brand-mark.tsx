/** The portal's mark: a plain monogram, deliberately not a state emblem. Decorative; the name says it all. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false" className={className}>
      <rect width="40" height="40" rx="8" fill="#ffffff" />
      <rect x="3" y="3" width="34" height="34" rx="6" fill="#a3221b" />
      <path d="M10 28V12h3.2l6.8 9 6.8-9H30v16h-3.6V18.6L20 27l-6.4-8.4V28z" fill="#ffffff" />
    </svg>
  )
}
