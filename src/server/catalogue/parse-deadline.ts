import 'server-only'
import { type Deadline, DeadlineSchema } from '@/domain/procedure/deadline'

/** Reads `ProcedureVersion.deadline` (JSON); null when it is not a valid deadline, so pages never guess. */
export function parseDeadline(value: unknown): Deadline | null {
  const parsed = DeadlineSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
