import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { VersionStatusBadge } from '@/components/workflow/version-status-badge'
import { workflowEditHref, workflowSandboxHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { formatDate } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { listWorkflows, type WorkflowDefinitionListItem } from '@/server/workflow-admin/list-workflows'
import { createWorkflowDraftAction } from './workflow.action'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Workflow')
  return { title: t('metaTitle'), robots: { index: false } }
}

const th = 'px-3 py-2 font-semibold'
const td = 'px-3 py-2 align-top'
const SHOWN_PROCEDURES = 2

async function DefinitionSection({ definition }: { definition: WorkflowDefinitionListItem }) {
  const t = await getTranslations('Workflow')
  const headingId = `quy-trinh-${definition.key}`
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id={headingId} className="text-xl font-bold text-navy-900">
            {definition.name}
          </h2>
          <p className="font-mono text-xs text-slate-600">{definition.key}</p>
          {definition.description ? <p className="mt-2 max-w-3xl text-sm text-slate-700">{definition.description}</p> : null}
        </div>
        <div className="shrink-0">
          {definition.draft ? (
            <Link href={workflowEditHref(definition.draft.id)} className={buttonStyles.primary}>
              {t('list.openDraft', { version: definition.draft.version })}
            </Link>
          ) : definition.latestReleased ? (
            <form action={createWorkflowDraftAction}>
              <input type="hidden" name="definitionId" value={definition.id} />
              <button type="submit" className={buttonStyles.secondary}>
                <span aria-hidden="true">+</span> {t('list.createDraft', { version: definition.latestReleased.version })}
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {definition.versions.length === 0 ? (
        <p className="mt-4 text-sm text-slate-700">{t('list.noVersions')}</p>
      ) : (
        <div className="mt-4 overflow-x-auto rounded border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('list.versionsCaption', { name: definition.name })}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={th}>{t('list.columns.version')}</th>
                <th scope="col" className={th}>{t('list.columns.status')}</th>
                <th scope="col" className={th}>{t('list.columns.publishedAt')}</th>
                <th scope="col" className={th}>{t('list.columns.createdBy')}</th>
                <th scope="col" className={th}>{t('list.columns.procedures')}</th>
                <th scope="col" className={`${th} text-right`}>{t('list.columns.inFlight')}</th>
                <th scope="col" className={th}>{t('list.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {definition.versions.map((version) => {
                const more = version.procedures.length - SHOWN_PROCEDURES
                return (
                  <tr key={version.id} className="border-t border-slate-200">
                    <th scope="row" className={`${td} whitespace-nowrap`}>
                      <Link href={workflowVersionHref(version.id)} className="font-semibold text-navy-800 underline">
                        {t('versionName', { version: version.version })}
                      </Link>
                    </th>
                    <td className={`${td} whitespace-nowrap`}>
                      <VersionStatusBadge status={version.status} />
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{version.publishedAt ? formatDate(version.publishedAt) : t('list.notPublished')}</td>
                    <td className={td}>{version.createdByName ?? '—'}</td>
                    <td className={`${td} min-w-56`}>
                      <span className="font-semibold">{t('list.proceduresCount', { count: version.procedures.length })}</span>
                      {version.procedures.length > 0 ? (
                        <span className="line-clamp-2 text-slate-700">
                          {version.procedures
                            .slice(0, SHOWN_PROCEDURES)
                            .map((procedure) => procedure.name)
                            .join('; ')}
                          {more > 0 ? ` (+${more})` : ''}
                        </span>
                      ) : null}
                    </td>
                    <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{t('list.inFlightCount', { count: version.inFlight })}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <ul className="flex gap-3">
                        <li>
                          <Link href={workflowVersionHref(version.id)} className="text-navy-800 underline">
                            {t('list.view')}
                          </Link>
                        </li>
                        {version.status === 'DRAFT' ? (
                          <li>
                            <Link href={workflowEditHref(version.id)} className="text-navy-800 underline">
                              {t('list.edit')}
                            </Link>
                          </li>
                        ) : null}
                        <li>
                          <Link href={workflowSandboxHref(version.id)} className="text-navy-800 underline">
                            {t('list.sandbox')}
                          </Link>
                        </li>
                      </ul>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** Workflow administration home: workflows and their versions, then which procedure uses which version. */
export default async function WorkflowsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('admin.configure', '/quan-tri/quy-trinh')
  const [t, admin, locale, params] = await Promise.all([getTranslations('Workflow'), getTranslations('Admin'), getLocale(), searchParams])
  const overview = await listWorkflows(db(), { actor, locale })
  return (
    <>
      <AdminPageHeader current="workflows" crumbs={[{ label: admin('tabs.label') }, { label: t('title') }]} title={t('title')} lead={t('lead')} />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {params['da-xoa'] === '1' ? (
          <Notice tone="success" role="status">
            {t('list.deleted')}
          </Notice>
        ) : null}
        {overview.definitions.map((definition) => (
          <DefinitionSection key={definition.id} definition={definition} />
        ))}

        <section aria-labelledby="thu-tuc-quy-trinh">
          <div className="mb-3 border-b-2 border-navy-800 pb-2">
            <h2 id="thu-tuc-quy-trinh" className="text-xl font-bold text-navy-900">
              {t('list.proceduresTitle')}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t('list.proceduresLead')}</p>
          </div>
          <div className="overflow-x-auto rounded border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('list.proceduresCaption')}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={th}>{t('list.procedureColumns.procedure')}</th>
                  <th scope="col" className={th}>{t('list.procedureColumns.field')}</th>
                  <th scope="col" className={`${th} text-right`}>{t('list.procedureColumns.procedureVersion')}</th>
                  <th scope="col" className={th}>{t('list.procedureColumns.workflow')}</th>
                  <th scope="col" className={th}>{t('list.procedureColumns.workflowVersion')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.procedures.map((procedure) => (
                  <tr key={procedure.id} className="border-t border-slate-200">
                    <th scope="row" className={`${td} min-w-64 font-normal`}>
                      <span className="font-semibold">{procedure.name}</span>
                      <span className="block font-mono text-xs text-slate-600">
                        {procedure.nationalCode ?? procedure.slug}
                        {procedure.isActive ? '' : ` · ${t('list.inactive')}`}
                      </span>
                    </th>
                    <td className={td}>{procedure.field}</td>
                    <td className={`${td} text-right tabular-nums`}>{procedure.procedureVersion}</td>
                    <td className={td}>{procedure.workflow.definitionName}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <Link href={workflowVersionHref(procedure.workflow.versionId)} className="text-navy-800 underline">
                        {t('versionName', { version: procedure.workflow.version })}
                      </Link>
                      <span className={`block text-xs ${procedure.workflow.isLatest ? 'text-emerald-800' : 'text-amber-800'}`}>
                        {procedure.workflow.isLatest ? t('list.latest') : t('list.outdated')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  )
}
