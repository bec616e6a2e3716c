/**
 * Test data helpers for integration tests on a seeded database: the actors of the demo accounts and online
 * dossiers waiting at reception, written directly (the thing under test acts on them through the use-cases).
 */
import type { Actor } from '@/domain/access/actor'
import type { Prisma, PrismaClient } from '@/generated/prisma/client'
import { loadActor } from '@/server/auth/load-actor'

/** The actor a demo account signs in as (`username`, or any user matching `where`). */
export async function actorOf(client: PrismaClient, who: string | Prisma.UserWhereInput): Promise<Actor> {
  const user = await client.user.findFirstOrThrow({ where: typeof who === 'string' ? { username: who } : who, select: { id: true, sessionVersion: true } })
  const actor = await loadActor(client, user.id, user.sessionVersion)
  if (!actor) throw new Error(`no actor for ${JSON.stringify(who)}`)
  return actor
}

let sequence = 0

/**
 * A new online dossier waiting for reception in `communeCode`, under the current version of procedure
 * `slug` (birth registration by default, default workflow). Codes use day 991231 and a per-process
 * sequence so they never meet the seed's.
 */
export async function submittedDossier(
  client: PrismaClient,
  { communeCode = '16681', slug = '1.001193', submittedAt, ...extra }: { communeCode?: string; slug?: string; submittedAt: Date } & Partial<Pick<Prisma.DossierUncheckedCreateInput, 'applicantId' | 'applicantName' | 'applicantPhone' | 'state' | 'currentStep' | 'receivedAt' | 'dueAt' | 'clockPausedAt' | 'supplementCount'>>,
) {
  const commune = await client.commune.findUniqueOrThrow({ where: { code: communeCode }, select: { id: true } })
  const version = await client.procedureVersion.findFirstOrThrow({
    where: { status: 'PUBLISHED', procedure: { slug } },
    select: { id: true, procedureId: true, workflowVersionId: true },
  })
  sequence += 1
  return client.dossier.create({
    data: {
      code: `${communeCode}-991231-${String(sequence).padStart(4, '0')}`,
      communeId: commune.id,
      procedureId: version.procedureId,
      procedureVersionId: version.id,
      workflowVersionId: version.workflowVersionId,
      applicantName: 'Lê Thị Hoa',
      applicantPhone: '0987000111',
      channel: 'ONLINE',
      state: 'SUBMITTED',
      currentStep: 'reception',
      formData: {},
      submittedAt,
      ...extra,
    },
    select: { id: true, code: true, version: true },
  })
}
