import 'server-only'
import { z } from 'zod'
import { Prisma, type PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { dossierRefWhere, ZDossierRef } from '@/domain/dossier/dossier-ref'
import { AppError, fieldErrorsOf } from '@/domain/errors'
import { ZVndAmount } from '@/domain/payments/vnd-amount'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { isPaymentStaff } from './payment-staff'

export const DossierFeeSchema = z.strictObject({
  dossierRef: ZDossierRef,
  amountVnd: ZVndAmount.pipe(z.number().min(0, 'TOO_SMALL').max(100_000_000, 'TOO_LARGE')),
  /** The rate applied and where it comes from (e.g. the People's Council resolution): shown on the audit trail. */
  basis: z.string().trim().min(5, 'TOO_SHORT').max(300, 'TOO_LONG'),
})

/**
 * The desk states the fee of a dossier whose procedure has no amount in the catalogue (the provincial rate was
 * not in the sources: "theo mức do HĐND tỉnh quy định"), so it can be paid online or in cash with a receipt.
 * Only for such procedures (a known fee comes from the version and is not overridden: INVALID_TRANSITION), on
 * a dossier still open, never below what was already paid; clerks and leaders of the commune; one transaction
 * under the dossier's lock, audited with the basis.
 */
export async function setDossierFee(client: PrismaClient, { actor, input, meta = null }: { actor: Actor; input: unknown; meta?: RequestMeta | null }) {
  if (!isPaymentStaff(actor)) throw new AppError('FORBIDDEN', 'only clerks and leaders state a fee')
  const parsed = DossierFeeSchema.safeParse(input)
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'fee refused', fieldErrorsOf(parsed.error))
  }
  const where = dossierRefWhere(parsed.data.dossierRef)
  return client.$transaction(async (tx) => {
    const [dossier] = await tx.$queryRaw<{ id: string; code: string; communeId: string; state: string; feeVnd: number; paidVnd: number; versionFeeVnd: number | null }[]>`
      SELECT d.id, d.code, d."communeId", d.state::text AS state, d."feeVnd", d."paidVnd", v."feeVnd" AS "versionFeeVnd"
      FROM "Dossier" d JOIN "ProcedureVersion" v ON v.id = d."procedureVersionId"
      WHERE ${'id' in where ? Prisma.sql`d.id = ${where.id}::uuid` : Prisma.sql`d.code = ${where.code}`}
        AND d."communeId" = ANY(${[...actor.communeIds]}::uuid[])
      FOR UPDATE OF d`
    if (!dossier) throw new AppError('NOT_FOUND')
    if (dossier.versionFeeVnd !== null) throw new AppError('INVALID_TRANSITION', 'the fee comes from the procedure')
    if (['RETURNED', 'REFUSED', 'WITHDRAWN'].includes(dossier.state)) throw new AppError('INVALID_TRANSITION', 'the dossier is closed')
    if (parsed.data.amountVnd < dossier.paidVnd) throw new AppError('INVALID_INPUT', 'below what was paid', { amountVnd: ['BELOW_PAID'] })
    await tx.dossier.update({ where: { id: dossier.id }, data: { feeVnd: parsed.data.amountVnd } })
    await writeAudit(tx, {
      actor,
      action: 'dossier.setFee',
      entityType: 'Dossier',
      entityId: dossier.id,
      communeId: dossier.communeId,
      data: { code: dossier.code, from: dossier.feeVnd, to: parsed.data.amountVnd, basis: parsed.data.basis },
      meta,
    })
    return { feeVnd: parsed.data.amountVnd }
  })
}
