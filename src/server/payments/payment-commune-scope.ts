import 'server-only'
import { z } from 'zod'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { isPaymentStaff } from './payment-staff'

/**
 * Whose money an actor may see. The commune's clerks and leaders read and handle it (import statements,
 * resolve exceptions: requirePaymentStaff); a province officer reads the communes of their province and an
 * administrator any commune, read-only. Specialists and citizens have no view of a commune's money
 * (FORBIDDEN); a commune outside the reader's scope, or unknown, is NOT_FOUND.
 */
export type PaymentCommune = { id: string; code: string; name: string; canWrite: boolean }

export function canReadCommunePayments(actor: Actor): boolean {
  return isPaymentStaff(actor) || actor.role === 'PROVINCE_OFFICER' || actor.role === 'ADMIN'
}

function communeScope(actor: Actor): Prisma.CommuneWhereInput {
  if (isPaymentStaff(actor)) return { id: { in: [...actor.communeIds] } }
  if (actor.role === 'PROVINCE_OFFICER') return actor.provinceId ? { provinceId: actor.provinceId } : { id: { in: [] } }
  return {}
}

/** A commune as the URL names it: its 5-digit code (or its id). */
const ZCommuneRef = z.union([z.string().regex(/^\d{5}$/), z.uuid()])

/**
 * The commune whose payments are asked for, in the actor's scope. Without one: a clerk's or leader's first
 * commune (by name); readers above the commune must name one (null then).
 */
export async function resolvePaymentCommune(client: PrismaClient, actor: Actor, communeRef: unknown): Promise<PaymentCommune | null> {
  if (!canReadCommunePayments(actor)) throw new AppError('FORBIDDEN', 'no access to commune payments')
  const canWrite = isPaymentStaff(actor)
  const select = { id: true, code: true, name: true } as const
  if (communeRef === undefined || communeRef === null || communeRef === '') {
    if (!canWrite) return null
    const first = await client.commune.findFirst({ where: communeScope(actor), select, orderBy: { name: 'asc' } })
    if (!first) throw new AppError('NOT_FOUND', 'the actor works for no commune')
    return { ...first, canWrite }
  }
  const ref = ZCommuneRef.safeParse(communeRef)
  if (!ref.success) throw new AppError('NOT_FOUND')
  const where: Prisma.CommuneWhereInput = /^\d{5}$/.test(ref.data) ? { code: ref.data } : { id: ref.data }
  const commune = await client.commune.findFirst({ where: { AND: [where, communeScope(actor)] }, select })
  if (!commune) throw new AppError('NOT_FOUND')
  return { ...commune, canWrite }
}

/** The communes the actor may pick, by province then name (a province has about a hundred). */
export async function listPaymentCommunes(client: PrismaClient, actor: Actor): Promise<{ code: string; name: string; provinceName: string }[]> {
  if (!canReadCommunePayments(actor)) return []
  const communes = await client.commune.findMany({
    where: { AND: [communeScope(actor), { isActive: true }] },
    select: { code: true, name: true, province: { select: { name: true } } },
    orderBy: [{ province: { name: 'asc' } }, { name: 'asc' }],
  })
  return communes.map((commune) => ({ code: commune.code, name: commune.name, provinceName: commune.province.name }))
}
