import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { DossierTable } from '@/components/dossier/dossier-table'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { listDossiers } from '@/server/dossier/list-dossiers'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dossier.myDossiers'))('title') }
}

export default async function MyDossiersPage() {
  const actor = await requirePagePermission('dossier.readOwn', '/ho-so-cua-toi')
  const [{ dossiers }, t] = await Promise.all([listDossiers(db(), { actor }), getTranslations('Dossier.myDossiers')])
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('lead')}</p>
      <div className="mt-6">
        {dossiers.length > 0 ? (
          <DossierTable rows={dossiers} hrefBase="/ho-so-cua-toi" showApplicant={false} caption={t('title')} />
        ) : (
          <p>
            {t('empty')}{' '}
            <Link href="/" className="font-semibold text-navy-800 underline">
              {t('findProcedure')}
            </Link>
          </p>
        )}
      </div>
    </div>
  )
}
