import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { CommuneAccountItem } from '@/server/admin/commune-accounts'
import { AccountStateBadge } from './account-state-badge'
import { communeAccountHref } from './hrefs'

const th = 'px-3 py-2 font-semibold'
const td = 'px-3 py-2'
/** On a phone the first cell carries the essentials and the other columns are left out. */
const wide = 'hidden sm:table-cell'

/**
 * Communes with their collection accounts; each name opens its account's page. On a phone, one column:
 * the name, the state badge and the bank and number under it.
 */
export async function AccountTable({ rows }: { rows: CommuneAccountItem[] }) {
  const t = await getTranslations('AdminCommunes')
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('list.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={th}>{t('list.columns.commune')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.bank')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.accountNo')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.accountName')}</th>
            <th scope="col" className={`${th} ${wide}`}>{t('list.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <th scope="row" className={`${td} min-w-44 font-normal`}>
                <Link href={communeAccountHref(row.code)} className="font-semibold text-navy-800 underline">
                  {row.name}
                </Link>
                <span className="block font-mono text-xs text-slate-600">
                  {row.code} · {t(`kinds.${row.kind}`)}
                </span>
                <span className="mt-1.5 block space-y-1 sm:hidden">
                  <AccountStateBadge state={row.state} />
                  {row.bank && row.account ? (
                    <span className="block text-slate-800">
                      {row.bank.shortName} · <span className="font-mono break-all">{row.account.accountNo}</span>
                    </span>
                  ) : null}
                </span>
              </th>
              <td className={`${td} ${wide} whitespace-nowrap`}>
                {row.bank ? (
                  <>
                    {row.bank.shortName}
                    {row.bank.known ? <span className="block font-mono text-xs text-slate-600">{row.bank.bin}</span> : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className={`${td} ${wide} font-mono whitespace-nowrap`}>{row.account?.accountNo ?? '—'}</td>
              <td className={`${td} ${wide} min-w-48`}>{row.account?.accountName || '—'}</td>
              <td className={`${td} ${wide}`}>
                <AccountStateBadge state={row.state} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
