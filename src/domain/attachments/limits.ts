/** The one place the attachment limits are set; validation, error messages and the upload forms read them. */
export const ATTACHMENT_LIMITS = {
  /** Per file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** All files of one dossier (or draft) together, including those uploaded before. */
  maxDossierBytes: 50 * 1024 * 1024,
  /** Files in one upload. */
  maxFilesPerUpload: 20,
  /** Stored original names are cut to this many characters. */
  maxFileNameLength: 200,
} as const

/** For messages: "10 MB". */
export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024))
