import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError } from '@/domain/errors'
import { assessFee, feeScheduleOf } from '@/domain/fees/fee-schedule'
import { onlinePaymentDue, outstandingVnd, paymentDueReason, type FeeMoment } from '@/domain/fees/payment-due'
import { bankOf } from '@/domain/payments/napas-banks'
import { buildVietQrPayload } from '@/domain/payments/vietqr'
import { dossierScope } from '@/server/access/dossier-scope'
import { gatewaySettings } from './payment-settings'

const CLOSED_WITHOUT_RESULT: readonly string[] = ['REFUSED', 'WITHDRAWN']
const CLOSED: readonly string[] = ['RETURNED', ...CLOSED_WITHOUT_RESULT]

export type PaymentStatusView = 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED'

export type DossierPaymentRow = {
  id: string
  method: 'VIETQR' | 'GATEWAY' | 'CASH'
  /** PENDING past its expiry shows as EXPIRED even before a write marks it so. */
  status: PaymentStatusView
  amountVnd: number
  refundedVnd: number
  reference: string
  receiptNo: string | null
  providerRef: string | null
  paidAt: Date | null
  createdAt: Date
  expiresAt: Date | null
  refunds: { amountVnd: number; reason: string; createdAt: Date }[]
}

export type TransferInstructions = {
  paymentId: string
  qrPayload: string
  bankBin: string
  bankName: string
  bankShortName: string
  accountNo: string
  accountName: string
  amountVnd: number
  reference: string
  expiresAt: Date
}

export type DossierPayments = {
  dossierId: string
  code: string
  state: string
  feeVnd: number
  paidVnd: number
  outstandingVnd: number
  /** What the applicant can pay online now (0 when nothing is owed, not yet due or closed). */
  dueNowVnd: number
  dueReason: ReturnType<typeof paymentDueReason>
  feeMoment: FeeMoment
  /** The exemption that made the fee 0, from the answers, when one applies. */
  exemption: { reasonVi: string; reasonEn: string } | null
  feeUnknown: boolean
  feeNote: string | null
  payments: DossierPaymentRow[]
  /**
   * The QR transfer waiting to be paid: started, not expired, and for exactly what is due now — after a partial
   * refund or a payment by card an older QR for another amount is not offered (it would pay the wrong amount).
   */
  transfer: TransferInstructions | null
  /** Whether the commune has an account to transfer to. */
  transferAvailable: boolean
  /** Whether card/wallet payment is offered (a gateway is configured, or the sandbox allowed: payment-settings). */
  cardAvailable: boolean
  /**
   * What the desk may do (for staff who handle money): take what is owed in cash — not on a dossier refused or
   * withdrawn (record-cash-payment.ts) —, and state the fee when the catalogue has no amount and the dossier is
   * still open (set-dossier-fee.ts).
   */
  desk: { cashVnd: number; canStateFee: boolean }
}

/**
 * The money side of a dossier for whoever may read it (dossierScope: the applicant, the commune's staff,
 * the province): owed, paid, outstanding, what is payable online now, every payment with its refunds, and
 * the open VietQR transfer with its QR payload. Not found outside the reader's scope.
 */
export async function getDossierPayments(client: PrismaClient, { actor, dossierRef, now = new Date() }: { actor: Actor; dossierRef: unknown; now?: Date }): Promise<DossierPayments> {
  const ref = ZDossierRef.safeParse(dossierRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const dossier = await client.dossier.findFirst({
    where: { AND: [dossierRefWhere(ref.data), dossierScope(actor)] },
    select: {
      id: true,
      code: true,
      state: true,
      feeVnd: true,
      paidVnd: true,
      formData: true,
      procedureVersion: { select: { feeVnd: true, feeRule: true, feeExemptions: true, feeMoment: true, feeNote: true } },
      commune: { select: { collectionBankBin: true, collectionAccountNo: true, collectionAccountName: true } },
      payments: {
        orderBy: { sequence: 'asc' },
        select: {
          id: true,
          method: true,
          status: true,
          amountVnd: true,
          refundedVnd: true,
          reference: true,
          receiptNo: true,
          providerRef: true,
          paidAt: true,
          createdAt: true,
          expiresAt: true,
          refunds: { orderBy: { createdAt: 'asc' }, select: { amountVnd: true, reason: true, createdAt: true } },
        },
      },
    },
  })
  if (!dossier) throw new AppError('NOT_FOUND')
  const version = dossier.procedureVersion
  const assessment = assessFee(feeScheduleOf(version), (dossier.formData ?? {}) as Record<string, unknown>)
  const facts = { state: dossier.state, feeMoment: version.feeMoment, feeVnd: dossier.feeVnd, paidVnd: dossier.paidVnd }
  const payments: DossierPaymentRow[] = dossier.payments.map((payment) => ({
    ...payment,
    status: payment.status === 'PENDING' && payment.expiresAt && payment.expiresAt <= now ? 'EXPIRED' : payment.status,
  }))
  const { collectionBankBin: bin, collectionAccountNo: accountNo, collectionAccountName: accountName } = dossier.commune
  const dueNowVnd = onlinePaymentDue(facts)
  const open = [...payments].reverse().find((payment) => payment.method === 'VIETQR' && payment.status === 'PENDING' && payment.amountVnd === dueNowVnd)
  const transfer: TransferInstructions | null =
    open && bin && accountNo && open.expiresAt
      ? {
          paymentId: open.id,
          qrPayload: buildVietQrPayload({ bankBin: bin, accountNumber: accountNo, amount: open.amountVnd, reference: open.reference }),
          bankBin: bin,
          bankName: bankOf(bin).name,
          bankShortName: bankOf(bin).shortName,
          accountNo,
          accountName: accountName ?? '',
          amountVnd: open.amountVnd,
          reference: open.reference,
          expiresAt: open.expiresAt,
        }
      : null
  return {
    dossierId: dossier.id,
    code: dossier.code,
    state: dossier.state,
    feeVnd: dossier.feeVnd,
    paidVnd: dossier.paidVnd,
    outstandingVnd: outstandingVnd(facts),
    dueNowVnd,
    dueReason: paymentDueReason(facts),
    feeMoment: version.feeMoment,
    exemption: assessment.kind === 'EXEMPT' ? { reasonVi: assessment.reasonVi, reasonEn: assessment.reasonEn } : null,
    feeUnknown: assessment.kind === 'UNKNOWN',
    feeNote: version.feeNote,
    payments,
    transfer,
    transferAvailable: Boolean(bin && accountNo),
    cardAvailable: gatewaySettings().enabled,
    desk: {
      cashVnd: CLOSED_WITHOUT_RESULT.includes(dossier.state) ? 0 : outstandingVnd(facts),
      canStateFee: assessment.kind === 'UNKNOWN' && dossier.feeVnd === 0 && !CLOSED.includes(dossier.state),
    },
  }
}
