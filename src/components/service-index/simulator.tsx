import { getLocale, getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { MEASURES, type Improvement } from '@/domain/stats/service-index'
import { SIMULATION_STEP_CHOICES, type SimulationChoice } from '@/domain/stats/service-index-params'
import { indexFormat, indexLocale } from './format'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`

/**
 * The simulator: a GET form choosing how to simulate (reach full points, or raise each ratio by a step), and the
 * criteria sorted by the points they would add, with how many more dossiers (procedures, ratings) it takes.
 */
export async function Simulator({ simulation, keep }: { simulation: SimulationChoice & { improvements: readonly Improvement[] }; keep: Record<string, string> }) {
  const [t, root, locale] = await Promise.all([getTranslations('ServiceIndex.simulator'), getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const format = indexFormat(l, root('dash'))
  const { improvements } = simulation
  const best = improvements[0]
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t('lead')}</p>
      <form method="get" action="#mo-phong" className="rounded border border-slate-200 bg-white p-4">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <legend className="mb-2 font-semibold text-navy-900">{t('legend')}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mo" value="target" defaultChecked={simulation.mode === 'TARGET'} className="h-4 w-4" />
            {t('target')}
          </label>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="mo" value="step" defaultChecked={simulation.mode === 'STEP'} className="h-4 w-4" />
              {t('step')}
            </label>
            <label htmlFor="mo-phong-buoc" className="sr-only">
              {t('step')}
            </label>
            <select id="mo-phong-buoc" name="buoc" defaultValue={String(simulation.stepPercent)} className="rounded border border-slate-400 bg-white px-2 py-1.5">
              {[...new Set<number>([...SIMULATION_STEP_CHOICES, simulation.stepPercent])].sort((a, b) => a - b).map((step) => (
                <option key={step} value={step}>
                  {t('stepUnit', { step })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            {t('submit')}
          </button>
        </fieldset>
      </form>
      {improvements.length === 0 ? (
        <p className="text-slate-700">{t('empty')}</p>
      ) : (
        <>
          {best && best.gain > 0 ? (
            <p className="rounded border-l-4 border-emerald-600 bg-emerald-50 px-4 py-3 text-sm text-emerald-950" data-testid="simulator-best">
              {t('best', { text: best.text[l] })}
            </p>
          ) : null}
          <ScrollArea label={t('caption')}>
            <table className="w-full text-left text-sm" data-testid="simulator">
              <caption className="sr-only">{t('caption')}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={cell}>#</th>
                  <th scope="col" className={`${cell} min-w-44`}>{t('criterion')}</th>
                  <th scope="col" className={`${cell} min-w-56`}>{t('needed')}</th>
                  <th scope="col" className={`${cell} text-right`}>{t('ratio')}</th>
                  <th scope="col" className={`${cell} text-right`}>{t('points')}</th>
                  <th scope="col" className={`${cell} text-right`}>{t('gain')}</th>
                  <th scope="col" className={`${cell} text-right`}>{t('scoreAfter')}</th>
                </tr>
              </thead>
              <tbody>
                {improvements.map((item, index) => (
                  <tr key={item.criterionKey} className="border-t border-slate-200" data-criterion={item.criterionKey}>
                    <td className={`${cell} tabular-nums text-slate-600`}>{index + 1}</td>
                    <th scope="row" className={`${cell} font-medium`}>{item.name[l]}</th>
                    <td className={cell}>
                      {item.extraUnits === 0 ? t('full') : MEASURES[item.measure].more(item.extraUnits, l)}
                      {item.extraUnits > 0 && item.gain === 0 ? <span className="block text-slate-600">{t('noGain')}</span> : null}
                    </td>
                    <td className={numeric}>
                      {format.percent(item.before.ratio)} → {format.percent(item.after.ratio)}
                    </td>
                    <td className={numeric}>
                      {format.points(item.before.earned)} → {format.points(item.after.earned)} / {format.points(item.points)}
                    </td>
                    <td className={`${numeric} font-semibold text-emerald-800`}>+{format.points(item.gain)}</td>
                    <td className={numeric}>
                      {format.points(item.scoreBefore)} → {format.points(item.scoreAfter)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </>
      )}
    </div>
  )
}
