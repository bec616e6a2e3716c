/** Why a file is on a dossier, mirrored from the database enum AttachmentKind (the domain does not import Prisma). */
export const ATTACHMENT_KINDS = [
  /** Uploaded with the application. */
  'APPLICATION',
  /** Uploaded in answer to a supplement request. */
  'SUPPLEMENT',
  /** Result document issued by the commune. */
  'RESULT',
  /** Slips and receipts the system generated (receipt and appointment, refusal, apology…). */
  'SLIP',
] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]
