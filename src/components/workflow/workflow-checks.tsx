import { getTranslations } from 'next-intl/server'
import type { WorkflowProblem, WorkflowValidation } from '@/domain/workflow/validate-workflow'
import type { DraftWarning } from '@/domain/workflow/workflow-draft'
import type { WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { labelOf, type WorkflowLabels } from './workflow-labels'

/** Turns `validateWorkflow` problems into sentences naming the step or transition concerned. */
export async function problemDescriber(graph: WorkflowGraph | null, labels: WorkflowLabels): Promise<(problem: WorkflowProblem) => string> {
  const t = await getTranslations('Workflow.checks')
  const stepClock = (key: string | undefined) => {
    const step = graph?.steps.find((candidate) => candidate.key === key)
    if (!step) return '?'
    return step.terminal ? labelOf(labels.terminals, step.terminal) : labelOf(labels.stepClocks, step.clock)
  }
  return (problem) => {
    const base = { step: problem.step ?? '', transition: problem.transition ?? '', role: problem.role ?? '', path: (problem.path ?? []).join('.'), place: problem.transition ?? problem.step ?? '' }
    if (problem.code !== 'CLOCK_MISMATCH') return t.has(`problems.${problem.code}`) ? t(`problems.${problem.code}`, base) : problem.message
    if (!problem.transition) return t('problems.CLOCK_MISMATCH', { detail: t('clockStartDetail', base) })
    const [from, action] = problem.transition.split(':')
    const transition = graph?.transitions.find((candidate) => candidate.from === from && candidate.action === action)
    const detail = t('clockDetail', {
      transition: problem.transition,
      fromClock: stepClock(from),
      toClock: stepClock(transition?.to),
      clock: transition?.clock ? labelOf(labels.transitionClocks, transition.clock) : t('noClock'),
    })
    return t('problems.CLOCK_MISMATCH', { detail })
  }
}

/**
 * The checks before publishing: `validateWorkflow`'s problems (errors, they block publishing) and the
 * draft's warnings (they do not), each in words naming the step or transition concerned.
 */
export async function WorkflowChecks({ validation, warnings, graph, labels }: { validation: WorkflowValidation; warnings: readonly DraftWarning[]; graph: WorkflowGraph | null; labels: WorkflowLabels }) {
  const [t, describe] = await Promise.all([getTranslations('Workflow.checks'), problemDescriber(graph, labels)])
  const problems = validation.ok ? [] : validation.problems
  const warningText = (warning: DraftWarning): string => {
    const values = { step: '', transition: '', total: 0, limit: 0, ...warning }
    return t.has(`warningsList.${warning.code}`) ? t(`warningsList.${warning.code}`, values) : warning.code
  }
  const hasClockProblem = problems.some((problem) => problem.code === 'CLOCK_MISMATCH')

  return (
    <section aria-labelledby="kiem-tra" className="space-y-3 rounded border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="kiem-tra" className="text-lg font-bold text-navy-900">
        {t('title')}
      </h2>
      {problems.length === 0 ? (
        <p role="status" className="rounded border-l-4 border-emerald-600 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
          <span aria-hidden="true">✓ </span>
          {t('ok')}
        </p>
      ) : (
        <div role="alert" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-sm text-gov-red-800">
          <p className="font-semibold">{t('errors', { count: problems.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {problems.map((problem, index) => (
              <li key={index}>{describe(problem)}</li>
            ))}
          </ul>
          {hasClockProblem ? <p className="mt-2 text-gov-red-900">{t('clockRule')}</p> : null}
        </div>
      )}
      {warnings.length > 0 ? (
        <div className="rounded border-l-4 border-amber-500 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">{t('warnings', { count: warnings.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {warnings.map((warning, index) => (
              <li key={index}>{warningText(warning)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  )
}
