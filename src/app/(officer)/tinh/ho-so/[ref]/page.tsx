import { DossierDetail } from '@/components/dossier/dossier-detail'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'

// Read-only view of any dossier of the province, for provincial officers and administrators.
export default async function ProvinceDossierPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params
  const actor = await requirePagePermission('dossier.readProvince', `/tinh/ho-so/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  return <DossierDetail dossier={dossier} backHref="/tinh" />
}
