import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { MIN_TYPO_WORD_LENGTH, toSearchTerms } from '@/domain/catalogue/search-terms'
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

/**
 * Accent-, case- and typo-tolerant search, done entirely in PostgreSQL. Every word typed must match the
 * Vietnamese or English name or the national code, after `motcua_search_text` (lower(unaccent(…))) and with
 * "y" read as "i" (the two spellings "ký"/"kí", "lý"/"lí" are both in use):
 *
 * - exactly, as a substring (LIKE), so "dang ky khai sinh", "ĐĂNG KÝ KHAI SINH" and "khai sinh" all find
 *   "Đăng ký khai sinh", and "1.000894" finds its procedure;
 * - or, only for a word of at least MIN_TYPO_WORD_LENGTH letters (no digits) that occurs in no listed
 *   procedure at all, as any word of the name one edit away: one letter wrong, missing or extra, or two
 *   neighbours swapped ("khai snh", "khia", "chng thuc", "thuongg").
 *
 * A word that does occur in the catalogue is never read as a typo. Vietnamese syllables are short and one
 * letter apart all the time (sinh/kinh/tinh, khai/thai, hon/hoa), so correcting a real word would flood
 * the results: "khai sinh" must not find "… hộ kinh doanh". Trigrams (pg_trgm) cannot decide typos on their
 * own for the same reason: "khia" and "khai" share 2 of 5 trigrams, as many as "sinh" and "hôn nhân".
 * They rank instead: procedures matching more words exactly first, then by pg_trgm word_similarity and
 * similarity of the Vietnamese name to the query.
 *
 * The catalogue holds a few dozen procedures: the whole scan is cheap and needs no index (a trigram GIN
 * index on the search text would be the first step if it ever grew to thousands).
 */
export async function searchListedProcedures(filter: { query: string; field?: string }): Promise<ProcedureSummary[]> {
  const terms = toSearchTerms(filter.query)
  if (terms.length === 0) return []
  const words = terms.map((term) => term.word)
  const patterns = terms.map((term) => term.likePattern)
  const fieldCondition = filter.field ? Prisma.sql`WHERE l."field" = ${filter.field}` : Prisma.empty
  const rows = await db().$queryRaw<SearchRow[]>`
    WITH listed AS (
      SELECT p."slug", p."nationalCode", pv."field", pv."nameVi", pv."nameEn", pv."feeVnd", pv."deadline",
             pv."onlineLevel"::text AS "onlineLevel",
             translate(motcua_search_text(pv."nameVi" || ' ' || pv."nameEn" || ' ' || coalesce(p."nationalCode", '')), 'y', 'i')
               AS haystack
      FROM "Procedure" p
      JOIN "ProcedureVersion" pv ON pv."id" = p."currentVersionId"
      WHERE p."isActive" AND pv."status" = 'PUBLISHED'
    ),
    terms AS (
      SELECT t.term, t.pattern,
             length(t.term) >= ${MIN_TYPO_WORD_LENGTH} AND t.term !~ '[0-9]'
               AND NOT EXISTS (SELECT 1 FROM listed l WHERE l.haystack LIKE t.pattern) AS "typoTolerant"
      FROM unnest(${words}::text[], ${patterns}::text[]) AS w(word, pattern)
      CROSS JOIN LATERAL (
        SELECT translate(motcua_search_text(w.word), 'y', 'i') AS term,
               '%' || translate(motcua_search_text(w.pattern), 'y', 'i') || '%' AS pattern
      ) t
    ),
    scored AS (
      SELECT l.*,
        (SELECT count(*) FROM terms t WHERE l.haystack LIKE t.pattern) AS "exactTerms",
        (SELECT count(*) FROM terms t
          WHERE l.haystack LIKE t.pattern
             OR (t."typoTolerant" AND EXISTS (
               SELECT 1 FROM regexp_split_to_table(l.haystack, '[^[:alnum:]]+') AS token
               WHERE abs(length(token) - length(t.term)) <= 1
                 AND EXISTS (
                   -- One edit apart: deleting the i-th letter of both (one letter wrong), of the typed word
                   -- only (one extra letter) or of the name's word only (one missing), or swapping the i-th
                   -- typed letter with the next, makes them equal.
                   SELECT 1 FROM generate_series(1, greatest(length(token), length(t.term))) AS i
                   WHERE overlay(t.term PLACING '' FROM i FOR 1) = overlay(token PLACING '' FROM i FOR 1)
                      OR overlay(t.term PLACING '' FROM i FOR 1) = token
                      OR t.term = overlay(token PLACING '' FROM i FOR 1)
                      OR (i < length(t.term)
                          AND overlay(t.term PLACING substr(t.term, i + 1, 1) || substr(t.term, i, 1) FROM i FOR 2) = token)
                 )
             ))
        ) AS "matchedTerms"
      FROM listed l
      ${fieldCondition}
    )
    SELECT s."slug", s."nationalCode", s."field", s."nameVi", s."nameEn", s."feeVnd", s."deadline", s."onlineLevel"
    FROM scored s
    WHERE s."matchedTerms" = ${terms.length}
    ORDER BY s."exactTerms" DESC,
             word_similarity(motcua_search_text(${filter.query}), motcua_search_text(s."nameVi")) DESC,
             similarity(motcua_search_text(${filter.query}), motcua_search_text(s."nameVi")) DESC,
             s."nameVi"
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
