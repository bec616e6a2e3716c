import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatDate } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { getProvinceOverview } from '@/server/dashboard/get-province-overview'
import { db } from '@/server/db'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dossier.province'))('title') }
}

// Officer home: every commune over 30 days, from the daily aggregate (the full dashboard builds on it).
export default async function ProvinceHomePage() {
  const actor = await requirePagePermission('dashboard.readProvince', '/tinh')
  const [{ since, communes }, t, locale] = await Promise.all([
    getProvinceOverview(db(), { actor }),
    getTranslations('Dossier.province'),
    getLocale(),
  ])
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN')
  const percent = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 })
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('lead', { count: communes.length, since: formatDate(since) })}</p>
      <div className="mt-6 overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">#</th>
              <th scope="col" className="px-3 py-2">{(await getTranslations('Dossier.columns'))('commune')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('received')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('resolved')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('late')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {communes.map((commune, index) => (
              <tr key={commune.communeId} className="border-t border-slate-200">
                <td className="px-3 py-1.5 text-slate-600">{index + 1}</td>
                <td className="px-3 py-1.5">{commune.communeName}</td>
                <td className="px-3 py-1.5 text-right">{number.format(commune.received)}</td>
                <td className="px-3 py-1.5 text-right">{number.format(commune.resolved)}</td>
                <td className="px-3 py-1.5 text-right">{number.format(commune.resolvedLate)}</td>
                <td className="px-3 py-1.5 text-right">{commune.onTimeRate === null ? t('noData') : percent.format(commune.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
