import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { PublishForm } from '@/components/workflow/publish-form'
import { WorkflowChecks } from '@/components/workflow/workflow-checks'
import { WORKFLOWS_HREF, workflowEditHref, workflowPublishHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { workflowLabels } from '@/components/workflow/workflow-labels'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getPublishPlan } from '@/server/workflow-admin/get-publish-plan'
import { publishWorkflowAction } from '../../workflow.action'
import { loadVersion, versionMetadata } from '../load-version'

type Params = Promise<{ id: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return versionMetadata((await params).id, 'publish.metaTitle')
}

/** Publish a draft: its checks (errors block), then the procedures that switch to it. */
export default async function PublishWorkflowPage({ params }: { params: Params }) {
  const { id } = await params
  const actor = await requirePagePermission('admin.configure', workflowPublishHref(id))
  const version = await loadVersion(actor, id)
  const [t, admin, labels, locale] = await Promise.all([getTranslations('Workflow'), getTranslations('Admin'), workflowLabels(), getLocale()])
  const title = t('versionTitle', { name: version.definition.name, version: version.version })
  const heading = t('publish.title', { name: version.definition.name, version: version.version })
  const crumbs = [{ label: admin('tabs.label') }, { label: t('title'), href: WORKFLOWS_HREF }, { label: title, href: workflowVersionHref(version.id) }, { label: t('editor.toPublish') }]

  if (version.status !== 'DRAFT') {
    return (
      <>
        <AdminPageHeader current="workflows" crumbs={crumbs} title={heading} />
        <div className="mx-auto max-w-6xl space-y-4 px-4 py-8 sm:px-6">
          <Notice tone="warning" role="status">
            {t('publish.notDraft', { version: version.version })}
          </Notice>
          <Link href={workflowVersionHref(version.id)} className={buttonStyles.secondary}>
            {t('editor.immutableAction')}
          </Link>
        </div>
      </>
    )
  }

  const plan = await getPublishPlan(db(), { actor, versionId: version.id, locale })
  const blocked = !version.validation.ok
  return (
    <>
      <AdminPageHeader current="workflows" crumbs={crumbs} title={heading} lead={t('publish.lead')} />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        <WorkflowChecks validation={version.validation} warnings={version.warnings} graph={version.graph} labels={labels} />
        {blocked ? (
          <div className="space-y-3">
            <Notice tone="error">{t('publish.blocked')}</Notice>
            <Link href={workflowEditHref(version.id)} className={buttonStyles.secondary}>
              {t('list.edit')}
            </Link>
          </div>
        ) : null}
        <section aria-labelledby="ap-dung-thu-tuc" className="space-y-3">
          <div>
            <h2 id="ap-dung-thu-tuc" className="text-lg font-bold text-navy-900">
              {t('publish.proceduresTitle')}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('publish.proceduresHint')}</p>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">{t('publish.none')}</p>
          </div>
          <PublishForm
            action={publishWorkflowAction}
            versionId={version.id}
            disabled={blocked}
            rows={plan.candidates.map((candidate) => ({
              id: candidate.id,
              name: candidate.name,
              code: candidate.slug,
              current: `${candidate.workflow.definitionName} — ${t('versionName', { version: candidate.workflow.version })}`,
              inFlight: t('list.inFlightCount', { count: candidate.inFlight }),
              suggested: candidate.suggested,
            }))}
            text={{
              caption: t('publish.proceduresCaption'),
              choose: t('publish.columns.choose'),
              procedure: t('publish.columns.procedure'),
              current: t('publish.columns.current'),
              inFlight: t('publish.columns.inFlight'),
              suggested: t('publish.suggested'),
              submit: t('publish.submit', { version: version.version }),
              pending: t('publish.pending'),
            }}
          />
        </section>
      </div>
    </>
  )
}
