import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import type { Deadline } from '@/domain/procedure/deadline'
import { WorkflowGraphSchema, type WorkflowRole } from '@/domain/workflow/workflow-graph'
import { parseDeadline } from '@/server/catalogue/parse-deadline'
import { parseRequiredDocuments } from '@/server/catalogue/parse-required-documents'
import type { RequiredDocumentView } from '@/server/catalogue/procedure.dto'
import { assertDeskClerk } from './clerk-scope'

type Client = PrismaClient | Prisma.TransactionClient

export type ReceptionCommune = { id: string; code: string; name: string }
export type ReceptionProcedure = { slug: string; nameVi: string; nameEn: string; field: string }

/** What the desk page offers before a procedure is chosen: the clerk's communes and the active catalogue. */
export type ReceptionSetup = { communes: ReceptionCommune[]; procedures: ReceptionProcedure[] }

export type AssigneeCandidate = { id: string; fullName: string }

/** What the desk form of one procedure needs, from its CURRENT published version. */
export type ProcedureIntake = {
  procedureId: string
  slug: string
  nameVi: string
  nameEn: string
  feeVnd: number | null
  deadline: Deadline | null
  /** The checklist of documents handed in or shown. */
  documents: RequiredDocumentView[]
  /** Who the dossier goes to once received: staff of the commune acting at the step 'receive' leads to. */
  assignee: { required: boolean; role: WorkflowRole; candidates: AssigneeCandidate[]; defaultId: string | null }
  /** Communes of the receiving commune's province, for the applicant's place of residence. */
  residenceCommunes: { code: string; name: string }[]
}

const vietnameseOrder = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

export async function getReceptionSetup(client: PrismaClient, { actor }: { actor: Actor }): Promise<ReceptionSetup> {
  assertDeskClerk(actor)
  const [communes, versions] = await Promise.all([
    client.commune.findMany({ where: { id: { in: [...actor.communeIds] }, isActive: true }, select: { id: true, code: true, name: true } }),
    client.procedureVersion.findMany({
      where: { status: 'PUBLISHED', currentOf: { is: { isActive: true } } },
      select: { nameVi: true, nameEn: true, field: true, currentOf: { select: { slug: true } } },
    }),
  ])
  communes.sort((a, b) => vietnameseOrder.compare(a.name, b.name))
  const procedures = versions
    .flatMap(({ currentOf, ...version }) => (currentOf ? [{ slug: currentOf.slug, ...version }] : []))
    .sort((a, b) => vietnameseOrder.compare(a.field, b.field) || vietnameseOrder.compare(a.nameVi, b.nameVi))
  return { communes, procedures }
}

/**
 * One procedure as the desk form of `communeId` needs it; null when the slug is not an active procedure
 * with a published current version, or when its workflow has no 'receive' from the start step (it could
 * not be received at a desk). The caller has already checked the commune is the clerk's.
 */
export async function getProcedureIntake(
  client: Client,
  { actor, communeId, slug }: { actor: Actor; communeId: string; slug: string },
): Promise<ProcedureIntake | null> {
  const procedure = await client.procedure.findFirst({
    where: { slug, isActive: true, currentVersion: { is: { status: 'PUBLISHED' } } },
    select: {
      id: true,
      slug: true,
      currentVersion: {
        select: { nameVi: true, nameEn: true, feeVnd: true, deadline: true, requiredDocuments: true, workflowVersion: { select: { graph: true } } },
      },
    },
  })
  const version = procedure?.currentVersion
  if (!procedure || !version) return null
  const graph = WorkflowGraphSchema.safeParse(version.workflowVersion.graph)
  if (!graph.success) return null
  const receive = graph.data.transitions.find((transition) => transition.from === graph.data.startStep && transition.action === 'receive')
  const target = receive && graph.data.steps.find((step) => step.key === receive.to)
  if (!receive || !target || !receive.roles.includes('CLERK')) return null

  const [staff, commune] = await Promise.all([
    target.role === 'CITIZEN'
      ? Promise.resolve([])
      : client.user.findMany({
          where: { role: target.role, disabledAt: null, communes: { some: { communeId } } },
          select: { id: true, fullName: true },
        }),
    client.commune.findUnique({ where: { id: communeId }, select: { provinceId: true } }),
  ])
  staff.sort((a, b) => vietnameseOrder.compare(a.fullName, b.fullName))
  const residenceCommunes = commune
    ? await client.commune.findMany({ where: { provinceId: commune.provinceId, isActive: true }, select: { code: true, name: true } })
    : []
  residenceCommunes.sort((a, b) => vietnameseOrder.compare(a.name, b.name))
  return {
    procedureId: procedure.id,
    slug: procedure.slug,
    nameVi: version.nameVi,
    nameEn: version.nameEn,
    feeVnd: version.feeVnd,
    deadline: parseDeadline(version.deadline),
    documents: parseRequiredDocuments(version.requiredDocuments),
    assignee: {
      required: receive.requires.includes('assignee'),
      role: target.role,
      candidates: staff,
      // Same-day procedures stay with the desk: the clerk who receives checks them, unless they pick a colleague.
      defaultId: staff.some((member) => member.id === actor.userId) ? actor.userId : null,
    },
    residenceCommunes,
  }
}
