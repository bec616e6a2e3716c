import { describe, expect, it } from 'vitest'
import { buildCatalogue } from '../../../prisma/seed/procedure-catalogue'
import { defaultFormDefinition } from './default-forms'
import { acceptedTypesOf, checkSlotUpload, fileSlotByDocumentKey, fileSlotsOf, type FileSlot } from './file-slots'
import { FormDefinitionSchema, type FormDefinitionInput } from './form-definition'

const WITH_GROUP: FormDefinitionInput = {
  schemaVersion: 1,
  sections: [
    {
      key: 'chung',
      titleVi: 'Chung',
      titleEn: 'General',
      fields: [
        { key: 'hoTen', type: 'text', labelVi: 'Họ tên', labelEn: 'Name', required: true },
        { key: 'toKhai', type: 'file', labelVi: 'Tờ khai', labelEn: 'Declaration', documentKey: 'to-khai', required: true, maxFiles: 1, accept: ['application/pdf'], helpVi: 'Bản có chữ ký', helpEn: 'Signed copy' },
      ],
    },
    {
      key: 'banSao',
      titleVi: 'Bản sao',
      titleEn: 'Copies',
      fields: [
        {
          key: 'giayTo',
          type: 'group',
          labelVi: 'Giấy tờ',
          labelEn: 'Document',
          maxItems: 4,
          fields: [
            { key: 'tenGiayTo', type: 'text', labelVi: 'Tên', labelEn: 'Name' },
            { key: 'banScan', type: 'file', labelVi: 'Bản chụp', labelEn: 'Scan', documentKey: 'ban-chinh', maxFiles: 3, accept: ['image/*'] },
          ],
        },
        { key: 'anh', type: 'file', labelVi: 'Ảnh', labelEn: 'Photo', documentKey: 'anh', accept: ['.jpg', '.PNG'] },
      ],
    },
  ],
}

describe('fileSlotsOf', () => {
  const definition = FormDefinitionSchema.parse(WITH_GROUP)

  it('lists every file field in form order, inside groups too, with what the upload needs', () => {
    const slots = fileSlotsOf(definition)
    expect(slots.map((slot) => [slot.path, slot.documentKey])).toEqual([
      ['toKhai', 'to-khai'],
      ['giayTo.*.banScan', 'ban-chinh'],
      ['anh', 'anh'],
    ])
    expect(slots[0]).toEqual<FileSlot>({
      key: 'toKhai',
      path: 'toKhai',
      sectionKey: 'chung',
      documentKey: 'to-khai',
      labelVi: 'Tờ khai',
      labelEn: 'Declaration',
      helpVi: 'Bản có chữ ký',
      helpEn: 'Signed copy',
      required: true,
      maxFiles: 1,
      accept: ['application/pdf'],
      group: null,
      maxFilesPerDraft: 1,
    })
  })

  it('counts a group slot’s files per entry, and allows a draft that many times the group’s entries', () => {
    const slot = fileSlotByDocumentKey(definition, 'ban-chinh')!
    expect(slot).toMatchObject({ key: 'banScan', sectionKey: 'banSao', required: false, maxFiles: 3, group: { key: 'giayTo', labelVi: 'Giấy tờ', labelEn: 'Document', maxItems: 4 }, maxFilesPerDraft: 12 })
    expect(slot.accept).toEqual(['image/jpeg', 'image/png'])
  })

  it('reads defaults: one file of PDF, JPEG or PNG', () => {
    const form = FormDefinitionSchema.parse({
      schemaVersion: 1,
      sections: [{ key: 's', titleVi: 'S', titleEn: 'S', fields: [{ key: 'tep', type: 'file', labelVi: 'Tệp', labelEn: 'File', documentKey: 'tep' }] }],
    })
    expect(fileSlotByDocumentKey(form, 'tep')).toMatchObject({ maxFiles: 1, maxFilesPerDraft: 1, required: false, accept: ['application/pdf', 'image/jpeg', 'image/png'], helpVi: null })
  })

  it('answers null for a document the form has no slot for, and an empty list for a form without slots', () => {
    expect(fileSlotByDocumentKey(definition, 'khong-co')).toBeNull()
    expect(fileSlotByDocumentKey(definition, 'hoTen')).toBeNull()
    expect(fileSlotsOf(defaultFormDefinition('generic', []))).toEqual([])
  })

  it('gives every seeded procedure one slot per document handed in, none for documents only shown', () => {
    for (const entry of buildCatalogue()) {
      const expected = entry.requiredDocuments.filter((document) => !document.presentOnly).map((document) => document.key)
      const slots = fileSlotsOf(entry.formDefinition)
      expect(slots.map((slot) => slot.documentKey), entry.slug).toEqual(expected)
      for (const slot of slots) expect(slot.accept.length, `${entry.slug} ${slot.documentKey}`).toBeGreaterThan(0)
    }
  })
})

