import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import { isPasswordResetPayload, PASSWORD_RESET_TEMPLATE, renderPasswordResetMessage } from '@/domain/account/password-reset'
import { AppError } from '@/domain/errors'
import { serverEnv } from '@/server/env'

export type DevMailboxMessage = {
  id: string
  channel: 'EMAIL' | 'SMS' | 'IN_APP'
  recipient: string
  template: string
  /** The text as the recipient would read it. */
  text: string
  status: 'PENDING' | 'SENT' | 'FAILED'
  createdAt: Date
}

export const DEV_MAILBOX_SIZE = 50

/** The text of an outbox message; templates without a renderer show their payload. */
function renderText(template: string, payload: unknown): string {
  if (template === PASSWORD_RESET_TEMPLATE && isPasswordResetPayload(payload)) return renderPasswordResetMessage(payload)
  return JSON.stringify(payload).slice(0, 1000)
}

/**
 * Demo mode only: the latest outbox messages (SMS and e-mail are not really sent in a demo), so a visitor
 * can read the code they asked for. Outside demo mode the mailbox does not exist (NOT_FOUND).
 */
export async function listDevMailbox(
  client: PrismaClient,
  { demoMode = serverEnv().DEMO_MODE, limit = DEV_MAILBOX_SIZE }: { demoMode?: boolean; limit?: number } = {},
): Promise<DevMailboxMessage[]> {
  if (!demoMode) throw new AppError('NOT_FOUND', 'the dev mailbox exists in demo mode only')
  const rows = await client.outboxMessage.findMany({
    where: { channel: { in: ['SMS', 'EMAIL'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, limit), 200),
    select: { id: true, channel: true, recipient: true, template: true, payload: true, status: true, createdAt: true },
  })
  return rows.map(({ payload, ...row }) => ({ ...row, text: renderText(row.template, payload) }))
}
