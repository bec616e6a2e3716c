import 'server-only'
import type { DossierState, Prisma, PrismaClient } from '@/generated/prisma/client'
import {
  CLOSED_STATES,
  OPEN_STATES,
  PAYABLE_STATES,
  RESULT_READY_STATES,
  UNFINISHED_PAYMENT_STATUSES,
  type CitizenDossierFilter,
} from '@/domain/dossier/citizen-next-step'
import type { QueueCursor } from '@/domain/dossier/staff-queues'

const citizenDossierSelect = {
  id: true,
  code: true,
  state: true,
  submittedAt: true,
  dueAt: true,
  clockPausedAt: true,
  completedAt: true,
  outcome: true,
  channel: true,
  feeVnd: true,
  paidVnd: true,
  commune: { select: { name: true } },
  procedureVersion: { select: { nameVi: true, nameEn: true, feeMoment: true } },
  payments: { select: { status: true } },
  rating: { select: { score: true } },
  _count: { select: { attachments: { where: { kind: 'RESULT' } } } },
} satisfies Prisma.DossierSelect

export type CitizenDossierRow = Prisma.DossierGetPayload<{ select: typeof citizenDossierSelect }>

const states = (list: readonly string[]) => list as DossierState[]

/**
 * The filter as a where-clause. "action" repeats domain/dossier/citizen-next-step.ts `mustAct` in SQL (a
 * supplement to answer, a result to collect, or a fee payable online now — see amountToPay); the
 * integration test checks both agree.
 */
function filterWhere(client: PrismaClient, filter: CitizenDossierFilter): Prisma.DossierWhereInput {
  switch (filter) {
    case 'all':
      return {}
    case 'open':
      return { state: { in: states(OPEN_STATES) } }
    case 'closed':
      return { state: { in: states(CLOSED_STATES) } }
    case 'action':
      return {
        OR: [
          { state: { in: ['AWAITING_SUPPLEMENT', 'READY_TO_RETURN'] } },
          {
            feeVnd: { gt: client.dossier.fields.paidVnd },
            AND: [
              { OR: [{ state: { in: states(PAYABLE_STATES) }, procedureVersion: { feeMoment: 'BEFORE_PROCESSING' } }, { state: { in: states(RESULT_READY_STATES) } }] },
              { OR: [{ channel: 'ONLINE' }, { payments: { some: { status: { in: [...UNFINISHED_PAYMENT_STATUSES] } } } }] },
            ],
          },
        ],
      }
  }
}

/** One page of an applicant's dossiers, newest first (keyset on submittedAt, id; index applicantId, submittedAt). */
export async function findCitizenDossiers(
  client: PrismaClient,
  { applicantId, filter, after, take }: { applicantId: string; filter: CitizenDossierFilter; after: QueueCursor | null; take: number },
): Promise<CitizenDossierRow[]> {
  const afterWhere: Prisma.DossierWhereInput = after?.value
    ? { OR: [{ submittedAt: { lt: after.value } }, { submittedAt: after.value, id: { lt: after.id } }] }
    : {}
  return client.dossier.findMany({
    where: { AND: [{ applicantId }, filterWhere(client, filter), afterWhere] },
    select: citizenDossierSelect,
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take,
  })
}

/** How many of the applicant's dossiers each filter holds (for the filter tabs). */
export async function countCitizenDossiers(client: PrismaClient, applicantId: string): Promise<Record<CitizenDossierFilter, number>> {
  const [byState, action] = await Promise.all([
    client.dossier.groupBy({ by: ['state'], where: { applicantId }, _count: { _all: true } }),
    client.dossier.count({ where: { AND: [{ applicantId }, filterWhere(client, 'action')] } }),
  ])
  const count = (list: readonly string[]) => byState.filter((row) => list.includes(row.state)).reduce((sum, row) => sum + row._count._all, 0)
  return { all: byState.reduce((sum, row) => sum + row._count._all, 0), open: count(OPEN_STATES), action, closed: count(CLOSED_STATES) }
}
