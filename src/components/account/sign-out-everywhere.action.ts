'use server'

import { redirect } from 'next/navigation'
import { signOutEverywhere } from '@/server/account/sign-out-everywhere'
import { getActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { clearSessionCookie } from './clear-session-cookie'

/** "Sign out on every device": raises the session version, drops this device's cookie, back to sign-in. */
export async function signOutEverywhereAction(): Promise<never> {
  const actor = await getActor()
  if (actor) await signOutEverywhere(db(), { actor, meta: await getRequestMeta() })
  await clearSessionCookie()
  redirect('/dang-nhap?expired=1')
}
