import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'

const dossierSummarySelect = {
  id: true,
  code: true,
  state: true,
  channel: true,
  applicantName: true,
  submittedAt: true,
  dueAt: true,
  completedAt: true,
  outcome: true,
  communeId: true,
  commune: { select: { name: true } },
  procedureVersion: { select: { nameVi: true, nameEn: true } },
} satisfies Prisma.DossierSelect

export type DossierSummary = Prisma.DossierGetPayload<{ select: typeof dossierSummarySelect }>

export async function findDossierSummaries(
  client: PrismaClient,
  where: Prisma.DossierWhereInput,
  { take, orderBy }: { take: number; orderBy: Prisma.DossierOrderByWithRelationInput[] },
): Promise<DossierSummary[]> {
  return client.dossier.findMany({ where, select: dossierSummarySelect, orderBy, take })
}

const dossierDetailSelect = {
  ...dossierSummarySelect,
  applicantId: true,
  applicantCitizenId: true,
  applicantPhone: true,
  applicantEmail: true,
  currentStep: true,
  receivedAt: true,
  clockPausedAt: true,
  supplementCount: true,
  extensionCount: true,
  version: true,
  assigneeId: true,
  assignee: { select: { fullName: true } },
  workflowVersionId: true,
  formData: true,
  feeVnd: true,
  paidVnd: true,
  commune: { select: { name: true, provinceId: true } },
  procedureVersion: { select: { nameVi: true, nameEn: true, deadline: true, requiredDocuments: true, formDefinition: true, feeMoment: true } },
  events: {
    select: {
      id: true,
      action: true,
      fromState: true,
      toState: true,
      occurredAt: true,
      isPublic: true,
      reason: true,
      dueAt: true,
      data: true,
      actorRole: true,
      actor: { select: { fullName: true } },
    },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  },
  supplementRequests: {
    select: { id: true, items: true, reason: true, requestedAt: true, respondedAt: true, responseNote: true },
    orderBy: { requestedAt: 'asc' },
  },
  attachments: {
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true, kind: true, documentKey: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  },
  payments: {
    select: { id: true, amountVnd: true, method: true, status: true, paidAt: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  },
  notes: { select: { id: true, body: true, createdAt: true, author: { select: { fullName: true } } }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.DossierSelect

export type DossierDetailRow = Prisma.DossierGetPayload<{ select: typeof dossierDetailSelect }>

/** `withNotes: false` leaves the private staff notes in the database (citizens and province readers). */
export async function findDossierDetail(
  client: PrismaClient,
  where: Prisma.DossierWhereInput,
  { withNotes }: { withNotes: boolean },
): Promise<DossierDetailRow | null> {
  const select = withNotes ? dossierDetailSelect : { ...dossierDetailSelect, notes: { ...dossierDetailSelect.notes, take: 0 } }
  return client.dossier.findFirst({ where, select })
}

export async function countDossiersByState(client: PrismaClient, where: Prisma.DossierWhereInput) {
  const rows = await client.dossier.groupBy({ by: ['state'], where, _count: { _all: true } })
  return Object.fromEntries(rows.map((row) => [row.state, row._count._all])) as Record<string, number>
}
