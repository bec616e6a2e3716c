import { getLocale, getTranslations } from 'next-intl/server'
import { isPublicTransition } from '@/domain/workflow/apply-transition'
import type { WorkflowGraph, WorkflowStep } from '@/domain/workflow/workflow-graph'
import { labelOf, type WorkflowLabels } from './workflow-labels'

const th = 'px-3 py-2 font-semibold'
const td = 'px-3 py-2 align-top'

function budgetText(step: WorkflowStep, labels: WorkflowLabels): string | null {
  if (!step.budget) return null
  return `${step.budget.value.toLocaleString('vi-VN')} ${labelOf(labels.budgetUnits, step.budget.unit)}`
}

/** The steps and transitions of a workflow, read-only: everything the diagram shows, as text. */
export async function WorkflowTables({ graph, labels }: { graph: WorkflowGraph; labels: WorkflowLabels }) {
  const [t, locale] = await Promise.all([getTranslations('Workflow.version'), getLocale()])
  const stepName = (key: string) => {
    const step = graph.steps.find((candidate) => candidate.key === key)
    return step ? (locale === 'en' ? step.nameEn : step.nameVi) : key
  }
  return (
    <div className="space-y-8">
      <section aria-labelledby="cac-buoc">
        <h2 id="cac-buoc" className="mb-3 text-lg font-bold text-navy-900">
          {t('stepsTitle')}
        </h2>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('stepsCaption')}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={th}>{t('columns.step')}</th>
                <th scope="col" className={th}>{t('columns.role')}</th>
                <th scope="col" className={th}>{t('columns.state')}</th>
                <th scope="col" className={th}>{t('columns.budget')}</th>
                <th scope="col" className={th}>{t('columns.clock')}</th>
                <th scope="col" className={th}>{t('columns.terminal')}</th>
              </tr>
            </thead>
            <tbody>
              {graph.steps.map((step) => (
                <tr key={step.key} className="border-t border-slate-200">
                  <th scope="row" className={`${td} font-normal`}>
                    <span className="font-semibold">{locale === 'en' ? step.nameEn : step.nameVi}</span>
                    <span className="block font-mono text-xs text-slate-600">
                      {step.key}
                      {step.key === graph.startStep ? ` · ${t('start')}` : ''}
                    </span>
                  </th>
                  <td className={td}>{labelOf(labels.roles, step.role)}</td>
                  <td className={td}>{labelOf(labels.states, step.state)}</td>
                  <td className={td}>{budgetText(step, labels) ?? '—'}</td>
                  <td className={td}>{labelOf(labels.stepClocks, step.clock)}</td>
                  <td className={td}>{step.terminal ? labelOf(labels.terminals, step.terminal) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2 text-sm text-slate-700">{t('maxSupplements', { count: graph.maxSupplementRequests ?? 1 })}</p>
      </section>

      <section aria-labelledby="cac-chuyen-tiep">
        <h2 id="cac-chuyen-tiep" className="mb-3 text-lg font-bold text-navy-900">
          {t('transitionsTitle')}
        </h2>
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('transitionsCaption')}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={th}>{t('columns.action')}</th>
                <th scope="col" className={th}>{t('columns.fromTo')}</th>
                <th scope="col" className={th}>{t('columns.roles')}</th>
                <th scope="col" className={th}>{t('columns.requires')}</th>
                <th scope="col" className={th}>{t('columns.transitionClock')}</th>
                <th scope="col" className={th}>{t('columns.public')}</th>
              </tr>
            </thead>
            <tbody>
              {graph.transitions.map((transition) => (
                <tr key={`${transition.from}:${transition.action}`} className="border-t border-slate-200">
                  <th scope="row" className={`${td} font-normal`}>
                    <span className="font-semibold">{labelOf(labels.actions, transition.action)}</span>
                    <span className="block font-mono text-xs text-slate-600">{transition.action}</span>
                  </th>
                  <td className={td}>
                    {stepName(transition.from)} → {stepName(transition.to)}
                  </td>
                  <td className={td}>{transition.roles.map((role) => labelOf(labels.roles, role)).join(', ')}</td>
                  <td className={td}>{transition.requires.length > 0 ? transition.requires.map((requirement) => labelOf(labels.requirements, requirement)).join(', ') : '—'}</td>
                  <td className={td}>{transition.clock ? labelOf(labels.transitionClocks, transition.clock) : '—'}</td>
                  <td className={td}>{isPublicTransition(transition) ? t('yes') : t('no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
