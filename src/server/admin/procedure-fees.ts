import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { feeScheduleOf, type FeeExemption, type FeeRule } from '@/domain/fees/fee-schedule'
import type { FeeMoment } from '@/domain/fees/payment-due'
import {
  changedFeeFields,
  checkFeeAgainstForm,
  conditionFields,
  countableFields,
  parseFeeForm,
  unverifiedAfterFeeChange,
  unverifiedFeeFields,
  type ProcedureFee,
} from '@/domain/fees/procedure-fee-change'
import { FormDefinitionSchema, type FormDefinition } from '@/domain/forms/form-definition'
import { writeAudit } from '@/server/audit/write-audit'
import type { RequestMeta } from '@/server/http/request-meta'
import { publishNextProcedureVersion } from '@/server/procedure-versions/publish-next-procedure-version'
import { rawField } from './manage-staff-guard'
import { findProcedureFeeBySlug, findProcedureFees, findUserNames, type ProcedureFeeRow } from './procedure-fees.repo'

/**
 * Procedures' fees, for administrators (`admin.configure`, checked here again whatever the route did): the
 * list with each procedure's current fee, one procedure with the history of its fee, and the change itself.
 *
 * A procedure version is immutable (dossiers point at the version they were submitted under, and store the fee
 * they owe): changing the fee publishes a NEW version, a copy of the current one with the new fee, made
 * current in the same transaction as its audit row. Dossiers already submitted are never touched.
 */

function assertCanConfigure(actor: Actor): void {
  if (!can(actor, 'admin.configure')) throw new AppError('FORBIDDEN', 'missing permission admin.configure')
}

/** A procedure named by a URL or a form; anything that is not a slug is simply not found. */
function parseSlug(value: unknown): string {
  const parsed = z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{0,199}$/)
    .safeParse(value)
  if (!parsed.success) throw new AppError('NOT_FOUND')
  return parsed.data
}

/** The stored fee columns, read back through the fee schedule's schemas (malformed JSON as its defaults). */
function feeOf(version: { feeVnd: number | null; feeNote: string | null; feeMoment: FeeMoment; feeRule: unknown; feeExemptions: unknown }): ProcedureFee {
  const schedule = feeScheduleOf(version)
  return { feeVnd: version.feeVnd, feeNote: version.feeNote, feeMoment: version.feeMoment, feeRule: schedule.rule, feeExemptions: [...schedule.exemptions] }
}

export type ProcedureFeeItem = {
  id: string
  slug: string
  nationalCode: string | null
  nameVi: string
  nameEn: string
  field: string
  isActive: boolean
  versionId: string
  version: number
  feeVnd: number | null
  feeMoment: FeeMoment
  ruleKind: FeeRule['kind']
  exemptionCount: number
  /** The fee's names among the current version's `unverifiedFields` (values the seed could not source). */
  unverifiedFee: string[]
}

function toItem(row: ProcedureFeeRow & { currentVersion: NonNullable<ProcedureFeeRow['currentVersion']> }): ProcedureFeeItem {
  const version = row.currentVersion
  const fee = feeOf(version)
  return {
    id: row.id,
    slug: row.slug,
    nationalCode: row.nationalCode,
    nameVi: version.nameVi,
    nameEn: version.nameEn,
    field: row.field,
    isActive: row.isActive,
    versionId: version.id,
    version: version.version,
    feeVnd: fee.feeVnd,
    feeMoment: fee.feeMoment,
    ruleKind: fee.feeRule.kind,
    exemptionCount: fee.feeExemptions.length,
    unverifiedFee: unverifiedFeeFields(version.unverifiedFields),
  }
}

const withVersion = <T extends { currentVersion: unknown }>(row: T): row is T & { currentVersion: NonNullable<T['currentVersion']> } => row.currentVersion !== null

export type ProcedureFeeList = { items: ProcedureFeeItem[]; total: number; unverified: number }

/** Every procedure with a current version and its fee, by field. */
export async function listProcedureFees(client: PrismaClient, { actor }: { actor: Actor }): Promise<ProcedureFeeList> {
  assertCanConfigure(actor)
  const items = (await findProcedureFees(client)).filter(withVersion).map(toItem)
  return { items, total: items.length, unverified: items.filter((item) => item.unverifiedFee.length > 0).length }
}

export type ProcedureFeeVersion = {
  id: string
  version: number
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED'
  current: boolean
  feeVnd: number | null
  feeMoment: FeeMoment
  ruleKind: FeeRule['kind']
  exemptionCount: number
  /** When it was published (its creation for a version never published). */
  date: Date
  /** Who published it; null for the seeded catalogue. */
  publishedBy: string | null
}

export type ProcedureFeeDetail = ProcedureFeeItem & {
  fee: ProcedureFee
  /** Fields of the version's form a rule may count from, and fields an exemption may test. */
  formFields: { numbers: string[]; groups: { key: string; numbers: string[] }[]; conditions: string[] }
  /** Each field's label, by key (a group's fields too), for the choices of the form. */
  fieldLabels: Record<string, { vi: string; en: string }>
  /** Every version, newest first. */
  history: ProcedureFeeVersion[]
}

function formOf(definition: unknown): FormDefinition {
  const parsed = FormDefinitionSchema.safeParse(definition)
  return parsed.success ? parsed.data : { schemaVersion: 1, sections: [] }
}

