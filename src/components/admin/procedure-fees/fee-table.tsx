import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import type { ProcedureFeeItem } from '@/server/admin/procedure-fees'
import { feeText } from './fee-text'
import { procedureFeeHref } from './hrefs'

const th = 'px-3 py-2 font-semibold'
const td = 'px-3 py-2'
/** On a phone the first cell carries the essentials and the other columns are left out. */
const wide = 'hidden sm:table-cell'

/** Unverified (amber) while the seed's default is not confirmed by an administrator. */
async function VerificationBadge({ unverified }: { unverified: boolean }) {
  const t = await getTranslations('AdminProcedures.status')
  return unverified ? (
    <span className="inline-flex items-center rounded bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 ring-1 ring-amber-300 ring-inset">
      {t('unverified')}
    </span>
  ) : (
    <Badge tone="green">{t('verified')}</Badge>
  )
}

/** Procedures with their current fee; each name opens its fee page. */
export async function ProcedureFeeTable({ rows }: { rows: ProcedureFeeItem[] }) {
  const [t, locale] = await Promise.all([getTranslations('AdminProcedures'), getLocale()])
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('list.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={th}>{t('list.columns.procedure')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.field')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.fee')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.moment')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.rule')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.exemptions')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const fee = feeText(row, t, locale)
            return (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                <th scope="row" className={`${td} min-w-56 font-normal`}>
                  <Link href={procedureFeeHref(row.slug)} className="font-semibold text-navy-800 underline">
                    {locale === 'en' ? row.nameEn : row.nameVi}
                  </Link>
                  <span className="block font-mono text-xs text-slate-600">
                    {row.nationalCode ?? row.slug} · {t('list.versionShort', { version: row.version })}
                  </span>
                  {row.isActive ? null : <span className="block text-xs text-slate-600">{t('list.inactive')}</span>}
                  <span className="mt-1.5 block space-y-1 sm:hidden">
                    <span className="block text-slate-800">
                      {fee} · {t(`moments.${row.feeMoment}`)}
                    </span>
                    {row.unverifiedFee.length > 0 ? <VerificationBadge unverified /> : null}
                  </span>
                </th>
                <td className={`${td} ${wide} min-w-28`}>{row.field}</td>
                <td className={`${td} ${wide} whitespace-nowrap tabular-nums`}>{fee}</td>
                <td className={`${td} ${wide} min-w-36`}>{t(`moments.${row.feeMoment}`)}</td>
                <td className={`${td} ${wide} min-w-36`}>{t(`rules.${row.ruleKind}`)}</td>
                <td className={`${td} ${wide} whitespace-nowrap`}>{t('list.exemptionCount', { count: row.exemptionCount })}</td>
                <td className={`${td} ${wide}`}>
                  <VerificationBadge unverified={row.unverifiedFee.length > 0} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