describe('acceptedTypesOf', () => {
  it('reads MIME types, wildcards and extensions, and keeps only the types recognised by content', () => {
    expect(acceptedTypesOf(['application/pdf'])).toEqual(['application/pdf'])
    expect(acceptedTypesOf(['image/*'])).toEqual(['image/jpeg', 'image/png'])
    expect(acceptedTypesOf(['.jpeg', '.pdf'])).toEqual(['application/pdf', 'image/jpeg'])
    expect(acceptedTypesOf([' IMAGE/PNG '])).toEqual(['image/png'])
    expect(acceptedTypesOf(['*/*'])).toEqual(['application/pdf', 'image/jpeg', 'image/png'])
    expect(acceptedTypesOf(['application/msword', '.docx', 'text/*'])).toEqual([])
  })
})

describe('checkSlotUpload', () => {
  const definition = FormDefinitionSchema.parse(WITH_GROUP)
  const pdfOnly = fileSlotByDocumentKey(definition, 'to-khai')!
  const images = fileSlotByDocumentKey(definition, 'ban-chinh')!
  const pdf = { mimeType: 'application/pdf' as const }
  const png = { mimeType: 'image/png' as const }

  it('lets files of the slot’s types join while it has room', () => {
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 0, files: [pdf] })).toBeNull()
    expect(checkSlotUpload(images, { filesInSlot: 10, files: [png, png] })).toBeNull()
  })

  it('refuses a type the slot does not take, naming the file', () => {
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 0, files: [png] })).toEqual({ files: ['TYPE_NOT_ACCEPTED'], 'files.0': ['TYPE_NOT_ACCEPTED'] })
    expect(checkSlotUpload(images, { filesInSlot: 0, files: [png, pdf] })).toEqual({ files: ['TYPE_NOT_ACCEPTED'], 'files.1': ['TYPE_NOT_ACCEPTED'] })
  })

  it('leaves unrecognised content to the general check (FILE_TYPE)', () => {
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 0, files: [{ mimeType: null }] })).toBeNull()
  })

  it('refuses more files than the slot holds, counting those already there', () => {
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 1, files: [pdf] })).toEqual({ files: ['SLOT_FULL'] })
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 0, files: [pdf, pdf] })).toEqual({ files: ['SLOT_FULL'] })
    expect(checkSlotUpload(images, { filesInSlot: 11, files: [png, png] })).toEqual({ files: ['SLOT_FULL'] })
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 1, files: [png] })).toEqual({ files: ['TYPE_NOT_ACCEPTED', 'SLOT_FULL'], 'files.0': ['TYPE_NOT_ACCEPTED'] })
  })

  it('refuses an unknown slot and an empty request', () => {
    expect(checkSlotUpload(null, { filesInSlot: 0, files: [pdf] })).toEqual({ files: ['UNKNOWN_SLOT'] })
    expect(checkSlotUpload(pdfOnly, { filesInSlot: 0, files: [] })).toEqual({ files: ['NO_FILES'] })
  })
})
