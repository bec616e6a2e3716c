import { getLocale, getTranslations } from 'next-intl/server'
import { DossierActionPanel } from '@/components/dossier/dossier-action-panel'
import { DossierDetail } from '@/components/dossier/dossier-detail'
import { DossierDueSection } from '@/components/dossier/dossier-due-section'
import { DossierDocuments } from '@/components/dossier/dossier-documents'
import { DossierRatingForm } from '@/components/dossier/dossier-rating-form'
import { DossierRatingView } from '@/components/dossier/dossier-rating-view'
import { DossierResultSection } from '@/components/dossier/dossier-result-section'
import { NextStepText } from '@/components/dossier/next-step-text'
import { SupplementRequests } from '@/components/dossier/supplement-requests'
import { DossierPaymentPanel } from '@/components/payments/dossier-payment-panel'
import { isRatableState } from '@/domain/dossier/citizen-next-step'
import { RATING_COMMENT_MAX, RATING_SCORES } from '@/domain/dossier/rating'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { dossierActionsFor } from '@/server/dossier/dossier-actions'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { getDossier } from '@/server/dossier/get-dossier'
import { nextStepsOfDossier } from '@/server/dossier/list-dossiers'
import { orNotFound } from '@/server/http/page-result'
import { getDossierPayments } from '@/server/payments/dossier-payments'
import { getDossierRating } from '@/server/rating/get-dossier-rating'
import { citizenTransitionAction, rateDossierAction, startPaymentAction } from './actions'

const ACTION_NAME = /^[a-z][a-z0-9_]{0,49}$/
const ERROR_CODE = /^[A-Z_]{1,30}$/

export default async function MyDossierPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ ref }, query] = await Promise.all([params, searchParams])
  const actor = await requirePagePermission('dossier.readOwn', `/ho-so-cua-toi/${encodeURIComponent(ref)}`)
  const dossier = await orNotFound(getDossier(db(), { actor, ref }))
  const [offers, documents, due, rating, payments, locale, t, ratingT] = await Promise.all([
    dossierActionsFor(db(), { actor, dossier }),
    listDossierDocuments(db(), { actor, ref: dossier.id }),
    explainDossierDueDate(db(), { actor, dossierId: dossier.id }),
    getDossierRating(db(), { actor, dossierId: dossier.id }),
    getDossierPayments(db(), { actor, dossierRef: dossier.id }),
    getLocale(),
    getTranslations('Dossier.nextStep'),
    getTranslations('Dossier.rating'),
  ])
  const done = typeof query.done === 'string' && ACTION_NAME.test(query.done) ? query.done : null
  const payError = query['loi-thanh-toan']
  const steps = nextStepsOfDossier(dossier, { rated: rating !== null })
  const lead = (
    <>
      <section aria-labelledby="viec-can-lam" className="mt-4 max-w-3xl rounded border-l-4 border-navy-600 bg-navy-50 px-4 py-3 text-sm">
        <h2 id="viec-can-lam" className="font-semibold text-navy-900">
          {t('title')}
        </h2>
        <div className="mt-1">
          <NextStepText steps={steps} dossierHref="" communeName={dossier.communeName} />
        </div>
      </section>
      <DossierResultSection dossier={dossier} locale={locale} />
    </>
  )
  return (
    <DossierDetail
      dossier={dossier}
      backHref="/ho-so-cua-toi"
      lead={lead}
      aside={
        <>
          <DossierDueSection due={due} />
          <DossierPaymentPanel
            view={payments}
            audience="applicant"
            payAction={startPaymentAction}
            notice={typeof payError === 'string' && ERROR_CODE.test(payError) ? { kind: 'payError', code: payError } : null}
          />
        </>
      }
    >
      <SupplementRequests dossier={dossier} />
      <DossierDocuments code={documents.code} forms={documents.forms} />
      {offers.length > 0 || done ? (
        <DossierActionPanel dossier={dossier} offers={offers} submitAction={citizenTransitionAction} dueBounds={null} lateOffer={false} done={done} dossierHref={`/ho-so-cua-toi/${dossier.code}`} />
      ) : null}
      {rating ? (
        <DossierRatingView rating={rating} audience="applicant" thanks={query.rated === '1'} />
      ) : isRatableState(dossier.state) ? (
        <DossierRatingForm
          dossierRef={dossier.code}
          maxComment={RATING_COMMENT_MAX}
          submitAction={rateDossierAction}
          labels={{
            title: ratingT('title'),
            lead: ratingT('lead'),
            score: ratingT('score'),
            options: RATING_SCORES.map((score) => ({ score, stars: ratingT('star', { score }), label: ratingT(`scoreLabel.${score}`) })),
            comment: ratingT('comment'),
            commentHint: ratingT('commentHint', { max: RATING_COMMENT_MAX }),
            submit: ratingT('submit'),
            pending: ratingT('pending'),
            failed: ratingT('error.failed'),
            errors: Object.fromEntries(
              ['REQUIRED', 'SCORE_RANGE', 'COMMENT_TOO_LONG', 'COMMENT_INVALID', 'ALREADY_EXISTS', 'INVALID_TRANSITION', 'NOT_FOUND', 'INTERNAL'].map((code) => [code, ratingT(`error.${code}`, { max: RATING_COMMENT_MAX })]),
            ),
          }}
        />
      ) : null}
    </DossierDetail>
  )
}
