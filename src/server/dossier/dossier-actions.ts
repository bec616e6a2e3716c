import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { canTakeWorkflowAction } from '@/domain/access/dossier-access'
import { availableActions, type AvailableAction } from '@/domain/workflow/available-actions'
import { stepOf } from '@/domain/workflow/apply-transition'
import type { WorkflowRole } from '@/domain/workflow/workflow-graph'
import { loadWorkflowGraphs } from './list-staff-queue'
import type { DossierView } from './get-dossier'

export type AssigneeCandidate = { id: string; fullName: string }

/** An action the viewer may take now, with who it may be handed to when it asks for an assignee. */
export type ActionOffer = AvailableAction & { candidates: AssigneeCandidate[] | null }

/**
 * Exactly the workflow actions the viewer may take on this dossier now (the engine's `availableActions`,
 * after the access rule: the applicant, the commune's staff, a specialist only on their own work). An action
 * that needs an assignee comes with the commune's active staff of the role that acts at the next step.
 */
export async function dossierActionsFor(client: PrismaClient, { actor, dossier, provinceId }: { actor: Actor; dossier: DossierView; provinceId?: string }): Promise<ActionOffer[]> {
  const ownership = { applicantId: actor.role === 'CITIZEN' ? actor.userId : null, communeId: dossier.communeId, provinceId: provinceId ?? '', assigneeId: dossier.assigneeId }
  // getDossier already scoped the read: a citizen only ever sees their own dossier here.
  if (!canTakeWorkflowAction(actor, ownership)) return []
  const graph = (await loadWorkflowGraphs(client, [dossier.workflowVersionId])).get(dossier.workflowVersionId)
  if (!graph) return []
  const offers = availableActions({ dossier, graph, actor: { role: actor.role } })
  const roles = [...new Set(offers.filter((offer) => offer.requires.includes('assignee')).flatMap((offer) => stepOf(graph, offer.toStep)?.role ?? []))]
  const staff = await activeStaffOfRoles(client, roles, [dossier.communeId])
  return offers.map((offer) => {
    if (!offer.requires.includes('assignee')) return { ...offer, candidates: null }
    const role = stepOf(graph, offer.toStep)?.role
    return { ...offer, candidates: staff.filter((user) => user.role === role).map(({ id, fullName }) => ({ id, fullName })) }
  })
}

/** Active staff of the given roles working in any of the communes: who an action may be handed to. */
async function activeStaffOfRoles(client: PrismaClient, roles: readonly WorkflowRole[], communeIds: readonly string[]) {
  const staffRoles = roles.filter((role): role is Exclude<WorkflowRole, 'CITIZEN'> => role !== 'CITIZEN')
  if (staffRoles.length === 0) return []
  return client.user.findMany({
    where: { role: { in: staffRoles }, disabledAt: null, communes: { some: { communeId: { in: [...communeIds] } } } },
    select: { id: true, fullName: true, role: true },
    orderBy: { fullName: 'asc' },
  })
}

/** Requirements a batch form can give once for every selected dossier. */
const BATCHABLE: readonly string[] = ['assignee', 'reason']

/**
 * The actions the viewer could take on a queue selection: those the engine offers at the steps of the listed
 * dossiers that need nothing per dossier (at most an assignee and a reason) and neither end nor pause it
 * (receive and assign, forward, approve, reassign…), with the candidates to assign.
 */
export async function batchActionsFor(
  client: PrismaClient,
  { actor, rows }: { actor: Actor; rows: { workflowVersionId: string; currentStep: string; supplementCount?: number }[] },
): Promise<ActionOffer[]> {
  if (actor.role === 'CITIZEN' || actor.communeIds.length === 0 || rows.length === 0) return []
  const graphs = await loadWorkflowGraphs(client, [...new Set(rows.map((row) => row.workflowVersionId))])
  const byAction = new Map<string, { offer: AvailableAction; role: WorkflowRole | undefined }>()
  for (const row of rows) {
    const graph = graphs.get(row.workflowVersionId)
    if (!graph) continue
    for (const offer of availableActions({ dossier: { currentStep: row.currentStep, supplementCount: row.supplementCount ?? 0 }, graph, actor: { role: actor.role } })) {
      // Ending a dossier (refusal, withdrawal, return) or pausing it is decided one dossier at a time.
      if (offer.clock === 'PAUSE' || offer.clock === 'STOP' || !offer.requires.every((requirement) => BATCHABLE.includes(requirement))) continue
      if (!byAction.has(offer.action)) byAction.set(offer.action, { offer, role: stepOf(graph, offer.toStep)?.role })
    }
  }
  const roles = [...new Set([...byAction.values()].filter((entry) => entry.offer.requires.includes('assignee')).flatMap((entry) => entry.role ?? []))]
  const staff = await activeStaffOfRoles(client, roles, actor.communeIds)
  return [...byAction.values()].map(({ offer, role }) => ({
    ...offer,
    candidates: offer.requires.includes('assignee') ? staff.filter((user) => user.role === role).map(({ id, fullName }) => ({ id, fullName })) : null,
  }))
}
