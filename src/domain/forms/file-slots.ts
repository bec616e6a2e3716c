/**
 * The file slots of a form definition: every `file` field, at the top level or inside a repeatable group,
 * described for the upload endpoint (which slot a file may join, which types and how many) and for the
 * upload control (labels, hints). Also the rule that decides whether files may join a slot of a draft.
 *
 * A slot is addressed by its `documentKey` (the required document it answers, stored on
 * `Attachment.documentKey`). The definition's own check (form-definition.ts) keeps documentKeys unique
 * among top-level slots; should a group's slot repeat one, the lookup answers the first slot in form order.
 */
import { ACCEPTED_MIME_TYPES, EXTENSIONS_BY_TYPE, type AcceptedMimeType } from '../attachments/file-type'
import type { FormDefinition } from './form-definition'

type Field = FormDefinition['sections'][number]['fields'][number]
type FileField = Extract<Field, { type: 'file' }>

export type FileSlot = {
  /** The field's key (within its group for a slot inside a group). */
  key: string
  /** Where the field's value sits in the submitted data: `tep1`, or `giayTo.*.banScan` inside a group. */
  path: string
  sectionKey: string
  documentKey: string
  labelVi: string
  labelEn: string
  helpVi: string | null
  helpEn: string | null
  required: boolean
  /** Files per answer: per form for a top-level slot, per entry for a slot inside a group. */
  maxFiles: number
  /**
   * The types this slot takes that the system can recognise by content (domain/attachments/file-type.ts),
   * read from the definition's `accept` (MIME types, `image/*`, or extensions such as `.pdf`), in the
   * order of ACCEPTED_MIME_TYPES. Empty when the definition names only types the system cannot detect.
   */
  accept: AcceptedMimeType[]
  /** The repeatable group the slot belongs to, or null at the top level. */
  group: { key: string; labelVi: string; labelEn: string; maxItems: number } | null
  /** The most files of this slot one draft may hold: maxFiles, times the group's maxItems inside a group. */
  maxFilesPerDraft: number
}

function acceptsType(accept: readonly string[], type: AcceptedMimeType): boolean {
  return accept.some((entry) => {
    const value = entry.trim().toLowerCase()
    if (value === type || value === '*/*' || value === '*') return true
    if (value.endsWith('/*')) return type.startsWith(value.slice(0, -1))
    if (value.startsWith('.')) return EXTENSIONS_BY_TYPE[type].includes(value.slice(1))
    return false
  })
}

/** The detectable types an `accept` list admits (see FileSlot.accept). */
export function acceptedTypesOf(accept: readonly string[]): AcceptedMimeType[] {
  return ACCEPTED_MIME_TYPES.filter((type) => acceptsType(accept, type))
}

function slotOf(field: FileField, sectionKey: string, group: FileSlot['group']): FileSlot {
  return {
    key: field.key,
    path: group ? `${group.key}.*.${field.key}` : field.key,
    sectionKey,
    documentKey: field.documentKey,
    labelVi: field.labelVi,
    labelEn: field.labelEn,
    helpVi: field.helpVi ?? null,
    helpEn: field.helpEn ?? null,
    required: field.required,
    maxFiles: field.maxFiles,
    accept: acceptedTypesOf(field.accept),
    group,
    maxFilesPerDraft: field.maxFiles * (group?.maxItems ?? 1),
  }
}

/** Every file slot of the form, in form order (a group's slots where the group stands). */
export function fileSlotsOf(definition: FormDefinition): FileSlot[] {
  const slots: FileSlot[] = []
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (field.type === 'file') slots.push(slotOf(field, section.key, null))
      if (field.type === 'group') {
        const group = { key: field.key, labelVi: field.labelVi, labelEn: field.labelEn, maxItems: field.maxItems }
        for (const inner of field.fields) if (inner.type === 'file') slots.push(slotOf(inner, section.key, group))
      }
    }
  }
  return slots
}

/** The slot answering a required document, or null when the form has none for it. */
export function fileSlotByDocumentKey(definition: FormDefinition, documentKey: string): FileSlot | null {
  return fileSlotsOf(definition).find((slot) => slot.documentKey === documentKey) ?? null
}

/**
 * Why files cannot join a slot (beside the general upload checks of domain/attachments/validate-uploads.ts):
 * - `NO_FILES`: the request carried no file;
 * - `UNKNOWN_SLOT`: the form has no slot for that document;
 * - `TYPE_NOT_ACCEPTED`: the file's content is a type the system accepts, but not one this slot takes
 *   (e.g. a PNG named ".pdf" for a slot that takes PDF only);
 * - `SLOT_FULL`: the slot would hold more than its maxFilesPerDraft files.
 */
export const SLOT_ERROR_CODES = ['NO_FILES', 'UNKNOWN_SLOT', 'TYPE_NOT_ACCEPTED', 'SLOT_FULL'] as const
export type SlotErrorCode = (typeof SLOT_ERROR_CODES)[number]

/** In the shape of AppError's `fieldErrors`, like validateUploads: `files` for all, `files.<index>` by file. */
export type SlotFieldErrors = { files: SlotErrorCode[] } & Record<`files.${number}`, SlotErrorCode[]>

/**
 * Whether these files (types as detected from their content, null when none is recognised — that is
 * validateUploads' FILE_TYPE) may join the slot, which already holds `filesInSlot` files of the draft.
 */
export function checkSlotUpload(slot: FileSlot | null, { filesInSlot, files }: { filesInSlot: number; files: readonly { mimeType: AcceptedMimeType | null }[] }): SlotFieldErrors | null {
  if (files.length === 0) return { files: ['NO_FILES'] }
  if (!slot) return { files: ['UNKNOWN_SLOT'] }
  const all = new Set<SlotErrorCode>()
  const byFile: Record<string, SlotErrorCode[]> = {}
  if (filesInSlot + files.length > slot.maxFilesPerDraft) all.add('SLOT_FULL')
  files.forEach((file, index) => {
    if (file.mimeType !== null && !slot.accept.includes(file.mimeType)) {
      byFile[`files.${index}`] = ['TYPE_NOT_ACCEPTED']
      all.add('TYPE_NOT_ACCEPTED')
    }
  })
  if (all.size === 0) return null
  return { ...byFile, files: SLOT_ERROR_CODES.filter((code) => all.has(code)) }
}
