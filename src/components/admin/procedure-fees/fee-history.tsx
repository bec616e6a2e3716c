import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import { formatDate } from '@/lib/format/date'
import type { ProcedureFeeVersion } from '@/server/admin/procedure-fees'
import { feeText } from './fee-text'

const th = 'px-3 py-2 font-semibold'
const td = 'px-3 py-2'

/** Every version of a procedure with its fee, newest first: number, fee, when paid, rule, date, who. */
export async function ProcedureFeeHistory({ versions, caption }: { versions: ProcedureFeeVersion[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('AdminProcedures'), getLocale()])
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="fee-history">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={th}>{t('detail.historyColumns.version')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.fee')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.moment')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.rule')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.exemptions')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.date')}</th>
            <th scope="col" className={th}>{t('detail.historyColumns.by')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} className="border-t border-slate-200 align-top">
              <th scope="row" className={`${td} font-normal whitespace-nowrap`}>
                <span className="font-semibold tabular-nums">{version.version}</span>{' '}
                {version.current ? <Badge tone="green">{t('detail.currentBadge')}</Badge> : version.status === 'RETIRED' ? <Badge tone="slate">{t('detail.retired')}</Badge> : null}
              </th>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{feeText(version, t, locale)}</td>
              <td className={td}>{t(`moments.${version.feeMoment}`)}</td>
              <td className={td}>{t(`rules.${version.ruleKind}`)}</td>
              <td className={`${td} whitespace-nowrap`}>{t('list.exemptionCount', { count: version.exemptionCount })}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDate(version.date)}</td>
              <td className={td}>{version.publishedBy ?? t('detail.seed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
