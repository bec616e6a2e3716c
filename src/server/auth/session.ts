import 'server-only'
import { cache } from 'react'
import { getServerSession } from 'next-auth'
import { notFound, redirect } from 'next/navigation'
import type { Actor } from '@/domain/access/actor'
import { can, type Permission } from '@/domain/access/permissions'
import { AppError } from '@/domain/errors'
import { db } from '@/server/db'
import { authOptions } from './auth-options'
import { loadActor } from './load-actor'

/**
 * The signed-in person for this request, or null. The cookie only names the user: the user is loaded
 * again here, so a disabled account or a revoked session (sessionVersion raised) is signed out at once.
 * Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions)
  if (!session?.userId) return null
  return loadActor(db(), session.userId, session.sessionVersion ?? 0)
})

/** For use-cases called from server actions and route handlers. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor()
  if (!actor) throw new AppError('UNAUTHENTICATED')
  return actor
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor()
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', `missing permission ${permission}`)
  return actor
}

/**
 * For pages: not signed in → the sign-in page (coming back here after); signed in without the
 * permission → 404, the same answer as a page that does not exist.
 */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await getActor()
  if (!actor) redirect(`/dang-nhap?next=${encodeURIComponent(returnTo)}`)
  if (!can(actor, permission)) notFound()
  return actor
}
