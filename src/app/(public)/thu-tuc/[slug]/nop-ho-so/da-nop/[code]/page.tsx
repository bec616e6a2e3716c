import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { outstandingVnd } from '@/domain/fees/payment-due'
import { formatDate, formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { estimateAppointment } from '@/server/dossier/submit-online'
import { orNotFound } from '@/server/http/page-result'

type Props = { params: Promise<{ slug: string; code: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params
  return { title: (await getTranslations('Submission.done'))('metaTitle', { code }) }
}

/** Step 3: the confirmation — the dossier's code, the expected appointment, the receipt to download. */
export default async function SubmittedPage({ params }: Props) {
  // Next has already decoded the segment: decoding again would turn a stray % into an error page.
  const { slug, code } = await params
  const actor = await requirePagePermission('dossier.readOwn', `/thu-tuc/${slug}/nop-ho-so/da-nop/${code}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref: code }))
  const [t, locale, expected] = await Promise.all([getTranslations('Submission.done'), getLocale(), estimateAppointment(db(), dossier.submittedAt, dossier.deadline)])
  const procedure = locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi
  const appointment = dossier.dueAt ?? expected
  const owed = outstandingVnd(dossier)

  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <div className="rounded border border-emerald-600 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-emerald-900">
          <span aria-hidden="true">✓ </span>
          {t('title')}
        </h1>
        <p className="mt-2 text-slate-800">{t('lead', { commune: dossier.communeName })}</p>
        <dl className="mt-6 space-y-4">
          <div>
            <dt className="text-sm text-slate-600">{t('code')}</dt>
            <dd className="mt-0.5 font-mono text-3xl font-bold tracking-wide text-navy-900" data-testid="dossier-code">
              {dossier.code}
            </dd>
            <dd className="mt-1 text-sm text-slate-700">{t('keepCode')}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('procedure')}</dt>
            <dd className="mt-0.5 font-semibold text-slate-900">{procedure}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('submittedAt')}</dt>
            <dd className="mt-0.5 font-semibold text-slate-900">{formatDateTime(dossier.submittedAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t('expected')}</dt>
            <dd className="mt-0.5 text-xl font-bold text-navy-900">{formatDate(appointment)}</dd>
            {dossier.dueAt ? null : <dd className="mt-1 text-sm text-slate-700">{t('expectedNote')}</dd>}
          </div>
          {owed > 0 ? (
            <div>
              <dt className="text-sm text-slate-600">{t('fee')}</dt>
              <dd className="mt-0.5 font-semibold text-slate-900">
                {t(dossier.feeMoment === 'AT_RESULT' ? 'feeAtResult' : 'feeOwed', { amount: formatVnd(owed, locale) })}
              </dd>
            </div>
          ) : null}
        </dl>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {owed > 0 && dossier.feeMoment !== 'AT_RESULT' ? (
            <Link href={`/ho-so-cua-toi/${encodeURIComponent(dossier.code)}#thanh-toan`} className={buttonStyles.primary}>
              {t('pay')}
            </Link>
          ) : null}
          <a href={`/api/dossiers/${encodeURIComponent(dossier.code)}/documents/xac-nhan-nop`} className={buttonStyles.primary}>
            {t('receipt')}
          </a>
          <Link href={`/ho-so-cua-toi/${encodeURIComponent(dossier.code)}`} className={buttonStyles.secondary}>
            {t('follow')}
          </Link>
        </div>
        <p className="mt-6 text-sm">
          <Link href="/ho-so-cua-toi" className="font-semibold text-navy-800 underline underline-offset-2">
            {t('myDossiers')}
          </Link>
          {' · '}
          <Link href="/" className="font-semibold text-navy-800 underline underline-offset-2">
            {t('another')}
          </Link>
        </p>
      </div>
    </div>
  )
}
