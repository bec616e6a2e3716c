import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { isCommuneStaff } from '@/domain/access/roles'
import { dueSoonUntil } from '@/domain/calendar/due-soon'
import { encodeQueueCursor, resolveStaffQueueRequest, type StaffQueueRequest } from '@/domain/dossier/staff-queues'
import { AppError } from '@/domain/errors'
import { WorkflowGraphSchema, type WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { stepKeysActedBy } from '@/domain/workflow/workflow-roles'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import { countQueues, findQueuePage, findWorkflowGraphs, type QueueCounts, type QueueRow, type RoleSteps } from './staff-queue.repo'

export type StaffQueuePage = {
  request: StaffQueueRequest
  rows: QueueRow[]
  /** Cursor of the next page, null on the last one. */
  nextCursor: string | null
  counts: QueueCounts
}

// Published workflow versions never change, so their parsed graphs are kept for the life of the process.
const graphCache = new Map<string, WorkflowGraph>()

export async function loadWorkflowGraphs(client: PrismaClient, ids: readonly string[] | null = null): Promise<Map<string, WorkflowGraph>> {
  const wanted = ids?.filter((id) => !graphCache.has(id)) ?? null
  if (wanted === null || wanted.length > 0) {
    for (const row of await findWorkflowGraphs(client, wanted)) graphCache.set(row.id, WorkflowGraphSchema.parse(row.graph))
  }
  return ids ? new Map(ids.flatMap((id) => (graphCache.has(id) ? [[id, graphCache.get(id)!] as const] : []))) : new Map(graphCache)
}

async function leaderSteps(client: PrismaClient): Promise<RoleSteps> {
  const graphs = await loadWorkflowGraphs(client)
  return [...graphs].map(([workflowVersionId, graph]) => ({ workflowVersionId, stepKeys: stepKeysActedBy(graph, 'LEADER') }))
}

/**
 * A page of one of the staff queues (domain/dossier/staff-queues.ts) over the communes the actor works in,
 * with every queue's count for the tabs. `query` is the page's URL search params, validated here.
 */
export async function listStaffQueue(client: PrismaClient, { actor, query, now = new Date() }: { actor: Actor; query: unknown; now?: Date }): Promise<StaffQueuePage> {
  if (!can(actor, 'dossier.readCommune') || !isCommuneStaff(actor.role)) throw new AppError('FORBIDDEN')
  const request = resolveStaffQueueRequest(actor.role, query)
  const [calendar, steps] = await Promise.all([loadWorkingCalendar(client, now), leaderSteps(client)])
  const scope = {
    communeIds: actor.communeIds,
    userId: actor.userId,
    procedureId: request.procedureId,
    search: request.search,
    now,
    dueSoonUntil: dueSoonUntil(now, calendar),
    leaderSteps: steps,
  }
  const [rows, counts] = await Promise.all([
    findQueuePage(client, { queue: request.queue, sort: request.sort, scope, after: request.after, take: request.pageSize + 1 }),
    countQueues(client, scope),
  ])
  const page = rows.slice(0, request.pageSize)
  const last = page.at(-1)
  const nextCursor = rows.length > request.pageSize && last ? encodeQueueCursor({ value: request.sort === 'due_asc' ? last.dueAt : last.submittedAt, id: last.id }) : null
  return { request, rows: page, nextCursor, counts }
}
