import { z } from 'zod'
import type { Role } from '../access/roles'

/**
 * The one-stop staff workspace's queues: named, role-aware views over a commune's dossiers. What each queue
 * holds is decided here (pure); server/dossier/list-staff-queue.ts turns it into one indexed SQL query with
 * keyset paging.
 *
 * - new: online submissions waiting at reception (state SUBMITTED);
 * - mine: open dossiers assigned to the viewer;
 * - approval: open dossiers at a step a LEADER acts at (approval, signature);
 * - to_return: results ready to hand back (READY_TO_RETURN);
 * - due_soon: the legal clock runs and the due instant falls within one working day from now;
 * - overdue: the legal clock runs and the due instant has passed;
 * - supplement: waiting for the applicant's supplement (clock paused);
 * - all: every dossier of the commune (for search), finished ones included.
 */
export const STAFF_QUEUES = ['new', 'mine', 'approval', 'to_return', 'due_soon', 'overdue', 'supplement', 'all'] as const
export type StaffQueue = (typeof STAFF_QUEUES)[number]

/** Queues whose dossiers all have a due instant (received), so they can be ordered by it. */
const QUEUES_WITH_DUE: readonly StaffQueue[] = ['mine', 'approval', 'to_return', 'due_soon', 'overdue', 'supplement']

export const QUEUE_SORTS = ['due_asc', 'submitted_asc', 'submitted_desc'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

/** The queue a staff member lands on: the work their role does first. */
export function defaultQueueFor(role: Role): StaffQueue {
  switch (role) {
    case 'SPECIALIST':
      return 'mine'
    case 'LEADER':
      return 'approval'
    default:
      return 'new'
  }
}

export function sortsFor(queue: StaffQueue): readonly QueueSort[] {
  return QUEUES_WITH_DUE.includes(queue) ? QUEUE_SORTS : ['submitted_asc', 'submitted_desc']
}

/** Oldest first where waiting is the problem (reception), soonest due where the clock runs, newest for search. */
export function defaultSortFor(queue: StaffQueue): QueueSort {
  if (queue === 'all') return 'submitted_desc'
  return QUEUES_WITH_DUE.includes(queue) ? 'due_asc' : 'submitted_asc'
}

/** How a search term is matched: a code (or its beginning), a 12-digit citizen ID, a phone number, or a name. */
export type QueueSearch =
  | { kind: 'code'; prefix: string }
  | { kind: 'citizenId'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'digits'; value: string }
  | { kind: 'name'; value: string }

/**
 * Reads what a clerk typed in the search box. Codes look like 16681-261124-0007 (a prefix such as
 * "16681-2611" finds the day's dossiers); twelve digits are a CCCD; a number starting with 0 or +84 of 10
 * digits is a phone; other digits may be the start of a code or an ID; anything else is a name.
 */
export function parseQueueSearch(raw: string | null | undefined): QueueSearch | null {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ')
  if (text === '') return null
  if (/^\d{5}-\d{0,6}(-\d{0,6})?$/.test(text)) return { kind: 'code', prefix: text }
  const compact = text.replace(/[\s.]/g, '')
  if (/^\d{12}$/.test(compact)) return { kind: 'citizenId', value: compact }
  const phone = compact.replace(/^\+84/, '0')
  if (/^0\d{9}$/.test(phone)) return { kind: 'phone', value: phone }
  // The start of an ID number or a phone (6+ digits); fewer digits are the start of a code (a commune code).
  if (/^\d{6,}$/.test(compact)) return { kind: 'digits', value: compact }
  if (/^\d{3,5}$/.test(compact)) return { kind: 'code', prefix: compact }
  return { kind: 'name', value: text.slice(0, 100) }
}

/**
 * The submission period a code prefix pins down: codes are `<commune>-<yyMMdd>-<seq>` numbered by the local
 * day of submission, so "16681-2611" can only be a dossier submitted in November 2026 (local time). Lets the
 * search use the (commune, submittedAt) index instead of reading every code. Null when no date is typed.
 */
export function submissionRangeOfCodePrefix(prefix: string): { from: Date; to: Date } | null {
  const digits = /^\d{5}-(\d{2,6})/.exec(prefix)?.[1]
  if (!digits) return null
  const year = 2000 + Number(digits.slice(0, 2))
  const month = digits.length >= 4 ? Number(digits.slice(2, 4)) : null
  const day = digits.length >= 6 ? Number(digits.slice(4, 6)) : null
  if (month !== null && (month < 1 || month > 12)) return null
  if (day !== null && (day < 1 || day > 31)) return null
  // Local (UTC+7) midnights, computed in UTC.
  const local = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 7 * 3_600_000)
  if (month === null) return { from: local(year, 1, 1), to: local(year + 1, 1, 1) }
  if (day === null) return { from: local(year, month, 1), to: local(year, month + 1, 1) }
  return { from: local(year, month, day), to: local(year, month, day + 1) }
}

/**
 * The smallest digit string greater than every string starting with `prefix` ("0400657" → "0400658",
 * "0499" → "05"), or null when there is none ("999"): lets a prefix search use a plain b-tree range.
 */
export function digitPrefixUpperBound(prefix: string): string | null {
  const digits = prefix.replace(/9+$/, '')
  if (digits === '') return null
  return digits.slice(0, -1) + String(Number(digits.at(-1)) + 1)
}

/**
 * Position after the last row of a page: the sort value and the id (ties broken by id). The value is null
 * when the last row has no due date (such rows sort last).
 */
export type QueueCursor = { value: Date | null; id: string }

const CursorSchema = z.tuple([z.iso.datetime().nullable(), z.uuid()])

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.value?.toISOString() ?? null, cursor.id])).toString('base64url')
}

/** A cursor from the URL; anything malformed means "first page" rather than an error page. */
export function decodeQueueCursor(raw: string | null | undefined): QueueCursor | null {
  if (!raw || raw.length > 200) return null
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')))
    return parsed.success ? { value: parsed.data[0] === null ? null : new Date(parsed.data[0]), id: parsed.data[1] } : null
  } catch {
    return null
  }
}

export const QUEUE_PAGE_SIZES = [20, 50, 100] as const

/** The queue request as the URL carries it, validated: unknown values fall back to defaults. */
export const StaffQueueQuerySchema = z.object({
  queue: z.enum(STAFF_QUEUES).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).optional().catch(undefined),
  procedure: z.uuid().optional().catch(undefined),
  q: z.string().max(120).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
  size: z.coerce.number().int().pipe(z.union(QUEUE_PAGE_SIZES.map((size) => z.literal(size)))).optional().catch(undefined),
})

export type StaffQueueRequest = {
  queue: StaffQueue
  sort: QueueSort
  procedureId: string | null
  search: QueueSearch | null
  searchText: string
  after: QueueCursor | null
  pageSize: number
}

export function resolveStaffQueueRequest(role: Role, query: unknown): StaffQueueRequest {
  const parsed = StaffQueueQuerySchema.safeParse(query)
  const data = parsed.success ? parsed.data : {}
  const queue = data.queue ?? defaultQueueFor(role)
  const sort = data.sort && sortsFor(queue).includes(data.sort) ? data.sort : defaultSortFor(queue)
  return {
    queue,
    sort,
    procedureId: data.procedure ?? null,
    search: parseQueueSearch(data.q),
    searchText: (data.q ?? '').trim(),
    after: decodeQueueCursor(data.after),
    pageSize: data.size ?? QUEUE_PAGE_SIZES[0],
  }
}
