import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { dossierScope } from '@/server/access/dossier-scope'
import { countDossiersByState, findDossierSummaries } from './dossier.repo'

export type DossierListItem = {
  id: string
  code: string
  state: string
  applicantName: string
  submittedAt: Date
  dueAt: Date | null
  communeName: string
  procedureNameVi: string
  procedureNameEn: string
}

export type DossierList = { dossiers: DossierListItem[]; countsByState: Record<string, number> | null }

/**
 * The dossiers the actor may read, newest first: a citizen's own, or the commune's for its staff.
 * (The full staff queues with keyset paging and filters come with the staff workspace.)
 */
export async function listDossiers(
  client: PrismaClient,
  { actor, take = 50, withCounts = false }: { actor: Actor; take?: number; /** Also count by state (staff queue header). */ withCounts?: boolean },
): Promise<DossierList> {
  if (!can(actor, 'dossier.readOwn') && !can(actor, 'dossier.readCommune')) throw new AppError('FORBIDDEN')
  const where = dossierScope(actor)
  const [rows, countsByState] = await Promise.all([
    findDossierSummaries(client, where, { take, orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }] }),
    withCounts ? countDossiersByState(client, where) : null,
  ])
  const dossiers = rows.map((row) => ({
    id: row.id,
    code: row.code,
    state: row.state,
    applicantName: row.applicantName,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    communeName: row.commune.name,
    procedureNameVi: row.procedureVersion.nameVi,
    procedureNameEn: row.procedureVersion.nameEn,
  }))
  return { dossiers, countsByState }
}
