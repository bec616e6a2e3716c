import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { VersionStatusBadge } from '@/components/workflow/version-status-badge'
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram'
import { WORKFLOWS_HREF, workflowSandboxHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { labelOf, workflowLabels, type WorkflowLabels } from '@/components/workflow/workflow-labels'
import { isAppError } from '@/domain/errors'
import type { Deadline } from '@/domain/procedure/deadline'
import type { SandboxError } from '@/domain/workflow/workflow-sandbox'
import { formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { CUSTOM_DEADLINE, runWorkflowSandbox, toLocalDateTime, type SandboxPage } from '@/server/workflow-admin/run-workflow-sandbox'
import { versionMetadata } from '../load-version'

type Params = Promise<{ id: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return versionMetadata((await params).id, 'sandbox.metaTitle')
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)
const HOUR = 3_600_000

async function load(actor: Parameters<typeof runWorkflowSandbox>[1]['actor'], id: string, query: Record<string, string | string[] | undefined>): Promise<SandboxPage> {
  const act = first(query.act)
  const next = act ? { act, at: first(query.at) ?? '', reason: first(query.reason) || undefined, dueDate: first(query.dueDate) ?? '', items: first(query.items) } : undefined
  try {
    return await runWorkflowSandbox(db(), {
      actor,
      versionId: id,
      query: { procedure: first(query.procedure), days: first(query.days), start: first(query.start), moves: first(query.moves) },
      next,
      locale: await getLocale(),
    })
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

/**
 * The workflow sandbox: a pretend dossier run through this version with the real engine. Read-only: every
 * form here is a GET, the history of moves travels in the address and is replayed on each request.
 */
export default async function WorkflowSandboxPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params
  const actor = await requirePagePermission('admin.configure', workflowSandboxHref(id))
  const query = await searchParams
  const page = await load(actor, id, query)
  const here = (moves: readonly unknown[]) => workflowSandboxHref(id, { ...page.settings, moves })
  // A move that applied, or missing settings: on to the address that holds the whole state.
  if (page.attempt?.applied || !first(query.start)) redirect(here(page.moves))

  const [t, admin, labels, locale] = await Promise.all([getTranslations('Workflow'), getTranslations('Admin'), workflowLabels(), getLocale()])
  const title = t('versionTitle', { name: page.version.definitionName, version: page.version.version })
  const { run, graph } = page
  const stepName = (key: string) => {
    const step = graph.steps.find((candidate) => candidate.key === key)
    return step ? (locale === 'en' ? step.nameEn : step.nameVi) : key
  }
  const deadlineText = (deadline: Deadline) => (deadline.kind === 'SAME_DAY' ? t('sandbox.deadlineSameDay', { hour: deadline.cutoffHour }) : t('sandbox.deadlineDays', { days: deadline.days }))
  const errorText = (error: SandboxError) => sandboxErrorText(t, labels, error)
  const lastAt = run.events.at(-1)?.occurredAt ?? page.submittedAt
  const defaultAt = toLocalDateTime(new Date(lastAt.getTime() + HOUR))
  const historyBroken = run.failure && !(page.attempt && !page.attempt.applied) ? run.failure : null
  const dl = 'grid grid-cols-[11rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm'
  const control = 'mt-1 block min-h-10 w-full rounded border border-slate-400 bg-white px-2.5 text-sm text-slate-900 focus:border-navy-700'
  const hidden = (
    <>
      <input type="hidden" name="procedure" value={page.settings.procedure} />
      <input type="hidden" name="days" value={page.settings.days} />
      <input type="hidden" name="start" value={page.settings.start} />
      {page.moves.length > 0 ? <input type="hidden" name="moves" value={JSON.stringify(page.moves)} /> : null}
    </>
  )

  return (
    <>
      <AdminPageHeader
        current="workflows"
        crumbs={[{ label: admin('tabs.label') }, { label: t('title'), href: WORKFLOWS_HREF }, { label: title, href: workflowVersionHref(id) }, { label: t('list.sandbox') }]}
        title={t('sandbox.title', { name: page.version.definitionName, version: page.version.version })}
        lead={t('sandbox.lead')}
        actions={<VersionStatusBadge status={page.version.status} />}
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {page.attempt && !page.attempt.applied && page.attempt.error ? (
          <Notice tone="error" role="alert">
            {t('sandbox.refused', { reason: errorText(page.attempt.error.error) })}
          </Notice>
        ) : null}
        {historyBroken ? (
          <Notice tone="warning" role="status">
            {t('sandbox.historyBroken', { index: historyBroken.index + 1, reason: errorText(historyBroken.error) })}
          </Notice>
        ) : null}

        <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-8">
            <section aria-labelledby="ho-so-thu-nghiem" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="ho-so-thu-nghiem" className="mb-3 text-lg font-bold text-navy-900">
                {t('sandbox.stateTitle')}
              </h2>
              <dl className={dl}>
                <dt className="text-slate-600">{t('sandbox.step')}</dt>
                <dd>
                  <span className="font-semibold">{stepName(run.dossier.currentStep)}</span> <span className="font-mono text-xs text-slate-600">{run.dossier.currentStep}</span>
                </dd>
                <dt className="text-slate-600">{t('sandbox.state')}</dt>
                <dd>{labelOf(labels.states, run.dossier.state)}</dd>
                <dt className="text-slate-600">{t('sandbox.dueAt')}</dt>
                <dd className="font-semibold">{run.dossier.dueAt ? formatDateTime(run.dossier.dueAt) : t('sandbox.none')}</dd>
                <dt className="text-slate-600">{t('sandbox.receivedAt')}</dt>
                <dd>{run.dossier.receivedAt ? formatDateTime(run.dossier.receivedAt) : t('sandbox.none')}</dd>
                <dt className="text-slate-600">{t('sandbox.pausedSince')}</dt>
                <dd>{run.dossier.clockPausedAt ? formatDateTime(run.dossier.clockPausedAt) : t('sandbox.none')}</dd>
                <dt className="text-slate-600">{t('sandbox.supplements')}</dt>
                <dd className="tabular-nums">{run.dossier.supplementCount}</dd>
                <dt className="text-slate-600">{t('sandbox.extensions')}</dt>
                <dd className="tabular-nums">{run.dossier.extensionCount}</dd>
                <dt className="text-slate-600">{t('sandbox.completedAt')}</dt>
                <dd>{run.dossier.completedAt ? formatDateTime(run.dossier.completedAt) : t('sandbox.none')}</dd>
                <dt className="text-slate-600">{t('sandbox.outcome')}</dt>
                <dd>{run.dossier.outcome ? labelOf(labels.outcomes, run.dossier.outcome) : t('sandbox.none')}</dd>
              </dl>
            </section>

            <section aria-labelledby="thao-tac-tiep-theo" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="thao-tac-tiep-theo" className="text-lg font-bold text-navy-900">
                {t('sandbox.nextTitle')}
              </h2>
              {run.step?.terminal ? (
                <p className="mt-2 text-sm text-slate-700">{t('sandbox.finished')}</p>
              ) : run.available.length === 0 ? (
                <p className="mt-2 text-sm text-slate-700">{t('sandbox.nothing')}</p>
              ) : (
                <form method="get" action={workflowSandboxHref(id)} className="mt-2 space-y-4">
                  <p className="text-sm text-slate-700">{t('sandbox.nextLead')}</p>
                  {hidden}
                  <div className="grid gap-4 sm:grid-cols-2">
                    <div>
                      <label htmlFor="thoi-diem" className="block text-sm font-semibold">
                        {t('sandbox.at')}
                      </label>
                      <input id="thoi-diem" name="at" type="datetime-local" required defaultValue={first(query.at) ?? defaultAt} className={control} />
                    </div>
                    <div>
                      <label htmlFor="hen-moi" className="block text-sm font-semibold">
                        {t('sandbox.dueDate')}
                      </label>
                      <input id="hen-moi" name="dueDate" type="date" defaultValue={first(query.dueDate) ?? ''} className={control} />
                    </div>
                    <div>
                      <label htmlFor="ly-do" className="block text-sm font-semibold">
                        {t('sandbox.reason')}
                      </label>
                      <input id="ly-do" name="reason" type="text" maxLength={500} defaultValue={first(query.reason) ?? ''} className={control} />
                    </div>
                    <div>
                      <label htmlFor="giay-to" className="block text-sm font-semibold">
                        {t('sandbox.items')}
                      </label>
                      <textarea id="giay-to" name="items" rows={2} maxLength={4000} defaultValue={first(query.items) ?? ''} className={`${control} py-2`} />
                    </div>
                  </div>
                  <div className="space-y-3">
                    {run.available.map((entry) => (
                      <fieldset key={entry.role} className="rounded border border-slate-200 p-3">
                        <legend className="px-1 text-sm font-semibold text-navy-900">{t('sandbox.asRole', { role: labelOf(labels.roles, entry.role) })}</legend>
                        <div className="flex flex-wrap gap-2">
                          {entry.actions.map((action) => (
                            <button key={action.action} type="submit" name="act" value={`${entry.role}:${action.action}`} className="inline-flex min-h-10 flex-col items-start rounded border border-navy-700 bg-white px-3 py-1.5 text-left text-sm font-semibold text-navy-800 hover:bg-navy-50">
                              <span>
                                {labelOf(labels.actions, action.action)} <span className="font-mono text-xs font-normal text-slate-600">{action.action}</span>
                              </span>
                              {action.requires.length > 0 ? (
                                <span className="text-xs font-normal text-slate-700">{t('sandbox.needs', { list: action.requires.map((requirement) => labelOf(labels.requirements, requirement)).join(', ') })}</span>
                              ) : null}
                            </button>
                          ))}
                        </div>
                      </fieldset>
                    ))}
                  </div>
                </form>
              )}
            </section>
          </div>

          <section aria-labelledby="thiet-lap-thu-nghiem" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="thiet-lap-thu-nghiem" className="mb-3 text-lg font-bold text-navy-900">
              {t('sandbox.settingsTitle')}
            </h2>
            <form method="get" action={workflowSandboxHref(id)} className="space-y-4">
              {page.moves.length > 0 ? <input type="hidden" name="moves" value={JSON.stringify(page.moves)} /> : null}
              <div>
                <label htmlFor="thu-tuc" className="block text-sm font-semibold">
                  {t('sandbox.procedure')}
                </label>
                <select id="thu-tuc" name="procedure" defaultValue={page.settings.procedure} className={control}>
                  {page.options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name} — {deadlineText(option.deadline)}
                    </option>
                  ))}
                  <option value={CUSTOM_DEADLINE}>{t('sandbox.customDeadline')}</option>
                </select>
              </div>
              <div>
                <label htmlFor="so-ngay" className="block text-sm font-semibold">
                  {t('sandbox.days')}
                </label>
                <input id="so-ngay" name="days" type="number" min={1} max={365} defaultValue={page.settings.days} className={control} />
              </div>
              <div>
                <label htmlFor="nop-luc" className="block text-sm font-semibold">
                  {t('sandbox.start')}
                </label>
                <input id="nop-luc" name="start" type="datetime-local" required defaultValue={page.settings.start} className={control} />
              </div>
              <button type="submit" className={buttonStyles.secondary}>
                {t('sandbox.apply')}
              </button>
              <p className="text-sm text-slate-700">{t('sandbox.deadlineNow', { deadline: deadlineText(page.deadline) })}</p>
            </form>
          </section>
        </div>

        <section aria-labelledby="so-do-thu-nghiem">
          <h2 id="so-do-thu-nghiem" className="mb-3 text-lg font-bold text-navy-900">
            {t('diagram.title')}
          </h2>
          <WorkflowDiagram id="so-do-thu-nghiem-hinh" graph={graph} name={title} labels={labels} highlightStep={run.dossier.currentStep} />
        </section>

        <section id="dien-bien" aria-labelledby="dien-bien-tieu-de" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-3 border-b-2 border-navy-800 pb-2">
            <h2 id="dien-bien-tieu-de" className="text-xl font-bold text-navy-900">
              {t('sandbox.eventsTitle')}
            </h2>
            {page.moves.length > 0 ? (
              <div className="flex gap-4 text-sm">
                <Link href={here(page.moves.slice(0, -1))} className="text-navy-800 underline">
                  {t('sandbox.undo')}
                </Link>
                <Link href={here([])} className="text-navy-800 underline">
                  {t('sandbox.reset')}
                </Link>
              </div>
            ) : null}
          </div>
          {run.events.length === 0 ? (
            <p className="text-sm text-slate-700">{t('sandbox.empty')}</p>
          ) : (
            <div className="overflow-x-auto rounded border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('sandbox.eventsCaption')}</caption>
                <thead className="bg-slate-100 text-slate-700">
                  <tr>
                    {(['number', 'time', 'action', 'role', 'move', 'state', 'dueAt', 'clock', 'public', 'reason'] as const).map((column) => (
                      <th key={column} scope="col" className="px-3 py-2 font-semibold">
                        {t(`sandbox.columns.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {run.events.map((event, index) => (
                    <tr key={index} className="border-t border-slate-200 align-top">
                      <td className="px-3 py-2 tabular-nums">{index + 1}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(event.occurredAt)}</td>
                      <th scope="row" className="px-3 py-2 font-semibold">
                        {labelOf(labels.actions, event.action)}
                      </th>
                      <td className="px-3 py-2">{labelOf(labels.roles, event.actorRole)}</td>
                      <td className="px-3 py-2">
                        {stepName(event.fromStep)} → {stepName(event.toStep)}
                      </td>
                      <td className="px-3 py-2">{labelOf(labels.states, event.toState)}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{event.dueAt ? formatDateTime(event.dueAt) : t('sandbox.none')}</td>
                      <td className="px-3 py-2">{event.data.clock ? labelOf(labels.transitionClocks, event.data.clock) : t('sandbox.none')}</td>
                      <td className="px-3 py-2">{event.isPublic ? t('version.yes') : t('version.no')}</td>
                      <td className="px-3 py-2">{[event.reason, ...(event.data.items ?? []).map((item) => item.label)].filter(Boolean).join('; ') || t('sandbox.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  )
}

type Translate = (key: string, values?: Record<string, string | number>) => string

/** Why the engine (or the sandbox) refused a move, in words. */
function sandboxErrorText(t: Translate, labels: WorkflowLabels, error: SandboxError): string {
  switch (error.code) {
    case 'UNKNOWN_ACTION':
    case 'NOT_ALLOWED_FROM_STEP':
    case 'INVALID_DUE_DATE':
      return t(`sandbox.errors.${error.code}`, { action: labelOf(labels.actions, error.action) })
    case 'ROLE_NOT_ALLOWED':
      return t('sandbox.errors.ROLE_NOT_ALLOWED', { action: labelOf(labels.actions, error.action), role: labelOf(labels.roles, error.role) })
    case 'MISSING_INPUT':
      return t('sandbox.errors.MISSING_INPUT', { action: labelOf(labels.actions, error.action), missing: error.missing.map((requirement) => labelOf(labels.requirements, requirement)).join(', ') })
    case 'SUPPLEMENT_LIMIT':
    case 'TOO_MANY_MOVES':
      return t(`sandbox.errors.${error.code}`, { limit: error.limit })
    case 'INCONSISTENT_DOSSIER':
      return t('sandbox.errors.INCONSISTENT_DOSSIER', { message: error.message })
    case 'OUT_OF_ORDER':
      return t('sandbox.errors.OUT_OF_ORDER', { previous: formatDateTime(new Date(error.previous)) })
    case 'TERMINAL':
      return t('sandbox.errors.TERMINAL')
    default:
      return t('sandbox.errors.other')
  }
}
