import 'server-only'
import { z } from 'zod'
import { EMAIL_MAX_LENGTH, FULL_NAME_MAX_LENGTH, normalizeFullName } from '@/domain/account/registration'
import { normalizeCitizenId, validateCitizenId } from '@/domain/identity/citizen-id'
import { normalizeVietnamesePhone } from '@/domain/identity/phone'

/**
 * What the desk reception form sends, checked field by field. Messages are error codes, not text: the page
 * shows `Reception.errors.<field>.<code>` (Vietnamese by default). Only the fields the desk needs are asked
 * here — the applicant, the request in a few words, the documents handed in and the specialist: the
 * procedure's own declaration (tờ khai) is handed in on paper at the desk and ticked in the checklist.
 * (There is no form-definition → zod function yet; the online submission will bring one and may reuse
 * these applicant rules.)
 *
 * Rules that need the database — the procedure exists, the ticked documents belong to it and every
 * required one is there, the assignee works in the commune — are checked by the use-case.
 */

export const DESCRIPTION_MAX_LENGTH = 2000
export const NOTES_MAX_LENGTH = 2000
export const ADDRESS_MAX_LENGTH = 300

/** Letters (any script, with combining marks), spaces, and the apostrophes, dots and hyphens some names have. */
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' .\-]*$/u

/** A form value as typed: missing or not text reads as "". */
const typed = z.string().catch('')

const trimmed = (max: number) =>
  typed.transform((value) => value.trim()).pipe(z.string().max(max, 'TOO_LONG'))

export const ZDeskReceptionInput = z.object({
  /** The commune receiving the dossier (one of the clerk's). */
  communeId: typed.transform((value) => value.trim()).pipe(z.union([z.literal(''), z.uuid('INVALID')])),
  /** The procedure's slug, from the active catalogue. */
  procedure: typed.transform((value) => value.trim()).pipe(z.string().min(1, 'REQUIRED').max(64, 'INVALID')),
  /** A token the form page generated: submitting the same form twice yields one dossier. */
  submissionKey: typed.transform((value) => value.trim()).pipe(z.uuid('INVALID')),

  fullName: typed
    .transform(normalizeFullName)
    .pipe(
      z
        .string()
        // One reason per problem: an empty name is REQUIRED, not also INVALID.
        .min(1, { message: 'REQUIRED', abort: true })
        .refine((value) => [...value].length <= FULL_NAME_MAX_LENGTH, { message: 'TOO_LONG', abort: true })
        .regex(NAME_PATTERN, 'INVALID'),
    ),
  citizenId: typed.transform(normalizeCitizenId).superRefine((value, context) => {
    if (value === '') return void context.addIssue({ code: 'custom', message: 'REQUIRED' })
    const checked = validateCitizenId(value)
    if (!checked.ok) for (const error of checked.errors) context.addIssue({ code: 'custom', message: error })
  }),
  /** Blank is allowed here: the use-case then takes the number already known for this person, or asks for one. */
  phone: typed.transform((value, context) => {
    const raw = value.trim()
    if (raw === '') return null
    const phone = normalizeVietnamesePhone(raw)
    if (!phone) context.addIssue({ code: 'custom', message: 'INVALID' })
    return phone
  }),
  email: trimmed(EMAIL_MAX_LENGTH).pipe(z.union([z.literal(''), z.email('INVALID')])).transform((value) => value || null),
  address: trimmed(ADDRESS_MAX_LENGTH).pipe(z.string().min(1, 'REQUIRED')),
  /** 5-digit code of the commune of residence; blank = the receiving commune. */
  addressCommune: typed.transform((value) => value.trim()).pipe(z.union([z.literal(''), z.string().regex(/^\d{5}$/, 'INVALID')])),

  description: trimmed(DESCRIPTION_MAX_LENGTH).pipe(z.string().min(1, 'REQUIRED')),
  /** Private note for colleagues (never shown to the applicant). */
  notes: trimmed(NOTES_MAX_LENGTH),
  /** Keys of the documents handed in (`requiredDocuments[].key`). */
  documents: z
    .array(z.string().trim().max(100, 'INVALID'))
    .max(100, 'INVALID')
    .catch([])
    .transform((keys) => [...new Set(keys.filter(Boolean))]),
  assigneeId: typed.transform((value) => value.trim()).pipe(z.union([z.literal(''), z.uuid('INVALID')])),
})

export type DeskReceptionInput = z.output<typeof ZDeskReceptionInput>
export type DeskReceptionField = keyof DeskReceptionInput
export type DeskReceptionFieldErrors = Partial<Record<DeskReceptionField, string[]>>

/** A failed parse's problems, as codes by field. */
export function fieldErrorsOf(error: z.ZodError): DeskReceptionFieldErrors {
  return z.flattenError(error).fieldErrors as DeskReceptionFieldErrors
}
