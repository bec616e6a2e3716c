import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import type { EditorChoices, EditorText } from '@/components/workflow/editor-state'
import { problemDescriber, WorkflowChecks } from '@/components/workflow/workflow-checks'
import { WorkflowDiagram } from '@/components/workflow/workflow-diagram'
import { WorkflowEditor } from '@/components/workflow/workflow-editor'
import { WORKFLOWS_HREF, workflowEditHref, workflowPublishHref, workflowSandboxHref, workflowVersionHref } from '@/components/workflow/workflow-hrefs'
import { labelOf, workflowLabels, type OptionLabels } from '@/components/workflow/workflow-labels'
import { draftFormFromGraph, EDITOR_CHOICES, problemRow, type DraftForm } from '@/domain/workflow/workflow-draft'
import { requirePagePermission } from '@/server/auth/session'
import { deleteWorkflowDraftAction, saveWorkflowDraftAction } from '../../workflow.action'
import { loadVersion, versionMetadata } from '../load-version'

type Params = Promise<{ id: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return versionMetadata((await params).id, 'editor.metaTitle')
}

const FIELD_NAMES = [
  'key',
  'keyHint',
  'nameVi',
  'nameEn',
  'role',
  'state',
  'budgetUnit',
  'budgetValue',
  'budgetNone',
  'clock',
  'terminal',
  'terminalNone',
  'start',
  'removeStep',
  'action',
  'actionHint',
  'from',
  'to',
  'roles',
  'requires',
  'transitionClock',
  'clockNone',
  'isPublic',
  'removeTransition',
  'maxSupplementRequests',
  'maxSupplementHint',
] as const

const choicesOf = (values: readonly string[], labels: OptionLabels) => values.map((value) => ({ value, label: labelOf(labels, value) }))

/**
 * Edit a draft: the checks and the diagram of what is saved, then the form of steps and transitions. A
 * published or retired version has no form: it cannot be changed.
 */
