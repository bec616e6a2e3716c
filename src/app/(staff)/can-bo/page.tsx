import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { BatchForm } from '@/components/staff/batch-form'
import { QueueFilters } from '@/components/staff/queue-filters'
import { QueueTable } from '@/components/staff/queue-table'
import { QueueTabs } from '@/components/staff/queue-tabs'
import { Notice } from '@/components/ui/notice'
import { remainingTime } from '@/domain/calendar/remaining-time'
import type { StaffQueue } from '@/domain/dossier/staff-queues'
import { requirePagePermission } from '@/server/auth/session'
import { listActorCommuneNames } from '@/server/access/list-actor-communes'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { db } from '@/server/db'
import { batchActionsFor } from '@/server/dossier/dossier-actions'
import { listStaffQueue, loadWorkflowGraphs } from '@/server/dossier/list-staff-queue'
import { findProcedureOptions } from '@/server/dossier/staff-queue.repo'
import { batchTransitionAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dossier.queue'))('title') }
}

type SearchParams = Record<string, string | string[] | undefined>
const single = (params: SearchParams) => Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])))

/** The one-stop staff workspace: the queues of the commune(s) the viewer works in. */
export default async function StaffHomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission('dossier.readCommune', '/can-bo')
  const [t, verbs, staffT] = await Promise.all([getTranslations('Dossier.queue'), getTranslations('Dossier.verb'), getTranslations('Dossier.staff')])
  if (actor.communeIds.length === 0) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <div className="mt-4">
          <Notice tone="warning">{staffT('noCommune')}</Notice>
        </div>
      </div>
    )
  }
  const query = single(await searchParams)
  const now = new Date()
  const [page, communeNames, procedures, calendar] = await Promise.all([
    listStaffQueue(db(), { actor, query, now }),
    listActorCommuneNames(db(), actor),
    findProcedureOptions(db()),
    loadWorkingCalendar(db(), now),
  ])
  const { request } = page
  const [graphs, batchOffers] = await Promise.all([
    loadWorkflowGraphs(db(), [...new Set(page.rows.map((row) => row.workflowVersionId))]),
    batchActionsFor(db(), { actor, rows: page.rows }),
  ])
  const rows = page.rows.map((row) => {
    const step = graphs.get(row.workflowVersionId)?.steps.find((candidate) => candidate.key === row.currentStep)
    return { ...row, remaining: remainingTime({ now, dueAt: row.dueAt, clockPausedAt: row.clockPausedAt, completedAt: row.completedAt, outcome: row.outcome, calendar }), stepName: step?.nameVi ?? null }
  })
  const hrefFor = (queue: StaffQueue, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ queue, ...(request.procedureId ? { procedure: request.procedureId } : {}), ...(request.searchText ? { q: request.searchText } : {}), ...extra })
    return `/can-bo?${params.toString()}`
  }
  const batchT = await getTranslations('Dossier.queue.batch')
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
          <p className="mt-1 text-slate-700">{t('lead', { communes: communeNames.join(', ') })}</p>
        </div>
      </div>
      <div className="mt-5">
        <QueueTabs current={request.queue} counts={page.counts} hrefFor={(queue) => hrefFor(queue)} />
      </div>
      <div className="mt-4">
        <QueueFilters request={request} procedures={procedures} clearHref={`/can-bo?queue=${request.queue}`} />
      </div>
      <h2 className="mt-6 text-lg font-semibold text-navy-900">{t(`queue.${request.queue}`)}</h2>
      {rows.length === 0 ? (
        <p className="mt-3 text-slate-700">{t('empty')}</p>
      ) : (
        <>
          <div className="mt-3">
            {batchOffers.length > 0 ? (
              <BatchForm
                offers={batchOffers.map((offer) => ({ action: offer.action, label: verbs.has(offer.action) ? verbs(offer.action) : offer.action, requiresAssignee: offer.requires.includes('assignee'), candidates: offer.candidates ?? [] }))}
                submitAction={batchTransitionAction}
                labels={{
                  title: batchT('title'),
                  action: batchT('action'),
                  assignee: batchT('assignee'),
                  reason: batchT('reason'),
                  submit: batchT('submit'),
                  pending: batchT('pending'),
                  placeholder: batchT('placeholder'),
                  summary: batchT.raw('summary') as string,
                  changed: batchT.raw('changed') as string,
                  refused: batchT.raw('refused') as string,
                  nothingSelected: batchT('nothingSelected'),
                  failed: batchT('nothingSelected'),
                }}
              />
            ) : (
              <p className="text-sm text-slate-600">{batchT('none')}</p>
            )}
          </div>
          <div className="mt-3">
            <QueueTable rows={rows} caption={t(`queue.${request.queue}`)} />
          </div>
        </>
      )}
      <nav className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t('tabs')}>
        <span>{t('shown', { count: rows.length })}</span>
        <span className="flex gap-4">
          {request.after ? <Link href={hrefFor(request.queue, { sort: request.sort, size: String(request.pageSize) })} className="font-semibold text-navy-800 underline">{t('first')}</Link> : null}
          {page.nextCursor ? (
            <Link href={hrefFor(request.queue, { sort: request.sort, size: String(request.pageSize), after: page.nextCursor })} className="font-semibold text-navy-800 underline" rel="next">
              {t('next')}
            </Link>
          ) : null}
        </span>
      </nav>
    </div>
  )
}
