import { computeDueAt, firstOfficeInstantFrom, type WorkingCalendar } from '@/domain/calendar/working-days'
import type { Deadline } from '@/domain/procedure/deadline'

/**
 * The appointment a citizen can expect for a dossier submitted online at `submittedAt`, before any clerk
 * receives it: the legal time limit runs from receipt, and the desk receives at the earliest in the next
 * office hour (07:30–17:00 of a working day), so the limit is counted from there. An estimate only: the
 * official appointment is the one set at receipt (Mẫu 01), which is later when the desk receives later.
 */
export function expectedAppointment(submittedAt: Date, deadline: Deadline, calendar: WorkingCalendar): Date {
  return computeDueAt(firstOfficeInstantFrom(submittedAt, calendar), deadline, calendar)
}
