/**
 * <DossierResultSection dossier={…} /> — "Kết quả giải quyết", shown prominently to the applicant once the
 * result is signed (READY_TO_RETURN: where to collect it) or returned (RETURNED: the result files with a
 * download link each, or, without an electronic copy, where it was handed over). Nothing for other states.
 *
 * Links load GET /api/attachments/<id>?download=1, which checks the viewer's scope again (404 outside it)
 * and names the file safely (RFC 6266 filename*). Server component; section id `ket-qua` (next-step links).
 */
import { getTranslations } from 'next-intl/server'
import { safeDownloadName } from '@/domain/attachments/download-name'
import { fileTypeLabel } from '@/domain/attachments/file-type'
import { formatFileSize } from '@/domain/attachments/format-file-size'
import { buttonStyles } from '@/components/ui/button-styles'
import { formatDate } from '@/lib/format/date'
import type { DossierView } from '@/server/dossier/get-dossier'

export async function DossierResultSection({ dossier, locale }: { dossier: Pick<DossierView, 'state' | 'attachments' | 'communeName' | 'dueAt' | 'completedAt'>; locale: string }) {
  if (dossier.state !== 'READY_TO_RETURN' && dossier.state !== 'RETURNED') return null
  const t = await getTranslations('Dossier.result')
  const results = dossier.attachments.filter((attachment) => attachment.kind === 'RESULT')
  return (
    <section aria-labelledby="ket-qua" className="mt-6 rounded border-2 border-emerald-700 bg-emerald-50 p-4 sm:p-5">
      <h2 id="ket-qua" className="text-lg font-bold text-emerald-950">
        {t('title')}
      </h2>
      {dossier.state === 'READY_TO_RETURN' ? (
        <p className="mt-2 text-emerald-950">{t('ready', { commune: dossier.communeName, due: dossier.dueAt ? formatDate(dossier.dueAt) : 'none' })}</p>
      ) : results.length === 0 ? (
        <p className="mt-2 text-emerald-950">{t('none', { commune: dossier.communeName })}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-emerald-950">
            {t('lead')}
            {dossier.completedAt ? ` ${t('returnedAt', { date: formatDate(dossier.completedAt) })}.` : ''}
          </p>
          <ul className="mt-3 space-y-2">
            {results.map((file) => {
              const name = safeDownloadName(file.fileName, file.mimeType).name
              const href = `/api/attachments/${file.id}`
              return (
                <li key={file.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-emerald-700/40 bg-white px-3 py-2">
                  <span className="min-w-0">
                    <span className="block font-semibold break-all text-slate-900">{name}</span>
                    <span className="text-sm text-slate-700">
                      {fileTypeLabel(file.mimeType)} · {formatFileSize(file.sizeBytes, locale)}
                    </span>
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <a href={href} target="_blank" rel="noopener" aria-label={t('viewLabel', { name })} className={buttonStyles.secondary}>
                      {t('view')}
                    </a>
                    <a href={`${href}?download=1`} download={name} aria-label={t('downloadLabel', { name })} className={buttonStyles.navy}>
                      {t('download')}
                    </a>
                  </span>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
