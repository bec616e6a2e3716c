import { FormDefinitionSchema, type FormField, type LeafField } from './form-definition'

/** One answered field, ready to show: a label and a text, or the entries of a repeatable group. */
export type DescribedField = { key: string; label: string; value: string } | { key: string; label: string; entries: { key: string; label: string; value: string }[][] }
export type DescribedSection = { key: string; title: string; fields: DescribedField[] }

type Locale = 'vi' | 'en'
type Options = { locale: Locale; formatDate: (date: Date) => string; communeName?: (code: string) => string | undefined }

const YES_NO = { vi: ['Có', 'Không'], en: ['Yes', 'No'] } as const

function leafValue(field: LeafField, raw: unknown, options: Options): string | null {
  if (raw === undefined || raw === null || raw === '') return null
  const label = (option: { labelVi: string; labelEn: string }) => (options.locale === 'en' ? option.labelEn : option.labelVi)
  switch (field.type) {
    case 'file':
      return null
    case 'checkbox':
      return raw === true ? YES_NO[options.locale][0] : YES_NO[options.locale][1]
    case 'select':
    case 'radio': {
      const option = field.options.find((candidate) => candidate.value === raw)
      return option ? label(option) : String(raw)
    }
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return String(raw)
      return options.formatDate(new Date(`${raw}T12:00:00+07:00`))
    }
    case 'address': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return String(raw)
      const address = raw as { line?: unknown; communeCode?: unknown }
      const commune = typeof address.communeCode === 'string' ? (options.communeName?.(address.communeCode) ?? address.communeCode) : null
      return [typeof address.line === 'string' ? address.line : null, commune].filter(Boolean).join(', ') || null
    }
    case 'number': {
      const unit = options.locale === 'en' ? field.unitEn : field.unitVi
      return unit ? `${String(raw)} ${unit}` : String(raw)
    }
    default:
      return typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
  }
}

/**
 * The answers of a dossier's form in the order and with the labels of its form definition (staff and the
 * applicant read the same thing). Unanswered fields and file slots (shown as attachments) are left out;
 * answers to fields the definition no longer knows are shown last under their keys, never dropped.
 */
export function describeFormData(definition: unknown, data: Record<string, unknown>, options: Options): DescribedSection[] {
  const parsed = FormDefinitionSchema.safeParse(definition)
  const label = (field: { labelVi: string; labelEn: string }) => (options.locale === 'en' ? field.labelEn : field.labelVi)
  const known = new Set<string>()
  const sections: DescribedSection[] = []
  if (parsed.success) {
    for (const section of parsed.data.sections) {
      const fields: DescribedField[] = []
      for (const field of section.fields as FormField[]) {
        known.add(field.key)
        if (field.type === 'group') {
          const raw = data[field.key]
          if (!Array.isArray(raw) || raw.length === 0) continue
          const entries = raw.map((entry) =>
            field.fields.flatMap((leaf) => {
              const value = leafValue(leaf, (entry as Record<string, unknown> | null)?.[leaf.key], options)
              return value === null ? [] : [{ key: leaf.key, label: label(leaf), value }]
            }),
          )
          fields.push({ key: field.key, label: label(field), entries })
          continue
        }
        const value = leafValue(field, data[field.key], options)
        if (value !== null) fields.push({ key: field.key, label: label(field), value })
      }
      if (fields.length > 0) sections.push({ key: section.key, title: options.locale === 'en' ? section.titleEn : section.titleVi, fields })
    }
  }
  const unknown = Object.entries(data).filter(([key, value]) => !known.has(key) && value !== null && value !== undefined && value !== '')
  if (unknown.length > 0) {
    sections.push({
      key: '_other',
      title: options.locale === 'en' ? 'Other information' : 'Thông tin khác',
      fields: unknown.map(([key, value]) => ({ key, label: key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) })),
    })
  }
  return sections
}
