// GET /api/payments/gateway/ipn?vnp_…  — the card/wallet gateway's server-to-server payment notification.
// Answers JSON { RspCode, Message } with status 200, as the gateway expects (it retries on anything but 00/02).
import { NextResponse } from 'next/server'
import { db } from '@/server/db'
import { requestMetaFrom } from '@/server/http/request-meta'
import { handleGatewayIpn } from '@/server/payments/gateway-ipn'
import { gatewaySettings } from '@/server/payments/payment-settings'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  // No gateway configured and no sandbox allowed: nobody may notify payments (the sandbox secret is public).
  if (!gatewaySettings().enabled) return NextResponse.json({ error: 'NOT_FOUND' }, { status: 404 })
  const url = new URL(request.url)
  const params: Record<string, string> = {}
  // A repeated parameter is not something the gateway sends: keep the first, the signature decides.
  for (const [key, value] of url.searchParams) if (!(key in params)) params[key] = value
  const { answer } = await handleGatewayIpn(db(), { params, meta: requestMetaFrom(request.headers) })
  return NextResponse.json(answer, { headers: { 'Cache-Control': 'no-store' } })
}
