import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { localDateOf } from '@/domain/calendar/working-days'

/** `<commune code>-<yyMMdd>-<sequence, at least 4 digits>`, the day in Vietnam's time (as the seed writes them). */
export function formatDossierCode(communeCode: string, localDate: string, sequence: number): string {
  return `${communeCode}-${localDate.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`
}

/**
 * The next human-readable code of a commune for the local day of `now`: one counter per commune and day
 * (`DossierCodeSequence`), incremented by a single upsert so two submissions at the same instant never get
 * the same number. The counter row stays locked until the caller's transaction ends: a rolled-back
 * submission gives its number back, and codes of committed dossiers have no gaps.
 */
export async function allocateDossierCode(
  tx: Prisma.TransactionClient,
  { communeId, communeCode, now }: { communeId: string; communeCode: string; now: Date },
): Promise<string> {
  const day = localDateOf(now)
  const rows = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "DossierCodeSequence" ("communeId", "day", "lastValue")
    VALUES (${communeId}::uuid, ${day}::date, 1)
    ON CONFLICT ("communeId", "day") DO UPDATE SET "lastValue" = "DossierCodeSequence"."lastValue" + 1
    RETURNING "lastValue"`
  const sequence = rows[0]?.lastValue
  if (typeof sequence !== 'number') throw new Error('the dossier code sequence returned no value')
  return formatDossierCode(communeCode, day, sequence)
}
