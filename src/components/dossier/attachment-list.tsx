/**
 * AttachmentList — the files of one dossier, grouped by kind (application, supplement, result, slips),
 * each with its size, upload time, a link to open it, a download link and an in-page preview on demand.
 * Names are shown as they download (safeDownloadName: the extension of the real type, "scan.png").
 *
 * Props contract
 * - `attachments`: `{ id, fileName, mimeType, sizeBytes, kind, documentKey, createdAt }[]`, already limited
 *   to what the viewer may see — e.g. `DossierView.attachments` (server/dossier/get-dossier.ts) or
 *   `listDossierAttachments` (server/attachments/list-attachments.ts). `kind` is an AttachmentKind
 *   (`APPLICATION`, `SUPPLEMENT`, `RESULT`, `SLIP`); any other value is listed under "other files".
 *   Order within a group is kept as given (oldest first from both sources).
 * - `documentNames` (optional): required-document key → its label (procedure version's
 *   requiredDocuments[].key / .label), shown as "Giấy tờ: <label>"; a key without a label is shown as is.
 *
 * The list decides nothing about access: every link and preview loads GET /api/attachments/<id>, which
 * checks the viewer's scope again and answers 404 outside it. Server component; the preview toggle is the
 * only client part (./attachment-preview.tsx). Renders a section with an <h2>; place it in a page.
 */
import { getLocale, getTranslations } from 'next-intl/server'
import { ATTACHMENT_KINDS } from '@/domain/attachments/attachment-kind'
import { safeDownloadName } from '@/domain/attachments/download-name'
import { fileTypeLabel } from '@/domain/attachments/file-type'
import { formatFileSize } from '@/domain/attachments/format-file-size'
import { formatDateTime } from '@/lib/format/date'
import { AttachmentPreview } from './attachment-preview'

export type AttachmentListEntry = {
  id: string
  fileName: string
  mimeType: string
  sizeBytes: number
  kind: string
  documentKey: string | null
  createdAt: Date
}

const OTHER = 'other'

function groupByKind(attachments: readonly AttachmentListEntry[]): [string, AttachmentListEntry[]][] {
  const groups = new Map<string, AttachmentListEntry[]>()
  for (const attachment of attachments) {
    const kind = (ATTACHMENT_KINDS as readonly string[]).includes(attachment.kind) ? attachment.kind : OTHER
    groups.set(kind, [...(groups.get(kind) ?? []), attachment])
  }
  return [...ATTACHMENT_KINDS, OTHER].flatMap((kind) => (groups.has(kind) ? [[kind, groups.get(kind)!] as [string, AttachmentListEntry[]]] : []))
}

function previewType(mimeType: string): 'pdf' | 'image' | null {
  if (mimeType === 'application/pdf') return 'pdf'
  if (mimeType === 'image/jpeg' || mimeType === 'image/png') return 'image'
  return null
}

export async function AttachmentList({ attachments, documentNames = {} }: { attachments: readonly AttachmentListEntry[]; documentNames?: Readonly<Record<string, string>> }) {
  const [t, locale] = await Promise.all([getTranslations('Attachments'), getLocale()])
  return (
    <section aria-labelledby="tep-dinh-kem" className="mt-8">
      <h2 id="tep-dinh-kem" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      {attachments.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        groupByKind(attachments).map(([kind, files]) => (
          <div key={kind} className="mt-4">
            <h3 className="text-base font-semibold text-slate-800">
              {t(`kind.${kind}`)} <span className="font-normal text-slate-600">({t('count', { count: files.length })})</span>
            </h3>
            <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
              {files.map((file) => {
                const href = `/api/attachments/${file.id}`
                const preview = previewType(file.mimeType)
                // The name it downloads under: the uploader's, with the extension of its real type.
                const name = safeDownloadName(file.fileName, file.mimeType).name
                return (
                  <li key={file.id} className="px-3 py-2 text-sm">
                    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                      <a href={href} target="_blank" rel="noopener" aria-label={t('openLabel', { name })} className="font-semibold break-all text-navy-800 underline">
                        {name}
                      </a>
                      <a href={`${href}?download=1`} aria-label={t('downloadLabel', { name })} className="shrink-0 font-semibold text-navy-800 underline">
                        {t('download')}
                      </a>
                    </div>
                    <p className="mt-0.5 text-slate-600">
                      {fileTypeLabel(file.mimeType)} · {formatFileSize(file.sizeBytes, locale)} · {t('uploadedAt', { date: formatDateTime(file.createdAt) })}
                      {file.documentKey ? ` · ${t('document', { name: documentNames[file.documentKey] ?? file.documentKey })}` : ''}
                    </p>
                    {preview ? <AttachmentPreview src={href} type={preview} summary={t('preview')} title={t('previewTitle', { name })} /> : null}
                  </li>
                )
              })}
            </ul>
          </div>
        ))
      )}
    </section>
  )
}
