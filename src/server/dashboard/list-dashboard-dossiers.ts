import 'server-only'
import { z } from 'zod'
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from '@/domain/dossier/staff-queues'
import { AppError } from '@/domain/errors'
import { assertDashboardPeriod } from '@/domain/stats/dashboard-metrics'
import { DASHBOARD_MEASURES } from '@/domain/stats/dashboard-metrics-types'
import { resolveDashboardCommune } from './dashboard-access'
import { cursorAfter, countDashboardDossiers, findDashboardDossiers, type DossierListQuery } from './dashboard-dossiers.repo'
import { findProcedureByCode, type Client } from './dashboard.repo'
import type {
  DashboardCommune,
  DashboardDossierPage,
  DashboardDossierRow,
  DashboardDossiersInput,
  DashboardDossiersStreamInput,
  DashboardProcedure,
} from './dashboard-types'

/** Page sizes of a drill-down list. */
export const DEFAULT_DOSSIER_PAGE_SIZE = 50
export const MAX_DOSSIER_PAGE_SIZE = 200
/** Rows read per query when streaming an export. */
export const DOSSIER_STREAM_BATCH = 2000

const MeasureSchema = z.enum(DASHBOARD_MEASURES, { error: 'INVALID_MEASURE' })
const LimitSchema = z.number({ error: 'INVALID_LIMIT' }).int('INVALID_LIMIT').min(1, 'INVALID_LIMIT').max(MAX_DOSSIER_PAGE_SIZE, 'INVALID_LIMIT')

type Prepared = { commune: DashboardCommune; procedure: DashboardProcedure | null; query: DossierListQuery }

/** Authorization (same as the commune's dashboard) and validation, before any dossier is read. */
async function prepare(client: Client, input: DashboardDossiersStreamInput): Promise<Prepared> {
  const commune = await resolveDashboardCommune(client, input.actor, input.communeCode)
  const measure = MeasureSchema.safeParse(input.measure)
  if (!measure.success) throw new AppError('INVALID_INPUT', 'Invalid measure', { measure: ['INVALID_MEASURE'] })
  const period = assertDashboardPeriod(input.period)
  let procedure: DashboardProcedure | null = null
  if (input.procedureCode !== undefined && input.procedureCode !== null) {
    procedure = await findProcedureByCode(client, input.procedureCode)
    if (!procedure) throw new AppError('NOT_FOUND')
  }
  return {
    commune,
    procedure,
    query: {
      communeId: commune.id,
      procedureId: procedure?.id ?? null,
      measure: measure.data,
      startsAt: period.startsAt,
      endsBefore: period.endsBefore,
      now: input.now,
    },
  }
}

/**
 * A page of the dossiers behind a number of a commune's (or a procedure's) dashboard; `total` equals that number
 * exactly (definitions in dashboard-dossiers.repo.ts). Keyset-paged: pass `nextCursor` back as `cursor`.
 * Access as the commune's dashboard (NOT_FOUND outside the caller's scope, FORBIDDEN for citizens).
 */
export async function listDashboardDossiers(client: Client, input: DashboardDossiersInput): Promise<DashboardDossierPage> {
  const { commune, procedure, query } = await prepare(client, input)
  const limit = LimitSchema.safeParse(input.limit ?? DEFAULT_DOSSIER_PAGE_SIZE)
  if (!limit.success) throw new AppError('INVALID_INPUT', 'Invalid page size', { limit: ['INVALID_LIMIT'] })
  const after = input.cursor ? decodeQueueCursor(input.cursor) : null
  if (input.cursor && !after) throw new AppError('INVALID_INPUT', 'Invalid cursor', { cursor: ['INVALID_CURSOR'] })
  const [total, found] = await Promise.all([
    countDashboardDossiers(client, query),
    findDashboardDossiers(client, { ...query, after, take: limit.data + 1 }),
  ])
  const rows = found.slice(0, limit.data)
  const last = rows.at(-1)
  return {
    measure: query.measure,
    commune,
    procedure,
    total,
    rows,
    nextCursor: found.length > limit.data && last ? encodeQueueCursor(cursorAfter(query.measure, last)) : null,
  }
}

/**
 * Every dossier behind a number, for exports (CSV/XLSX of hundreds of thousands of rows): authorizes and
 * validates first (so a route can answer 403/404 before it starts the download), then gives the total and an
 * async generator reading keyset batches of DOSSIER_STREAM_BATCH rows as it is consumed.
 */
export async function openDashboardDossierStream(
  client: Client,
  input: DashboardDossiersStreamInput,
): Promise<{ commune: DashboardCommune; procedure: DashboardProcedure | null; total: number; rows: AsyncGenerator<DashboardDossierRow> }> {
  const { commune, procedure, query } = await prepare(client, input)
  const total = await countDashboardDossiers(client, query)
  return { commune, procedure, total, rows: batches(client, query) }
}

async function* batches(client: Client, query: DossierListQuery): AsyncGenerator<DashboardDossierRow> {
  let after: QueueCursor | null = null
  for (;;) {
    const rows = await findDashboardDossiers(client, { ...query, after, take: DOSSIER_STREAM_BATCH })
    yield* rows
    const last = rows.at(-1)
    if (rows.length < DOSSIER_STREAM_BATCH || !last) return
    after = cursorAfter(query.measure, last)
  }
}

/**
 * The same rows as an async generator (authorization runs when the first row is pulled; use
 * `openDashboardDossierStream` to check it before answering).
 */
export async function* streamDashboardDossiers(client: Client, input: DashboardDossiersStreamInput): AsyncGenerator<DashboardDossierRow> {
  const { query } = await prepare(client, input)
  yield* batches(client, query)
}
