import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { describeFormData } from '@/domain/forms/describe-form-data'
import { formatDate, formatDateTime } from '@/lib/format/date'
import type { DossierView } from '@/server/dossier/get-dossier'
import { AttachmentList } from './attachment-list'
import { DossierStateBadge } from './dossier-state-badge'

/**
 * One dossier: facts, the form's answers and the timeline; `lead` sits under the title, before everything
 * else (the applicant's next step and result), `aside` under the facts (due-date explanation, the fees and
 * payments panel — components/payments, the one money view — documents, attachments) and `children` holds
 * what the viewer's role adds (actions, notes, rating).
 */
export async function DossierDetail({ dossier, backHref, lead, aside, children }: { dossier: DossierView; backHref: string; lead?: ReactNode; aside?: ReactNode; children?: ReactNode }) {
  const [t, columns, actions, channels, locale] = await Promise.all([
    getTranslations('Dossier.detail'),
    getTranslations('Dossier.columns'),
    getTranslations('Dossier.action'),
    getTranslations('Dossier.channel'),
    getLocale(),
  ])
  const formSections = describeFormData(dossier.formDefinition, dossier.formData, {
    locale: locale === 'en' ? 'en' : 'vi',
    formatDate,
    communeName: (code) => dossier.addressCommunes[code],
  })
  const facts: [string, ReactNode][] = [
    [columns('procedure'), locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi],
    [columns('commune'), dossier.communeName],
    [columns('applicant'), dossier.applicantName],
    [t('channel'), channels(dossier.channel)],
    [columns('submittedAt'), formatDateTime(dossier.submittedAt)],
    [t('receivedAt'), dossier.receivedAt ? formatDateTime(dossier.receivedAt) : '—'],
    [columns('dueAt'), dossier.dueAt ? formatDateTime(dossier.dueAt) : '—'],
    [columns('completedAt'), dossier.completedAt ? formatDateTime(dossier.completedAt) : '—'],
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
      {lead}
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
          {aside}
          {dossier.attachments.length > 0 ? <AttachmentList attachments={dossier.attachments} documentNames={Object.fromEntries([
                ...dossier.requiredDocuments.map((document) => [document.key, locale === 'en' ? document.nameEn : document.nameVi]),
                // Files answering a supplement request carry the item's key.
                ...dossier.supplementRequests.flatMap((request) => request.items.map((item) => [item.key, item.label])),
              ])} /> : null}
          {formSections.map((section) => (
            <section key={section.key} aria-label={section.title} className="mt-6">
              <h3 className="font-semibold text-navy-900">{section.title}</h3>
              <dl className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white">
                {section.fields.map((field) => (
                  <div key={field.key} className="grid grid-cols-[10rem_1fr] gap-3 px-3 py-2 text-sm">
                    <dt className="font-semibold text-slate-700">{field.label}</dt>
                    <dd>
                      {'value' in field ? (
                        <span className="whitespace-pre-line">{field.value}</span>
                      ) : (
                        <ol className="list-decimal space-y-1 pl-5">
                          {field.entries.map((entry, index) => (
                            <li key={index}>{entry.map((part) => `${part.label}: ${part.value}`).join('; ')}</li>
                          ))}
                        </ol>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
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
                {event.reason ? <p className="mt-1 whitespace-pre-line">{event.reason}</p> : null}
                {Array.isArray(event.data.items) ? (
                  <ul className="mt-1 list-disc pl-5">
                    {(event.data.items as { label?: unknown; note?: unknown }[]).map((item, index) => (
                      <li key={index}>{String(item.label ?? '')}{item.note ? ` — ${String(item.note)}` : ''}</li>
                    ))}
                  </ul>
                ) : null}
                {event.dueAt && (event.action === 'receive' || typeof event.data.previousDueAt === 'string') ? (
                  <p className="mt-1 text-slate-700">{t('appointment', { at: formatDateTime(event.dueAt) })}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </div>
      {children}
    </div>
  )
}
