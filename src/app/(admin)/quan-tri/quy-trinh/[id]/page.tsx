import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { VersionStatusBadge } from '@/components/workflow/version-status-badge'
import { WorkflowChecks } from '@/components/workflow/workflow-checks'
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram'
import { WORKFLOWS_HREF, workflowEditHref, workflowPublishHref, workflowSandboxHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { workflowLabels } from '@/components/workflow/workflow-labels'
import { WorkflowTables } from '@/components/workflow/workflow-tables'
import { formatDate, formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { createWorkflowDraftAction } from '../workflow.action'
import { loadVersion, versionMetadata } from './load-version'

type Params = Promise<{ id: string }>
/** Procedures listed open; longer lists start folded. */
const SHOWN_OPEN = 5
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return versionMetadata((await params).id, 'metaTitle')
}

/** One workflow version: what it is, where it is used, its checks, its diagram and its steps and transitions. */
export default async function WorkflowVersionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params
  const actor = await requirePagePermission('admin.configure', workflowVersionHref(id))
  const version = await loadVersion(actor, id)
  const [t, admin, labels, query] = await Promise.all([getTranslations('Workflow'), getTranslations('Admin'), workflowLabels(), searchParams])
  const title = t('versionTitle', { name: version.definition.name, version: version.version })
  const isDraft = version.status === 'DRAFT'
  const published = typeof query['cong-bo'] === 'string' ? Number(query['cong-bo']) : null
  const retired = typeof query.ngung === 'string' ? query.ngung : 'none'
  const factClass = 'grid grid-cols-[12rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm'

  return (
    <>
      <AdminPageHeader
        current="workflows"
        crumbs={[{ label: admin('tabs.label') }, { label: t('title'), href: WORKFLOWS_HREF }, { label: title }]}
        title={title}
        actions={
          isDraft ? (
            <>
              <Link href={workflowEditHref(version.id)} className={buttonStyles.primary}>
                {t('list.edit')}
              </Link>
              <Link href={workflowPublishHref(version.id)} className={buttonStyles.navy}>
                {t('editor.toPublish')}
              </Link>
              <Link href={workflowSandboxHref(version.id)} className={buttonStyles.secondary}>
                {t('list.sandbox')}
              </Link>
            </>
          ) : (
            <>
              <Link href={workflowSandboxHref(version.id)} className={buttonStyles.secondary}>
                {t('list.sandbox')}
              </Link>
              {version.draft ? (
                <Link href={workflowEditHref(version.draft.id)} className={buttonStyles.primary}>
                  {t('list.openDraft', { version: version.draft.version })}
                </Link>
              ) : (
                <form action={createWorkflowDraftAction}>
                  <input type="hidden" name="definitionId" value={version.definition.id} />
                  <button type="submit" className={buttonStyles.primary}>
                    <span aria-hidden="true">+</span> {t('list.createDraft', { version: version.version })}
                  </button>
                </form>
              )}
            </>
          )
        }
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {published !== null && Number.isInteger(published) ? (
          <Notice tone="success" role="status">
            {t('version.published', { version: version.version, count: published, retired })}
          </Notice>
        ) : null}
        <Notice tone={isDraft ? 'info' : 'warning'}>{isDraft ? t('version.draftNotice') : t('version.immutableNotice')}</Notice>

        <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <section aria-labelledby="thong-tin-phien-ban" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="thong-tin-phien-ban" className="mb-3 text-lg font-bold text-navy-900">
              {t('version.facts')}
            </h2>
            <dl className={factClass}>
              <dt className="text-slate-600">{t('version.status')}</dt>
              <dd>
                <VersionStatusBadge status={version.status} />
              </dd>
              <dt className="text-slate-600">{t('version.publishedAt')}</dt>
              <dd>{version.publishedAt ? formatDateTime(version.publishedAt) : t('list.notPublished')}</dd>
              <dt className="text-slate-600">{t('version.createdAt')}</dt>
              <dd>{formatDate(version.createdAt)}</dd>
              <dt className="text-slate-600">{t('version.createdBy')}</dt>
              <dd>{version.createdByName ?? '—'}</dd>
              {version.base ? (
                <>
                  <dt className="text-slate-600">{t('version.basedOn')}</dt>
                  <dd>
                    <Link href={workflowVersionHref(version.base.id)} className="text-navy-800 underline">
                      {t('versionName', { version: version.base.version })}
                    </Link>
                  </dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t('version.inFlight')}</dt>
              <dd className="tabular-nums">{version.inFlight}</dd>
              <dt className="text-slate-600">{t('version.usedBy')}</dt>
              <dd>
                {version.procedures.length === 0 ? (
                  t('version.none')
                ) : (
                  <details open={version.procedures.length <= SHOWN_OPEN}>
                    <summary className="cursor-pointer font-semibold text-navy-800">{t('list.proceduresCount', { count: version.procedures.length })}</summary>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5">
                      {version.procedures.map((procedure) => (
                        <li key={procedure.id}>{procedure.name}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </dd>
            </dl>
          </section>
          <WorkflowChecks validation={version.validation} warnings={version.warnings} graph={version.graph} labels={labels} />
        </div>

        {version.graph ? (
          <>
            <section aria-labelledby="so-do">
              <h2 id="so-do" className="mb-3 text-lg font-bold text-navy-900">
                {t('diagram.title')}
              </h2>
              <WorkflowDiagram id="so-do-quy-trinh" graph={version.graph} name={title} labels={labels} />
            </section>
            <WorkflowTables graph={version.graph} labels={labels} />
          </>
        ) : (
          <Notice tone="error">{t('version.graphInvalid')}</Notice>
        )}
      </div>
    </>
  )
}
