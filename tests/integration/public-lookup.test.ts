/**
 * The public dossier lookup (code + phone or ID number, without signing in), on PostgreSQL: the right pair
 * shows where the dossier stands and nothing personal; an unknown code and a wrong phone get the same answer;
 * the database throttle refuses further guesses per address and per code, and counts successes too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOOKUP_LIMITS } from '@/domain/lookup/lookup-throttle'
import type { PrismaClient } from '@/generated/prisma/client'
import { lookupDossier, type PublicLookupResult } from '@/server/lookup/lookup-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'

let client: PrismaClient
const NOW = new Date('2026-11-16T02:00:00Z') // Monday 09:00 in Vietnam
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000)
const meta = (ip: string) => ({ ip, userAgent: 'vitest' })
const CITIZEN_ID = '040090007777'
const PHONE = '0912345678'
let code: string

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED' },
    select: { id: true, procedureId: true, workflowVersionId: true },
  })
  const dossier = await client.dossier.create({
    data: {
      code: '16681-261116-7001',
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: 'Hoàng Thị Bí Mật',
      applicantCitizenId: CITIZEN_ID,
      applicantPhone: PHONE,
      applicantEmail: 'bimat@example.vn',
      channel: 'ONLINE',
      state: 'AWAITING_SUPPLEMENT',
      currentStep: 'reception',
      formData: { address: 'Xóm 3, Thanh Vinh' },
      submittedAt: new Date('2026-11-10T02:00:00Z'),
      receivedAt: new Date('2026-11-10T03:00:00Z'),
      dueAt: new Date('2026-11-20T09:00:00Z'),
      clockPausedAt: new Date('2026-11-13T02:00:00Z'),
    },
    select: { code: true },
  })
  code = dossier.code
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('public lookup', () => {
  it.each([
    ['the phone number, as typed with spaces', '0912 345 678'],
    ['the phone number with +84', '+84912345678'],
    ['the ID number (CCCD)', CITIZEN_ID],
  ])('shows the minimal view for the code and %s', async (_label, contact) => {
    const result = await lookupDossier(client, { input: { code: ` ${code} `, contact }, meta: meta(`198.51.100.${contact.length}`), now: NOW })
    expect(result.kind).toBe('found')
    if (result.kind !== 'found') return
    // Exactly these keys: nothing about the applicant, the form, the files or the officials.
    expect(Object.keys(result.dossier).sort()).toEqual(['code', 'dueAt', 'nextStep', 'procedureNameEn', 'procedureNameVi', 'remaining', 'state', 'submittedAt'])
    expect(Object.keys(result.dossier.remaining).sort()).toEqual(['dueAt', 'status', 'workingDays', 'workingMinutes'])
    expect(result.dossier).toMatchObject({
      code,
      state: 'AWAITING_SUPPLEMENT',
      nextStep: 'SUPPLEMENT_NEEDED',
      submittedAt: new Date('2026-11-10T02:00:00Z'),
      dueAt: new Date('2026-11-20T09:00:00Z'),
      remaining: { status: 'PAUSED' },
    })
    expect(result.dossier.procedureNameVi.length).toBeGreaterThan(0)
    const serialized = JSON.stringify(result)
    for (const secret of ['Bí Mật', CITIZEN_ID, PHONE, 'bimat@', 'Xóm 3']) expect(serialized).not.toContain(secret)
  })

  it('gives exactly the same answer for a wrong phone, a wrong ID number, an unknown code and a malformed code', async () => {
    const answers: PublicLookupResult[] = []
    const inputs = [
      { code, contact: '0987654321' },
      { code, contact: '040090007778' },
      { code, contact: 'not a phone' },
      { code: '16681-261116-9999', contact: PHONE },
      { code: 'abc', contact: PHONE },
    ]
    for (const [index, input] of inputs.entries()) answers.push(await lookupDossier(client, { input, meta: meta(`198.51.100.${100 + index}`), now: NOW }))
    for (const answer of answers) expect(answer).toEqual({ kind: 'notFound' })
  })

  it('refuses empty fields as invalid input, without counting them', async () => {
    await expect(lookupDossier(client, { input: { code: '  ', contact: '' }, meta: meta('198.51.100.150'), now: NOW })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { code: ['required'], contact: ['required'] },
    })
    expect(await client.lookupAttempt.count({ where: { ip: '198.51.100.150' } })).toBe(0)
  })

  it('blocks one address after 10 failed lookups for 15 minutes, even with the right phone', async () => {
    const ip = '203.0.113.10'
    for (let i = 0; i < LOOKUP_LIMITS.failuresPerIp; i++) {
      const result = await lookupDossier(client, { input: { code: `16681-261116-${8000 + i}`, contact: PHONE }, meta: meta(ip), now: at(i) })
      expect(result).toEqual({ kind: 'notFound' })
    }
    // The first failure (at NOW) leaves the window at NOW + 15 min: from NOW + 10 min, 5 minutes to wait.
    expect(await lookupDossier(client, { input: { code, contact: PHONE }, meta: meta(ip), now: at(10) })).toEqual({ kind: 'rateLimited', retryAfterMinutes: 5 })
    // Refused attempts are not recorded (the block does not extend itself).
    expect(await client.lookupAttempt.count({ where: { ip } })).toBe(LOOKUP_LIMITS.failuresPerIp)
    // Another address is not affected.
    expect((await lookupDossier(client, { input: { code, contact: PHONE }, meta: meta('203.0.113.11'), now: at(10) })).kind).toBe('found')
    // Once the oldest failure has left the window, the address may look up again.
    expect((await lookupDossier(client, { input: { code, contact: PHONE }, meta: meta(ip), now: at(15) })).kind).toBe('found')
  })

  it('blocks a dossier code after 5 failed lookups from different addresses, whoever asks next', async () => {
    const start = 100
    for (let i = 0; i < LOOKUP_LIMITS.failuresPerCode; i++) {
      expect(await lookupDossier(client, { input: { code, contact: `09000000${10 + i}` }, meta: meta(`192.0.2.${i}`), now: at(start) })).toEqual({ kind: 'notFound' })
    }
    const blocked = await lookupDossier(client, { input: { code, contact: PHONE }, meta: meta('192.0.2.99'), now: at(start + 1) })
    expect(blocked).toEqual({ kind: 'rateLimited', retryAfterMinutes: 14 })
    // Another dossier code is not affected.
    expect(await lookupDossier(client, { input: { code: '16681-261116-9998', contact: PHONE }, meta: meta('192.0.2.99'), now: at(start + 1) })).toEqual({ kind: 'notFound' })
  })

  it('counts successful lookups too, toward a higher limit per dossier code', async () => {
    const start = 1000
    for (let i = 0; i < LOOKUP_LIMITS.attemptsPerCode; i++) {
      const result = await lookupDossier(client, { input: { code, contact: CITIZEN_ID }, meta: meta(`192.0.2.${100 + i}`), now: at(start + i * 0.5) })
      expect(result.kind).toBe('found')
    }
    expect(await client.lookupAttempt.count({ where: { code, succeeded: true, createdAt: { gte: at(start) } } })).toBe(LOOKUP_LIMITS.attemptsPerCode)
    // The first of them (at start) leaves the window at start + 15: from start + 10, 5 minutes to wait.
    expect(await lookupDossier(client, { input: { code, contact: CITIZEN_ID }, meta: meta('192.0.2.250'), now: at(start + 10) })).toEqual({
      kind: 'rateLimited',
      retryAfterMinutes: 5,
    })
  })
})
