import type { ReactNode } from 'react'

/**
 * A test VietQR code (an SVG drawn on the server, as a data: URI) beside the facts it carries. Plain markup
 * with no hooks: the page (server) and the form (client) both show it.
 */
export function AccountQr({
  headingId,
  title,
  hint,
  qr,
  alt,
  rows,
  stacked = false,
  children,
}: {
  headingId: string
  title: string
  hint: string
  qr: string
  alt: string
  rows: [label: string, value: ReactNode][]
  /** QR above the facts at every width (for a narrow column). */
  stacked?: boolean
  children?: ReactNode
}) {
  return (
    <section aria-labelledby={headingId} className="rounded border-2 border-navy-600 bg-white p-4" data-testid="account-qr">
      <h3 id={headingId} className="font-semibold text-navy-900">
        {title}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{hint}</p>
      <div className={`mt-3 flex flex-col items-center gap-4 ${stacked ? '' : 'sm:flex-row sm:items-start'}`}>
        {/* A data: URI of an SVG drawn on the server: next/image adds nothing here. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={qr} width={192} height={192} alt={alt} className="size-48 shrink-0 rounded border border-slate-300 bg-white" />
        {rows.length > 0 ? (
          <dl className="w-full min-w-0 divide-y divide-slate-200 rounded border border-slate-200 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className={`grid grid-cols-1 gap-0.5 px-3 py-2 ${stacked ? '' : 'sm:grid-cols-[8rem_minmax(0,1fr)] sm:gap-3'}`}>
                <dt className="font-semibold text-slate-700">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      {children}
    </section>
  )
}
