import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { formatDate, formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import type { DossierView } from '@/server/dossier/get-dossier'
import { DossierStateBadge } from './dossier-state-badge'

/** One dossier: facts and timeline; `children` holds what the viewer's role adds (e.g. staff notes). */
export async function DossierDetail({ dossier, backHref, children }: { dossier: DossierView; backHref: string; children?: ReactNode }) {
  const [t, columns, actions, channels, locale] = await Promise.all([
    getTranslations('Dossier.detail'),
    getTranslations('Dossier.columns'),
    getTranslations('Dossier.action'),
    getTranslations('Dossier.channel'),
    getLocale(),
  ])
  const facts: [string, ReactNode][] = [
    [columns('procedure'), locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi],
    [columns('commune'), dossier.communeName],
    [columns('applicant'), dossier.applicantName],
    [t('channel'), channels(dossier.channel)],
    [columns('submittedAt'), formatDateTime(dossier.submittedAt)],
    [t('receivedAt'), dossier.receivedAt ? formatDateTime(dossier.receivedAt) : '—'],
    [columns('dueAt'), dossier.dueAt ? formatDate(dossier.dueAt) : '—'],
    [columns('completedAt'), dossier.completedAt ? formatDateTime(dossier.completedAt) : '—'],
    [t('fee'), `${formatVnd(dossier.feeVnd, locale)} · ${t('paid')}: ${formatVnd(dossier.paidVnd, locale)}`],
  ]
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href={backHref} className="font-semibold text-navy-800 underline">
          ← {t('back')}
        </Link>
      </p>
      <h1 className="mt-3 flex flex-wrap items-center gap-3 text-2xl font-bold text-navy-900">
        <span>
          {t('titleLabel')} <span className="font-mono">{dossier.code}</span>
        </span>
        <DossierStateBadge state={dossier.state} />
      </h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="thong-tin">
          <h2 id="thong-tin" className="text-lg font-semibold text-navy-900">{t('facts')}</h2>
          <dl className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {facts.map(([label, value]) => (
              <div key={label} className="grid grid-cols-[10rem_1fr] gap-3 px-3 py-2 text-sm">
                <dt className="font-semibold text-slate-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="qua-trinh">
          <h2 id="qua-trinh" className="text-lg font-semibold text-navy-900">{t('timeline')}</h2>
          <ol className="mt-3 space-y-2">
            {dossier.timeline.map((event) => (
              <li key={event.id} className="rounded border border-slate-200 bg-white px-3 py-2 text-sm">
                <p className="font-semibold">{actions.has(event.action) ? actions(event.action) : actions('other')}</p>
                <p className="text-slate-600">
                  {formatDateTime(event.occurredAt)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </p>
                {event.reason ? <p className="mt-1">{event.reason}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {children}
    </div>
  )
}
