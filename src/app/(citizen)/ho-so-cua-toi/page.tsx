import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { MyDossierFilters } from '@/components/dossier/my-dossier-filters'
import { MyDossierList } from '@/components/dossier/my-dossier-list'
import type { CitizenDossierFilter } from '@/domain/dossier/citizen-next-step'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { listMyDossiers } from '@/server/dossier/list-dossiers'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dossier.myDossiers'))('title') }
}

type SearchParams = Record<string, string | string[] | undefined>

/** "Hồ sơ của tôi": the signed-in citizen's dossiers with their state, due date and next step. */
export default async function MyDossiersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission('dossier.readOwn', '/ho-so-cua-toi')
  const [list, t] = await Promise.all([listMyDossiers(db(), { actor, query: await searchParams }), getTranslations('Dossier.myDossiers')])
  const hrefFor = (filter: CitizenDossierFilter, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ...(filter === 'all' ? {} : { loc: filter }), ...extra })
    const search = params.toString()
    return search ? `/ho-so-cua-toi?${search}` : '/ho-so-cua-toi'
  }
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('lead')}</p>
      {list.counts.all === 0 ? (
        <p className="mt-6">
          {t('empty')}{' '}
          <Link href="/" className="font-semibold text-navy-800 underline">
            {t('findProcedure')}
          </Link>
        </p>
      ) : (
        <>
          <div className="mt-5">
            <MyDossierFilters current={list.filter} counts={list.counts} hrefFor={(filter) => hrefFor(filter)} />
          </div>
          <div className="mt-4">
            {list.dossiers.length > 0 ? (
              <MyDossierList dossiers={list.dossiers} label={t('listLabel', { filter: t(`filter.${list.filter}`) })} />
            ) : (
              <p className="text-slate-700">{t('emptyFilter')}</p>
            )}
          </div>
          {list.paged || list.nextCursor ? (
            <nav className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={t('paging')}>
              <span>{t('shown', { count: list.dossiers.length })}</span>
              <span className="flex gap-4">
                {list.paged ? (
                  <Link href={hrefFor(list.filter)} className="font-semibold text-navy-800 underline">
                    {t('first')}
                  </Link>
                ) : null}
                {list.nextCursor ? (
                  <Link href={hrefFor(list.filter, { sau: list.nextCursor })} className="font-semibold text-navy-800 underline" rel="next">
                    {t('older')}
                  </Link>
                ) : null}
              </span>
            </nav>
          ) : null}
        </>
      )}
    </div>
  )
}
