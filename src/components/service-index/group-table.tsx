import { getLocale, getTranslations } from 'next-intl/server'
import type { GroupScore } from '@/domain/stats/service-index'
import { indexFormat, indexLocale } from './format'
import { ScrollArea } from './scroll-area'

const cell = 'px-3 py-2'
const numeric = `${cell} text-right tabular-nums whitespace-nowrap`

/** The five groups: weight, points that could be computed, points earned and the share earned. */
export async function GroupTable({ groups }: { groups: readonly GroupScore[] }) {
  const [t, root, locale] = await Promise.all([getTranslations('ServiceIndex.groups'), getTranslations('ServiceIndex'), getLocale()])
  const l = indexLocale(locale)
  const format = indexFormat(l, root('dash'))
  return (
    <ScrollArea label={t('caption')}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={cell}>{t('group')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('weight')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('computable')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('earned')}</th>
            <th scope="col" className={`${cell} text-right`}>{t('share')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} className="border-t border-slate-200" data-group={group.key}>
              <th scope="row" className={`${cell} font-medium text-slate-900`}>{group.name[l]}</th>
              <td className={numeric}>{format.points(group.points)}</td>
              <td className={numeric}>{format.points(group.maxComputable)}</td>
              <td className={numeric}>{group.maxComputable > 0 ? format.points(group.earned) : format.points(null)}</td>
              <td className={numeric}>{group.score === null ? format.percent(null) : format.percent(group.score / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
