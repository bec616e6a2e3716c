import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { QUEUE_PAGE_SIZES, sortsFor, type StaffQueueRequest } from '@/domain/dossier/staff-queues'
import { buttonStyles } from '@/components/ui/button-styles'

/** A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked and shared. */
export async function QueueFilters({ request, procedures, clearHref }: { request: StaffQueueRequest; procedures: { id: string; nameVi: string; nameEn: string }[]; clearHref: string }) {
  const [t, locale] = await Promise.all([getTranslations('Dossier.queue'), getLocale()])
  return (
    <form method="get" role="search" aria-label={t('filters')} className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-[2fr_2fr_2fr_auto] lg:grid-cols-[2fr_2fr_1.6fr_auto] md:items-end">
      <input type="hidden" name="queue" value={request.queue} />
      <div>
        <label htmlFor="q" className="block text-sm font-semibold text-slate-800">{t('search')}</label>
        <input id="q" name="q" type="search" defaultValue={request.searchText} placeholder={t('searchPlaceholder')} maxLength={120} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="procedure" className="block text-sm font-semibold text-slate-800">{t('procedure')}</label>
        <select id="procedure" name="procedure" defaultValue={request.procedureId ?? ''} className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2">
          <option value="">{t('allProcedures')}</option>
          {procedures.map((procedure) => (
            <option key={procedure.id} value={procedure.id}>{locale === 'en' ? procedure.nameEn : procedure.nameVi}</option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="sort" className="block text-sm font-semibold text-slate-800">{t('sort')}</label>
          <select id="sort" name="sort" defaultValue={request.sort} className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-2">
            {sortsFor(request.queue).map((sort) => (
              <option key={sort} value={sort}>{t(`sorts.${sort}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="size" className="block text-sm font-semibold text-slate-800">{t('size')}</label>
          <select id="size" name="size" defaultValue={String(request.pageSize)} className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-2">
            {QUEUE_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>{size}</option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.primary}>{t('apply')}</button>
        <Link href={clearHref} className={buttonStyles.secondary}>{t('clear')}</Link>
      </div>
    </form>
  )
}
