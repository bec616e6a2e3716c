import { DossierActionPanel } from '@/components/dossier/dossier-action-panel'
import { DossierDetail } from '@/components/dossier/dossier-detail'
import { DossierDueSection } from '@/components/dossier/dossier-due-section'
import { DossierDocuments } from '@/components/dossier/dossier-documents'
import { SupplementRequests } from '@/components/dossier/supplement-requests'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { dossierActionsFor } from '@/server/dossier/dossier-actions'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'
import { citizenTransitionAction } from './actions'

const ACTION_NAME = /^[a-z][a-z0-9_]{0,49}$/

export default async function MyDossierPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ ref }, query] = await Promise.all([params, searchParams])
  const actor = await requirePagePermission('dossier.readOwn', `/ho-so-cua-toi/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  const [offers, documents, due] = await Promise.all([dossierActionsFor(db(), { actor, dossier }), listDossierDocuments(db(), { actor, ref: dossier.id }), explainDossierDueDate(db(), { actor, dossierId: dossier.id })])
  const done = typeof query.done === 'string' && ACTION_NAME.test(query.done) ? query.done : null
  return (
    <DossierDetail dossier={dossier} backHref="/ho-so-cua-toi" aside={<DossierDueSection due={due} />}>
      <SupplementRequests dossier={dossier} />
      <DossierDocuments code={documents.code} forms={documents.forms} />
      {offers.length > 0 || done ? (
        <DossierActionPanel dossier={dossier} offers={offers} submitAction={citizenTransitionAction} dueBounds={null} lateOffer={false} done={done} dossierHref={`/ho-so-cua-toi/${dossier.code}`} />
      ) : null}
    </DossierDetail>
  )
}
