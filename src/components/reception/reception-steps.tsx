/** Where the clerk is in the three steps of a desk reception. */
export function ReceptionSteps({
  current,
  labels,
}: {
  current: 1 | 2 | 3
  labels: { label: string; steps: [string, string, string]; current: string; done: string }
}) {
  return (
    <nav aria-label={labels.label}>
      <ol className="flex flex-col gap-2 sm:flex-row sm:gap-6">
        {labels.steps.map((step, index) => {
          const number = index + 1
          const state = number < current ? 'done' : number === current ? 'current' : 'todo'
          return (
            <li key={step} aria-current={state === 'current' ? 'step' : undefined} className="flex items-center gap-2 text-sm">
              <span
                aria-hidden="true"
                className={`flex size-7 items-center justify-center rounded-full font-semibold ${
                  state === 'current' ? 'bg-navy-800 text-white' : state === 'done' ? 'bg-emerald-600 text-white' : 'bg-slate-200 text-slate-700'
                }`}
              >
                {state === 'done' ? '✓' : number}
              </span>
              <span className={state === 'current' ? 'font-semibold text-navy-900' : 'text-slate-700'}>
                {step}
                {state === 'current' ? <span className="sr-only"> {labels.current}</span> : null}
                {state === 'done' ? <span className="sr-only"> {labels.done}</span> : null}
              </span>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
