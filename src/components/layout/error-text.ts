/**
 * The texts of the error page (app/error.tsx), translated on the server by the root layout and handed to the
 * client through ErrorTextProvider. A client error boundary cannot call the server, and next-intl's client
 * runtime (ICU message formatting) would cost every page about 12 KB of compressed JavaScript for these five
 * sentences. A plain module (not 'use client'), so the layout reads the real constant, not a client reference.
 */
export type ErrorText = {
  title: string
  body: string
  /** Contains {@link DIGEST_SLOT} where the error's reference goes. */
  reference: string
  retry: string
  home: string
}

/** Passed as the message's `digest` argument on the server, replaced by the real digest on the client. */
export const DIGEST_SLOT = '{digest}'

export const referenceText = (text: ErrorText, digest: string) => text.reference.replace(DIGEST_SLOT, digest)
