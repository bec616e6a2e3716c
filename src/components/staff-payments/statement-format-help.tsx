import { getTranslations } from 'next-intl/server'
import { acceptedHeaders, STATEMENT_TEMPLATE_COLUMNS } from '@/domain/payments/statement-template'
import { ScrollArea } from './scroll-area'

/** Which columns a statement file needs, the names accepted for each, and the sample to download. */
export async function StatementFormatHelp() {
  const t = await getTranslations('StaffPayments.import')
  return (
    <details className="rounded border border-slate-200 bg-slate-50 p-4 text-sm">
      <summary className="cursor-pointer font-semibold text-navy-900">{t('format.title')}</summary>
      <p className="mt-2 text-slate-800">{t('format.lead')}</p>
      <ScrollArea label={t('format.title')} className="mt-3 px-3">
        <table className="w-full text-left">
          <caption className="sr-only">{t('format.title')}</caption>
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-semibold">{t('format.column')}</th>
              <th scope="col" className="py-1 pr-3 font-semibold">{t('format.content')}</th>
              <th scope="col" className="py-1 font-semibold">{t('format.accepted')}</th>
            </tr>
          </thead>
          <tbody>
            {STATEMENT_TEMPLATE_COLUMNS.map(({ column, required }) => (
              <tr key={column} className="border-t border-slate-200 align-top">
                <th scope="row" className="py-1.5 pr-3 font-semibold whitespace-nowrap">
                  {t(`columns.${column}`)}
                  <span className="block text-xs font-normal text-slate-600">{required ? t('format.required') : t('format.optional')}</span>
                </th>
                <td className="min-w-48 py-1.5 pr-3">{t(`format.${column}`)}</td>
                <td className="min-w-48 py-1.5 text-slate-700">{acceptedHeaders(column).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <p className="mt-3">
        <a href="/api/payments/statement-template" download className="font-semibold text-navy-800 underline">
          {t('format.template')}
        </a>
      </p>
    </details>
  )
}
