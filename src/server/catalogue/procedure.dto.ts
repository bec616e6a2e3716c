import 'server-only'
import type { Deadline } from '@/domain/procedure/deadline'

/** What the public catalogue shows; plain data, safe to hand to React components. */

export type OnlineLevelView = 'FULL' | 'PARTIAL' | 'NONE'

export type RequiredDocumentView = {
  key: string
  nameVi: string
  nameEn: string
  required: boolean
  copies: number | null
  /** Shown at the desk (xuất trình), not handed in. */
  presentOnly: boolean
}

export type ProcedureSummary = {
  slug: string
  nationalCode: string | null
  field: string
  nameVi: string
  nameEn: string
  /** Integer VND; 0 is free; null when the amount is set elsewhere (see the detail page's fee note). */
  feeVnd: number | null
  /** null when the stored deadline could not be read: the page then says so instead of guessing. */
  deadline: Deadline | null
  onlineLevel: OnlineLevelView
}

export type ProcedureDetail = ProcedureSummary & {
  feeNote: string | null
  deadlineText: string | null
  legalBasis: string | null
  requiredDocuments: RequiredDocumentView[]
  /** Whether a citizen can start this procedure online (toàn trình or một phần). */
  canSubmitOnline: boolean
}

export type FieldCount = { field: string; count: number }
