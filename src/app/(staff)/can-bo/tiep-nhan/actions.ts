'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { ReceptionFormState } from '@/components/reception/reception-form-state'
import { toReceptionFormState } from '@/components/reception/to-reception-form-state'
import { requireActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { registerDeskDossier } from '@/server/reception/register-desk-dossier'

const TEXT_FIELDS = [
  'communeId',
  'procedure',
  'submissionKey',
  'fullName',
  'citizenId',
  'phone',
  'email',
  'address',
  'addressCommune',
  'description',
  'notes',
  'assigneeId',
] as const

// Server action: register and receive a walk-in dossier (the use-case authorizes and validates), then show
// the confirmation with the code and the appointment.
export async function registerDeskDossierAction(previous: ReceptionFormState, formData: FormData): Promise<ReceptionFormState> {
  const values: Record<string, string | string[]> = {}
  for (const name of TEXT_FIELDS) {
    const value = formData.get(name)
    values[name] = typeof value === 'string' ? value : ''
  }
  values.documents = formData.getAll('documents').filter((value): value is string => typeof value === 'string')

  let code: string
  try {
    const actor = await requireActor()
    ;({ code } = await registerDeskDossier(db(), { actor, input: values, meta: await getRequestMeta() }))
  } catch (error) {
    return toReceptionFormState(error, previous.attempt + 1, values)
  }
  revalidatePath('/can-bo')
  redirect(`/can-bo/tiep-nhan/${code}`)
}
