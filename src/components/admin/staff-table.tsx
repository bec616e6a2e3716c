import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { formatDate } from '@/lib/format/date'
import { AccountStatusBadge, RoleBadge } from './account-badges'
import { staffAccountHref } from './admin-hrefs'

export type StaffRowView = {
  id: string
  username: string | null
  fullName: string
  role: string
  disabledAt: Date | null
  createdAt: Date
  communes: { id: string; code: string; name: string }[]
}

/** Communes shown in a row before "and N more". */
const SHOWN_COMMUNES = 2

export async function StaffTable({ rows }: { rows: StaffRowView[] }) {
  const t = await getTranslations('Admin.staffList')
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.name')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.username')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.role')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.communes')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.status')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const more = row.communes.length - SHOWN_COMMUNES
            return (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="min-w-44 px-3 py-2 font-normal">
                  <Link href={staffAccountHref(row.id)} className="font-semibold text-navy-800 underline">
                    {row.fullName}
                  </Link>
                </th>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{row.username}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <RoleBadge role={row.role} />
                </td>
                <td className="min-w-44 px-3 py-2">
                  {row.role === 'PROVINCE_OFFICER' ? (
                    t('wholeProvince')
                  ) : row.communes.length === 0 ? (
                    t('noCommune')
                  ) : (
                    <>
                      {row.communes.slice(0, SHOWN_COMMUNES).map((commune) => commune.name).join(', ')}
                      {more > 0 ? <span className="text-slate-600"> {t('moreCommunes', { count: more })}</span> : null}
                    </>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <AccountStatusBadge disabled={row.disabledAt !== null} />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.createdAt)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
