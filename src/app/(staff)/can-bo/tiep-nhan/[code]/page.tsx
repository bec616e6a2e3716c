import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ReceptionDone } from '@/components/reception/reception-done'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'

type Params = Promise<{ code: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params
  return { title: (await getTranslations('Reception.done'))('metaTitle', { code }), robots: { index: false } }
}

/** The confirmation after a desk reception: the clerk's own commune only (outside it: 404, like elsewhere). */
export default async function DeskReceptionDonePage({ params }: { params: Params }) {
  const { code } = await params
  const actor = await requirePagePermission('dossier.actCommune', `/can-bo/tiep-nhan/${encodeURIComponent(code)}`)
  if (actor.role !== 'CLERK') notFound()
  const [dossier, t] = await Promise.all([orNotFound(getDossier(db(), { actor, ref: code })), getTranslations('Reception')])
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <Breadcrumb
        label={t('breadcrumb')}
        crumbs={[{ label: t('queue'), href: '/can-bo' }, { label: t('title'), href: '/can-bo/tiep-nhan' }, { label: dossier.code }]}
      />
      <h1 className="mt-3 text-2xl font-bold text-navy-900">{t('done.title')}</h1>
      <ReceptionDone dossier={dossier} />
    </div>
  )
}
