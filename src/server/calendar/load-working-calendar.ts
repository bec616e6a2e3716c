import 'server-only'
import type { PrismaClient, Prisma } from '@/generated/prisma/client'
import { buildWorkingCalendar } from '@/domain/calendar/statutory-holidays'
import type { WorkingCalendar } from '@/domain/calendar/working-days'

type Client = PrismaClient | Prisma.TransactionClient

/**
 * The working calendar around `now`: statutory holidays of the previous, current and next two years merged
 * with the administrators' CalendarDay rows (which win on the same date).
 */
export async function loadWorkingCalendar(client: Client, now: Date): Promise<WorkingCalendar> {
  const year = now.getUTCFullYear()
  const rows = await client.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year - 1, 0, 1)), lt: new Date(Date.UTC(year + 3, 0, 1)) } },
    select: { date: true, kind: true, name: true },
  })
  return buildWorkingCalendar({
    years: [year - 1, year, year + 1, year + 2],
    adminExceptions: rows.map((row) => ({ date: row.date.toISOString().slice(0, 10), kind: row.kind, name: row.name })),
  })
}
