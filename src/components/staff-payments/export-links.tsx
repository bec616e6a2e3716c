import { getTranslations } from 'next-intl/server'

/** Download links for the period's payments and the outstanding list, each as CSV and XLSX (streamed by the API). */
export async function ExportLinks({ commune, from, to }: { commune: string; from: string; to: string }) {
  const t = await getTranslations('StaffPayments.exports')
  const href = (table: 'payments' | 'outstanding', format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({ commune, table, format, ...(table === 'payments' ? { from, to } : {}) })
    return `/api/payments/export?${params.toString()}`
  }
  return (
    <div className="rounded border border-slate-200 bg-white p-4">
      <h3 className="font-semibold text-navy-900">{t('title')}</h3>
      <ul className="mt-2 space-y-2 text-sm">
        {(['payments', 'outstanding'] as const).map((table) => (
          <li key={table} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="basis-full sm:basis-auto">{t(table)}:</span>
            {(['csv', 'xlsx'] as const).map((format) => (
              <a key={format} href={href(table, format)} download aria-label={`${t(table)} – ${t(format)}`} className="font-semibold text-navy-800 underline">
                {t(format)}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </div>
  )
}
