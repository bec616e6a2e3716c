import { DossierDetail } from '@/components/dossier/dossier-detail'
import { DossierDueSection } from '@/components/dossier/dossier-due-section'
import { DossierDocuments } from '@/components/dossier/dossier-documents'
import { SupplementRequests } from '@/components/dossier/supplement-requests'
import { DossierPaymentPanel } from '@/components/payments/dossier-payment-panel'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'
import { getDossierPayments } from '@/server/payments/dossier-payments'

// Read-only view of any dossier of the province, for provincial officers and administrators.
export default async function ProvinceDossierPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params
  const actor = await requirePagePermission('dossier.readProvince', `/tinh/ho-so/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  const [documents, due, payments] = await Promise.all([
    listDossierDocuments(db(), { actor, ref: dossier.id }),
    explainDossierDueDate(db(), { actor, dossierId: dossier.id }),
    getDossierPayments(db(), { actor, dossierRef: dossier.id }),
  ])
  return (
    <DossierDetail
      dossier={dossier}
      backHref="/tinh"
      aside={
        <>
          <DossierDueSection due={due} />
          <DossierPaymentPanel view={payments} audience="staff" />
        </>
      }
    >
      <SupplementRequests dossier={dossier} />
      <DossierDocuments code={documents.code} forms={documents.forms} />
    </DossierDetail>
  )
}
