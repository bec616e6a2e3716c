import { z } from 'zod'
import { NAPAS_BANKS } from './napas-banks'
import { buildVietQrPayload } from './vietqr'

/**
 * A commune's collection account: the bank account citizens pay fees into by VietQR transfer (Commune
 * `collectionBankBin`, `collectionAccountNo`, `collectionAccountName`). Pure rules for the administration
 * form and its use-case: validation (each message is an error code, a key of `AdminCommunes.errors`), the
 * holder name as banking apps print it, demo accounts, and the test QR an administrator scans to check
 * the account before saving it.
 */

/** Banking apps show holder names in at most 50 characters. */
export const ACCOUNT_NAME_MAX = 50
/** As in a VietQR payload (vietqr.ts `ZVietQrTransfer`). */
export const ACCOUNT_NO_MAX = 19

/** The seed's placeholder accounts ("DEMO16681", prisma/seed/seed-reference.ts) start with this. */
export const DEMO_ACCOUNT_PREFIX = 'DEMO'

/** Upper-case ASCII letters, digits, spaces and . , ( ) - : what banks keep of a holder's name. */
const ACCOUNT_NAME_PATTERN = /^[A-Z0-9 .,()-]+$/

export type CollectionAccount = { bankBin: string; accountNo: string; accountName: string }

export function isDemoCollectionAccount(accountNo: string | null | undefined): boolean {
  return typeof accountNo === 'string' && accountNo.toUpperCase().startsWith(DEMO_ACCOUNT_PREFIX)
}

/** A real account, a seed placeholder ("DEMO…"), or none (no BIN or no number: no transfer possible). */
export const COLLECTION_ACCOUNT_STATES = ['real', 'demo', 'missing'] as const
export type CollectionAccountState = (typeof COLLECTION_ACCOUNT_STATES)[number]

export function collectionAccountState(account: { bankBin: string | null; accountNo: string | null }): CollectionAccountState {
  if (!account.bankBin || !account.accountNo) return 'missing'
  return isDemoCollectionAccount(account.accountNo) ? 'demo' : 'real'
}

/** Whether the BIN is one of the banks napas-banks.ts names (any 6-digit BIN is accepted all the same). */
export function isKnownBankBin(bin: string): boolean {
  return Object.hasOwn(NAPAS_BANKS, bin)
}

const DASHES = /[\u2010-\u2015\u2212]/g

/**
 * A typed name as banking apps show it: Vietnamese letters without their marks (đ → D), upper case, any
 * other character that banks drop as a space, spaces collapsed. "Ủy ban nhân dân phường Thành Vinh" →
 * "UY BAN NHAN DAN PHUONG THANH VINH". Never shortens: a name that is still too long stays too long, for
 * the administrator to abbreviate as the bank does (e.g. "UBND").
 */
export function toBankAccountName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .replace(DASHES, '-')
    .toUpperCase()
    .replace(/[^A-Z0-9 .,()-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const ZBankBin = z.string({ error: 'bankBinRequired' }).trim().min(1, { error: 'bankBinRequired', abort: true }).regex(/^\d{6}$/, 'bankBinFormat')

/** Spaces typed between groups of digits ("1234 5678 9012") are not part of the number. */
const ZAccountNo = z
  .string({ error: 'accountNoRequired' })
  .transform((value) => value.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, { error: 'accountNoRequired', abort: true })
      .max(ACCOUNT_NO_MAX, { error: 'accountNoTooLong', abort: true })
      .regex(/^[A-Za-z0-9]+$/, 'accountNoFormat')
      .refine((value) => !isDemoCollectionAccount(value), 'accountNoDemo'),
  )

const ZAccountName = z
  .string({ error: 'accountNameRequired' })
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'accountNameRequired', abort: true })
      .max(ACCOUNT_NAME_MAX, { error: 'accountNameTooLong', abort: true })
      .regex(ACCOUNT_NAME_PATTERN, 'accountNameFormat'),
  )

/** A complete account: all three fields, each valid. */
export const ZCollectionAccount = z.object({ bankBin: ZBankBin, accountNo: ZAccountNo, accountName: ZAccountName })

/**
 * What the form may set: a complete account, or null when all three fields are left blank (the commune
 * then has no collection account, and citizens cannot pay it by transfer). One or two blank fields are
 * errors on those fields.
 */
export const ZCollectionAccountChange = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null) return value
  const fields = value as Record<string, unknown>
  return blank(fields.bankBin) && blank(fields.accountNo) && blank(fields.accountName) ? null : value
}, ZCollectionAccount.nullable())

/** The test transfer of the preview QR: a small amount and a reference no real payment ever carries. */
export const TEST_TRANSFER_AMOUNT_VND = 10_000
export const TEST_TRANSFER_REFERENCE = 'MOTCUA KIEM TRA'

/**
 * The VietQR payload of a test transfer to the account. Scanning it in a banking app shows the bank's own
 * record of the holder's name for that number, before anything is paid: the check that the account is right.
 */
export function testTransferPayload(account: Pick<CollectionAccount, 'bankBin' | 'accountNo'>): string {
  return buildVietQrPayload({
    bankBin: account.bankBin,
    accountNumber: account.accountNo,
    amount: TEST_TRANSFER_AMOUNT_VND,
    reference: TEST_TRANSFER_REFERENCE,
  })
}
