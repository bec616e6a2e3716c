import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

const linkClass = 'rounded border border-slate-300 bg-white px-3 py-1.5 font-semibold text-navy-800 hover:bg-navy-50'

/** Previous / next links with "page N of M"; nothing when everything fits on one page. */
export async function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null
  const t = await getTranslations('Admin.pagination')
  return (
    <nav aria-label={t('label')} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          ← {t('previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-700" aria-current="page">
        {t('status', { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t('next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
