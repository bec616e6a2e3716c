import 'server-only'
import { z } from 'zod'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { AppError } from '@/domain/errors'
import { DeadlineSchema, type Deadline } from '@/domain/procedure/deadline'
import { WorkflowGraphSchema, type WorkflowGraph } from '@/domain/workflow/workflow-graph'
import { parseSandboxMoves, replaySandbox, SandboxMoveSchema, type SandboxMove, type SandboxRun } from '@/domain/workflow/workflow-sandbox'
import { loadWorkingCalendar } from '@/server/calendar/load-working-calendar'
import type { VersionStatusName } from './list-workflows'
import { assertCanConfigureWorkflows, parseVersionId } from './workflow-admin-guard'
import { findVersion } from './workflow-admin.repo'

/** `yyyy-MM-ddTHH:mm` as typed in a datetime-local field, read in Vietnam's time. */
const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  // A well-formed but impossible time (2026-13-45T99:99) is refused like any other bad value.
  .refine((value) => !Number.isNaN(Date.parse(`${value}:00+07:00`)))
export const CUSTOM_DEADLINE = 'custom'

export const ZSandboxQuery = z.object({
  /** A procedure id (its current deadline) or `custom`. */
  procedure: z.string().max(64).optional().catch(undefined),
  days: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
  /** Submission instant of the pretend dossier. */
  start: LocalDateTime.optional().catch(undefined),
  /** Moves so far (JSON). */
  moves: z.string().max(40_000).optional().catch(undefined),
})

/** The move asked for now: `ROLE:action`, when, and what the transition may need. */
export const ZSandboxNext = z.object({
  act: z.string().regex(/^[A-Z_]+:[a-z][a-z0-9_]*$/),
  at: LocalDateTime,
  reason: z.string().trim().max(500).optional(),
  dueDate: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
  items: z.string().max(4000).optional(),
})

export type SandboxDeadlineOption = { id: string; name: string; deadline: Deadline; usesThisVersion: boolean }

export type SandboxPage = {
  version: { id: string; version: number; status: VersionStatusName; definitionName: string; definitionKey: string }
  graph: WorkflowGraph
  options: SandboxDeadlineOption[]
  /** The settings in force (defaults filled in): the page's canonical address is built from them. */
  settings: { procedure: string; days: number; start: string }
  deadline: Deadline
  submittedAt: Date
  moves: SandboxMove[]
  run: SandboxRun
  /** The move just asked for: applied (then `moves` includes it) or refused (with why). */
  attempt: { move: SandboxMove; applied: boolean; error: SandboxRun['failure'] } | null
}

const DEFAULT_DAYS = 5

export function parseLocalDateTime(value: string): Date {
  return new Date(`${value}:00+07:00`)
}

/** An instant as `yyyy-MM-ddTHH:mm` in Vietnam's time (UTC+7 all year). */
export function toLocalDateTime(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16)
}

/**
 * The workflow sandbox (read-only): replays the moves carried by the page on a pretend dossier with the real
 * engine, the procedure's deadline and the working calendar, and tries the move just asked for. Nothing is
 * written: the history lives in the page's address. Any version may be tried, drafts included.
 */
export async function runWorkflowSandbox(
  client: PrismaClient,
  { actor, versionId, query, next, now = new Date(), locale = 'vi' }: { actor: Actor; versionId: unknown; query: unknown; next?: unknown; now?: Date; locale?: string },
): Promise<SandboxPage> {
  assertCanConfigureWorkflows(actor)
  const id = parseVersionId(versionId)
  const version = await findVersion(client, id)
  if (!version) throw new AppError('NOT_FOUND')
  const graph = WorkflowGraphSchema.safeParse(version.graph)
  if (!graph.success) throw new AppError('INVALID_INPUT', 'stored graph does not parse', { _form: ['graphInvalid'] })

  const procedures = await client.procedure.findMany({
    where: { currentVersionId: { not: null } },
    select: { id: true, currentVersion: { select: { nameVi: true, nameEn: true, deadline: true, workflowVersion: { select: { id: true, definitionId: true } } } } },
    orderBy: { slug: 'asc' },
  })
  const options = procedures.flatMap((procedure): SandboxDeadlineOption[] => {
    const current = procedure.currentVersion
    const deadline = current ? DeadlineSchema.safeParse(current.deadline) : null
    if (!current || !deadline?.success) return []
    return [{ id: procedure.id, name: locale === 'en' ? current.nameEn : current.nameVi, deadline: deadline.data, usesThisVersion: current.workflowVersion.definitionId === version.definition.id }]
  })
  // Procedures of this workflow first: their deadlines are the ones it is meant for.
  options.sort((a, b) => Number(b.usesThisVersion) - Number(a.usesThisVersion) || a.name.localeCompare(b.name, 'vi'))

  const parsed = ZSandboxQuery.parse(query ?? {})
  const chosen = options.find((option) => option.id === parsed.procedure)
  const procedure = chosen ? chosen.id : parsed.procedure === CUSTOM_DEADLINE ? CUSTOM_DEADLINE : (options[0]?.id ?? CUSTOM_DEADLINE)
  const days = parsed.days ?? DEFAULT_DAYS
  const deadline: Deadline = options.find((option) => option.id === procedure)?.deadline ?? { kind: 'WORKING_DAYS', days }
  const start = parsed.start ?? toLocalDateTime(new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000))
  const submittedAt = parseLocalDateTime(start)
  const moves = parseSandboxMoves(parsed.moves)
  const calendar = await loadWorkingCalendar(client, submittedAt)
  const replay = (list: SandboxMove[]) => replaySandbox({ graph: graph.data, deadline, calendar, moves: list, submittedAt })

  let run = replay(moves)
  let attempt: SandboxPage['attempt'] = null
  let kept = moves.slice(0, run.applied)
  const asked = next === undefined ? null : ZSandboxNext.safeParse(next)
  if (asked?.success) {
    const [role, action] = asked.data.act.split(':') as [string, string]
    const items = (asked.data.items ?? '').split('\n').map((line) => line.trim()).filter(Boolean)
    const move = SandboxMoveSchema.safeParse({
      action,
      role,
      at: parseLocalDateTime(asked.data.at).toISOString(),
      ...(asked.data.reason ? { reason: asked.data.reason } : {}),
      ...(asked.data.dueDate ? { dueDate: asked.data.dueDate } : {}),
      ...(items.length ? { items } : {}),
    })
    if (move.success) {
      const tried = replay([...kept, move.data])
      const applied = tried.failure === null
      attempt = { move: move.data, applied, error: tried.failure }
      if (applied) {
        run = tried
        kept = [...kept, move.data]
      }
    }
  }
  return {
    version: { id: version.id, version: version.version, status: version.status, definitionName: version.definition.name, definitionKey: version.definition.key },
    graph: graph.data,
    options,
    settings: { procedure, days, start },
    deadline,
    submittedAt,
    moves: kept,
    run,
    attempt,
  }
}
