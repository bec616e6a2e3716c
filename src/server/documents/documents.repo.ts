import 'server-only'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'

/** Everything a printout shows, for one dossier (already restricted to the caller's scope by `where`). */
const snapshotSelect = {
  code: true,
  state: true,
  channel: true,
  applicantName: true,
  applicantCitizenId: true,
  applicantPhone: true,
  applicantEmail: true,
  submittedAt: true,
  receivedAt: true,
  dueAt: true,
  feeVnd: true,
  receivedBy: { select: { fullName: true } },
  commune: { select: { name: true } },
  procedureVersion: { select: { nameVi: true, requiredDocuments: true, deadline: true, feeVnd: true } },
  // What the applicant handed in; result documents and generated slips are not "received documents".
  attachments: {
    where: { kind: { in: ['APPLICATION', 'SUPPLEMENT'] } },
    select: { documentKey: true, fileName: true, kind: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  },
  events: {
    select: { action: true, occurredAt: true, reason: true, dueAt: true, data: true, isPublic: true, actorRole: true, actor: { select: { fullName: true } } },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  },
  supplementRequests: {
    select: { id: true, items: true, reason: true, requestedAt: true, requestedBy: { select: { fullName: true } } },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
  },
} satisfies Prisma.DossierSelect

export type DocumentSnapshotRow = Prisma.DossierGetPayload<{ select: typeof snapshotSelect }>

export function findDocumentSnapshotRow(client: PrismaClient, where: Prisma.DossierWhereInput): Promise<DocumentSnapshotRow | null> {
  return client.dossier.findFirst({ where, select: snapshotSelect })
}

/** Only what decides which printouts exist (domain/documents/available-documents.ts). */
const availabilitySelect = {
  code: true,
  channel: true,
  state: true,
  receivedAt: true,
  events: { where: { action: { in: ['request_supplement', 'refuse', 'reschedule', 'withdraw'] } }, select: { action: true, isPublic: true } },
  supplementRequests: { select: { id: true } },
} satisfies Prisma.DossierSelect

export type DocumentAvailabilityRow = Prisma.DossierGetPayload<{ select: typeof availabilitySelect }>

export function findDocumentAvailabilityRow(client: PrismaClient, where: Prisma.DossierWhereInput): Promise<DocumentAvailabilityRow | null> {
  return client.dossier.findFirst({ where, select: availabilitySelect })
}
