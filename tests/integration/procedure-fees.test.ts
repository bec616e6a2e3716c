/**
 * Procedures' fees through the server layer on PostgreSQL: only administrators; a change publishes a NEW
 * procedure version (everything but the fee copied), made current with its audit row in one transaction;
 * dossiers already submitted keep their version and their fee, new ones owe the new fee; bad input and a stale
 * form are refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { unverifiedFeeFields } from '@/domain/fees/procedure-fee-change'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { getProcedureFee, listProcedureFees, updateProcedureFee } from '@/server/admin/procedure-fees'
import { createDossier } from '@/server/dossier/create-dossier'
import { createPrismaClient } from '@/server/prisma-client'
import { seedDatabase } from '../../prisma/seed'
import { actorOf } from '../support/dossiers'

let client: PrismaClient
const actors = {} as Record<'admin' | 'clerk' | 'specialist' | 'officer' | 'citizen', Actor>
const NOW = new Date('2026-11-24T03:00:00Z')
const LATER = new Date('2026-11-25T03:00:00Z')
const meta = { ip: '203.0.113.44', userAgent: 'vitest' }

/** Civil status extract copies: 8 000 ₫ a copy (PER_COPY on `soBan`), fee not flagged unverified. */
const EXTRACT = '2.000635'
/** Birth registration: the on-time exemption, its amount flagged unverified by the seed. */
const BIRTH = '1.001193'

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

