'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import type { SandboxDecisionState } from '@/components/payments/sandbox-decision-form'
import { sandboxGatewayEnabled, settleSandboxOrder } from '@/server/payments/sandbox-gateway'

// Server action: the payer approves or declines the sandbox order. The bank's side signs the result, tells the
// merchant server to server (IPN) and sends the payer back to the return URL with the result; when the IPN was
// not taken the payer is shown its answer and a link back.
export async function sandboxDecisionAction(_previous: SandboxDecisionState | null, form: FormData): Promise<SandboxDecisionState | null> {
  const t = await getTranslations('SandboxGateway')
  if (!sandboxGatewayEnabled()) return { kind: 'invalid', message: t('MALFORMED') }
  const params: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(String(form.get('order') ?? ''))) if (!(key in params)) params[key] = value
  const decision = form.get('decision')
  if (decision !== 'APPROVE' && decision !== 'DECLINE') return { kind: 'invalid', message: t('MALFORMED') }
  const settled = await settleSandboxOrder({ params, decision })
  if (!settled.ok) return { kind: 'invalid', message: t(settled.reason) }
  if (settled.ipnAccepted) redirect(settled.returnTo)
  const message = settled.ipnAnswer
    ? t('ipnFailed', { code: settled.ipnAnswer.RspCode, message: settled.ipnAnswer.Message ? ` (${settled.ipnAnswer.Message})` : '' })
    : t('ipnUnreachable')
  return { kind: 'ipnFailed', message, returnTo: settled.returnTo }
}
