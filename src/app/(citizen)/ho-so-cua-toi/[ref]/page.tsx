import { DossierDetail } from '@/components/dossier/dossier-detail'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'

export default async function MyDossierPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params
  const actor = await requirePagePermission('dossier.readOwn', `/ho-so-cua-toi/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  return <DossierDetail dossier={dossier} backHref="/ho-so-cua-toi" />
}