/** Everything a fee change could write. */
async function snapshot() {
  const [versions, procedures, dossiers, audit] = await Promise.all([
    client.procedureVersion.findMany({ select: { id: true, status: true, feeVnd: true, feeMoment: true, unverifiedFields: true }, orderBy: { id: 'asc' } }),
    client.procedure.findMany({ select: { id: true, currentVersionId: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    client.dossier.findMany({ select: { id: true, feeVnd: true, procedureVersionId: true }, orderBy: { id: 'asc' } }),
    client.auditLog.count(),
  ])
  return { versions, procedures, dossiers, audit }
}

/** The edit form as the page sends it for `slug`, loaded now, with `fields` changed. */
async function form(slug: string, fields: Record<string, unknown> = {}) {
  const detail = await getProcedureFee(client, { actor: actors.admin, slug })
  const rule = detail.fee.feeRule
  return {
    procedureSlug: slug,
    expectedVersionId: detail.versionId,
    feeVnd: detail.fee.feeVnd === null ? '' : String(detail.fee.feeVnd),
    feeNote: detail.fee.feeNote ?? '',
    feeMoment: detail.fee.feeMoment,
    ruleKind: rule.kind,
    copiesField: 'copiesField' in rule ? rule.copiesField : '',
    groupField: 'groupField' in rule ? rule.groupField : '',
    pagesField: 'pagesField' in rule ? rule.pagesField : '',
    feeExemptions: JSON.stringify(detail.fee.feeExemptions, null, 2),
    ...fields,
  }
}

/** A new dossier of `slug` in Thành Vinh, its fee assessed by the submission itself. */
async function submitted(slug: string, formData: Prisma.InputJsonObject, now: Date) {
  const procedure = await client.procedure.findUniqueOrThrow({ where: { slug }, select: { id: true } })
  const commune = await client.commune.findUniqueOrThrow({ where: { code: '16681' }, select: { id: true } })
  const citizen = actors.citizen
  const result = await client.$transaction((tx) =>
    createDossier(tx, {
      communeId: commune.id,
      procedureId: procedure.id,
      channel: 'ONLINE',
      formData,
      applicant: { userId: citizen.userId, fullName: 'Nguyễn Văn An', citizenId: null, phone: null, email: null },
      submittedBy: citizen,
      submissionKey: null,
      now,
      meta: null,
    }),
  )
  return client.dossier.findUniqueOrThrow({ where: { id: result.dossier.id }, select: { id: true, feeVnd: true, procedureVersionId: true } })
}

beforeAll(async () => {
  await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, dossierCount: 0, now: NOW })
  client = createPrismaClient(process.env.DATABASE_URL!, Number(process.env.DATABASE_POOL_MAX ?? 4))
  Object.assign(actors, {
    admin: await actorOf(client, 'quantri'),
    clerk: await actorOf(client, 'canbo.thanhvinh'),
    specialist: await actorOf(client, 'chuyenvien.thanhvinh'),
    officer: await actorOf(client, 'tinh.nghean'),
    citizen: await actorOf(client, { citizenId: '040085003917' }),
  })
}, 120_000)

afterAll(async () => {
  await client?.$disconnect()
})

describe('only administrators', () => {
  it.each(['clerk', 'specialist', 'officer', 'citizen'] as const)('%s is refused reading and changing fees, and nothing is written', async (who) => {
    const actor = actors[who]
    const before = await snapshot()
    expect((await failure(listProcedureFees(client, { actor }))).code).toBe('FORBIDDEN')
    expect((await failure(getProcedureFee(client, { actor, slug: EXTRACT }))).code).toBe('FORBIDDEN')
    const change = await form(EXTRACT, { feeVnd: '1' })
    expect((await failure(updateProcedureFee(client, { actor, input: change, meta }))).code).toBe('FORBIDDEN')
    expect(await snapshot()).toEqual(before)
  })
})

describe('the list and one procedure', () => {
  it("shows every procedure with its current fee, rule, exemptions and the fee's unverified flags", async () => {
    const list = await listProcedureFees(client, { actor: actors.admin })
    expect(list.total).toBe(await client.procedure.count({ where: { currentVersionId: { not: null } } }))
    expect(list.items.find((item) => item.slug === EXTRACT)).toMatchObject({
      nameVi: 'Cấp bản sao Trích lục hộ tịch',
      feeVnd: 8_000,
      feeMoment: 'BEFORE_PROCESSING',
      ruleKind: 'PER_COPY',
      exemptionCount: 0,
      unverifiedFee: [],
      version: 1,
    })
    expect(list.items.find((item) => item.slug === BIRTH)).toMatchObject({ ruleKind: 'FIXED', exemptionCount: 1, unverifiedFee: ['feeVnd'] })
    expect(list.unverified).toBe(list.items.filter((item) => item.unverifiedFee.length > 0).length)
    expect(list.unverified).toBeGreaterThan(0)
  })

  it('gives the fields of the form a rule may name, and the history', async () => {
    const detail = await getProcedureFee(client, { actor: actors.admin, slug: EXTRACT })
    expect(detail.formFields.numbers).toContain('soBan')
    expect(detail.history).toEqual([expect.objectContaining({ version: 1, current: true, feeVnd: 8_000, publishedBy: null })])
    expect((await failure(getProcedureFee(client, { actor: actors.admin, slug: 'khong-co' }))).code).toBe('NOT_FOUND')
    expect((await failure(getProcedureFee(client, { actor: actors.admin, slug: '../x' }))).code).toBe('NOT_FOUND')
  })
})

describe('bad input', () => {
  it.each([
    ['an amount that is not a whole number', { feeVnd: '12,5' }, { feeVnd: ['feeFormat'] }],
    ['an amount over 100 000 000', { feeVnd: '100000001' }, { feeVnd: ['feeTooHigh'] }],
    ['a note over 500 characters', { feeNote: 'x'.repeat(501) }, { feeNote: ['feeNoteTooLong'] }],
    ['an unknown moment', { feeMoment: 'SOMETIME' }, { feeMoment: ['feeMomentInvalid'] }],
    ['exemptions that are not JSON', { feeExemptions: '[{"when": ' }, { feeExemptions: ['exemptionsNotJson'] }],
    ['an exemption of the wrong shape', { feeExemptions: '[{"when": {"field": "soBan", "equals": 1}, "reasonVi": "x"}]' }, { feeExemptions: ['exemptionInvalid:1'] }],
    ['a rule counting a field the form does not have', { copiesField: 'soTrang' }, { copiesField: ['fieldNotInForm'] }],
    ['a rule without its field', { copiesField: '' }, { copiesField: ['fieldRequired'] }],
    ['pages of copies on a form without a group', { ruleKind: 'CERTIFIED_COPY_PAGES', groupField: 'giayTo', pagesField: 'soTrang', copiesField: 'soBan' }, { groupField: ['groupNotInForm'] }],
    [
      'an exemption testing a field the form does not have',
      { feeExemptions: JSON.stringify([{ when: { field: 'hoNgheo', equals: true }, reasonVi: 'Hộ nghèo', reasonEn: 'Poor household' }]) },
      { feeExemptions: ['exemptionFieldNotInForm:1'] },
    ],
  ])('%s is refused with its field error, and nothing is written', async (_name, fields, fieldErrors) => {
    const before = await snapshot()
    const error = await failure(updateProcedureFee(client, { actor: actors.admin, input: await form(EXTRACT, fields), meta }))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.fieldErrors).toEqual(fieldErrors)
    expect(await snapshot()).toEqual(before)
  })

  it('a form without the version it was loaded with is refused', async () => {
    const before = await snapshot()
    const error = await failure(updateProcedureFee(client, { actor: actors.admin, input: await form(EXTRACT, { expectedVersionId: '' }), meta }))
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { _form: ['invalidRequest'] } })
    expect(await snapshot()).toEqual(before)
  })

  it('an unchanged form writes nothing', async () => {
    const before = await snapshot()
    const result = await updateProcedureFee(client, { actor: actors.admin, input: await form(EXTRACT), meta })
    expect(result).toMatchObject({ changed: false, version: 1 })
    expect(await snapshot()).toEqual(before)
  })

  it('an unchanged form of a procedure whose amount is not known writes nothing either (its flag stays where it was)', async () => {
    const unknown = await client.procedureVersion.findFirstOrThrow({ where: { status: 'PUBLISHED', feeVnd: null, feeRule: { path: ['kind'], equals: 'FIXED' }, currentOf: { isNot: null } }, select: { procedure: { select: { slug: true } }, unverifiedFields: true } })
    expect(unverifiedFeeFields(unknown.unverifiedFields)).toEqual(['feeVnd'])
    expect(unknown.unverifiedFields.at(-1)).not.toBe('feeVnd')
    const before = await snapshot()
    const result = await updateProcedureFee(client, { actor: actors.admin, input: await form(unknown.procedure.slug), meta })
    expect(result).toMatchObject({ changed: false, version: 1 })
    expect(await snapshot()).toEqual(before)
  })
})

