import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatDate } from '@/lib/format/date'
import { DossierStateBadge } from './dossier-state-badge'

import type { DossierListItem } from '@/server/dossier/list-dossiers'

/** A list of dossiers; each code links to `${hrefBase}/${code}`. */
export async function DossierTable({ rows, hrefBase, showApplicant, caption }: { rows: DossierListItem[]; hrefBase: string; showApplicant: boolean; caption: string }) {
  const [t, locale] = await Promise.all([getTranslations('Dossier.columns'), getLocale()])
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t('code')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('procedure')}</th>
            {showApplicant ? <th scope="col" className="px-3 py-2 font-semibold">{t('applicant')}</th> : null}
            <th scope="col" className="px-3 py-2 font-semibold">{t('state')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('submittedAt')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('dueAt')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link href={`${hrefBase}/${row.code}`} className="font-semibold text-navy-800 underline">
                  {row.code}
                </Link>
              </td>
              <td className="px-3 py-2">{locale === 'en' ? row.procedureNameEn : row.procedureNameVi}</td>
              {showApplicant ? <td className="px-3 py-2">{row.applicantName}</td> : null}
              <td className="px-3 py-2"><DossierStateBadge state={row.state} /></td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDate(row.submittedAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.dueAt ? formatDate(row.dueAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
