import { z } from 'zod'

/**
 * A document the applicant brings or uploads (`ProcedureVersion.requiredDocuments`). Each one gets a file
 * slot in the procedure's form (see form-definition.ts, field type `file`).
 */
export const RequiredDocumentSchema = z.strictObject({
  /** Stable key, referenced by the form's file slot and by `Attachment.documentKey`. */
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  nameVi: z.string().min(1),
  nameEn: z.string().min(1),
  required: z.boolean(),
  /** Number of copies to hand in, when the rule states one. */
  copies: z.number().int().positive().nullable().optional(),
  /** Shown, not handed in (xuất trình), e.g. the identity card. */
  presentOnly: z.boolean().optional(),
})

export type RequiredDocument = z.infer<typeof RequiredDocumentSchema>

export const RequiredDocumentListSchema = z.array(RequiredDocumentSchema).superRefine((documents, context) => {
  const seen = new Set<string>()
  for (const [index, document] of documents.entries()) {
    if (seen.has(document.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `duplicate key ${document.key}` })
    seen.add(document.key)
  }
})
