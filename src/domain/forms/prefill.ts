import type { FormDefinition } from './form-definition'
import type { RawFormValues } from './form-values'

/** What a signed-in applicant's profile can fill in (`prefill` of a field). */
export type ApplicantProfile = {
  fullName: string
  citizenId: string | null
  phone: string | null
  email: string | null
  /** `yyyy-MM-dd`. */
  birthDate: string | null
  gender: 'MALE' | 'FEMALE' | null
}

const PROFILE_VALUE: Record<NonNullable<FormDefinition['sections'][number]['fields'][number]['prefill']>, (profile: ApplicantProfile) => string | null> = {
  'applicant.fullName': (profile) => profile.fullName,
  'applicant.citizenId': (profile) => profile.citizenId,
  'applicant.phone': (profile) => profile.phone,
  'applicant.email': (profile) => profile.email,
  'applicant.birthDate': (profile) => (profile.birthDate ? profile.birthDate.split('-').reverse().join('/') : null),
  'applicant.gender': (profile) => profile.gender,
}

/** The starting values of a new draft: the top-level fields that ask for it, filled from the profile. */
export function prefillValues(definition: FormDefinition, profile: ApplicantProfile): RawFormValues {
  const values: RawFormValues = {}
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (!field.prefill || field.type === 'group' || field.type === 'file' || field.type === 'address') continue
    const value = PROFILE_VALUE[field.prefill](profile)
    if (value) values[field.key] = value
  }
  return values
}

/** The applicant a dossier is filed for: the prefilled fields as submitted, the profile where absent. */
export function applicantOfSubmission(definition: FormDefinition, cleaned: Record<string, unknown>, profile: ApplicantProfile): Omit<ApplicantProfile, 'birthDate' | 'gender'> {
  const answered = (prefill: string): string | null => {
    const field = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.prefill === prefill)
    const value = field ? cleaned[field.key] : undefined
    return typeof value === 'string' && value !== '' ? value : null
  }
  return {
    fullName: answered('applicant.fullName') ?? profile.fullName,
    citizenId: answered('applicant.citizenId') ?? profile.citizenId,
    phone: answered('applicant.phone') ?? profile.phone,
    email: answered('applicant.email') ?? profile.email,
  }
}
