import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { formatDateTime } from '@/lib/format/date'
import type { DossierView } from '@/server/dossier/get-dossier'

/** The receipt slip (Mẫu 01) of a dossier, generated on request. */
export const receiptSlipHref = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/documents/mau-01`

/** After a desk reception: the code, the appointment, and the slip to print for the citizen. */
export async function ReceptionDone({ dossier }: { dossier: DossierView }) {
  const [t, locale] = await Promise.all([getTranslations('Reception.done'), getLocale()])
  return (
    <div className="mt-5 space-y-6">
      <Notice tone="success" role="status">
        {t('notice')}
      </Notice>
      <dl className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-semibold text-slate-700">{t('code')}</dt>
          <dd className="font-mono text-2xl font-bold tracking-wide text-navy-900">{dossier.code}</dd>
        </div>
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-semibold text-slate-700">{t('dueAt')}</dt>
          <dd className="text-xl font-semibold text-gov-red-800">{dossier.dueAt ? formatDateTime(dossier.dueAt) : t('noDueAt')}</dd>
        </div>
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-semibold text-slate-700">{t('procedure')}</dt>
          <dd>{locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi}</dd>
        </div>
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-semibold text-slate-700">{t('applicant')}</dt>
          <dd>{dossier.applicantName}</dd>
        </div>
        <div className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-semibold text-slate-700">{t('receivedAt')}</dt>
          <dd>{dossier.receivedAt ? formatDateTime(dossier.receivedAt) : '—'}</dd>
        </div>
      </dl>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <a href={receiptSlipHref(dossier.code)} target="_blank" rel="noopener noreferrer" className={buttonStyles.primary}>
          {t('print')}
          <span className="sr-only"> {t('newTab')}</span>
          <span aria-hidden="true">↗</span>
        </a>
        <Link href={`/can-bo/ho-so/${encodeURIComponent(dossier.code)}`} className={buttonStyles.secondary}>
          {t('view')}
        </Link>
        <Link href="/can-bo/tiep-nhan" className={buttonStyles.secondary}>
          {t('next')}
        </Link>
      </div>
    </div>
  )
}