describe('a change of fee', () => {
  it('publishes a new version with the new fee and the rest identical; earlier dossiers keep theirs, new ones owe the new fee', async () => {
    const earlier = await submitted(EXTRACT, { soBan: 3 }, NOW)
    expect(earlier.feeVnd).toBe(24_000)
    const procedure = await client.procedure.findUniqueOrThrow({ where: { slug: EXTRACT }, select: { id: true, currentVersionId: true } })
    const previous = await client.procedureVersion.findUniqueOrThrow({ where: { id: procedure.currentVersionId! } })
    const auditBefore = await client.auditLog.count()

    const result = await updateProcedureFee(client, {
      actor: actors.admin,
      input: await form(EXTRACT, { feeVnd: '10000', feeMoment: 'AT_RESULT', feeNote: '  10 000 đồng mỗi bản sao trích lục  ' }),
      meta,
      now: LATER,
    })
    expect(result).toMatchObject({ slug: EXTRACT, changed: true, version: 2 })

    const next = await client.procedureVersion.findUniqueOrThrow({ where: { id: result.versionId } })
    const own = ['id', 'version', 'status', 'publishedAt', 'createdById', 'createdAt', 'feeVnd', 'feeMoment', 'feeNote'] as const
    const rest = (version: typeof next) => Object.fromEntries(Object.entries(version).filter(([key]) => !(own as readonly string[]).includes(key)))
    const { version, status, publishedAt, createdById, feeVnd, feeMoment, feeNote } = next
    expect(previous.status).toBe('PUBLISHED')
    expect({ version, status, publishedAt, createdById, feeVnd, feeMoment, feeNote }).toEqual({
      version: 2,
      status: 'PUBLISHED',
      publishedAt: LATER,
      createdById: actors.admin.userId,
      feeVnd: 10_000,
      feeMoment: 'AT_RESULT',
      feeNote: '10 000 đồng mỗi bản sao trích lục',
    })
    // Everything else copied as it was: names, rule, exemptions, deadline, documents, form, workflow, flags.
    expect(rest(next)).toEqual(rest(previous))
    expect(Object.keys(rest(next))).toEqual(expect.arrayContaining(['nameVi', 'feeRule', 'feeExemptions', 'deadline', 'formDefinition', 'workflowVersionId', 'unverifiedFields']))

    expect(await client.procedure.findUniqueOrThrow({ where: { id: procedure.id }, select: { currentVersionId: true } })).toEqual({ currentVersionId: next.id })
    expect(await client.procedureVersion.findUniqueOrThrow({ where: { id: previous.id }, select: { status: true, feeVnd: true } })).toEqual({ status: 'RETIRED', feeVnd: 8_000 })

    // The earlier dossier keeps its version and what it owes.
    expect(await client.dossier.findUniqueOrThrow({ where: { id: earlier.id }, select: { feeVnd: true, procedureVersionId: true } })).toEqual({
      feeVnd: 24_000,
      procedureVersionId: previous.id,
    })
    // A new one is submitted under the new version and owes the new fee.
    const fresh = await submitted(EXTRACT, { soBan: 3 }, LATER)
    expect(fresh).toMatchObject({ feeVnd: 30_000, procedureVersionId: next.id })

    // One audit row, in the same transaction, saying what changed.
    expect(await client.auditLog.count()).toBe(auditBefore + 2) // the change, then the new dossier's submission
    const entry = await client.auditLog.findFirstOrThrow({ where: { action: 'procedure.updateFee', entityId: procedure.id }, orderBy: { createdAt: 'desc' } })
    expect(entry).toMatchObject({ actorId: actors.admin.userId, actorRole: 'ADMIN', entityType: 'Procedure', ip: meta.ip, userAgent: meta.userAgent })
    expect(entry.data).toMatchObject({
      version: 'v1 → v2',
      procedureVersionId: next.id,
      before: { feeVnd: 8_000, feeMoment: 'BEFORE_PROCESSING', feeNote: previous.feeNote },
      after: { feeVnd: 10_000, feeMoment: 'AT_RESULT', feeNote: '10 000 đồng mỗi bản sao trích lục' },
    })

    // The history shows both versions, newest first, with who published the new one.
    const detail = await getProcedureFee(client, { actor: actors.admin, slug: EXTRACT })
    expect(detail.history.map(({ version: number, feeVnd: fee, feeMoment: moment, current, publishedBy }) => ({ number, fee, moment, current, publishedBy }))).toEqual([
      { number: 2, fee: 10_000, moment: 'AT_RESULT', current: true, publishedBy: 'Quản trị hệ thống' },
      { number: 1, fee: 8_000, moment: 'BEFORE_PROCESSING', current: false, publishedBy: null },
    ])
    expect(detail.history[0]!.date).toEqual(LATER)
  })

  it('a form loaded before another administrator published is refused, and nothing is written', async () => {
    const stale = await form(EXTRACT, { feeVnd: '12000' })
    await updateProcedureFee(client, { actor: actors.admin, input: await form(EXTRACT, { feeVnd: '11000' }), meta, now: LATER })
    const before = await snapshot()
    const error = await failure(updateProcedureFee(client, { actor: actors.admin, input: stale, meta, now: LATER }))
    expect(error.code).toBe('CONFLICT')
    expect(await snapshot()).toEqual(before)
    expect((await getProcedureFee(client, { actor: actors.admin, slug: EXTRACT })).fee.feeVnd).toBe(11_000)
  })

  it("removes the fee's unverified flags once the amount is stated, keeping the others", async () => {
    const previous = await client.procedureVersion.findFirstOrThrow({ where: { procedure: { slug: BIRTH }, status: 'PUBLISHED' }, select: { unverifiedFields: true } })
    expect(previous.unverifiedFields).toContain('feeVnd')
    // The same fee, stated by an administrator: still a new version, without the flag.
    const result = await updateProcedureFee(client, { actor: actors.admin, input: await form(BIRTH), meta, now: LATER })
    expect(result).toMatchObject({ changed: true, version: 2 })
    const next = await client.procedureVersion.findUniqueOrThrow({ where: { id: result.versionId }, select: { unverifiedFields: true, feeVnd: true, feeExemptions: true } })
    expect(next.unverifiedFields).toEqual(previous.unverifiedFields.filter((name) => name !== 'feeVnd'))
    expect(next.feeExemptions).toHaveLength(1)
    expect((await listProcedureFees(client, { actor: actors.admin })).items.find((item) => item.slug === BIRTH)!.unverifiedFee).toEqual([])

    // Emptying the amount again ("not known") flags it again.
    const unknown = await updateProcedureFee(client, { actor: actors.admin, input: await form(BIRTH, { feeVnd: '' }), meta, now: LATER })
    const flagged = await client.procedureVersion.findUniqueOrThrow({ where: { id: unknown.versionId }, select: { unverifiedFields: true, feeVnd: true } })
    expect(flagged).toEqual({ feeVnd: null, unverifiedFields: [...next.unverifiedFields, 'feeVnd'] })
  })
})
