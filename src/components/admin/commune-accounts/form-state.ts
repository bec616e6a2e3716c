/**
 * What the collection-account form's server action answers (client-safe: no server imports). Messages are
 * already translated; `values` echoes the fields (tidied by the server) so the form shows them again, and
 * `nonce` changes with every answer so the fields are reset to those values.
 */

export type CollectionAccountValues = { bankBin: string; accountNo: string; accountName: string }

/** The test QR of a typed account, drawn on the server, with its facts already formatted. */
export type CollectionAccountPreviewView = {
  qr: string
  alt: string
  bank: string
  /** Shown when the BIN is not one the system knows. */
  unknownBank?: string
  accountNo: string
  accountName: string
  amount: string
  reference: string
}

export type CollectionAccountFormState = {
  status: 'idle' | 'error' | 'success'
  message?: string
  fieldErrors?: Partial<Record<keyof CollectionAccountValues | '_form', string>>
  values?: CollectionAccountValues
  preview?: CollectionAccountPreviewView
  /** The typed holder name in bank form, offered when the typed one has accents or lower case. */
  suggestedName?: string
  nonce: number
}

export const INITIAL_COLLECTION_ACCOUNT_FORM_STATE: CollectionAccountFormState = { status: 'idle', nonce: 0 }
