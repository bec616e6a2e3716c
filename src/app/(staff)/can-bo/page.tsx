import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { DossierTable } from '@/components/dossier/dossier-table'
import { DossierStateCounts } from '@/components/dossier/dossier-state-counts'
import { Notice } from '@/components/ui/notice'
import { requirePagePermission } from '@/server/auth/session'
import { listActorCommuneNames } from '@/server/access/list-actor-communes'
import { db } from '@/server/db'
import { listDossiers } from '@/server/dossier/list-dossiers'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dossier.staff'))('title') }
}

// The commune's queue (the full staff workspace with queues and actions builds on this page).
export default async function StaffHomePage() {
  const actor = await requirePagePermission('dossier.readCommune', '/can-bo')
  const t = await getTranslations('Dossier.staff')
  if (actor.communeIds.length === 0) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <div className="mt-4">
          <Notice tone="warning">{t('noCommune')}</Notice>
        </div>
      </div>
    )
  }
  const [{ dossiers, countsByState }, communeNames] = await Promise.all([
    listDossiers(db(), { actor, withCounts: true }),
    listActorCommuneNames(db(), actor),
  ])
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
      <p className="mt-1 text-slate-700">{t('lead', { communes: communeNames.join(', ') })}</p>
      <div className="mt-5">
        <DossierStateCounts counts={countsByState ?? {}} label={t('countsLabel')} />
      </div>
      <div className="mt-6">
        <DossierTable rows={dossiers} hrefBase="/can-bo/ho-so" showApplicant caption={t('title')} />
      </div>
    </div>
  )
}
