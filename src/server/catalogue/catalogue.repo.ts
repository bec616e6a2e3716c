import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { db } from '@/server/db'
import { parseDeadline } from './parse-deadline'
import { parseRequiredDocuments } from './parse-required-documents'
import type { FieldCount, OnlineLevelView, ProcedureDetail, ProcedureSummary } from './procedure.dto'

/**
 * The public catalogue: active procedures and their current published version. Reads only; every query
 * selects exactly what the DTOs need.
 */

const SEARCH_LIMIT = 100

/** A procedure is listed when it is active and its current version is published. */
const listedVersion = { currentOf: { is: { isActive: true } }, status: 'PUBLISHED' } satisfies Prisma.ProcedureVersionWhereInput

const summaryVersionSelect = {
  nameVi: true,
  nameEn: true,
  field: true,
  feeVnd: true,
  deadline: true,
  onlineLevel: true,
} satisfies Prisma.ProcedureVersionSelect

type SummaryVersion = Prisma.ProcedureVersionGetPayload<{ select: typeof summaryVersionSelect }>

function toSummary(procedure: { slug: string; nationalCode: string | null }, version: SummaryVersion): ProcedureSummary {
  return {
    slug: procedure.slug,
    nationalCode: procedure.nationalCode,
    field: version.field,
    nameVi: version.nameVi,
    nameEn: version.nameEn,
    feeVnd: version.feeVnd,
    deadline: parseDeadline(version.deadline),
    onlineLevel: version.onlineLevel,
  }
}

export async function findListedProcedures(filter: { field?: string }): Promise<ProcedureSummary[]> {
  const versions = await db().procedureVersion.findMany({
    where: { ...listedVersion, ...(filter.field ? { field: filter.field } : {}) },
    select: { ...summaryVersionSelect, currentOf: { select: { slug: true, nationalCode: true } } },
  })
  return versions.flatMap(({ currentOf, ...version }) => (currentOf ? [toSummary(currentOf, version)] : []))
}

type SearchRow = {
  slug: string
  nationalCode: string | null
  field: string
  nameVi: string
  nameEn: string
  feeVnd: number | null
  deadline: unknown
  onlineLevel: OnlineLevelView
}

/** LIKE treats % and _ as wildcards and \ as the escape character: a typed "%" must match only itself. */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * Accent- and case-insensitive search: every word typed must occur in the Vietnamese or English name or
 * the national code (after `motcua_search_text`, i.e. lower(unaccent(…)) in the database), so "dang ky
 * khai sinh", "ĐĂNG KÝ KHAI SINH" and "khai sinh" all find "Đăng ký khai sinh". Ranked by trigram
 * similarity of the Vietnamese name to the whole query.
 */
export async function searchListedProcedures(filter: { query: string; field?: string }): Promise<ProcedureSummary[]> {
  const words = filter.query.split(/\s+/).filter(Boolean).map(escapeLike)
  if (words.length === 0) return []
  const fieldCondition = filter.field ? Prisma.sql`AND pv."field" = ${filter.field}` : Prisma.empty
  const rows = await db().$queryRaw<SearchRow[]>`
    SELECT p."slug", p."nationalCode", pv."field", pv."nameVi", pv."nameEn", pv."feeVnd", pv."deadline",
           pv."onlineLevel"::text AS "onlineLevel"
    FROM "Procedure" p
    JOIN "ProcedureVersion" pv ON pv."id" = p."currentVersionId"
    WHERE p."isActive" AND pv."status" = 'PUBLISHED'
      ${fieldCondition}
      AND motcua_search_text(pv."nameVi" || ' ' || pv."nameEn" || ' ' || coalesce(p."nationalCode", ''))
          LIKE ALL (SELECT '%' || motcua_search_text(word) || '%' FROM unnest(${words}::text[]) AS word)
    ORDER BY similarity(motcua_search_text(pv."nameVi"), motcua_search_text(${filter.query})) DESC, pv."nameVi"
    LIMIT ${SEARCH_LIMIT}`
  return rows.map((row) => ({ ...row, deadline: parseDeadline(row.deadline) }))
}

export async function countListedProceduresByField(): Promise<FieldCount[]> {
  const groups = await db().procedureVersion.groupBy({
    by: ['field'],
    where: listedVersion,
    _count: { _all: true },
  })
  return groups.map((group) => ({ field: group.field, count: group._count._all }))
}

export type ProcedureRecord = Omit<ProcedureDetail, 'canSubmitOnline'>

export async function findListedProcedureBySlug(slug: string): Promise<ProcedureRecord | null> {
  const procedure = await db().procedure.findFirst({
    where: { slug, isActive: true, currentVersion: { is: { status: 'PUBLISHED' } } },
    select: {
      slug: true,
      nationalCode: true,
      currentVersion: {
        select: {
          ...summaryVersionSelect,
          feeNote: true,
          deadlineText: true,
          legalBasis: true,
          requiredDocuments: true,
        },
      },
    },
  })
  const version = procedure?.currentVersion
  if (!procedure || !version) return null
  return {
    ...toSummary(procedure, version),
    feeNote: version.feeNote,
    deadlineText: version.deadlineText,
    legalBasis: version.legalBasis,
    requiredDocuments: parseRequiredDocuments(version.requiredDocuments),
  }
}
