import type { PublicDossierView } from '@/server/lookup/lookup-dossier'

/**
 * What the lookup action hands back to the form: the dossier found, or why not (field errors, the one
 * "no match" answer, or how long to wait), and what was typed so a refused form comes back filled in.
 */
export type LookupFormState =
  | { status: 'idle'; values: LookupValues }
  | { status: 'invalid'; values: LookupValues; fieldErrors: Record<string, string[]> }
  | { status: 'notFound'; values: LookupValues }
  | { status: 'rateLimited'; values: LookupValues; retryAfterMinutes: number }
  | { status: 'found'; values: LookupValues; dossier: PublicDossierView }

export type LookupValues = { code: string; contact: string }

export const INITIAL_LOOKUP_STATE: LookupFormState = { status: 'idle', values: { code: '', contact: '' } }
