import { z } from 'zod'

/**
 * The form of a procedure as data (`ProcedureVersion.formDefinition`): sections of typed fields, a file slot
 * per required document, repeatable groups and conditional visibility. A later issue renders it and derives
 * the submission's zod schema from it; this file only describes and validates the definition itself.
 */

const FieldKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'camelCase key')

const LabelSchema = {
  labelVi: z.string().min(1),
  labelEn: z.string().min(1),
}

const ScalarValueSchema = z.union([z.string(), z.number(), z.boolean()])

/** Show the field only when another field of the same level (section or group) has one of these values. */
export const VisibleWhenSchema = z.union([
  z.strictObject({ field: FieldKeySchema, equals: ScalarValueSchema }),
  z.strictObject({ field: FieldKeySchema, oneOf: z.array(ScalarValueSchema).min(1) }),
])

/** Where a field may be filled in from the signed-in applicant's profile. */
export const PrefillSchema = z.enum(['applicant.fullName', 'applicant.citizenId', 'applicant.phone', 'applicant.email', 'applicant.birthDate', 'applicant.gender'])

const base = {
  key: FieldKeySchema,
  ...LabelSchema,
  required: z.boolean().default(false),
  helpVi: z.string().min(1).optional(),
  helpEn: z.string().min(1).optional(),
  visibleWhen: VisibleWhenSchema.optional(),
  prefill: PrefillSchema.optional(),
}

export const OptionSchema = z.strictObject({ value: z.string().min(1), ...LabelSchema })

const optionList = z
  .array(OptionSchema)
  .min(1)
  .refine((options) => new Set(options.map((option) => option.value)).size === options.length, 'option values must be unique')

const TextFieldSchema = z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().positive().optional() })
const TextareaFieldSchema = z.strictObject({ ...base, type: z.literal('textarea'), maxLength: z.number().int().positive().optional() })
const NumberFieldSchema = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  /** Unit shown next to the input, e.g. "trang", "bản". */
  unitVi: z.string().min(1).optional(),
  unitEn: z.string().min(1).optional(),
})
const DateFieldSchema = z.strictObject({
  ...base,
  type: z.literal('date'),
  /** A date of birth or of death cannot be in the future. */
  notInFuture: z.boolean().optional(),
})
const SelectFieldSchema = z.strictObject({ ...base, type: z.literal('select'), options: optionList })
const RadioFieldSchema = z.strictObject({ ...base, type: z.literal('radio'), options: optionList })
const CheckboxFieldSchema = z.strictObject({ ...base, type: z.literal('checkbox') })
/** 12-digit citizen ID number (CCCD). */
const CitizenIdFieldSchema = z.strictObject({ ...base, type: z.literal('citizenId') })
const PhoneFieldSchema = z.strictObject({ ...base, type: z.literal('phone') })
const EmailFieldSchema = z.strictObject({ ...base, type: z.literal('email') })
/** Free address with the commune picked from the list (the commune's code is stored with the text). */
const AddressFieldSchema = z.strictObject({ ...base, type: z.literal('address') })
/** Upload slot answering one required document (`requiredDocuments[].key`). */
const FileFieldSchema = z.strictObject({
  ...base,
  type: z.literal('file'),
  documentKey: z.string().min(1),
  maxFiles: z.number().int().min(1).max(20).default(1),
  accept: z.array(z.string().min(1)).min(1).default(['application/pdf', 'image/jpeg', 'image/png']),
})

export const LeafFieldSchema = z.discriminatedUnion('type', [
  TextFieldSchema,
  TextareaFieldSchema,
  NumberFieldSchema,
  DateFieldSchema,
  SelectFieldSchema,
  RadioFieldSchema,
  CheckboxFieldSchema,
  CitizenIdFieldSchema,
  PhoneFieldSchema,
  EmailFieldSchema,
  AddressFieldSchema,
  FileFieldSchema,
])

/** A repeatable group of fields (e.g. one entry per document to certify); groups do not nest. */
const GroupFieldSchema = z.strictObject({
  ...base,
  type: z.literal('group'),
  minItems: z.number().int().min(0).default(1),
  maxItems: z.number().int().min(1).max(100).default(20),
  fields: z.array(LeafFieldSchema).min(1),
})

export const FormFieldSchema = z.discriminatedUnion('type', [...LeafFieldSchema.options, GroupFieldSchema])

export const FormSectionSchema = z.strictObject({
  key: FieldKeySchema,
  titleVi: z.string().min(1),
  titleEn: z.string().min(1),
  fields: z.array(FormFieldSchema).min(1),
})

type FieldLike = { key: string; type: string; visibleWhen?: z.infer<typeof VisibleWhenSchema> | undefined }

/** Keys unique within a level, and every condition pointing at an earlier field of the same level. */
function checkLevel(fields: readonly FieldLike[], path: (string | number)[], context: z.RefinementCtx, seen: Set<string>) {
  for (const [index, field] of fields.entries()) {
    if (field.visibleWhen && !seen.has(field.visibleWhen.field)) {
      context.addIssue({
        code: 'custom',
        path: [...path, index, 'visibleWhen', 'field'],
        message: `visibleWhen refers to "${field.visibleWhen.field}", which is not an earlier field of the same level`,
      })
    }
    if (seen.has(field.key)) context.addIssue({ code: 'custom', path: [...path, index, 'key'], message: `duplicate field key ${field.key}` })
    seen.add(field.key)
  }
}

export const FormDefinitionSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    sections: z.array(FormSectionSchema).min(1),
  })
  .superRefine((form, context) => {
    const sectionKeys = new Set<string>()
    const topLevel = new Set<string>()
    const documentKeys = new Set<string>()
    for (const [s, section] of form.sections.entries()) {
      if (sectionKeys.has(section.key)) context.addIssue({ code: 'custom', path: ['sections', s, 'key'], message: `duplicate section ${section.key}` })
      sectionKeys.add(section.key)
      // Keys are unique across the whole form: the submitted data is one flat object of top-level keys.
      checkLevel(section.fields, ['sections', s, 'fields'], context, topLevel)
      for (const [f, field] of section.fields.entries()) {
        if (field.type === 'group') checkLevel(field.fields, ['sections', s, 'fields', f, 'fields'], context, new Set())
        if (field.type === 'file') {
          if (documentKeys.has(field.documentKey)) {
            context.addIssue({ code: 'custom', path: ['sections', s, 'fields', f, 'documentKey'], message: `two slots for ${field.documentKey}` })
          }
          documentKeys.add(field.documentKey)
        }
      }
    }
  })

export type FormOption = z.infer<typeof OptionSchema>
export type LeafField = z.input<typeof LeafFieldSchema>
export type FormField = z.input<typeof FormFieldSchema>
export type FormSection = z.input<typeof FormSectionSchema>
/** As written (defaults may be omitted). */
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>
/** As read back (defaults filled in). */
export type FormDefinition = z.output<typeof FormDefinitionSchema>
