import type { AttachmentKind } from './attachment-kind'

/** What a list of a dossier's files shows of each (components/dossier/attachment-list.tsx). */
export type AttachmentListItem = {
  id: string
  fileName: string
  mimeType: string
  sizeBytes: number
  kind: AttachmentKind
  documentKey: string | null
  createdAt: Date
}
