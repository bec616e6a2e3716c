import type { DocumentForm } from './document-form'

/** Text styles a renderer must provide (regular, bold, italic of one serif family). */
export type TextStyle = 'regular' | 'bold' | 'italic'

/** A piece of text in one style; a paragraph is a list of runs wrapped together. */
export type TextRun = { text: string; style: TextStyle }

export type TableColumn = {
  header: string
  /** Share of the table's width (the shares of a table add up to 1). */
  width: number
  align: 'left' | 'center'
}

/** The body of a printout, top to bottom. */
export type DocumentBlock =
  /** Wrapped text; `indent` starts the first line further in, as Vietnamese administrative texts do. */
  | { kind: 'paragraph'; runs: TextRun[]; indent?: boolean; align?: 'left' | 'center' }
  /** "Label: value" with the value in bold, wrapped. */
  | { kind: 'field'; label: string; value: string }
  /** Numbered lines ("1. …"), each wrapped under its number. */
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] }

export type Signature = {
  /** Upper-case title ("NGƯỜI TIẾP NHẬN HỒ SƠ"). */
  title: string
  /** Italic note under the title ("(Ký, ghi rõ họ tên)"). */
  note: string
  /** Printed under the space for the signature; null leaves the space to be filled in by hand. */
  name: string | null
}

/**
 * The content of one printout, independent of how it is drawn (src/server/documents renders it as PDF).
 * Layout follows the usual shape of Vietnamese administrative papers (Decree 30/2020/NĐ-CP): issuing unit
 * top left, national motto top right, place and date under the motto, title centred, body, signatures.
 */
export type DocumentContent = {
  /** A dossier's form, or `bien-lai`: the fee receipt of a payment (src/domain/payments/receipt-content.ts). */
  form: DocumentForm | 'bien-lai'
  /** "Mẫu số 01"; null for a paper the circular does not number (the online submission acknowledgement). */
  formNumber: string | null
  /** Top left, centred, one line per run: the superior body (regular) above the issuing unit (bold). */
  issuer: TextRun[]
  /** "Thành Vinh, ngày 24 tháng 11 năm 2026" */
  placeAndDate: string
  title: string
  /** Lines centred under the title, above the dossier code ("(Biên lai điện tử)", "Số: …"). */
  subtitle?: TextRun[][]
  /** The dossier code, printed under the title; `qr` also prints it as a QR code. */
  dossierCode: string
  qr: boolean
  /** What the QR code holds instead of the dossier code (a receipt's verification URL). */
  qrValue?: string
  /** Prints the code large on a line of its own, for a paper whose point is to hand over the code. */
  prominentCode?: boolean
  blocks: DocumentBlock[]
  /** One signature is placed on the right; two side by side (left, right). */
  signatures: Signature[]
}

export const NATIONAL_MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const

export const plain = (text: string): TextRun => ({ text, style: 'regular' })
export const bold = (text: string): TextRun => ({ text, style: 'bold' })
export const italic = (text: string): TextRun => ({ text, style: 'italic' })
