import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { SandboxDecisionForm } from '@/components/payments/sandbox-decision-form'
import { Notice } from '@/components/ui/notice'
import { firstSearchParams } from '@/lib/first-search-params'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import { readSandboxOrder, sandboxGatewayEnabled } from '@/server/payments/sandbox-gateway'
import { sandboxDecisionAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('SandboxGateway')
  return { title: t('metaTitle'), robots: { index: false, follow: false } }
}

// The app's own sandbox gateway, playing the bank's side of the card/wallet protocol so the whole payment flow
// runs offline (tests, demo). Only while no real gateway is configured (404 otherwise). An order is shown only
// with our merchant's valid signature and before it expires; otherwise an error and no buttons.
export default async function SandboxGatewayPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!sandboxGatewayEnabled()) notFound()
  const params = firstSearchParams(await searchParams)
  const [t, locale] = await Promise.all([getTranslations('SandboxGateway'), getLocale()])
  const read = readSandboxOrder(params)
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="rounded border-2 border-dashed border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        <p className="font-bold">{t('banner')}</p>
        <p className="mt-1 text-sm">{t('bannerLead')}</p>
      </div>
      <h1 className="mt-6 text-2xl font-bold text-navy-900">{t('title')}</h1>
      {!read.ok ? (
        <div className="mt-6 space-y-4">
          <Notice tone="error" role="alert">
            <h2 className="font-semibold">{t('invalidTitle')}</h2>
            <p className="mt-1">{t(read.reason)}</p>
          </Notice>
          <p>
            <Link href="/" className="font-semibold text-navy-800 underline">
              {t('backHome')}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="don-hang" className="mt-6">
            <h2 id="don-hang" className="text-lg font-semibold text-navy-900">
              {t('order')}
            </h2>
            <dl className="mt-2 divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm">
              {[
                [t('merchant'), t('merchantName', { code: read.order.merchantCode })],
                [t('reference'), <span key="reference" className="font-mono break-all">{read.order.reference}</span>],
                [t('amount'), <span key="amount" className="text-base font-bold">{formatVnd(read.order.amountVnd, locale)}</span>],
                [t('orderInfo'), read.order.orderInfo],
                ...(read.order.expiresAt ? [[t('expiresAt'), formatDateTime(read.order.expiresAt)]] : []),
              ].map(([label, value]) => (
                <div key={String(label)} className="grid grid-cols-1 gap-0.5 px-3 py-2 sm:grid-cols-[10rem_1fr] sm:gap-3">
                  <dt className="font-semibold text-slate-700">{label}</dt>
                  <dd className="min-w-0">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <SandboxDecisionForm
            order={new URLSearchParams(params).toString()}
            action={sandboxDecisionAction}
            labels={{
              card: t('card'),
              cardLead: t('cardLead'),
              bank: t('bank'),
              cardNumber: t('cardNumber'),
              cardHolder: t('cardHolder'),
              issueDate: t('issueDate'),
              approve: t('approve'),
              decline: t('decline'),
              pending: t('pending'),
              invalidTitle: t('invalidTitle'),
              ipnFailedTitle: t('ipnFailedTitle'),
              returnToMerchant: t('returnToMerchant'),
            }}
          />
        </>
      )}
    </div>
  )
}
