import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { paymentReceiptContent, receiptFileName } from '@/domain/payments/receipt-content'
import { dossierScope } from '@/server/access/dossier-scope'
import { renderDocumentPdf } from '@/server/documents/render-document-pdf'

/**
 * The electronic receipt of a paid (or since refunded) payment, as a PDF, for whoever may read its dossier
 * (the applicant, the commune's staff, the province). A payment not paid has no receipt: NOT_FOUND, as for a
 * payment outside the reader's scope.
 */
export async function getPaymentReceipt(client: PrismaClient, { actor, paymentId }: { actor: Actor; paymentId: unknown }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const id = z.uuid().safeParse(paymentId)
  if (!id.success) throw new AppError('NOT_FOUND')
  const payment = await client.payment.findFirst({
    where: { id: id.data, status: { in: ['PAID', 'REFUNDED'] }, receiptNo: { not: null }, paidAt: { not: null }, dossier: dossierScope(actor) },
    select: {
      receiptNo: true,
      amountVnd: true,
      refundedVnd: true,
      method: true,
      paidAt: true,
      reference: true,
      providerRef: true,
      commune: { select: { name: true, code: true } },
      dossier: { select: { code: true, applicantName: true, applicantCitizenId: true, procedureVersion: { select: { nameVi: true } } } },
    },
  })
  if (!payment || !payment.receiptNo || !payment.paidAt) throw new AppError('NOT_FOUND')
  const content = paymentReceiptContent({
    receiptNo: payment.receiptNo,
    communeName: payment.commune.name,
    communeCode: payment.commune.code,
    payerName: payment.dossier.applicantName,
    payerCitizenId: payment.dossier.applicantCitizenId,
    dossierCode: payment.dossier.code,
    procedureName: payment.dossier.procedureVersion.nameVi,
    amountVnd: payment.amountVnd,
    method: payment.method,
    paidAt: payment.paidAt,
    reference: payment.reference,
    providerRef: payment.providerRef,
    refundedVnd: payment.refundedVnd,
  })
  return { fileName: receiptFileName(payment.receiptNo), bytes: await renderDocumentPdf(content) }
}
