import { getLocale, getTranslations } from 'next-intl/server'
import { dossierTrail } from '@/components/dashboard/dossier-trail'
import type { PageSearchParams } from '@/components/dashboard/query'
import { DossierDetail } from '@/components/dossier/dossier-detail'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { DossierDueSection } from '@/components/dossier/dossier-due-section'
import { DossierDocuments } from '@/components/dossier/dossier-documents'
import { DossierRatingView } from '@/components/dossier/dossier-rating-view'
import { SupplementRequests } from '@/components/dossier/supplement-requests'
import { DossierPaymentPanel } from '@/components/payments/dossier-payment-panel'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'
import { getDossierPayments } from '@/server/payments/dossier-payments'
import { getDossierRating } from '@/server/rating/get-dossier-rating'

// Read-only view of any dossier of the province, for provincial officers and administrators.
// Opened from a dashboard list, its parameters give the way back: province → commune → procedure → list → dossier.
export default async function ProvinceDossierPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<PageSearchParams> }) {
  const { ref } = await params
  const actor = await requirePagePermission('dossier.readProvince', `/tinh/ho-so/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  const [documents, due, payments, rating] = await Promise.all([
    listDossierDocuments(db(), { actor, ref: dossier.id }),
    explainDossierDueDate(db(), { actor, dossierId: dossier.id }),
    getDossierPayments(db(), { actor, dossierRef: dossier.id }),
    getDossierRating(db(), { actor, dossierId: dossier.id }),
  ])
  const [t, locale] = await Promise.all([getTranslations('Dashboard'), getLocale()])
  const trail = dossierTrail(await searchParams, new Date(), {
    province: t('title'),
    list: (measure) => t(`list.measure.${measure}`),
    commune: dossier.communeName,
    procedure: locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi,
    dossier: dossier.code,
  })
  return (
    <>
      <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        <Breadcrumb label={t('breadcrumb')} crumbs={trail.crumbs} />
      </div>
      <DossierDetail
        dossier={dossier}
        backHref={trail.backHref}
        aside={
          <>
            <DossierDueSection due={due} />
            <DossierPaymentPanel view={payments} audience="staff" />
          </>
        }
      >
        <SupplementRequests dossier={dossier} />
        <DossierDocuments code={documents.code} forms={documents.forms} />
        {dossier.state === 'RETURNED' || rating ? <DossierRatingView rating={rating} audience="staff" /> : null}
      </DossierDetail>
    </>
  )
}
