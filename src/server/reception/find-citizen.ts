import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { normalizeCitizenId } from '@/domain/identity/citizen-id'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'
import { assertDeskClerk } from './clerk-scope'

type Client = PrismaClient | Prisma.TransactionClient

export type CitizenQuery = { kind: 'citizenId' | 'phone'; value: string }

/**
 * The person at the desk, as little of them as the clerk needs to recognise them: the name, the ID number
 * (the person is holding the card), the phone masked (only to confirm "is it still 091****731?"), and
 * whether they have an account — in which case the dossier will show in their "Hồ sơ của tôi".
 */
export type CitizenMatch = {
  fullName: string
  citizenId: string | null
  maskedPhone: string | null
  hasAccount: boolean
  /** Found as a citizen account, or only as the applicant of an earlier dossier of the clerk's communes. */
  source: 'ACCOUNT' | 'DOSSIER'
}

export type CitizenLookup = { query: CitizenQuery; match: CitizenMatch | null }

/** 0912048731 → 091****731: enough to confirm a number with its owner, not to call it. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`
}

/** A 12-digit ID number or a mobile number, as typed; anything else is INVALID_INPUT on `query`. */
export function parseCitizenQuery(raw: unknown): CitizenQuery {
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (text === '') throw new AppError('INVALID_INPUT', 'empty lookup', { query: ['REQUIRED'] })
  if (text.length > 30) throw new AppError('INVALID_INPUT', 'lookup too long', { query: ['INVALID'] })
  const citizenId = normalizeCitizenId(text)
  if (/^\d{12}$/.test(citizenId)) return { kind: 'citizenId', value: citizenId }
  const phone = normalizeVietnamesePhone(text)
  if (phone) return { kind: 'phone', value: phone }
  throw new AppError('INVALID_INPUT', 'not an ID number or a phone', { query: ['INVALID'] })
}

/** The citizen account (role CITIZEN only: staff accounts are never matched) holding this ID number or phone. */
export function findCitizenAccount(client: Client, query: CitizenQuery) {
  return client.user.findFirst({
    where: { role: 'CITIZEN', ...(query.kind === 'citizenId' ? { citizenId: query.value } : { phone: query.value }) },
    select: { id: true, fullName: true, citizenId: true, phone: true, email: true },
  })
}

/** The applicant of the latest dossier of the clerk's communes with this ID number or phone (desk visitors without an account). */
export function findEarlierApplicant(client: Client, actor: Actor, query: CitizenQuery) {
  return client.dossier.findFirst({
    where: {
      communeId: { in: [...actor.communeIds] },
      ...(query.kind === 'citizenId' ? { applicantCitizenId: query.value } : { applicantPhone: query.value }),
    },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    select: { applicantName: true, applicantCitizenId: true, applicantPhone: true },
  })
}

/**
 * A clerk looks up the person at the desk by ID number (CCCD) or phone: first among citizen accounts (the
 * whole system: people apply where they live or where they are), then among the applicants of earlier
 * dossiers of the clerk's own communes (people who came to the desk before without an account). Only a
 * clerk may look people up; nothing beyond CitizenMatch leaves the server.
 */
export async function findCitizen(client: PrismaClient, { actor, query }: { actor: Actor; query: unknown }): Promise<CitizenLookup> {
  assertDeskClerk(actor)
  const parsed = parseCitizenQuery(query)
  const account = await findCitizenAccount(client, parsed)
  if (account) {
    return {
      query: parsed,
      match: { fullName: account.fullName, citizenId: account.citizenId, maskedPhone: account.phone ? maskPhone(account.phone) : null, hasAccount: true, source: 'ACCOUNT' },
    }
  }
  const earlier = await findEarlierApplicant(client, actor, parsed)
  if (!earlier) return { query: parsed, match: null }
  return {
    query: parsed,
    match: {
      fullName: earlier.applicantName,
      citizenId: earlier.applicantCitizenId,
      maskedPhone: earlier.applicantPhone ? maskPhone(earlier.applicantPhone) : null,
      hasAccount: false,
      source: 'DOSSIER',
    },
  }
}