function labelsOf(form: FormDefinition): Record<string, { vi: string; en: string }> {
  const labels: Record<string, { vi: string; en: string }> = {}
  for (const field of form.sections.flatMap((section) => section.fields)) {
    for (const entry of [field, ...(field.type === 'group' ? field.fields : [])]) labels[entry.key] ??= { vi: entry.labelVi, en: entry.labelEn }
  }
  return labels
}

/** One procedure's current fee, the fields its form offers the rules, and the fee of every version. */
export async function getProcedureFee(client: PrismaClient, { actor, slug }: { actor: Actor; slug: unknown }): Promise<ProcedureFeeDetail> {
  assertCanConfigure(actor)
  const row = await findProcedureFeeBySlug(client, parseSlug(slug))
  if (!row || !withVersion(row)) throw new AppError('NOT_FOUND')
  const names = await findUserNames(client, [...new Set(row.versions.flatMap((version) => (version.createdById ? [version.createdById] : [])))])
  const form = formOf(row.currentVersion.formDefinition)
  return {
    ...toItem(row),
    fee: feeOf(row.currentVersion),
    formFields: { ...countableFields(form), conditions: conditionFields(form) },
    fieldLabels: labelsOf(form),
    history: row.versions.map((version) => {
      const fee = feeOf(version)
      return {
        id: version.id,
        version: version.version,
        status: version.status,
        current: version.id === row.currentVersion.id,
        feeVnd: fee.feeVnd,
        feeMoment: fee.feeMoment,
        ruleKind: fee.feeRule.kind,
        exemptionCount: fee.feeExemptions.length,
        date: version.publishedAt ?? version.createdAt,
        publishedBy: version.createdById ? (names.get(version.createdById) ?? null) : null,
      }
    }),
  }
}

export type ProcedureFeeUpdate = {
  slug: string
  /** false when the form changed nothing (fee and flags alike): nothing was written. */
  changed: boolean
  versionId: string
  version: number
  fee: ProcedureFee
}

/**
 * Publishes a new version of the procedure with the fee of the form; everything else is copied from the
 * current version. In ONE transaction: the version (PUBLISHED now, by the actor), the procedure's current
 * version moved to it, the fee's names removed from its `unverifiedFields` (an administrator stated the fee;
 * an amount left empty that the rule needs stays flagged), and the audit row `procedure.updateFee`.
 * - the form carries the version it was loaded with (`expectedVersionId`): a procedure another administrator
 *   published meanwhile is refused (CONFLICT);
 * - INVALID_INPUT with error codes by field when the form does not parse, or names fields the version's form
 *   does not have; nothing is written;
 * - a form that changes nothing writes nothing (`changed: false`).
 */
export async function updateProcedureFee(
  client: PrismaClient,
  { actor, input, meta, now = new Date() }: { actor: Actor; input: unknown; meta: RequestMeta | null; now?: Date },
): Promise<ProcedureFeeUpdate> {
  assertCanConfigure(actor)
  const slug = parseSlug(rawField(input, 'procedureSlug'))
  const expected = z.uuid().safeParse(rawField(input, 'expectedVersionId'))
  if (!expected.success) throw new AppError('INVALID_INPUT', 'expectedVersionId missing', { _form: ['invalidRequest'] })
  const expectedVersionId = expected.data.toLowerCase()
  const parsed = parseFeeForm(input)
  if (!parsed.ok) throw new AppError('INVALID_INPUT', 'invalid fee', parsed.fieldErrors)
  const fee = parsed.fee

  return client.$transaction(async (tx) => {
    const row = await findProcedureFeeBySlug(tx, slug)
    if (!row || !withVersion(row)) throw new AppError('NOT_FOUND')
    const current = row.currentVersion
    if (current.id !== expectedVersionId) throw new AppError('CONFLICT', 'the procedure was published again since the form was loaded')
    const formErrors = checkFeeAgainstForm(fee, formOf(current.formDefinition))
    if (Object.keys(formErrors).length > 0) throw new AppError('INVALID_INPUT', 'the fee names fields the form does not have', formErrors)

    const before = feeOf(current)
    const changed = changedFeeFields(before, fee)
    const unverifiedFields = unverifiedAfterFeeChange(current.unverifiedFields, fee)
    const flagsChanged = unverifiedFields.join('\n') !== current.unverifiedFields.join('\n')
    if (changed.length === 0 && !flagsChanged) return { slug, changed: false, versionId: current.id, version: current.version, fee: before }

    const published = await publishNextProcedureVersion(tx, {
      procedureId: row.id,
      fromVersionId: current.id,
      changes: {
        feeVnd: fee.feeVnd,
        feeNote: fee.feeNote,
        feeMoment: fee.feeMoment,
        feeRule: fee.feeRule,
        feeExemptions: fee.feeExemptions as FeeExemption[],
        unverifiedFields,
      },
      actor,
      now,
    })
    const pick = (value: ProcedureFee) => Object.fromEntries(changed.map((key) => [key, value[key]]))
    await writeAudit(tx, {
      actor,
      action: 'procedure.updateFee',
      entityType: 'Procedure',
      entityId: row.id,
      data: {
        procedure: `${current.nameVi} (${slug})`,
        version: `v${published.fromVersion} → v${published.toVersion}`,
        procedureVersionId: published.procedureVersionId,
        before: pick(before),
        after: pick(fee),
        verified: current.unverifiedFields.filter((name) => !unverifiedFields.includes(name)),
      },
      meta,
    })
    return { slug, changed: true, versionId: published.procedureVersionId, version: published.toVersion, fee }
  })
}
