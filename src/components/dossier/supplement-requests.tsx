import { getTranslations } from 'next-intl/server'
import { formatDateTime } from '@/lib/format/date'
import type { DossierView } from '@/server/dossier/get-dossier'

/**
 * The supplement requests of a dossier, each listing its missing items one by one (Mẫu 02), with the
 * applicant's answer: when, the note, and which files answer which item.
 */
export async function SupplementRequests({ dossier }: { dossier: Pick<DossierView, 'supplementRequests' | 'attachments'> }) {
  if (dossier.supplementRequests.length === 0) return null
  const t = await getTranslations('Dossier.supplement')
  const fileName = new Map(dossier.attachments.map((attachment) => [attachment.id, attachment.fileName]))
  return (
    <section aria-labelledby="yeu-cau-bo-sung" className="mt-8 max-w-3xl">
      <h2 id="yeu-cau-bo-sung" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      <ol className="mt-3 space-y-3">
        {dossier.supplementRequests.map((request) => (
          <li key={request.id} className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm">
            <p className="font-semibold">
              {t('requestedAt', { at: formatDateTime(request.requestedAt) })}
              {' · '}
              {request.respondedAt ? t('answeredAt', { at: formatDateTime(request.respondedAt) }) : t('waiting')}
            </p>
            {request.reason ? <p className="mt-1">{request.reason}</p> : null}
            <ol className="mt-2 list-decimal space-y-1 pl-6">
              {request.items.map((item) => (
                <li key={item.key}>
                  <span className="font-semibold">{item.label}</span>
                  {item.note ? <span> — {item.note}</span> : null}
                  {item.answeredAttachmentIds.length > 0 ? (
                    <span className="block text-emerald-900">
                      {t('answeredWith', { files: item.answeredAttachmentIds.map((id) => fileName.get(id) ?? '—').join(', ') })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
            {request.responseNote ? <p className="mt-2">{t('responseNote', { note: request.responseNote })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
