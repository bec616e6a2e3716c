import { getTranslations } from 'next-intl/server'

export type ExportTable = 'ranking' | 'procedures' | 'dossiers'

/**
 * Download links for a dashboard table, as CSV and XLSX (streamed by /api/dashboard/export with the page's own
 * search parameters), and for the provincial ranking a printable PDF report (/api/dashboard/report).
 */
export async function ExportLinks({ table, params, pdf = false }: { table: ExportTable; params: URLSearchParams; pdf?: boolean }) {
  const t = await getTranslations('Dashboard.exports')
  const href = (format: 'csv' | 'xlsx') => {
    const query = new URLSearchParams(params)
    query.set('table', table)
    query.set('format', format)
    return `/api/dashboard/export?${query.toString()}`
  }
  const name = t(table)
  return (
    <div className="rounded border border-slate-200 bg-white p-3" data-testid={`export-${table}`}>
      <p className="text-sm font-semibold text-navy-900">{t('title')}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {(['csv', 'xlsx'] as const).map((format) => (
          <li key={format}>
            <a href={href(format)} download aria-label={t('linkLabel', { table: name, format: t(format) })} className="font-semibold text-navy-800 underline">
              {t(format)}
            </a>
          </li>
        ))}
        {pdf ? (
          <li>
            <a href={`/api/dashboard/report?${params.toString()}`} className="font-semibold text-navy-800 underline">
              {t('pdf')}
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  )
}
