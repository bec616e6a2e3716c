import { availableDocuments } from './available-documents'
import type { DocumentContent } from './document-content'
import type { DocumentForm } from './document-form'
import type { DocumentSnapshot } from './document-snapshot'
import { apologyContent } from './forms/apology'
import { onlineSubmissionContent } from './forms/online-submission'
import { receiptContent } from './forms/receipt'
import { refusalContent } from './forms/refusal'
import { stopNoticeContent } from './forms/stop-notice'
import { supplementRequestContent } from './forms/supplement-request'

const BUILDERS: Record<DocumentForm, (snapshot: DocumentSnapshot) => DocumentContent | null> = {
  'xac-nhan-nop': onlineSubmissionContent,
  'mau-01': receiptContent,
  'mau-02': supplementRequestContent,
  'mau-03': refusalContent,
  'mau-04': apologyContent,
  'mau-05': stopNoticeContent,
}

/** The content of one printout, or null when the dossier does not have that form now (availableDocuments). */
export function buildDocumentContent(form: DocumentForm, snapshot: DocumentSnapshot): DocumentContent | null {
  if (!availableDocuments(snapshot).includes(form)) return null
  return BUILDERS[form](snapshot)
}