export default async function EditWorkflowDraftPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params
  const actor = await requirePagePermission('admin.configure', workflowEditHref(id))
  const version = await loadVersion(actor, id)
  const [t, admin, labels, query] = await Promise.all([getTranslations('Workflow'), getTranslations('Admin'), workflowLabels(), searchParams])
  const title = t('versionTitle', { name: version.definition.name, version: version.version })
  const crumbs = [{ label: admin('tabs.label') }, { label: t('title'), href: WORKFLOWS_HREF }, { label: title, href: workflowVersionHref(version.id) }, { label: t('list.edit') }]

  if (version.status !== 'DRAFT' || !version.graph) {
    return (
      <>
        <AdminPageHeader current="workflows" crumbs={crumbs} title={t('editor.title', { name: version.definition.name, version: version.version })} />
        <div className="mx-auto max-w-6xl space-y-4 px-4 py-8 sm:px-6">
          <Notice tone="warning" role="status">
            {version.graph ? t('editor.immutable', { version: version.version }) : t('version.graphInvalid')}
          </Notice>
          <Link href={workflowVersionHref(version.id)} className={buttonStyles.secondary}>
            {t('editor.immutableAction')}
          </Link>
        </div>
      </>
    )
  }

  const form: DraftForm = draftFormFromGraph(version.graph)
  const describe = await problemDescriber(version.graph, labels)
  const problemRows: Record<string, string[]> = {}
  for (const problem of version.validation.ok ? [] : version.validation.problems) {
    const place = problemRow(problem, form)
    if (place) (problemRows[`${place.kind}:${place.row}`] ??= []).push(describe(problem))
  }
  const text: EditorText = {
    fields: Object.fromEntries(FIELD_NAMES.map((name) => [name, t(`editor.fields.${name}`)])),
    stepsTitle: t('editor.stepsTitle'),
    stepsHint: t('editor.stepsHint'),
    transitionsTitle: t('editor.transitionsTitle'),
    transitionsHint: t('editor.transitionsHint'),
    settingsTitle: t('editor.settingsTitle'),
    // Placeholders filled in by the form for each row.
    stepLegend: t('editor.stepLegend', { number: '{number}', key: '{key}' }),
    newStepLegend: t('editor.newStepLegend'),
    transitionLegend: t('editor.transitionLegend', { number: '{number}', name: '{name}' }),
    newTransitionLegend: t('editor.newTransitionLegend'),
    addStep: t('editor.addStep'),
    addTransition: t('editor.addTransition'),
    save: t('editor.save'),
    saving: t('editor.saving'),
    problemHere: t('editor.problemHere'),
  }
  const choices: EditorChoices = {
    roles: choicesOf(EDITOR_CHOICES.roles, labels.roles),
    states: choicesOf(EDITOR_CHOICES.states, labels.states),
    stepClocks: choicesOf(EDITOR_CHOICES.stepClocks, labels.stepClocks),
    budgetUnits: choicesOf(EDITOR_CHOICES.budgetUnits, labels.budgetUnits),
    terminals: choicesOf(EDITOR_CHOICES.terminalOutcomes, labels.terminals),
    transitionClocks: choicesOf(EDITOR_CHOICES.transitionClocks, labels.transitionClocks),
    requirements: choicesOf(EDITOR_CHOICES.requirements, labels.requirements),
  }

  return (
    <>
      <AdminPageHeader
        current="workflows"
        crumbs={crumbs}
        title={t('editor.title', { name: version.definition.name, version: version.version })}
        lead={t('editor.lead')}
        actions={
          <>
            <Link href={workflowPublishHref(version.id)} className={buttonStyles.navy}>
              {t('editor.toPublish')}
            </Link>
            <Link href={workflowSandboxHref(version.id)} className={buttonStyles.secondary}>
              {t('editor.toSandbox')}
            </Link>
          </>
        }
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {query.moi === '1' ? (
          <Notice tone="success" role="status">
            {t('editor.created', { version: version.version })}
          </Notice>
        ) : null}
        <WorkflowChecks validation={version.validation} warnings={version.warnings} graph={version.graph} labels={labels} />
        <p className="text-sm">
          <a href="#so-do-ban-nhap-khung" className="text-navy-800 underline">
            {t('editor.savedDiagram')}
          </a>
        </p>

        <div className="rounded border border-slate-200 bg-slate-50 p-4 sm:p-6">
          <WorkflowEditor action={saveWorkflowDraftAction} versionId={version.id} initial={form} revision={version.revision} choices={choices} text={text} problemRows={problemRows} />
        </div>

        <details id="so-do-ban-nhap-khung" open className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer text-lg font-bold text-navy-900">{t('editor.savedDiagram')}</summary>
          <div className="mt-4">
            <WorkflowDiagram id="so-do-ban-nhap" graph={version.graph} name={title} labels={labels} />
          </div>
        </details>

        <section id="xoa-ban-nhap" aria-labelledby="xoa-ban-nhap-tieu-de" className="rounded border border-gov-red-200 bg-white p-5">
          <h2 id="xoa-ban-nhap-tieu-de" className="text-lg font-bold text-gov-red-800">
            {t('editor.deleteTitle')}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t('editor.deleteLead')}</p>
          {query.xoa === 'xac-nhan' ? (
            <div className="mt-3">
              <Notice tone="error" role="alert">
                {t('editor.deleteNeedsConfirm')}
              </Notice>
            </div>
          ) : null}
          <form action={deleteWorkflowDraftAction} className="mt-3 flex flex-wrap items-center gap-4">
            <input type="hidden" name="versionId" value={version.id} />
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" required className="size-4 accent-gov-red-700" />
              {t('editor.deleteConfirm', { version: version.version })}
            </label>
            <button type="submit" className="inline-flex items-center justify-center gap-2 rounded border border-gov-red-700 bg-white px-5 py-2.5 font-semibold text-gov-red-800 hover:bg-gov-red-50">
              {t('editor.deleteButton')}
            </button>
          </form>
        </section>
      </div>
    </>
  )
}
