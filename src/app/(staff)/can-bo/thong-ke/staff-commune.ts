import { notFound } from 'next/navigation'
import type { Actor } from '@/domain/access/actor'
import { firstParam, type PageSearchParams } from '@/components/dashboard/query'
import { staffRoutes } from '@/components/dashboard/routes'
import { listActorCommuneRefs } from '@/server/access/list-actor-commune-refs'
import { db } from '@/server/db'

/**
 * Which of the viewer's communes a /can-bo/thong-ke page shows: `xa` when it names one of them, else the first
 * (by name). Null when the viewer works for none. Links name the commune only for staff of several.
 */
export async function staffCommune(actor: Actor, query: PageSearchParams) {
  const communes = await listActorCommuneRefs(db(), actor)
  if (communes.length === 0) return null
  const asked = firstParam(query, 'xa')
  const commune = asked === null ? communes[0]! : communes.find((candidate) => candidate.code === asked)
  if (!commune) notFound()
  const several = communes.length > 1
  return { commune, communes, several, routes: staffRoutes(several), keep: several ? { xa: commune.code } : ({} as Record<string, string>) }
}
