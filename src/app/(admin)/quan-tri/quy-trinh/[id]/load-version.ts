import 'server-only'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { cache } from 'react'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { isAppError } from '@/domain/errors'
import { getActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getWorkflowVersion } from '@/server/workflow-admin/get-workflow-version'

// One read per request for the title and the page (the actor object is itself cached per request).
const fetchVersion = cache(async (actor: Actor, id: string) => getWorkflowVersion(db(), { actor, versionId: id, locale: await getLocale() }))

/** The version for a page; an unknown or malformed id is the not-found page. */
export async function loadVersion(actor: Actor, id: string) {
  try {
    return await fetchVersion(actor, id)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

/** The title of a version's pages: the page itself answers "not signed in" and "not allowed". */
export async function versionMetadata(id: string, key: 'metaTitle' | 'editor.metaTitle' | 'publish.metaTitle' | 'sandbox.metaTitle'): Promise<Metadata> {
  const [actor, t] = await Promise.all([getActor(), getTranslations('Workflow')])
  const version = actor && can(actor, 'admin.configure') ? await fetchVersion(actor, id).catch(() => null) : null
  const name = version ? t('versionTitle', { name: version.definition.name, version: version.version }) : null
  return { title: name ? `${name} · ${t(key)}` : t(key), robots: { index: false } }
}
