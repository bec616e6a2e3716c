import type { Role } from '@/domain/access/roles'
import { formatDate } from '@/lib/format/date'
import { bold, plain, type DocumentBlock, type TextRun } from './document-content'
import type { DocumentSnapshot, SnapshotEvent } from './document-snapshot'
import { communeNames } from './issuing-unit'
import { readSupplementItems, type SupplementItem } from './supplement-items'

/** Pieces the printouts share. */

export const SIGN_NOTE = '(Ký, ghi rõ họ tên)'

/** The one-stop desk of the commune issues the slips handed over the counter (forms 01–03) and the online submission acknowledgement. */
export function deskIssuer(communeName: string): TextRun[] {
  return [plain(`UBND ${communeNames(communeName).upper}`), bold('BỘ PHẬN MỘT CỬA')]
}

/** The commune's People's Committee issues the letters (forms 04, 05). */
export function committeeIssuer(communeName: string): TextRun[] {
  return [bold('ỦY BAN NHÂN DÂN'), bold(communeNames(communeName).upper)]
}

/** "Ủy ban nhân dân phường Thành Vinh", in running text. */
export function committeeName(communeName: string): string {
  return `Ủy ban nhân dân ${communeNames(communeName).inSentence}`
}

export function latestEvent(snapshot: DocumentSnapshot, action: string): SnapshotEvent | null {
  return snapshot.events.findLast((event) => event.action === action) ?? null
}

/** The applicant as the forms list them: name, then whatever identifies and reaches them. */
export function applicantFields(snapshot: DocumentSnapshot): DocumentBlock[] {
  const { name, citizenId, phone, email } = snapshot.applicant
  const fields: DocumentBlock[] = [{ kind: 'field', label: 'Ông/bà', value: name }]
  if (citizenId) fields.push({ kind: 'field', label: 'Số định danh cá nhân', value: citizenId })
  if (phone) fields.push({ kind: 'field', label: 'Số điện thoại', value: phone })
  if (email) fields.push({ kind: 'field', label: 'Thư điện tử', value: email })
  return fields
}

export function requestField(snapshot: DocumentSnapshot): DocumentBlock {
  return { kind: 'field', label: 'Nội dung yêu cầu giải quyết', value: snapshot.procedureName }
}

/** Who signs for a step, by the role that took it (the names come from the history). */
export function signerTitle(role: Role | null): string {
  switch (role) {
    case 'CLERK':
      return 'CÁN BỘ BỘ PHẬN MỘT CỬA'
    case 'SPECIALIST':
      return 'CÁN BỘ XỬ LÝ HỒ SƠ'
    case 'LEADER':
      return 'LÃNH ĐẠO ỦY BAN NHÂN DÂN'
    default:
      return 'BỘ PHẬN MỘT CỬA'
  }
}

/** A reason as the end of a sentence: trimmed, without its own final stop (the form adds one). */
export function asClause(reason: string | null | undefined): string | null {
  const cleaned = reason?.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/[.;。]+$/u, '').trim()
  return cleaned ? cleaned : null
}

export const dateOf = (instant: Date) => formatDate(instant)

/** An ISO instant stored in event data, or null when absent or not a date. */
export function isoInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function dataField(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined
}

export type SupplementSource = { items: SupplementItem[]; reason: string | null; requestedAt: Date; requestedByName: string | null }

/**
 * The latest supplement request: the stored `SupplementRequest` row (with its itemised list) when it is the
 * latest request or the one the latest `request_supplement` event points at; otherwise the event alone (the
 * workflow engine records the request as an event with its reason).
 */
export function latestSupplement(snapshot: DocumentSnapshot): SupplementSource | null {
  const event = latestEvent(snapshot, 'request_supplement')
  const row = snapshot.supplementRequests.at(-1)
  if (row && (!event || dataField(event.data, 'supplementRequestId') === row.id || row.requestedAt.getTime() >= event.occurredAt.getTime())) {
    return { items: readSupplementItems(row.items), reason: row.reason.trim() || event?.reason || null, requestedAt: row.requestedAt, requestedByName: row.requestedByName }
  }
  if (event) return { items: [], reason: event.reason, requestedAt: event.occurredAt, requestedByName: event.actorName }
  return null
}
