import { z } from 'zod'

/**
 * The printouts of a dossier, by URL slug, in the order they come about:
 * - `xac-nhan-nop`: the acknowledgement of an online submission, the citizen's proof of submitting before a
 *   clerk receives the dossier. Not a form of the circular (it has no number): the legal receipt is Mẫu 01.
 * - `mau-01` … `mau-05`: the standard one-stop forms of Appendix I of Circular 03/2025/TT-VPCP. Forms 06
 *   (process control slip) and 07 (log book) are registers kept by the desk, not printouts for one dossier,
 *   so they are not here.
 *
 * Source of the circular's list and titles: data/forms.md of the project's shared research (secondary
 * documents citing the circular, "status: partial"); the text of the circular itself was not available.
 */
export const DOCUMENT_FORMS = ['xac-nhan-nop', 'mau-01', 'mau-02', 'mau-03', 'mau-04', 'mau-05'] as const

export type DocumentForm = (typeof DOCUMENT_FORMS)[number]

export const ZDocumentForm = z.enum(DOCUMENT_FORMS)

/**
 * Form number as printed ("Mẫu số 01"; null for a paper the circular does not number) and title, in
 * Vietnamese only: the forms are official papers.
 */
export const DOCUMENT_FORM_TITLES: Record<DocumentForm, { number: string | null; title: string }> = {
  'xac-nhan-nop': { number: null, title: 'PHIẾU XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN' },
  'mau-01': { number: 'Mẫu số 01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' },
  'mau-02': { number: 'Mẫu số 02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ' },
  'mau-03': { number: 'Mẫu số 03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ' },
  'mau-04': { number: 'Mẫu số 04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
  'mau-05': { number: 'Mẫu số 05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ' },
}

/** File name of a printout, ASCII only (safe in a Content-Disposition header): mau-01-16681-261124-0007.pdf. */
export function documentFileName(form: DocumentForm, dossierCode: string): string {
  const code = dossierCode.replace(/[^A-Za-z0-9-]/g, '')
  return `${form}-${code || 'ho-so'}.pdf`
}
