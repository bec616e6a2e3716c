import { getTranslations } from 'next-intl/server'

const STEPS = ['find', 'submit', 'receive'] as const

export async function HomeSteps() {
  const t = await getTranslations('Home.steps')
  return (
    <section aria-labelledby="cac-buoc" className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <h2 id="cac-buoc" className="text-xl font-bold text-navy-900">
          {t('title')}
        </h2>
        <ol className="mt-6 grid gap-4 md:grid-cols-3">
          {STEPS.map((step, index) => (
            <li key={step} className="flex gap-4 rounded border border-slate-200 bg-white p-5">
              <span
                aria-hidden="true"
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-navy-800 font-bold text-white"
              >
                {index + 1}
              </span>
              <div>
                <h3 className="font-semibold text-navy-900">{t(`${step}.title`)}</h3>
                <p className="mt-1 text-sm text-slate-700">{t(`${step}.body`)}</p>
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  )
}
