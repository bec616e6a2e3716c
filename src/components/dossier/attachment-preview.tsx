'use client'

import { useState } from 'react'

/**
 * A file's preview, loaded only when opened: the <iframe>/<img> is rendered on the first toggle, so a
 * dossier with twenty scans does not fetch them all with the page. PDFs go in an <iframe> (the page's CSP
 * forbids <object>; GET /api/attachments/:id allows framing by this site only), images in an <img>.
 */
export function AttachmentPreview({ src, type, summary, title }: { src: string; type: 'pdf' | 'image'; summary: string; title: string }) {
  const [opened, setOpened] = useState(false)
  return (
    <details className="mt-2" onToggle={(event) => setOpened(opened || event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-semibold text-navy-800 underline">{summary}</summary>
      {opened ? (
        type === 'pdf' ? (
          <iframe src={src} title={title} className="mt-2 h-[70vh] w-full rounded border border-slate-300 bg-slate-50" />
        ) : (
          // next/image would fetch through the image optimiser, without the viewer's session: a plain img.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={src} alt={title} className="mt-2 max-h-[70vh] max-w-full rounded border border-slate-300 bg-slate-50 object-contain" />
        )
      ) : null}
    </details>
  )
}
