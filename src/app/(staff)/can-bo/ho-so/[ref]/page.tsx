import { getTranslations } from 'next-intl/server'
import { DossierActionPanel } from '@/components/dossier/dossier-action-panel'
import { DossierDetail } from '@/components/dossier/dossier-detail'
import { DossierDueSection } from '@/components/dossier/dossier-due-section'
import { DossierDocuments } from '@/components/dossier/dossier-documents'
import { DossierRatingView } from '@/components/dossier/dossier-rating-view'
import { StaffNoteForm } from '@/components/dossier/staff-note-form'
import { SupplementRequests } from '@/components/dossier/supplement-requests'
import { DossierPaymentPanel, type PaymentPanelNotice } from '@/components/payments/dossier-payment-panel'
import { dueSoonUntil, newAppointmentBounds } from '@/domain/calendar/due-soon'
import { formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { db } from '@/server/db'
import { listDossierDocuments } from '@/server/documents/list-dossier-documents'
import { dossierActionsFor } from '@/server/dossier/dossier-actions'
import { explainDossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'
import { getDossierPayments } from '@/server/payments/dossier-payments'
import { isPaymentStaff } from '@/server/payments/payment-staff'
import { getDossierRating } from '@/server/rating/get-dossier-rating'
import { addStaffNoteAction, recordCashAction, refundPaymentAction, setDossierFeeAction, staffTransitionAction } from './actions'

/** What the page came back with after a payment form (refund recorded, cash recorded or refused). */
function paymentNotice(query: Record<string, string | string[] | undefined>): PaymentPanelNotice | null {
  if (query['hoan-tien'] === '1') return { kind: 'refunded' }
  if (query['tien-mat'] === '1') return { kind: 'cashRecorded' }
  if (query['muc-phi'] === '1') return { kind: 'feeSet' }
  const code = (value: unknown) => (typeof value === 'string' && /^[A-Z_]{1,40}$/.test(value) ? value : null)
  const cashError = code(query['loi-thu-tien'])
  if (cashError) return { kind: 'cashError', code: cashError }
  const feeError = code(query['loi-muc-phi'])
  return feeError ? { kind: 'feeError', code: feeError } : null
}

const ACTION_NAME = /^[a-z][a-z0-9_]{0,49}$/

export default async function StaffDossierPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ ref }, query] = await Promise.all([params, searchParams])
  const actor = await requirePagePermission('dossier.readCommune', `/can-bo/ho-so/${encodeURIComponent(ref)}`)
  const now = new Date()
  const [dossier, calendar, t, errors] = await Promise.all([
    orNotFound(getDossier(db(), { actor, ref })),
    loadWorkingCalendar(db(), now),
    getTranslations('Dossier.notes'),
    getTranslations('Error'),
  ])
  const [offers, documents, due, payments, rating] = await Promise.all([
    dossierActionsFor(db(), { actor, dossier }),
    listDossierDocuments(db(), { actor, ref: dossier.id }),
    explainDossierDueDate(db(), { actor, dossierId: dossier.id }),
    getDossierPayments(db(), { actor, dossierRef: dossier.id }),
    getDossierRating(db(), { actor, dossierId: dossier.id }),
  ])
  const clockRuns = dossier.dueAt !== null && dossier.clockPausedAt === null && dossier.completedAt === null && dossier.receivedAt !== null
  const lateOffer = clockRuns && dossier.dueAt!.getTime() <= dueSoonUntil(now, calendar).getTime()
  const done = typeof query.done === 'string' && ACTION_NAME.test(query.done) ? query.done : null
  return (
    <DossierDetail
      dossier={dossier}
      backHref="/can-bo"
      aside={
        <>
          <DossierDueSection due={due} />
          <DossierPaymentPanel
            view={payments}
            audience="staff"
            refund={isPaymentStaff(actor) ? { action: refundPaymentAction } : undefined}
            cash={isPaymentStaff(actor) ? { action: recordCashAction } : undefined}
            setFee={isPaymentStaff(actor) ? { action: setDossierFeeAction } : undefined}
            notice={paymentNotice(query)}
          />
        </>
      }
    >
      <SupplementRequests dossier={dossier} />
      <DossierDocuments code={documents.code} forms={documents.forms} />
      {dossier.state === 'RETURNED' || rating ? <DossierRatingView rating={rating} audience="staff" /> : null}
      {dossier.canAct ? (
        <DossierActionPanel
          dossier={dossier}
          offers={offers}
          submitAction={staffTransitionAction}
          dueBounds={dossier.dueAt ? newAppointmentBounds(dossier.dueAt, now, calendar) : null}
          lateOffer={lateOffer}
          done={done}
          dossierHref={`/can-bo/ho-so/${dossier.code}`}
          outstandingVnd={payments.desk.cashVnd}
        />
      ) : null}
      {dossier.notes ? (
        <section aria-labelledby="ghi-chu-noi-bo" className="mt-8 max-w-3xl">
          <h2 id="ghi-chu-noi-bo" className="text-lg font-semibold text-navy-900">{t('title')}</h2>
          <p className="text-sm text-slate-600">{t('privacy')}</p>
          {dossier.notes.length === 0 ? <p className="mt-2 text-sm">{t('empty')}</p> : null}
          <ul className="mt-3 space-y-2">
            {dossier.notes.map((note) => (
              <li key={note.id} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
                <p className="whitespace-pre-line">{note.body}</p>
                <p className="mt-1 text-slate-600">{note.authorName} · {formatDateTime(note.createdAt)}</p>
              </li>
            ))}
          </ul>
          <StaffNoteForm
            dossierRef={dossier.code}
            action={addStaffNoteAction}
            labels={{ label: t('label'), submit: t('submit'), added: t('added'), failed: errors('title') }}
          />
        </section>
      ) : null}
    </DossierDetail>
  )
}
